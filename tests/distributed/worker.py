"""A worker process for the distributed tests: one bulk job under a shared RedisRateLimit.

Usage: worker.py BASE_URL REDIS_URL ACCOUNT RATE COUNT JOB_ID. It prints "ready", waits for a
line on stdin (so every worker starts together), runs the job, and prints as JSON its counts
and the times (CLOCK_MONOTONIC, system-wide on Linux) at which its calls were released.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from sent_async import AsyncSent, RetryPolicy
from sent_async.distributed import RedisRateLimit

PHONE = "+14155550123"


async def main(
    base_url: str, redis_url: str, account: str, rate: str, count: str, job: str
) -> None:
    limit = RedisRateLimit(redis_url, account=account, per_second=float(rate), unavailable_after=2)
    # No transport retries: a 429 reaches the job (and through it, the fleet).
    retry = RetryPolicy(initial_delay=0.01, max_delay=0.05, max_retries=0)
    async with AsyncSent("sk_test_worker_key", base_url=base_url, retry=retry) as sent:
        # Open the connection first: its set-up time is not the pacer's to hide.
        await sent.messages.send(to=PHONE, text="warm", idempotency_key=f"warm-{job}")
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        released: list[float] = []

        async def send(client: AsyncSent, phone: str, key: str) -> object:
            released.append(time.monotonic())  # when the shared pacer let this call go
            return await client.messages.send(to=phone, text="hi", idempotency_key=key)

        report = await sent.bulk.run(
            [PHONE] * int(count), send, rate_limit=limit, job_id=job, concurrency=8
        )
    summary = {"succeeded": report.succeeded, "failed": report.failed, "released": released}
    print(json.dumps({**summary, "pauses": report.rate_limit_pauses}), flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:7]))
