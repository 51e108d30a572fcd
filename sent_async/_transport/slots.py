"""Connection slots: how many attempts of one client may be on the wire at once.

A small counter with a FIFO of waiters, sized like the aiohttp connector so aiohttp never queues
(its pool wait would count against the attempt's timeout). Waiting has a deadline, kept by one
loop timer for the whole queue (at its earliest deadline) instead of a cancel scope or a timer
per waiter: at high concurrency most calls wait here, and a timer each cost a heap push, a
cancel and a heap pop of Python comparisons per call.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque


class SlotTimeout(Exception):
    """Internal: no slot became free before the call's deadline."""


class Slots:
    """A bounded pool of slots for one event loop; FIFO, cancellation-safe."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._free = size
        self._waiters: deque[tuple[asyncio.Future[None], float]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = 0.0  # loop time the timer fires at (when there is one)

    def __repr__(self) -> str:
        return f"<Slots free={self._free}/{self.size} waiting={len(self._waiters)}>"

    @property
    def free(self) -> int:
        return self._free

    def try_take(self) -> bool:
        """Take a slot if one is free and nobody queues for it (never waits)."""
        if self._free > 0 and not self._waiters:
            self._free -= 1
            return True
        return False

    async def take(self, deadline: float) -> None:
        """Wait (FIFO) for a slot until ``deadline`` (loop time); SlotTimeout past it."""
        if self.try_take():
            return
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        entry = (waiter, deadline)
        self._waiters.append(entry)
        if self._timer is None or deadline < self._timer_at:
            self._arm(loop, deadline)
        try:
            await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self.give_back()  # granted just as we were cancelled: pass it on
            else:
                with contextlib.suppress(ValueError):  # already popped by give_back()
                    self._waiters.remove(entry)
            raise

    def give_back(self) -> None:
        """Return a slot: the oldest live waiter gets it, else it becomes free."""
        while self._waiters:
            waiter, _ = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1

    def _arm(self, loop: asyncio.AbstractEventLoop, when: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer, self._timer_at = loop.call_at(when, self._expire, loop, when), when

    def _expire(self, loop: asyncio.AbstractEventLoop, when: float) -> None:
        """The timer fired at ``when``: every waiter due by then times out; the timer moves to
        the earliest deadline left (a waiter already served or cancelled is skipped)."""
        self._timer = None
        soonest: float | None = None
        for waiter, deadline in self._waiters:
            if waiter.done():
                continue
            if deadline <= when:
                waiter.set_exception(SlotTimeout())
            elif soonest is None or deadline < soonest:
                soonest = deadline
        if soonest is not None:
            self._arm(loop, soonest)
