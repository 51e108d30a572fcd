"""A bulk job on taskiq: time-boxed shards under one shared limit (``sent-sdk[taskiq]``).

In production, the ``tasks`` section is your broker module (``taskiq worker tasks:broker``) and
the app calls ``enqueue``. Run as a script, one worker runs in this process
(``run_receiver_task``) against FakeSent and a throw-away redis-server (Debian's package);
without redis-server installed it says so and stops.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from _redis_server import redis_socket  # a throw-away redis-server
from taskiq.api import run_receiver_task
from taskiq_redis import RedisStreamBroker

from sent_async import AsyncSent
from sent_async.contrib.taskiq import SendTask, enqueue, job_report, make_send_task, stream_broker
from sent_async.testing import FakeSent

ROWS = [{"to": f"+1415555{n:04d}", "text": "We are closed on Friday"} for n in range(8)]


def tasks(redis_url: str, fake: FakeSent) -> tuple[RedisStreamBroker, SendTask]:
    # --8<-- [start:tasks]
    # The Redis Streams broker, reading one message at a time; redelivery after 9 min idle.
    broker = stream_broker(redis_url)  # e.g. "redis://redis.internal:6379/0"

    def client() -> AsyncSent:  # called once in each worker process, at its startup
        return AsyncSent(fake.api_key, base_url=fake.base_url)  # in production: your key

    send = make_send_task(
        broker,
        client_factory=client,
        redis_url=redis_url,  # the shared limit, the checkpoints and the job's tally
        account="acme-prod",  # a label for the Sent account: never the API key itself
        per_minute=300,  # the account's whole limit, shared by every worker process
        time_box=120,  # a shard stops starting items after 120 s; the rest is re-enqueued
    )
    # --8<-- [end:tasks]
    return broker, send


async def produce(send: SendTask, rows: list[dict[str, Any]]) -> None:
    # --8<-- [start:enqueue]
    job = await enqueue(send, rows, job_id="closure-2026-11-29", size=500)
    print(f"{job.items} items in {job.shards} shards")
    # ... later, from anywhere that reaches the Redis:
    report = await job_report(send, "closure-2026-11-29")
    while report["pending"]:  # queued or running
        await asyncio.sleep(1)
        report = await job_report(send, "closure-2026-11-29")
    print(report)
    # {'total': 8, 'done': 8, 'failed': 0, 'interrupted': 0, 'skipped': 0, 'pending': 0, ...}
    # --8<-- [end:enqueue]


async def run(redis_url: str) -> None:
    async with FakeSent() as fake:
        broker, send = tasks(redis_url, fake)
        worker = asyncio.create_task(run_receiver_task(broker, run_startup=True))
        try:
            await asyncio.wait_for(produce(send, ROWS), 30)
        finally:
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker
            await broker.shutdown()  # closes the worker's client, as `taskiq worker` does
        assert fake.stats.messaged_twice() == []


def main() -> None:
    with redis_socket() as sock:
        if sock is not None:
            asyncio.run(run(f"unix://{sock}"))


if __name__ == "__main__":
    main()
