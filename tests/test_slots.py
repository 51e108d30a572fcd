"""Connection slots: bounded, FIFO, deadline-aware and safe under cancellation."""

from __future__ import annotations

import asyncio

import pytest

from sent_async._transport.slots import Slots, SlotTimeout

pytestmark = pytest.mark.anyio


async def test_fifo_and_bounded():
    slots, order = Slots(1), []
    await slots.take(asyncio.get_running_loop().time() + 5)

    async def wait(name: str) -> None:
        await slots.take(asyncio.get_running_loop().time() + 5)
        order.append(name)
        slots.give_back()

    tasks = [asyncio.create_task(wait(n)) for n in "abc"]
    await asyncio.sleep(0.01)
    assert order == [] and slots.free == 0
    slots.give_back()
    await asyncio.gather(*tasks)
    assert order == ["a", "b", "c"] and slots.free == 1


async def test_deadline():
    slots = Slots(1)
    assert slots.try_take()
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(SlotTimeout):
        await slots.take(started + 0.05)
    assert 0.04 < loop.time() - started < 1
    slots.give_back()
    assert slots.free == 1  # the timed-out waiter took nothing


async def test_cancelled_waiters_take_nothing():
    slots = Slots(1)
    assert slots.try_take()
    waiter = asyncio.create_task(slots.take(asyncio.get_running_loop().time() + 5))
    await asyncio.sleep(0.01)
    slots.give_back()  # granted to the waiter...
    waiter.cancel()  # ...which is cancelled before it runs: the slot must come back
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert slots.free == 1


async def test_each_waiter_times_out_at_its_own_deadline():
    """One timer serves the whole queue: a later waiter with an earlier deadline still
    times out first, and the others keep waiting."""
    slots = Slots(1)
    assert slots.try_take()
    loop = asyncio.get_running_loop()
    started = loop.time()
    late = asyncio.create_task(slots.take(started + 5))
    early = asyncio.create_task(slots.take(started + 0.05))
    with pytest.raises(SlotTimeout):
        await early
    assert 0.04 < loop.time() - started < 1 and not late.done()
    slots.give_back()  # the waiter left in the queue gets it
    await late
    assert slots.free == 0


async def test_the_timer_moves_on_to_the_next_deadline():
    slots = Slots(1)
    assert slots.try_take()
    loop = asyncio.get_running_loop()
    started = loop.time()
    first = asyncio.create_task(slots.take(started + 0.05))
    second = asyncio.create_task(slots.take(started + 0.15))
    await asyncio.sleep(0.01)
    slots.give_back()  # the first is served before its deadline
    await first
    with pytest.raises(SlotTimeout):  # the second still times out, at its own deadline
        await asyncio.wait_for(second, 2)
    assert 0.14 < loop.time() - started < 1
    slots.give_back()
    assert slots.free == 1
