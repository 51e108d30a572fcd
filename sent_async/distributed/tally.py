"""JobTally: one job's report assembled in Redis from every worker's shards, read in one call.

Each finished shard run writes its items' fates by index (``ShardOutcome.statuses``): one
bitmap per fate (done, failed, interrupted, skipped), set with one BITFIELD per fate in one
MULTI/EXEC round trip. A fate is written per item, not added as a count, so an engine that
redelivers a shard (at-least-once) overwrites the same bits instead of counting twice: the
fates always add up to the items reported, however often shards ran. ``read`` counts them with
BITCOUNT (one round trip). About 4 bits per item: a million-item job costs 0.5 MB in Redis.
"""

from __future__ import annotations

from typing import Any

from .._errors import SentValidationError
from ._redis import UNAVAILABLE_AFTER, Connections, safe_url
from .shards import ShardOutcome, _check_job_id

FATES = ("done", "failed", "interrupted", "skipped")
TTL = 7 * 24 * 3600
"""The tally expires 7 days after its last write (as RedisCheckpoint does)."""


class JobTally:
    """The report of job ``job_id`` across workers: ``await JobTally(url, job_id).read()``.

    ``expect(total)`` records how many items the job has (the enqueue helpers call it);
    ``add(outcome)`` records a shard run's items; ``read()`` returns the counts: ``total``,
    ``done`` (Sent accepted them), ``failed``, ``interrupted`` (cancelled in flight: may have
    been applied), ``skipped`` (given up without a call), ``pending`` (not reported yet:
    queued or running) and ``shard_runs``.
    """

    def __init__(
        self, url: str, job_id: str, *, unavailable_after: float = UNAVAILABLE_AFTER
    ) -> None:
        self._conn = Connections(url, unavailable_after)  # a missing extra fails here
        self.url = self._conn.url
        self.job_id = _check_job_id(job_id)
        self._meta, self._bits = tally_keys(job_id)

    def __repr__(self) -> str:
        return f"<JobTally {safe_url(self.url)} job_id={self.job_id!r}>"

    async def expect(self, total: int) -> None:
        """Record that the job has ``total`` items (indexes 0 to total - 1)."""
        if isinstance(total, bool) or not isinstance(total, int) or total < 0:
            raise SentValidationError(f"total must be an integer >= 0, got {total!r}")

        async def op() -> None:
            async with self._conn.client().pipeline(transaction=True) as pipe:
                pipe.hset(self._meta, "total", total)
                pipe.expire(self._meta, TTL)
                await pipe.execute()

        await self._conn.guard(op)

    async def add(self, outcome: ShardOutcome, *, give_up: bool = False) -> None:
        """Record a shard run's items (one round trip); ``give_up``: its remaining items are
        settled as skipped (not re-enqueued), else they stay pending for the next run."""
        if not isinstance(outcome, ShardOutcome):
            raise SentValidationError("outcome must be the ShardOutcome run_shard returned")
        fates = dict(outcome.statuses)
        if give_up and outcome.remaining is not None:
            fates.update((index, "skipped") for index, _ in outcome.remaining.items)

        async def op() -> None:
            async with self._conn.client().pipeline(transaction=True) as pipe:
                for fate, key in self._bits.items():
                    if fates:
                        pipe.execute_command("BITFIELD", key, *_bit_args(fates, fate))
                    pipe.expire(key, TTL)
                pipe.hincrby(self._meta, "shard_runs", 1)
                pipe.expire(self._meta, TTL)
                await pipe.execute()

        await self._conn.guard(op)

    async def read(self) -> dict[str, int]:
        """The job's counts so far (one round trip)."""

        async def op() -> list[Any]:
            async with self._conn.client().pipeline(transaction=False) as pipe:
                for key in self._bits.values():
                    pipe.bitcount(key)
                pipe.hgetall(self._meta)
                result: list[Any] = await pipe.execute()
                return result

        *counts, meta = await self._conn.guard(op)
        return tally_counts(counts, meta)

    async def clear(self) -> None:
        """Forget this job's tally (before re-running a job id from scratch)."""
        await self._conn.guard(lambda: self._conn.client().delete(self._meta, *self._bits.values()))

    async def aclose(self) -> None:
        """Close this process's connections (they reopen on next use)."""
        await self._conn.aclose()


def tally_keys(job_id: str) -> tuple[str, dict[str, str]]:
    """The Redis keys of a job's tally: its meta hash, and one bitmap per fate."""
    base = f"sent:job:{{{job_id}}}"
    return f"{base}:meta", {fate: f"{base}:{fate}" for fate in FATES}


def tally_counts(bitcounts: list[Any], meta: dict[str, Any]) -> dict[str, int]:
    """The counts ``read`` returns, from the fates' BITCOUNTs and the meta hash."""
    fates = dict(zip(FATES, (int(c) for c in bitcounts), strict=True))
    total = int(meta.get("total", 0))
    pending = max(0, total - sum(fates.values()))
    return {
        "total": total,
        **fates,
        "pending": pending,
        "shard_runs": int(meta.get("shard_runs", 0)),
    }


def _bit_args(fates: dict[int, str], fate: str) -> list[Any]:
    """BITFIELD arguments setting each item's bit in ``fate``'s bitmap (1 there, 0 elsewhere)."""
    args: list[Any] = []
    for index, value in fates.items():
        args += ["SET", "u1", index, 1 if value == fate else 0]
    return args
