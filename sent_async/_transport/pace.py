"""Client-level pacing: one pacer per Sent rate-limit tier, for every call of a client.

``AsyncSent(rate_limit=...)`` builds a ``ClientPace`` with ``tier_of`` from
sent_async/resources/_tiers.py (the one place that maps a request to its tier). The given
limit paces message sends; the other tiers run at Sent's documented rates, scaled by the same
``share`` and shared through the same backend for a ``RedisRateLimit`` (docs/distributed.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
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
"""Sent's published limits for the tiers that do not depend on the plan
(docs/distributed.md, "One limit for every call")."""
log = logging.getLogger("sent")
TierOf = Callable[[str, str], Tier]
"""``tier_of(method, path)``: the transport knows no endpoint, so the client hands it in."""


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

    def __init__(self, limit: ClientRateLimit, tier_of: TierOf) -> None:
        self._limit = limit
        self._tier_of = tier_of
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
            await self._pacer(self._tier_of(method, path)).acquire()
            return True
        return False

    async def rate_limited(self, method: str, path: str, retry_after: float) -> None:
        """A call got a transient 429: pause (and slow) its tier, fleet-wide if shared."""
        shared = self._pacer(self._tier_of(method, path)).on_rate_limited(retry_after)
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
