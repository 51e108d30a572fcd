"""When to retry, and how long to wait: the policy as data plus one ``decide()``.

The rules are those of docs/reliability.md §1. A failure that happened before the request
could have reached the server (DNS, refused, connect timeout) is always retried. One after
(read timeout, reset, truncated body, a 5xx) is retried only when replaying is safe: the method
is idempotent or an Idempotency-Key is attached, so the server deduplicates the replay.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping
from typing import Literal

import attrs

Phase = Literal["pre_send", "post_send", "local"]
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
NON_TRANSIENT_CODES = frozenset({"LIMIT_001"})
"""429 codes that waiting cannot fix (LIMIT_001: 1,000,000 scheduled messages held)."""
RETRYABLE_CONFLICT_CODES = frozenset({"CONFLICT_001"})
"""409 codes worth a retry with the same key (the first request is still in flight)."""


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How a client retries. Every field can be changed per client or per call (with_options)."""

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = frozenset({408, 429, 500, 502, 503, 504})
    budget: int = 500
    """Client-wide retry tokens (botocore-style quota): a dead API is not hammered."""
    min_attempt_time: float = 1.0
    """No new attempt is started with less than this left of the call's deadline."""

    def backoff(self, retry_number: int) -> float:
        """Exponential backoff with 50-100% jitter: 0.25-0.5 s, 0.5-1 s, ... capped."""
        base = min(self.max_delay, self.initial_delay * 2.0 ** (retry_number - 1))
        return base * (0.5 + random.random() / 2)


@attrs.frozen
class Decision:
    """What to do after a failed attempt."""

    retry: bool
    delay: float = 0.0
    reason: str = ""


def decide(
    policy: RetryPolicy,
    *,
    retry_number: int,
    replay_safe: bool,
    phase: Phase,
    status: int | None = None,
    code: str | None = None,
    retry_after: float | None = None,
    should_retry: str | None = None,
    remaining: float = math.inf,
) -> Decision:
    """Decide whether retry ``retry_number`` (1-based) happens, and after how long.

    ``retry_after`` is the failed response's parsed Retry-After (``APIStatusError.retry_after``)
    and ``should_retry`` its ``x-should-retry`` header; both are None for connection failures.
    """
    if retry_number > policy.max_retries:
        return Decision(False, reason="retries exhausted")
    if phase == "local":
        return Decision(False, reason="local error")
    if status is None:
        if phase == "post_send" and not replay_safe:
            return Decision(False, reason="outcome unknown and the request is not replay-safe")
        return _after(policy, retry_number, None, remaining, "connection failure")
    if should_retry == "false":
        return Decision(False, reason="server said x-should-retry: false")
    if should_retry != "true":
        if status not in policy.retry_statuses and not (
            status == 409 and code in RETRYABLE_CONFLICT_CODES
        ):
            return Decision(False, reason=f"status {status} is not retryable")
        if status == 429 and code in NON_TRANSIENT_CODES:
            return Decision(False, reason=f"{code} is not transient")
    if not replay_safe:
        return Decision(False, reason="the request is not replay-safe")
    return _after(policy, retry_number, retry_after, remaining, f"status {status}")


def pause_after_429(
    policy: RetryPolicy, code: str | None, retry_after: float | None
) -> float | None:
    """How long a 429 pauses the whole client (the gate), or None when it must not pause it.

    A non-transient 429 (``LIMIT_001``) is not a rate: pausing would not help. Otherwise the
    pause is the Retry-After capped at ``max_retry_after``, or one back-off step without one.
    """
    if code in NON_TRANSIENT_CODES:
        return None
    return (
        min(retry_after, policy.max_retry_after) if retry_after is not None else policy.backoff(1)
    )


def _after(
    policy: RetryPolicy, retry_number: int, retry_after: float | None, remaining: float, why: str
) -> Decision:
    if retry_after is not None:
        if retry_after > policy.max_retry_after or retry_after > remaining:
            return Decision(False, reason="Retry-After exceeds what we may wait")
        delay = retry_after + random.uniform(0, min(1.0, 0.1 * retry_after))
    else:
        delay = policy.backoff(retry_number)
    if delay + policy.min_attempt_time > remaining:
        return Decision(False, reason="deadline too close")
    return Decision(True, delay=delay, reason=why)


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from ``retry-after-ms``, or ``Retry-After`` as seconds or an HTTP-date."""
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            value = float(raw_ms) / 1000
        except ValueError:
            value = math.nan
        if math.isfinite(value):
            return max(0.0, value)
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        value = float(raw)
    except ValueError:
        import datetime  # an HTTP-date Retry-After is rare: loaded here, not at import
        import email.utils

        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:  # "-0000" zone: RFC 9110 dates are always GMT
            when = when.replace(tzinfo=datetime.timezone.utc)
        try:
            value = when.timestamp() - (time.time() if now is None else now)
        except (OverflowError, OSError, ValueError):
            return None
    if not math.isfinite(value):
        return None
    return max(0.0, value)


class RetryBudget:
    """A token bucket shared by one client: retries spend tokens, successes earn them back."""

    RETRY_COST = 5
    TIMEOUT_RETRY_COST = 10

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.tokens = capacity

    def spend(self, timeout: bool) -> int:
        """Take the price of one retry; 0 means the bucket is empty and no retry may happen."""
        cost = self.TIMEOUT_RETRY_COST if timeout else self.RETRY_COST
        if self.tokens < cost:
            return 0
        self.tokens -= cost
        return cost

    def succeeded(self, spent: int) -> None:
        """A call succeeded: refund what it spent on retries, or earn one token."""
        self.tokens = min(self.capacity, self.tokens + (spent or 1))
