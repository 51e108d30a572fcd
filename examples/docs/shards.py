"""Time-boxed shards: a job cut into pieces that any task queue can carry and redeliver.

Run as a script it plays the broker with a plain list: it starts a throw-away redis-server
(Debian's package) on a unix socket and sends to FakeSent; without redis-server installed it
says so and stops.
"""

from __future__ import annotations

import asyncio
from typing import Any

from _redis_server import redis_socket  # a throw-away redis-server

from sent_async import AsyncSent
from sent_async.distributed import (
    JobTally,
    RedisCheckpoint,
    RedisRateLimit,
    Shard,
    run_shard,
    split,
)
from sent_async.testing import FakeSent

ROWS = [{"to": f"+1415555{n:04d}", "text": f"Your order {n} has shipped"} for n in range(12)]


def producer() -> list[dict[str, Any]]:
    # --8<-- [start:split]
    queue = []  # stands for your broker
    for shard in split(ROWS, job_id="shipped-2026-11-29", kind="messages", size=5):
        queue.append(shard.to_json())  # JSON: items keep their index in the whole job
    # --8<-- [end:split]
    return queue


async def worker(sent: AsyncSent, redis_url: str, queue: list[dict[str, Any]]) -> None:
    # --8<-- [start:run]
    limit = RedisRateLimit(redis_url, account="acme-prod", per_second=20)
    checkpoint = RedisCheckpoint(redis_url, namespace="shipped-2026-11-29")
    tally = JobTally(redis_url, "shipped-2026-11-29")
    await tally.expect(len(ROWS))  # the producer says how many items the job has
    while queue:
        shard = Shard.from_json(queue.pop(0))
        outcome = await run_shard(
            sent,
            shard,
            time_box=0.2,  # seconds; the default is 120, well under any broker's clock
            rate_limit=limit,  # shared by every worker naming "acme-prod"
            checkpoint=checkpoint,  # a redelivered shard skips what Sent accepted
        )
        await tally.add(outcome)  # each item's fate, by its index in the whole job
        if outcome.remaining is not None:  # the box ran out: the rest, same keys
            queue.append(outcome.remaining.to_json())
        print(shard, outcome.tally())
    print("job:", await tally.read())
    # --8<-- [end:run]
    await checkpoint.aclose()
    await tally.aclose()


async def main() -> None:
    with redis_socket() as sock:
        if sock is None:
            return
        async with FakeSent() as fake, fake.client() as sent:
            await worker(sent, f"unix://{sock}", producer())
            assert len(fake.stats.per_recipient) == len(ROWS)
            assert fake.stats.messaged_twice() == []


if __name__ == "__main__":
    asyncio.run(main())
