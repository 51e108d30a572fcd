"""Connection slots: how many attempts of one client may be on the wire at once.

A small counter with a FIFO of waiters, sized like the aiohttp connector so aiohttp never queues
(its pool wait would count against the attempt's timeout). Waiting has a deadline, kept with one
loop timer per waiter instead of a cancel scope: at high concurrency most calls wait here, so
this is on the hot path.
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
        self._waiters: deque[asyncio.Future[None]] = deque()

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
        self._waiters.append(waiter)
        timer = loop.call_at(deadline, _expire, waiter)
        try:
            await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self.give_back()  # granted just as we were cancelled: pass it on
            else:
                with contextlib.suppress(ValueError):  # already popped by give_back()
                    self._waiters.remove(waiter)
            raise
        finally:
            timer.cancel()

    def give_back(self) -> None:
        """Return a slot: the oldest live waiter gets it, else it becomes free."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1


def _expire(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_exception(SlotTimeout())
