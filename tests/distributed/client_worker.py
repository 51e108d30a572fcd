"""A worker process for the client-limit tests: plain sends (no bulk) under AsyncSent(rate_limit=).

Usage: client_worker.py BASE_URL API_KEY REDIS_URL ACCOUNT RATE COUNT NAME. It prints "ready"
once connected, waits for a line on stdin (so every worker starts together), sends COUNT
messages from 8 tasks with ``sent.messages.send``, and prints as JSON how many succeeded and
how many ended in a 429 (no transport retries, so none is hidden).
"""

from __future__ import annotations

import asyncio
import json
import sys

from sent_async import AsyncSent, RateLimitError, RetryPolicy
from sent_async.distributed import RedisRateLimit

PHONE = "+14155550123"
TASKS = 8


async def main(
    base_url: str, api_key: str, redis_url: str, account: str, rate: str, count: str, name: str
) -> None:
    limit = RedisRateLimit(redis_url, account=account, per_second=float(rate), unavailable_after=2)
    retry = RetryPolicy(initial_delay=0.01, max_delay=0.05, max_retries=0)
    totals = {"succeeded": 0, "rate_limited": 0}
    async with AsyncSent(api_key, base_url=base_url, retry=retry, rate_limit=limit) as sent:
        await sent.me.get()  # opens the connection (standard tier: no message slot spent)
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)

        async def sender(task: int) -> None:
            for i in range(task, int(count), TASKS):
                try:
                    await sent.messages.send(to=PHONE, text="hi", idempotency_key=f"{name}-{i}")
                    totals["succeeded"] += 1
                except RateLimitError:
                    totals["rate_limited"] += 1

        await asyncio.gather(*(sender(t) for t in range(TASKS)))
    print(json.dumps(totals), flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:8]))
