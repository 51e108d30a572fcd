"""The client-wide rate-limit gate: one 429 pauses every new request of the client.

After a transient 429 the gate closes for the Retry-After (capped). While it is closed no
request of the client is dispatched, including those already queued for a connection slot.
When the time is up, exactly one request goes first (the probe). If it is rate limited again
the gate closes again; otherwise the waiters are let through spread over up to a second (about
one per millisecond), so a thousand tasks paused by the same 429 never wake in the same instant.
"""

from __future__ import annotations

import random

import anyio


class GateClosed(Exception):
    """Internal: the gate stays closed longer than the call may wait."""

    def __init__(self, wait: float | None) -> None:
        super().__init__("rate-limit gate closed")
        self.wait = wait


class RateGate:
    """Pause/probe/release state shared by one client and its views (one event loop)."""

    def __init__(self) -> None:
        self._until = 0.0
        self._spread = 0.0
        self._needs_probe = False
        self._probe: anyio.Event | None = None
        self._waiting = 0

    def __repr__(self) -> str:
        return f"<RateGate closed_for={self.closed_for():.2f}s probing={self._probe is not None}>"

    @property
    def until(self) -> float:
        """Loop time at which the pause ends (the probe may still be out after it)."""
        return self._until

    def closed_for(self) -> float:
        """Seconds until the gate opens by time (0 when open or waiting for a probe)."""
        return max(0.0, self._until - anyio.current_time())

    def close(self, seconds: float) -> None:
        """A transient 429 arrived: no new dispatches for ``seconds``, then probe first."""
        if not self._needs_probe:
            self._spread = 0.0  # a fresh episode, not an extension of the last one
        self._until = max(self._until, anyio.current_time() + seconds)
        self._spread = max(self._spread, min(1.0, 0.1 * seconds))
        self._needs_probe = True

    async def wait(self, patience: float) -> None:
        """Sleep while the gate is closed or a probe is out; raise GateClosed past ``patience``."""
        give_up = anyio.current_time() + patience
        self._waiting += 1
        try:
            while True:
                now = anyio.current_time()
                if self._until > now:
                    if self._until > give_up:
                        raise GateClosed(self._until - now)
                    await anyio.sleep(self._until - now + self._jitter())
                elif self._probe is not None:
                    probe = self._probe
                    with anyio.move_on_after(give_up - now) as scope:
                        await probe.wait()
                    if scope.cancelled_caught:
                        raise GateClosed(None)
                    await anyio.sleep(self._jitter())
                else:
                    return
        finally:
            self._waiting -= 1

    def is_open(self) -> bool:
        """True when nothing is paused or probing: a request may go without waiting."""
        if self._needs_probe or self._probe is not None:
            return False
        return self._until == 0.0 or self._until <= anyio.current_time()

    def admit(self) -> bool | None:
        """Called holding a connection slot: None = go back and wait, True = you are the probe."""
        if self._probe is not None or (self._until and self._until > anyio.current_time()):
            return None
        if self._needs_probe:
            self._probe = anyio.Event()
            return True
        return False

    def probe_done(self, still_limited: bool) -> None:
        """The probe finished; unless it was rate limited again, the gate is open."""
        if not still_limited:
            self._needs_probe = False
        probe, self._probe = self._probe, None
        if probe is not None:
            probe.set()

    def _jitter(self) -> float:
        # At least U(0, min(1 s, 0.1 x Retry-After)) (docs/reliability.md §4); with many
        # waiters about one wake per millisecond (capped at a second), so a crowd ramps up
        # instead of stampeding.
        spread = min(1.0, max(self._spread, self._waiting / 1000))
        return random.uniform(0, spread)
