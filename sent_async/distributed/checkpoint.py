"""RedisCheckpoint: the keys Sent accepted, kept in Redis for workers on several machines.

Two hashes per ``namespace``: ``first`` (key -> wall-clock time of the first attempt) and
``done`` (key -> when Sent accepted it). ``begin`` is one MULTI/EXEC round trip, ``done``
another. Both hashes expire ``ttl`` seconds (7 days) after the last write, well past Sent's
24 h, so a late re-run still skips finished items. See sent_async/_bulk/checkpoint.py.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from .._bulk.checkpoint import STALE_AFTER, ItemState, check_age
from .._errors import SentValidationError
from ._redis import UNAVAILABLE_AFTER, Connections, safe_url

TTL = 7 * 24 * 3600
_NAMESPACE = re.compile(r"[A-Za-z0-9_.:-]{1,100}")


class RedisCheckpoint:
    """A checkpoint in Redis: ``RedisCheckpoint("redis://host/0", namespace="reminders")``.

    ``unavailable_after`` bounds how long an operation waits for an unreachable Redis
    before raising RateLimiterUnavailableError; ``clock`` and ``max_age`` are for tests.
    """

    def __init__(
        self,
        url: str,
        *,
        namespace: str = "default",
        max_age: float = STALE_AFTER,
        unavailable_after: float = UNAVAILABLE_AFTER,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._conn = Connections(url, unavailable_after)  # a missing extra fails here
        self.url = self._conn.url
        if not isinstance(namespace, str) or not _NAMESPACE.fullmatch(namespace):
            raise SentValidationError("namespace must be 1-100 of A-Z, a-z, 0-9, _ . : -")
        self.namespace = namespace
        self.max_age = check_age(max_age)
        self._clock = clock
        base = f"sent:ckpt:{{{namespace}}}"
        self._first, self._done = f"{base}:first", f"{base}:done"

    def __repr__(self) -> str:
        return f"<RedisCheckpoint {safe_url(self.url)} namespace={self.namespace!r}>"

    async def begin(self, key: str) -> ItemState:
        """Record the first attempt of ``key`` (if new) and return its state."""
        now = self._clock()

        async def op() -> list[Any]:
            async with self._conn.client().pipeline(transaction=True) as pipe:
                pipe.hsetnx(self._first, key, repr(now))
                pipe.hget(self._first, key)
                pipe.hexists(self._done, key)
                pipe.expire(self._first, TTL)
                result: list[Any] = await pipe.execute()
                return result

        _, first, done, _ = await self._conn.guard(op)
        return ItemState(done=bool(done), age=now - float(first))

    async def done(self, key: str) -> None:
        """Record that Sent accepted the call made with ``key``."""
        now = self._clock()

        async def op() -> None:
            async with self._conn.client().pipeline(transaction=True) as pipe:
                pipe.hset(self._done, key, repr(now))
                pipe.expire(self._done, TTL)
                await pipe.execute()

        await self._conn.guard(op)

    async def aclose(self) -> None:
        """Close this process's connections (they reopen on next use)."""
        await self._conn.aclose()

    async def __aenter__(self) -> RedisCheckpoint:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
