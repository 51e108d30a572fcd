"""Redis plumbing shared by RedisRateLimit, RedisCheckpoint and JobTally: lazy import, bounded
waits, one client per event loop (``Connections``).

``redis`` is an optional extra (``sent-sdk[redis]``) imported on first use. Every command
goes through ``guarded``: while Redis is unreachable it retries for ``unavailable_after``
seconds, then raises RateLimiterUnavailableError, so a caller never proceeds without it.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

import anyio

from .._errors import RateLimiterUnavailableError, SentValidationError

if TYPE_CHECKING:
    from redis.asyncio import Redis

T = TypeVar("T")
EXTRA_HINT = "sent_async.distributed needs Redis support: pip install 'sent-sdk[redis]'"
UNAVAILABLE_AFTER = 5.0
"""Default seconds to keep trying an unreachable Redis before raising."""
_USERINFO = re.compile(r"//[^/@]*@")


def import_redis() -> Any:
    """``redis.asyncio``, or an ImportError naming the extra to install."""
    try:
        import redis.asyncio
    except ImportError as exc:
        raise ImportError(EXTRA_HINT) from exc
    return redis.asyncio


def safe_url(url: str) -> str:
    """The URL without user, password or query (``?password=``): it goes into reprs and errors."""
    return _USERINFO.sub("//***@", url.split("?", 1)[0])


def check_url(url: object) -> str:
    """A Redis URL (redis://, rediss:// or unix://), else SentValidationError."""
    if not isinstance(url, str) or not url.startswith(("redis://", "rediss://", "unix://")):
        raise SentValidationError("url must be a redis://, rediss:// or unix:// URL")
    return url


def check_wait(value: object, name: str) -> float:
    """A positive number of seconds."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise SentValidationError(f"{name} must be a positive number of seconds, got {value!r}")
    return float(value)


def connect(url: str, unavailable_after: float) -> Redis:
    """A client whose single attempts fail fast; ``guarded`` does the (bounded) retrying."""
    aioredis = import_redis()
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff

    client: Redis = aioredis.Redis.from_url(
        url,
        decode_responses=True,
        socket_connect_timeout=min(1.0, unavailable_after),
        socket_timeout=unavailable_after,
        retry=Retry(NoBackoff(), 0),
    )
    return client


async def guarded(op: Callable[[], Awaitable[T]], url: str, unavailable_after: float) -> T:
    """Run one Redis operation, retrying while Redis is unreachable, for a bounded time."""
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    give_up = anyio.current_time() + unavailable_after
    delay = 0.05
    while True:
        try:
            return await op()
        except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
            if anyio.current_time() + delay > give_up:
                raise RateLimiterUnavailableError(
                    f"Redis at {safe_url(url)} was unreachable for {unavailable_after:g} s "
                    f"({type(exc).__name__}); nothing was sent unpaced"
                ) from None
            await anyio.sleep(delay)
            delay = min(delay * 2, 0.5)


class Connections:
    """A Redis URL's clients, one per event loop (the sync facade runs its own), and its bound
    on waiting for an unreachable server: what RedisCheckpoint and JobTally connect through.

    Building one imports ``redis`` (a missing extra fails here, naming it) and checks ``url``
    and ``unavailable_after``; ``guard(op)`` runs one operation as ``guarded`` does.
    """

    def __init__(self, url: object, unavailable_after: object) -> None:
        import_redis()
        self.url = check_url(url)
        self.unavailable_after = check_wait(unavailable_after, "unavailable_after")
        self._clients: dict[int, Redis] = {}

    def client(self) -> Redis:
        """This event loop's client, made on first use."""
        loop = id(asyncio.get_running_loop())
        if loop not in self._clients:
            self._clients[loop] = connect(self.url, self.unavailable_after)
        return self._clients[loop]

    async def guard(self, op: Callable[[], Awaitable[T]]) -> T:
        """Run ``op`` (which calls ``client()``), retrying while Redis is unreachable."""
        return await guarded(op, self.url, self.unavailable_after)

    async def aclose(self) -> None:
        """Close every loop's client (they reopen on next use)."""
        clients, self._clients = self._clients, {}
        for client in clients.values():
            await client.aclose()
