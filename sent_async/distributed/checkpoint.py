"""RedisCheckpoint: the keys Sent accepted, kept in Redis for workers on several machines.

Two hashes per ``namespace``: ``first`` (key -> wall-clock time of the first attempt) and
``done`` (key -> when Sent accepted it). ``begin`` is one MULTI/EXEC round trip, ``done``
another. Both hashes expire ``ttl`` seconds (7 days) after the last write, well past Sent's
24 h, so a late re-run still skips finished items. See sent_async/_bulk/checkpoint.py.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .._bulk.checkpoint import STALE_AFTER, ItemState, check_age
from .._errors import SentValidationError
from ._redis import (
    UNAVAILABLE_AFTER,
    check_url,
    check_wait,
    connect,
    guarded,
    import_redis,
    safe_url,
)

if TYPE_CHECKING:
    from redis.asyncio import Redis

T = TypeVar("T")
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
        import_redis()  # a missing extra fails here, naming it
        self.url = check_url(url)
        if not isinstance(namespace, str) or not _NAMESPACE.fullmatch(namespace):
            raise SentValidationError("namespace must be 1-100 of A-Z, a-z, 0-9, _ . : -")
        self.namespace = namespace
        self.max_age = check_age(max_age)
        self._wait = check_wait(unavailable_after, "unavailable_after")
        self._clock = clock
        self._clients: dict[int, Redis] = {}  # one per event loop (the sync facade has its own)
        base = f"sent:ckpt:{{{namespace}}}"
        self._first, self._done = f"{base}:first", f"{base}:done"

    def __repr__(self) -> str:
        return f"<RedisCheckpoint {safe_url(self.url)} namespace={self.namespace!r}>"

    async def begin(self, key: str) -> ItemState:
        """Record the first attempt of ``key`` (if new) and return its state."""
        now = self._clock()

        async def op() -> list[Any]:
            async with self._redis().pipeline(transaction=True) as pipe:
                pipe.hsetnx(self._first, key, repr(now))
                pipe.hget(self._first, key)
                pipe.hexists(self._done, key)
                pipe.expire(self._first, TTL)
                result: list[Any] = await pipe.execute()
                return result

        _, first, done, _ = await self._guard(op)
        return ItemState(done=bool(done), age=now - float(first))

    async def done(self, key: str) -> None:
        """Record that Sent accepted the call made with ``key``."""
        now = self._clock()

        async def op() -> None:
            async with self._redis().pipeline(transaction=True) as pipe:
                pipe.hset(self._done, key, repr(now))
                pipe.expire(self._done, TTL)
                await pipe.execute()

        await self._guard(op)

    async def aclose(self) -> None:
        """Close this process's connections (they reopen on next use)."""
        clients, self._clients = self._clients, {}
        for client in clients.values():
            await client.aclose()

    async def __aenter__(self) -> RedisCheckpoint:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def _redis(self) -> Redis:
        import asyncio

        loop = id(asyncio.get_running_loop())
        if loop not in self._clients:
            self._clients[loop] = connect(self.url, self._wait)
        return self._clients[loop]

    async def _guard(self, op: Callable[[], Awaitable[T]]) -> T:
        return await guarded(op, self.url, self._wait)
