"""RedisRateLimit: one call rate shared by every process sending for the same Sent account.

Sent limits calls per account, so workers on several hosts must share one budget. Each call
reserves the next slot with one atomic Lua script run on Redis (GCRA, Redis's own clock) and
sleeps until it; nobody polls. A 429 seen by any worker pauses the whole fleet until its
Retry-After (capped like the retry policy's ``max_retry_after``) and halves the shared rate,
which grows back by itself (AIMD, as the local pacer in sent_async/_bulk/pacer.py). Pauses
reach sleeping workers through a pub/sub channel, so a send costs one round trip when no pause
is in force. If Redis is unreachable, calls wait ``unavailable_after`` seconds and then raise
RateLimiterUnavailableError: they never go out unpaced. See docs/distributed.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import anyio
import attrs

from .._bulk.pacer import DEFAULT_PAUSE, INCREASE, MIN_RATE, Gate, RateLimit
from .._errors import SentValidationError
from .._transport.retry import RetryPolicy
from . import _scripts
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
    from redis.commands.core import AsyncScript

T = TypeVar("T")
_ACCOUNT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
KEY_PREFIXES = ("sk_", "sent_", "pk_", "rk_")
"""An account label starting with one of these looks like an API key and is refused."""
TTL_MS = 600_000
"""The shared state expires 10 minutes after its last use (or twice ``max_pause``, if longer)."""


def check_account(account: object) -> str:
    """A label naming the account (e.g. "acme-prod"), never the API key itself."""
    if not isinstance(account, str) or not _ACCOUNT.fullmatch(account):
        raise SentValidationError(
            "account must be a label of 1-64 characters (A-Z, a-z, 0-9, '_', '.', ':', '-'), "
            "such as 'acme-prod'"
        )
    env_key = os.environ.get("SENT_DM_API_KEY")
    if account.lower().startswith(KEY_PREFIXES) or (env_key and account == env_key):
        raise SentValidationError(
            "account looks like an API key: name the account with a label (e.g. 'acme-prod'); "
            "it is stored in Redis key names in clear"
        )
    return account


def _unavailable_after(value: object) -> float:
    return check_wait(value, "unavailable_after")


def _max_pause(value: object) -> float:
    return check_wait(value, "max_pause")


GATE_WATCH = 0.02
"""How often a worker asleep for its slot checks its own client's 429 gate (no I/O)."""


@attrs.frozen(repr=False)
class RedisRateLimit:
    """A rate shared through Redis by every process naming the same ``account``.

    Pass it wherever a rate limit is accepted: ``bulk.run(..., rate_limit=limit)``,
    ``messages.send_many``, ``contacts.create_many``, and ``AsyncSent(rate_limit=limit)``,
    which paces every call of the client per Sent tier (``for_tier``). Exactly one of
    ``per_second`` / ``per_minute`` sets the account's whole rate; ``share`` (0-1] keeps part
    of it free for other traffic. ``burst`` calls may start back to back after an idle spell.
    ``unavailable_after`` bounds how long a call waits for an unreachable Redis before
    raising RateLimiterUnavailableError. ``max_pause`` caps a 429 pause (default: the retry
    policy's ``max_retry_after``).
    """

    url: str = attrs.field(converter=check_url)
    account: str = attrs.field(kw_only=True, converter=check_account)
    per_second: float | None = attrs.field(kw_only=True, default=None)
    per_minute: float | None = attrs.field(kw_only=True, default=None)
    burst: int = attrs.field(kw_only=True, default=1)
    share: float = attrs.field(kw_only=True, default=1.0)
    unavailable_after: float = attrs.field(
        kw_only=True, default=UNAVAILABLE_AFTER, converter=_unavailable_after
    )
    max_pause: float = attrs.field(
        kw_only=True, default=RetryPolicy().max_retry_after, converter=_max_pause
    )
    tier: str | None = attrs.field(kw_only=True, default=None)
    """Set by ``for_tier`` for a client's limit: each Sent tier has its own shared state."""

    def __attrs_post_init__(self) -> None:
        import_redis()  # a missing extra fails here, naming it
        RateLimit(per_second=self.per_second, per_minute=self.per_minute, burst=self.burst)
        share = self.share
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 1:
            raise SentValidationError(f"share must be a number in (0, 1], got {share!r}")

    def __repr__(self) -> str:
        return (
            f"<RedisRateLimit {safe_url(self.url)} account={self.account!r} "
            f"rate={self.rate:g}/s burst={self.burst}>"
        )

    @property
    def rate(self) -> float:
        """This fleet's calls per second: the account's rate times ``share``."""
        limit = RateLimit(per_second=self.per_second, per_minute=self.per_minute)
        return limit.rate * self.share

    @property
    def key(self) -> str:
        """The Redis hash holding the shared state (hash tag: one Cluster slot)."""
        base = f"sent:{{{self.account}}}:rl"
        return base if self.tier is None else f"{base}:{self.tier}"

    def for_tier(self, tier: str, documented: RateLimit | None) -> RedisRateLimit:
        """This limit for one tier of ``AsyncSent(rate_limit=...)``: its own rate for message
        sends, Sent's ``documented`` rate for the others; same Redis, account and share."""
        if tier == "message" or documented is None:
            return attrs.evolve(self, tier=tier)
        return attrs.evolve(
            self, tier=tier, per_second=documented.rate, per_minute=None, burst=documented.burst
        )

    def pacer(self, gate: Gate, *, adaptive: bool) -> RedisPacer:
        """One job's pacer (the bulk job calls this; it opens its own connections)."""
        return RedisPacer(self, gate, adaptive=adaptive)


class RedisPacer:
    """One job's view of a RedisRateLimit; lives on the job's event loop only."""

    def __init__(self, limit: RedisRateLimit, gate: Gate, *, adaptive: bool) -> None:
        self._limit = limit
        self._gate = gate
        self._seen_gate = gate.gate_until
        self._adaptive = adaptive
        self._redis: Redis = connect(limit.url, limit.unavailable_after)
        self._reserve: AsyncScript = self._redis.register_script(_scripts.RESERVE)
        self._rate_limited: AsyncScript = self._redis.register_script(_scripts.RATE_LIMITED)
        self._check: AsyncScript = self._redis.register_script(_scripts.CHECK)
        self._channel = f"{limit.key}:pause"
        self._ttl = max(TTL_MS, int(2000 * limit.max_pause))  # outlives the longest pause
        self._listener: asyncio.Task[None] | None = None
        self._listening: asyncio.Event | None = None
        self._blind = False  # the pause channel was lost: re-check the pause on every wake
        self._failure: Exception | None = None  # Redis was unreachable when subscribing
        self._pause_end = 0.0  # loop time
        self._rate: float = limit.rate
        self.pauses = 0
        """How many 429 storms paused the fleet while this job ran."""
        self.round_trips = 0
        """Redis commands this pacer sent (reservations, reports, checks)."""

    def __repr__(self) -> str:
        return (
            f"<RedisPacer account={self._limit.account!r} rate={self._rate:g} pauses={self.pauses}>"
        )

    @property
    def rate(self) -> float | None:
        """The shared pacing rate in calls per second, as last seen in Redis."""
        return self._rate

    def paused_for(self, now: float | None = None) -> float:
        """Seconds until calls may start again after a 429 (as far as this job knows)."""
        now = anyio.current_time() if now is None else now
        return max(0.0, max(self._pause_end, self._gate.gate_until) - now)

    def on_success(self) -> None:
        """Nothing to do: the shared rate grows back lazily inside the reservation script."""

    def on_rate_limited(self, retry_after: float | None) -> Awaitable[None]:
        """A call got a 429: pause every worker of the account and cut the shared rate."""
        return self._report(retry_after)

    async def acquire(self) -> None:
        """Wait for this call's slot in the account's shared schedule."""
        await self._ensure_listening()
        clock = anyio.current_time
        while True:
            gate = self._gate.gate_until
            if gate > self._seen_gate:  # the transport saw a 429: tell the fleet
                self._seen_gate = gate
                await self._report(gate - clock())
            end = max(self._pause_end, gate)
            if end > clock():
                await anyio.sleep(end - clock())
                continue
            status, wait = await self._take_slot()
            if status == "paused":
                self._pause_end = max(self._pause_end, clock() + wait)
                continue
            if wait > 0:
                await self._sleep_watching_gate(clock() + wait)
            if self._blind:
                await self._recheck()
            if max(self._pause_end, self._gate.gate_until) <= clock():
                return  # the slot came and no pause began meanwhile

    async def _sleep_watching_gate(self, until: float) -> None:
        """Sleep until a reserved slot, telling the fleet at once if this client sees a 429.

        The transport absorbs a retried 429 in its own gate; checking that local gate every
        ``GATE_WATCH`` seconds (no Redis call) publishes the pause within that time instead of
        at this job's next slot, so other workers' slots do not slip through meanwhile.
        """
        clock = anyio.current_time
        while (left := until - clock()) > 0:
            await anyio.sleep(min(left, GATE_WATCH))
            gate = self._gate.gate_until
            if gate > self._seen_gate:
                self._seen_gate = gate
                await self._report(gate - clock())

    async def aclose(self) -> None:
        """Stop listening for pauses and close this job's connections."""
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(BaseException):
                await self._listener
        await self._redis.aclose()

    # -- Redis calls ---------------------------------------------------------------------
    async def _call(self, op: Callable[[], Awaitable[T]]) -> T:
        self.round_trips += 1
        return await guarded(op, self._limit.url, self._limit.unavailable_after)

    async def _take_slot(self) -> tuple[str, float]:
        limit = self._limit
        args = [limit.rate, limit.burst, 1, INCREASE if self._adaptive else 0, self._ttl]
        reply: list[str] = await self._call(lambda: self._reserve(keys=[limit.key], args=args))
        self._rate = float(reply[2])
        return reply[0], float(reply[1])

    async def _report(self, retry_after: float | None) -> None:
        pause = retry_after if retry_after is not None and retry_after >= 0 else DEFAULT_PAUSE
        pause = min(pause, self._limit.max_pause)
        self._pause_end = max(self._pause_end, anyio.current_time() + pause)  # at once, locally
        limit = self._limit
        args = [limit.rate, pause, "1" if self._adaptive else "0", MIN_RATE, self._ttl]
        keys = [limit.key, self._channel]
        reply: list[str] = await self._call(lambda: self._rate_limited(keys=keys, args=args))
        self._rate = float(reply[2])
        if self._blind and reply[1] == "1":
            self.pauses += 1

    async def _recheck(self) -> None:
        left = float(await self._call(lambda: self._check(keys=[self._limit.key])))
        if left > 0:
            self._pause_end = max(self._pause_end, anyio.current_time() + left)

    # -- the pause channel ---------------------------------------------------------------
    async def _ensure_listening(self) -> None:
        if self._listening is None:
            self._listening = asyncio.Event()
            self._listener = asyncio.get_running_loop().create_task(self._listen())
        await self._listening.wait()
        if self._failure is not None:
            raise self._failure

    async def _listen(self) -> None:
        """Apply every pause the fleet publishes; on losing the channel, go blind."""
        assert self._listening is not None
        pubsub: Any = None
        try:
            pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
            await self._call(lambda: pubsub.subscribe(self._channel))
            for script in (_scripts.RESERVE, _scripts.RATE_LIMITED, _scripts.CHECK):
                # loaded once per job, so concurrent first calls do not each meet NOSCRIPT
                await self._call(partial(self._redis.script_load, script))
            self._listening.set()
            while True:
                message = await pubsub.get_message(timeout=None)
                if message is not None:
                    self._on_pause(str(message["data"]))
        except Exception as exc:
            if not self._listening.is_set():
                self._failure = exc  # never subscribed: Redis is down, acquire() raises it
            self._blind = True  # re-check on every wake from now on (one more round trip)
        finally:
            self._listening.set()
            if pubsub is not None:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()

    def _on_pause(self, data: str) -> None:
        left, new, rate = data.split()
        self._pause_end = max(self._pause_end, anyio.current_time() + float(left))
        self._rate = float(rate)
        if new == "1":
            self.pauses += 1
