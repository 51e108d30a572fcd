"""Many workers, one account: a rate shared through Redis, and checkpoints for re-runs.

Run as a script it starts a throw-away redis-server (Debian's package) on a unix socket and
sends to FakeSent; without redis-server installed it says so and stops.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from _redis_server import redis_socket  # a throw-away redis-server

from sent_async import AsyncSent, FileCheckpoint, RateLimit, RateLimiterUnavailableError
from sent_async.distributed import RedisCheckpoint, RedisRateLimit
from sent_async.testing import FakeSent

PHONES = [f"+1415555{n:04d}" for n in range(10)]


async def worker(sent: AsyncSent, redis_url: str, batch: list[str], name: str) -> None:
    # --8<-- [start:limit]
    limit = RedisRateLimit(
        redis_url,  # e.g. "redis://redis.internal:6379/0"
        account="acme-prod",  # a label for the Sent account: never the API key itself
        per_minute=300,  # the account's limit; every worker naming "acme-prod" shares it
        share=0.9,  # leave 10 % for other traffic (OTPs sent outside the job)
    )
    async with RedisCheckpoint(redis_url, namespace="closure-2026-11-28") as checkpoint:
        report = await sent.messages.send_many(
            batch,
            text="Our office is closed on Friday",
            job_id=f"closure-2026-11-28-{name}",  # one job_id per worker's batch
            rate_limit=limit,
            checkpoint=checkpoint,  # a re-run on any machine skips what Sent accepted
        )
    print(f"{name}: {report.summary()}")
    # --8<-- [end:limit]


async def rerun_with_a_file(sent: AsyncSent, folder: Path) -> None:
    # --8<-- [start:checkpoint]
    checkpoint = FileCheckpoint(folder / "closure.sqlite")  # one machine, any processes
    for attempt in (1, 2):
        report = await sent.messages.send_many(
            PHONES, text="Closed on Friday", job_id="closure-file", checkpoint=checkpoint
        )
        print(f"run {attempt}: {report.succeeded} sent, {report.already_done} already done")
    # --8<-- [end:checkpoint]


async def redis_down(sent: AsyncSent) -> None:
    # --8<-- [start:down]
    limit = RedisRateLimit(
        "unix:///nonexistent/redis.sock",
        account="acme-prod",
        per_minute=300,
        unavailable_after=1,  # how long calls wait for Redis before giving up (default 5 s)
    )
    try:
        await sent.messages.send_many(PHONES, text="hi", job_id="down", rate_limit=limit)
    except RateLimiterUnavailableError as exc:
        print(f"stopped, nothing sent unpaced: {exc}")
    # --8<-- [end:down]


async def replica(api_key: str, base_url: str, redis_url: str) -> None:
    # --8<-- [start:client]
    limit = RedisRateLimit(redis_url, account="acme-prod", per_minute=300, share=0.9)
    # Every call of this client and its views is paced, per Sent tier: message sends at the
    # limit above, other calls at Sent's 200/min, all shared by every replica naming the
    # account. A 429 any replica meets pauses them all.
    async with AsyncSent(api_key, base_url=base_url, rate_limit=limit) as sent:
        await sent.messages.send(to=PHONES[0], text="Your code is 123456")
        await sent.with_options(timeout=10).me.get()  # a view: same limit, standard tier
    # --8<-- [end:client]


async def fake_account_limit(redis_url: str) -> None:
    # --8<-- [start:fakesent]
    async with FakeSent(rate_limit=RateLimit(per_second=5, burst=2)) as fake:
        limit = RedisRateLimit(redis_url, account="acme-test", per_second=5)
        async with fake.client(rate_limit=limit) as a, fake.client(rate_limit=limit) as b:
            sends = [c.messages.send(to=p, text="hi") for c in (a, b) for p in PHONES[:4]]
            await asyncio.gather(*sends)
        stats = fake.stats  # what the server saw, account-wide
        print(f"{stats.rate_limited['message']} x 429, busiest second:", stats.max_in_window())
    # --8<-- [end:fakesent]


async def main() -> None:
    with redis_socket() as sock:
        if sock is None:
            return
        url = f"unix://{sock}"
        async with FakeSent() as fake, fake.client() as sent:
            batches: list[Any] = [PHONES[:5], PHONES[5:]]
            await asyncio.gather(*(worker(sent, url, b, f"w{i}") for i, b in enumerate(batches)))
            await rerun_with_a_file(sent, sock.parent)
            await redis_down(sent)
            await replica(fake.api_key, fake.base_url, url)
        await fake_account_limit(url)


if __name__ == "__main__":
    asyncio.run(main())
