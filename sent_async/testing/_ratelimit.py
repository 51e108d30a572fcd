"""FakeSent's account-wide rate limit and per-account counters (``FakeSent(rate_limit=...)``).

Sent limits each account per tier (sent_async/resources/_tiers.py, ``tier_of``); FakeSent does
the same with one GCRA per tier, shared by every client of the server, and answers
``429 BUSINESS_002`` with ``Retry-After`` past it (the request is not processed). ``Account``
also counts what tests of many workers need: requests and 429s per tier, accept times, how
often each Idempotency-Key came, and how many messages each recipient was sent.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import attrs
from aiohttp import web

from .._bulk.pacer import RateLimit
from .._errors import SentValidationError
from .._transport.pace import TIERS, Tier
from ..resources._tiers import tier_of
from ._support import ApiFailure, error_response

Limits = RateLimit | Mapping[str, RateLimit]
"""A RateLimit for message sends, or one per tier (``{"standard": RateLimit(...)}``)."""


def check_limits(value: Limits | None) -> dict[Tier, RateLimit]:
    """Per-tier limits; a lone RateLimit limits message sends only."""
    if value is None:
        return {}
    if isinstance(value, RateLimit):
        return {"message": value}
    if isinstance(value, Mapping) and all(
        tier in TIERS and isinstance(limit, RateLimit) for tier, limit in value.items()
    ):
        return {tier: value[tier] for tier in TIERS if tier in value}
    raise SentValidationError(
        f"rate_limit must be a RateLimit or a mapping of tiers {TIERS} to RateLimits"
    )


@attrs.define
class AccountStats:
    """What FakeSent counted for its account (``server.stats``); ``reset()`` starts afresh."""

    requests: Counter[str] = attrs.Factory(Counter)
    """Requests per tier, 429s included."""
    rate_limited: Counter[str] = attrs.Factory(Counter)
    """429s FakeSent's account limit answered, per tier."""
    accepted: dict[str, list[float]] = attrs.Factory(dict)
    """``time.monotonic()`` of every request let through, per tier."""
    per_key: Counter[str] = attrs.Factory(Counter)
    """Requests seen per Idempotency-Key (a retry or a replay counts again)."""
    per_recipient: Counter[str] = attrs.Factory(Counter)
    """Messages created per recipient number (replays and failed sends do not count)."""

    def max_in_window(self, tier: str = "message", window: float = 1.0) -> int:
        """The most requests of ``tier`` accepted within any ``window`` seconds."""
        times, best, first = self.accepted.get(tier, []), 0, 0
        for last, at in enumerate(times):
            while at - times[first] >= window:
                first += 1
            best = max(best, last - first + 1)
        return best

    def messaged_twice(self) -> list[str]:
        """Recipients who were sent more than one message."""
        return [to for to, count in self.per_recipient.items() if count > 1]

    def to_json(self) -> dict[str, Any]:
        """The counts as JSON (``GET /__fake/account``): per tier, and per recipient and key."""
        tiers = sorted({*self.requests, *self.accepted})
        return {
            "requests": dict(self.requests),
            "rate_limited": dict(self.rate_limited),
            "accepted": {tier: len(self.accepted.get(tier, [])) for tier in tiers},
            "busiest_second": {tier: self.max_in_window(tier) for tier in tiers},
            "per_recipient": dict(self.per_recipient),
            "messaged_twice": self.messaged_twice(),
            "per_key": dict(self.per_key),
            "keys": len(self.per_key),
            "keys_seen_twice": sum(1 for count in self.per_key.values() if count > 1),
        }

    def reset(self) -> None:
        for counter in (self.requests, self.rate_limited, self.per_key, self.per_recipient):
            counter.clear()
        self.accepted.clear()


class Account:
    """The account limit and counters; the pipeline hands it every request (``admit``)."""

    def __init__(self, limits: Limits | None, retry_after: float | None) -> None:
        self.limits = check_limits(limits)
        self.retry_after = retry_after
        self.stats = AccountStats()
        self._tat: dict[str, float] = {}

    def _wait(self, tier: Tier, now: float) -> float:
        """GCRA: 0 and a slot taken, or how long until the tier has room."""
        limit = self.limits.get(tier)
        if limit is None:
            return 0.0
        interval = 1.0 / limit.rate
        tat = max(self._tat.get(tier, now), now)
        wait = tat - (limit.burst - 1) * interval - now
        if wait > 1e-9:
            return wait
        self._tat[tier] = tat + interval
        return 0.0

    def reset(self) -> None:
        """Forget the counters and the limit's state (``FakeSent.reset``); the limits stay."""
        self.stats.reset()
        self._tat.clear()

    async def admit(
        self,
        request: web.Request,
        body: bytes,
        respond: Callable[[], Awaitable[web.StreamResponse]],
    ) -> web.StreamResponse:
        """Answer 429 past the tier's limit, else ``respond()``; count both."""
        tier, stats, now = tier_of(request.method, request.path), self.stats, time.monotonic()
        stats.requests[tier] += 1
        key = request.headers.get("idempotency-key")
        if key is not None:
            stats.per_key[key] += 1
        wait = self._wait(tier, now)
        if wait > 0:
            stats.rate_limited[tier] += 1
            after = self.retry_after if self.retry_after is not None else max(1, math.ceil(wait))
            failure = ApiFailure(429, "BUSINESS_002", "Rate limit exceeded")
            return error_response(failure, {"Retry-After": f"{after:g}"})
        stats.accepted.setdefault(tier, []).append(now)
        response = await respond()
        replayed = "Idempotent-Replayed" in response.headers
        if tier == "message" and response.status < 300 and not replayed:
            self._count_recipients(body)
        return response

    def _count_recipients(self, body: bytes) -> None:
        try:
            to = json.loads(body).get("to") or []
        except (ValueError, AttributeError):
            return
        for number in to if isinstance(to, list) else []:
            self.stats.per_recipient[str(number)] += 1
