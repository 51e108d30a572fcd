"""Plain processes sharing one job and one account limit: a slice each, the same job_id.

    python distributed_workers.py --worker 0 --workers 4 --redis redis://redis.internal:6379/0

Run without arguments, it plays the story offline: a throw-away redis-server, FakeSent with an
account limit, three worker processes, one of them killed mid-job with SIGKILL and then
started again; every recipient gets exactly one message. Without redis-server it says so.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any

from _redis_server import redis_socket  # a throw-away redis-server

from sent_async import AsyncSent, RateLimit
from sent_async.distributed import RedisCheckpoint, RedisRateLimit
from sent_async.testing import FakeSent

JOB_ID = "closure-2026-11-28"


def load_rows() -> list[dict[str, str]]:
    """The job's input: the same rows, in the same order, on every worker."""
    return [{"id": f"cust-{n}", "phone": f"+1415555{n:04d}"} for n in range(60)]


async def send_notice(sent: AsyncSent, row: dict[str, str], key: str) -> Any:
    return await sent.messages.send(to=row["phone"], text="Closed on Friday", idempotency_key=key)


# --8<-- [start:worker]
def my_slice(rows: Iterable[dict[str, str]], worker: int, workers: int) -> Iterator[dict[str, str]]:
    """Every worker reads the same input and keeps every ``workers``-th row."""
    for index, row in enumerate(rows):
        if index % workers == worker:
            yield row


async def run_worker(worker: int, workers: int, redis_url: str, per_minute: float) -> None:
    limit = RedisRateLimit(redis_url, account="acme-prod", per_minute=per_minute)
    async with AsyncSent() as sent, RedisCheckpoint(redis_url, namespace=JOB_ID) as checkpoint:
        report = await sent.bulk.run(
            my_slice(load_rows(), worker, workers),
            send_notice,
            key=lambda row, _: f"{JOB_ID}-{row['id']}",  # the same key whoever sends the row
            rate_limit=limit,  # one rate for every worker naming "acme-prod"
            checkpoint=checkpoint,  # a re-run skips the rows Sent already accepted
            concurrency=8,
        )
    print(f"worker {worker}: {report.summary()}", file=sys.stderr)
    sys.exit(0 if report.ok else 1)  # a failed or killed worker is simply started again
    # --8<-- [end:worker]


def start(worker: int, workers: int, redis_url: str, fake: FakeSent) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SENT_DM_API_KEY": fake.api_key, "SENT_BASE_URL": fake.base_url}
    args = ["--worker", str(worker), "--workers", str(workers), "--redis", redis_url]
    return subprocess.Popen(  # noqa: S603 (our own interpreter and file)
        [sys.executable, __file__, *args, "--per-minute", "1800"], env=env
    )


def kill_mid_job(proc: subprocess.Popen[bytes], fake: FakeSent, phones: set[str]) -> None:
    """SIGKILL ``proc`` once a few of its rows were sent (or after 20 s)."""
    give_up = time.monotonic() + 20
    while len(phones & set(fake.stats.per_recipient)) < 4 and time.monotonic() < give_up:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def demo(redis_url: str) -> None:
    with FakeSent(rate_limit=RateLimit(per_second=30, burst=5)) as fake:
        workers = [start(n, 3, redis_url, fake) for n in range(3)]
        first_slice = {row["phone"] for row in my_slice(load_rows(), 0, 3)}
        kill_mid_job(workers[0], fake, first_slice)
        assert all(w.wait(60) == 0 for w in workers[1:])
        assert start(0, 3, redis_url, fake).wait(60) == 0  # worker 0 again: same arguments
        counts = fake.stats.per_recipient
        assert len(counts) == len(load_rows())  # every recipient got the notice...
        assert max(counts.values()) == 1  # ...exactly once
        print(f"{len(counts)} recipients, each messaged once, though a worker was killed")


def with_redis() -> None:
    with redis_socket() as sock:
        if sock is not None:
            demo(f"unix://{sock}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", type=int)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--redis", default="redis://localhost:6379/0")
    parser.add_argument("--per-minute", type=float, default=300)  # the account's plan
    args = parser.parse_args()
    if args.worker is None:
        with_redis()
    else:
        asyncio.run(run_worker(args.worker, args.workers, args.redis, args.per_minute))
