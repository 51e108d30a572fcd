"""One worker process of `make bench-fleet`: its slice of a bulk job against FakeSent.

Usage: _fleet_worker.py '<json settings>' (see ``Settings``; bench/fleet.py builds them). The
worker opens its connection (a GET /v3/me, outside the message tier), prints "ready", waits for
a line on stdin so every worker of a scenario starts together, runs its slice, and prints one
JSON line: its counts, when it started and finished (CLOCK_MONOTONIC, system-wide on Linux),
its CPU time, and the Redis round trips its pacers counted (``RedisPacer.round_trips``).

Slices are plain processes sharing one job: item ``i`` belongs to worker ``i % workers``, and
its key is ``f"{job_id}-{i}"`` whatever the split, so a re-run of any slice dedupes at Sent and
in the checkpoint.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from collections.abc import Iterator
from typing import Any

import attrs

from sent_async import AsyncSent, RateLimit
from sent_async._bulk.pacer import Gate
from sent_async._bulk.pacing import PacerLike
from sent_async.distributed import RedisCheckpoint, RedisPacer, RedisRateLimit


@attrs.frozen(kw_only=True)
class Settings:
    """What one worker does (JSON on the command line)."""

    base_url: str
    api_key: str
    redis_url: str
    job_id: str
    worker: int
    workers: int
    count: int  # items in the whole job
    upto: int | None = None  # only items below this index (a job that stopped half-way)
    pacing: str = "shared"  # "shared": RedisRateLimit(rate); "local": RateLimit(rate)
    rate: float = 100.0
    account: str = "bench"
    checkpoint: str | None = None  # a RedisCheckpoint namespace, or none
    concurrency: int = 16
    offset: int = 0  # numbers start here: jobs of one scenario message different people
    trace: bool = False  # also report when each call started (for looking into a run)


def phone(number: int) -> str:
    """A distinct, valid number per item, so FakeSent can count messages per recipient."""
    return f"+1415{2_000_000 + number:07d}"


def my_items(s: Settings) -> Iterator[tuple[int, str]]:
    end = s.count if s.upto is None else min(s.upto, s.count)
    for index in range(s.worker, end, s.workers):
        yield index, phone(s.offset + index)


@attrs.define
class Counting:
    """A RedisRateLimit that keeps the pacers it builds, to read their round-trip counters."""

    limit: RedisRateLimit
    pacers: list[RedisPacer] = attrs.Factory(list)

    def pacer(self, gate: Gate, *, adaptive: bool) -> PacerLike:
        made = self.limit.pacer(gate, adaptive=adaptive)
        self.pacers.append(made)
        return made


async def run(s: Settings) -> dict[str, Any]:
    pacing: RateLimit | Counting
    if s.pacing == "shared":
        pacing = Counting(RedisRateLimit(s.redis_url, account=s.account, per_second=s.rate))
    else:
        pacing = RateLimit(per_second=s.rate)
    checkpoint = (
        None if s.checkpoint is None else RedisCheckpoint(s.redis_url, namespace=s.checkpoint)
    )
    job = s.job_id

    released: list[float] = []

    async def send(client: AsyncSent, item: tuple[int, str], key: str) -> object:
        if s.trace:
            released.append(time.monotonic())
        return await client.messages.send(to=item[1], text="fleet bench", idempotency_key=key)

    async with AsyncSent(s.api_key, base_url=s.base_url) as sent:
        await sent.me.get()  # the connection is open before the clock starts
        sent.bulk.job([], send)  # and the bulk modules, which load on first use, are loaded
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        cpu0, started = time.process_time(), time.monotonic()
        report = await sent.bulk.run(
            my_items(s),
            send,
            key=lambda item, _: f"{job}-{item[0]}",
            rate_limit=pacing,
            checkpoint=checkpoint,
            concurrency=s.concurrency,
            collect_results=False,
        )
        finished, cpu = time.monotonic(), time.process_time() - cpu0
    if checkpoint is not None:
        await checkpoint.aclose()
    trips = sum(p.round_trips for p in pacing.pacers) if isinstance(pacing, Counting) else 0
    return {
        "worker": s.worker,
        "succeeded": report.succeeded,
        "failed": report.failed,
        "already_done": report.already_done,
        "pauses": report.rate_limit_pauses,
        "started": started,
        "finished": finished,
        "cpu": cpu,
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "pacer_round_trips": trips,
        "errors": sorted({f.error for f in report.failures}),
        **({"released": released} if s.trace else {}),
    }


if __name__ == "__main__":
    settings = Settings(**json.loads(sys.argv[1]))
    print(json.dumps(asyncio.run(run(settings))), flush=True)
