"""Outages in bulk jobs: pause and probe while Sent is unreachable, instead of failing the rest.

A call that fails on the connection or with a 5xx (after the transport's own retries) counts
towards a job-wide streak; any answer from the server resets it. ``after`` such failures in a
row mean an outage: the job starts no new call, waits ``initial_delay``, then lets one call
through (the probe), doubling the wait up to ``max_delay`` while probes fail. The first
answer ends the outage and every held item is called again. An item is only called again when
that cannot send it twice: the job has stable keys (``job_id``/``key``), or the error says the
request was never sent. An outage longer than ``give_up_after`` stops the job with
``stop_reason="outage"`` (the items not yet called are skipped, so a re-run resumes them).
"""

from __future__ import annotations

import logging
import random

import anyio
import attrs

from .._errors import APIConnectionError, APIStatusError, SentValidationError

log = logging.getLogger("sent")


def _seconds(value: object, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise SentValidationError(f"{name} must be a positive number of seconds, got {value!r}")


@attrs.frozen(kw_only=True)
class OutagePolicy:
    """When a bulk job treats failures as an outage, and how it probes (``outage=``).

    ``after`` connection failures or 5xx answers in a row (job-wide) start an outage; probes
    follow after ``initial_delay`` seconds, doubling up to ``max_delay``; after
    ``give_up_after`` seconds of one outage the job stops (None: never).
    """

    after: int = 3
    initial_delay: float = 1.0
    max_delay: float = 30.0
    give_up_after: float | None = 900.0

    def __attrs_post_init__(self) -> None:
        if isinstance(self.after, bool) or not isinstance(self.after, int) or self.after < 1:
            raise SentValidationError(f"after must be an integer >= 1, got {self.after!r}")
        _seconds(self.initial_delay, "initial_delay")
        _seconds(self.max_delay, "max_delay")
        if self.give_up_after is not None:
            _seconds(self.give_up_after, "give_up_after")


def is_outage_error(exc: BaseException) -> bool:
    """No answer at all, or a 5xx: the kind of failure an outage causes."""
    if isinstance(exc, APIStatusError):
        return exc.status_code >= 500
    return isinstance(exc, APIConnectionError)


class OutageWatch:
    """One job's outage state: the streak, the pause, the probe. Lives on the job's loop."""

    def __init__(self, policy: OutagePolicy) -> None:
        self.policy = policy
        self.streak = 0
        self.outages = 0
        """How many outages paused the job."""
        self.paused = 0.0
        """Seconds the job spent paused by outages."""
        self.gave_up = False
        self._since: float | None = None
        self._delay = policy.initial_delay
        self._probe_at = 0.0
        self._probing = False
        self._over: anyio.Event | None = None

    def __repr__(self) -> str:
        return f"<OutageWatch outages={self.outages} paused={self.paused:.1f}s>"

    @property
    def active(self) -> bool:
        """True while an outage holds the job's calls."""
        return self._since is not None

    async def hold(self) -> bool:
        """Before a call: wait while an outage holds calls; True when this call is the probe."""
        while self._since is not None:
            if self._probing:
                assert self._over is not None
                await self._over.wait()
                continue
            wait = self._probe_at - anyio.current_time()
            if wait > 0:
                await anyio.sleep(wait)
                continue
            self._probing = True
            return True
        return False

    def answered(self) -> None:
        """The server answered a call (success or a non-5xx error): no outage, or its end."""
        self.streak = 0
        if self._since is not None:
            log.warning("bulk job: Sent answers again after %.1fs; resuming", self._elapsed())
            self._end()

    def failed(self, probe: bool) -> None:
        """A call failed on the connection or with a 5xx: count it; begin or extend an outage."""
        if self.gave_up:
            return
        self.streak += 1
        now = anyio.current_time()
        if self._since is None:
            if self.streak >= self.policy.after:
                self._since, self._delay = now, self.policy.initial_delay
                self._probe_at, self._probing = now + self._delay, False
                self._over = anyio.Event()
                self.outages += 1
                log.warning("bulk job: %d calls in a row failed; pausing (outage)", self.streak)
            return
        limit = self.policy.give_up_after
        if limit is not None and now - self._since >= limit:
            log.warning("bulk job: Sent unreachable for %gs; stopping the job", limit)
            self.gave_up = True
            self._end()
        elif probe:
            self._delay = min(self._delay * 2, self.policy.max_delay)
            self._probe_at, self._probing = now + self._delay * random.uniform(0.9, 1.1), False

    def retry_delay(self, tries: int) -> float | None:
        """After ``failed``: seconds before the item is called again (0: once the outage ends),
        or None to let it fail (it failed ``after`` times alone while others got answers)."""
        if self.gave_up:
            return None
        if self._since is not None:
            return 0.0
        if tries >= self.policy.after:
            return None
        return float(min(self.policy.initial_delay * 2 ** (tries - 1), self.policy.max_delay))

    def _elapsed(self) -> float:
        return anyio.current_time() - self._since if self._since is not None else 0.0

    def _end(self) -> None:
        self.paused += self._elapsed()
        self._since, self._probing = None, False
        over, self._over = self._over, None
        if over is not None:
            over.set()
