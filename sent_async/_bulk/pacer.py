"""Client-side pacing for bulk jobs: one token bucket per job, a shared pause on 429, and AIMD.

Sent limits requests per organization (200/min on most endpoints, 60-300 messages/min by
plan), so a job's workers share one ``Pacer``:

* **Token bucket.** With a ``RateLimit``, calls start at most ``rate`` per second, ``burst`` of
  them back to back after an idle spell. Slots are reserved in order (GCRA), so waiting
  workers do not wake up in a herd.
* **Pause on 429.** When any call is rate limited, by a ``RateLimitError`` reaching the job or
  by the transport's client-wide gate (``Core.gate_until``, set from Retry-After), no new call
  starts until the pause is over. Workers never retry on their own beyond the transport. The
  job hands ``on_rate_limited`` a Retry-After capped at its client's
  ``RetryPolicy.max_retry_after`` (which caps the gate too; ``max_pause`` caps it here as
  well): a ``Retry-After: 86400`` must not freeze a job for a day.
* **AIMD.** Each 429 storm halves the rate (from the recent throughput when the job was not
  paced); every second without one adds back 5% of the rate before the cut, up to the
  configured limit (or, for a job that was not paced, up to its old speed, where pacing stops).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from typing import Protocol

import anyio
import attrs

from .._errors import SentValidationError

MIN_RATE = 1 / 60
"""The adaptive rate never drops below one call per minute."""
INCREASE = 0.05
"""Additive increase: this share of the pre-429 rate is added back per second of success."""
DEFAULT_PAUSE = 1.0
"""How long to pause after a 429 that did not say (no Retry-After)."""
DEFAULT_MAX_PAUSE = math.inf
"""No cap of its own: the job caps ``retry_after`` at its client's ``max_retry_after`` first."""
RECENT = 64
MIN_SPAN = 0.25
"""An unpaced job's rate is measured over its last RECENT call starts (at least MIN_SPAN s)."""


@attrs.frozen(kw_only=True)
class RateLimit:
    """A call rate for a bulk job: ``RateLimit(per_minute=200)`` or ``RateLimit(per_second=3)``.

    One token per ``fn`` call (a call making several requests still takes one). ``burst``
    calls may start back to back after an idle spell; the default 1 spaces them evenly, which
    is the safe reading of Sent's per-minute limits. A plain number given as ``rate_limit``
    means calls per minute, the unit Sent documents.
    """

    per_second: float | None = None
    per_minute: float | None = None
    burst: int = 1

    def __attrs_post_init__(self) -> None:
        given = [v for v in (self.per_second, self.per_minute) if v is not None]
        if len(given) != 1:
            raise SentValidationError("RateLimit takes exactly one of per_second, per_minute")
        if isinstance(given[0], bool) or not isinstance(given[0], (int, float)) or given[0] <= 0:
            raise SentValidationError(f"a rate must be a positive number, got {given[0]!r}")
        if isinstance(self.burst, bool) or not isinstance(self.burst, int) or self.burst < 1:
            raise SentValidationError(f"burst must be an integer >= 1, got {self.burst!r}")

    @property
    def rate(self) -> float:
        """Calls per second."""
        if self.per_second is not None:
            return float(self.per_second)
        assert self.per_minute is not None
        return float(self.per_minute) / 60

    @classmethod
    def of(cls, value: RateLimit | float | None) -> RateLimit | None:
        """Accept a RateLimit, a number of calls per minute, or None (no client-side limit)."""
        if value is None or isinstance(value, RateLimit):
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise SentValidationError(
                f"rate_limit must be a RateLimit or calls per minute, got {value!r}"
            )
        return cls(per_minute=value)


class Gate(Protocol):
    """What the pacer reads from the transport: the client-wide 429 gate."""

    @property
    def gate_until(self) -> float: ...


class Pacer:
    """When the next call of one bulk job may start. Lives on the job's event loop only."""

    def __init__(
        self,
        limit: RateLimit | None,
        gate: Gate,
        *,
        adaptive: bool = True,
        max_pause: float = DEFAULT_MAX_PAUSE,
        clock: Callable[[], float] = anyio.current_time,
    ) -> None:
        self._clock = clock
        self._max_pause = max_pause
        self._gate = gate
        self._seen_gate = gate.gate_until
        self._adaptive = adaptive
        self._ceiling = limit.rate if limit is not None else None
        self._burst = limit.burst if limit is not None else 1
        self._rate = self._ceiling
        self._reference = self._ceiling
        self._tat = 0.0  # GCRA: when the bucket would next be empty
        self._paused_until = 0.0
        self._storm_until = 0.0
        self._grown_at = 0.0
        self._recent: deque[float] = deque(maxlen=RECENT)
        self.pauses = 0
        """How many 429 storms paused the job."""

    def __repr__(self) -> str:
        return f"<Pacer rate={self._rate!r} pauses={self.pauses}>"

    @property
    def rate(self) -> float | None:
        """The current pacing rate in calls per second; None when calls are not paced."""
        return self._rate

    def paused_for(self, now: float | None = None) -> float:
        """Seconds until new calls may start again after a 429 (0 when not paused)."""
        now = self._clock() if now is None else now
        return max(0.0, self._pause_end(now) - now)

    async def acquire(self) -> None:
        """Wait until one more call may start (no wait at all when unpaced and not paused)."""
        while True:
            now = self._clock()
            end = self._pause_end(now)
            if end > now:
                await anyio.sleep(end - now)
                continue
            wait = self.reserve(now)
            if wait <= 0:
                return
            await anyio.sleep(wait)
            now = self._clock()
            if self._pause_end(now) <= now:
                return  # the reserved slot came; a 429 meanwhile means waiting again

    def reserve(self, now: float) -> float:
        """Take the next slot; returns how long to wait for it (0: start now)."""
        self._recent.append(now)
        if self._rate is None:
            return 0.0
        interval = 1.0 / self._rate
        tat = max(self._tat, now)
        self._tat = tat + interval
        return max(0.0, tat - (self._burst - 1) * interval - now)

    def on_success(self, now: float | None = None) -> None:
        """A call succeeded: grow a reduced rate back (additive increase, per second)."""
        if self._rate is None or self._reference is None or not self._adaptive:
            return
        cap = self._ceiling if self._ceiling is not None else self._reference
        now = self._clock() if now is None else now
        if self._rate >= cap or now < self._grown_at:
            return  # at full speed, or still inside a pause
        step = INCREASE * self._reference * (now - self._grown_at)
        self._grown_at = now
        self._rate = min(self._rate + step, cap)
        if self._ceiling is None and self._rate >= cap:
            self._rate = self._reference = None  # back at the old speed: stop pacing

    def on_rate_limited(self, retry_after: float | None, now: float | None = None) -> None:
        """A call was rate limited: pause every worker (``max_pause`` at most), cut the rate."""
        now = self._clock() if now is None else now
        pause = retry_after if retry_after is not None and retry_after >= 0 else DEFAULT_PAUSE
        pause = min(pause, self._max_pause)
        self._paused_until = max(self._paused_until, now + pause)
        self._cut(now)

    def _pause_end(self, now: float) -> float:
        gate = self._gate.gate_until
        if gate > self._seen_gate:  # the transport saw a 429 (and maybe retried it itself)
            self._seen_gate = gate
            self._cut(now)
        return max(gate, self._paused_until)

    def _cut(self, now: float) -> None:
        """Multiplicative decrease, once for all the 429s of one storm."""
        end = max(self._paused_until, self._gate.gate_until)
        if now < self._storm_until:
            self._storm_until = max(self._storm_until, end)
            self._grown_at = max(self._grown_at, end)  # growth resumes after the longer pause
            return
        self.pauses += 1
        self._storm_until = end
        if not self._adaptive:
            return
        current = self._rate
        if current is None:  # unpaced until now: start from the recent throughput
            span = now - self._recent[0] if self._recent else 0.0
            current = max(MIN_RATE, len(self._recent) / max(span, MIN_SPAN))
        self._reference = current
        self._rate = max(MIN_RATE, current / 2)
        self._grown_at = end
