"""Client-level pacing: Sent's rate-limit tiers, and one pacer per tier for every call.

Sent limits each account per tier (docs/distributed.md, "One limit for every call"): message
sends (``POST /v3/messages``) by plan, a few sensitive calls at 10/min (burst 5), everything
else at 200/min (burst 50). ``tier_of`` is the one place that maps a request to its tier;
FakeSent's account limit uses it too. ``AsyncSent(rate_limit=...)`` builds a ``ClientPace``:
the given limit paces message sends, the other tiers run at Sent's documented rates (scaled
by the same ``share`` and shared through the same backend for a ``RedisRateLimit``).
"""

from __future__ import annotations

import logging
import re
from typing import Literal, Protocol, runtime_checkable

import anyio

from .._bulk.pacer import RateLimit
from .._bulk.pacing import PacerFactory, PacerLike, make_pacer
from .._errors import RateLimiterUnavailableError, SentValidationError

Tier = Literal["message", "standard", "sensitive"]
TIERS: tuple[Tier, ...] = ("message", "standard", "sensitive")
DOCUMENTED: dict[Tier, RateLimit] = {
    "standard": RateLimit(per_minute=200, burst=50),
    "sensitive": RateLimit(per_minute=10, burst=5),
}
"""Sent's published limits for the tiers that do not depend on the plan."""
# The webhook test call is on the sensitive tier: one source says 60/min, another 10/min;
# the lower one is the safe reading.
_SENSITIVE = re.compile(
    r"/v3/(?:users|profiles/[^/]+/complete|webhooks/[^/]+/(?:rotate-secret|test))"
)
log = logging.getLogger("sent")


def tier_of(method: str, path: str) -> Tier:
    """The rate-limit tier Sent counts ``method path`` against (path without the query)."""
    if method == "POST":
        if path == "/v3/messages":
            return "message"
        if _SENSITIVE.fullmatch(path):
            return "sensitive"
    return "standard"


@runtime_checkable
class TieredLimit(Protocol):
    """A shared limit that can pace each tier (``RedisRateLimit`` is one)."""

    def for_tier(self, tier: Tier, documented: RateLimit | None) -> PacerFactory:
        """The limit for ``tier``: its own rate for messages, else ``documented``."""
        ...


ClientRateLimit = RateLimit | TieredLimit
"""What ``AsyncSent(rate_limit=...)`` accepts."""


def check_rate_limit(value: object) -> ClientRateLimit | None:
    """A RateLimit, a RedisRateLimit (any TieredLimit) or None; else SentValidationError."""
    if value is None or isinstance(value, (RateLimit, TieredLimit)):
        return value
    raise SentValidationError(
        f"rate_limit must be a RateLimit or a RedisRateLimit (or None), got {value!r}"
    )


class _NoGate:
    """The client's pacers are told about 429s directly, by tier (``ClientPace.rate_limited``)."""

    gate_until = 0.0


class ClientPace:
    """One pacer per tier, made on first use, shared by a client and its views (one loop)."""

    def __init__(self, limit: ClientRateLimit) -> None:
        self._limit = limit
        self._pacers: dict[Tier, PacerLike] = {}

    def __repr__(self) -> str:
        return f"<ClientPace {self._limit!r}>"

    def _pacer(self, tier: Tier) -> PacerLike:
        pacer = self._pacers.get(tier)
        if pacer is None:
            documented = DOCUMENTED.get(tier)
            limit = self._limit
            source: RateLimit | PacerFactory
            if isinstance(limit, RateLimit):
                source = limit if tier == "message" else documented  # type: ignore[assignment]
            else:
                source = limit.for_tier(tier, documented)
            pacer = self._pacers[tier] = make_pacer(source, _NoGate(), adaptive=True)
        return pacer

    async def acquire(self, method: str, path: str, patience: float) -> bool:
        """Wait for this call's slot in its tier; False when it would not come in ``patience``."""
        with anyio.move_on_after(patience):
            await self._pacer(tier_of(method, path)).acquire()
            return True
        return False

    async def rate_limited(self, method: str, path: str, retry_after: float) -> None:
        """A call got a transient 429: pause (and slow) its tier, fleet-wide if shared."""
        shared = self._pacer(tier_of(method, path)).on_rate_limited(retry_after)
        if shared is not None:
            try:
                await shared
            except RateLimiterUnavailableError as exc:  # this client still pauses locally
                log.warning("could not share a 429 pause with other workers: %s", exc)

    def forget(self) -> None:
        """After a fork: the parent's pacers (and their connections) are not ours."""
        self._pacers = {}

    async def aclose(self) -> None:
        """Close shared pacers' connections (the local ones hold none)."""
        pacers, self._pacers = list(self._pacers.values()), {}
        for pacer in pacers:
            aclose = getattr(pacer, "aclose", None)
            if aclose is not None:
                await aclose()
