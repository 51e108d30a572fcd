"""Many tasks at once: queueing without false timeouts, cancellation, closing under load."""

from __future__ import annotations

import asyncio
import time

import pytest

from sent_async import APITimeoutError, AsyncSent, ClientClosedError, Timeout

from .support import PROFILE_ID, Ledger, Raw, client, http_response, raises_sdk, sdk_only

pytestmark = pytest.mark.anyio


def serving(delay: float):
    """Keep-alive handler: every request is answered after ``delay`` seconds."""
    holder: list[Raw] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await holder[0].read_request(reader) is not None:
            try:
                if not await asyncio.wait_for(reader.read(1), delay):
                    return  # the client closed the connection while we were "working"
            except asyncio.TimeoutError:
                pass
            writer.write(http_response())
            await writer.drain()

    return handle, holder


async def test_a_thousand_calls_through_fifty_connections_never_time_out(raw_server):
    """The attempt clock starts once a slot is held: 1,000 calls x 30 ms over 50 connections
    need about 0.6 s in all, far longer than the 0.3 s each attempt may take."""
    handle, holder = serving(0.03)
    raw = await raw_server(handle, max_active=50)
    holder.append(raw)
    timeout = Timeout(connect=1, read=0.3, attempt=0.3, deadline=30)
    async with client(raw.base_url, max_connections=50, timeout=timeout) as sent:
        started = time.monotonic()
        results = await asyncio.gather(
            *(sent.profiles.get(PROFILE_ID) for _ in range(1000)), return_exceptions=True
        )
        elapsed = time.monotonic() - started
        connector = sent._core._session.connector  # type: ignore[union-attr]
        assert connector is not None and len(connector._acquired) == 0
    assert sdk_only(results) == []
    assert len(raw.requests) == 1000  # no attempt was retried: none timed out
    assert raw.peak <= 50 and raw.connections <= 50
    assert elapsed > timeout.attempt * 1.5


async def test_waiting_for_a_slot_is_bounded_by_the_deadline(raw_server):
    handle, holder = serving(1.0)
    raw = await raw_server(handle)
    holder.append(raw)
    async with client(raw.base_url, max_connections=1) as sent:
        slow = asyncio.create_task(sent.profiles.get(PROFILE_ID))
        await asyncio.sleep(0.1)
        quick = sent.with_options(timeout=Timeout(deadline=0.3))
        started = time.monotonic()
        with raises_sdk(APITimeoutError) as info:
            await quick.profiles.create(name="queued")
        assert time.monotonic() - started < 0.5
        assert info.value.outcome == "not_sent" and info.value.attempts == 0
        assert "connection slot" in str(info.value)
        await slow
    assert len(raw.requests) == 1  # the queued POST never went out


async def test_cancelling_a_batch_midway_leaks_nothing(raw_server):
    handle, holder = serving(0.5)
    raw = await raw_server(handle)
    holder.append(raw)
    async with client(raw.base_url, max_connections=20) as sent:
        tasks = [asyncio.create_task(sent.profiles.create(name=f"n{i}")) for i in range(100)]
        await asyncio.sleep(0.2)  # 20 in flight, 80 queued for a slot
        for task in tasks[::2]:
            task.cancel()
        await asyncio.sleep(0.05)
        for task in tasks[1::2]:
            task.cancel()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        assert all(isinstance(r, asyncio.CancelledError) for r in results)
        core = sent._core
        connector = core._session.connector  # type: ignore[union-attr]
        assert connector is not None and len(connector._acquired) == 0
        assert core._limiter is not None
        assert core._limiter.free == core._max_connections  # every slot was given back
        await asyncio.sleep(0.05)
        assert raw.active == 0  # the server saw every cancelled request's connection close
        assert (await sent.profiles.get(PROFILE_ID)).id == PROFILE_ID  # still usable
    assert 21 <= len(raw.requests) <= 31  # 20 + the queued ones that got a freed slot + 1


async def test_closing_the_client_under_load(ledger: Ledger):
    ledger.plan = ["stall"] * 5
    sent = client(ledger.base_url, max_connections=5)
    tasks = [asyncio.create_task(sent.profiles.create(name=f"n{i}")) for i in range(20)]
    await asyncio.sleep(0.2)
    await sent.aclose()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    errors = sdk_only(results)
    assert len(errors) == 20 and all(isinstance(e, ClientClosedError) for e in errors)
    with raises_sdk(ClientClosedError):
        await sent.profiles.get(PROFILE_ID)
    assert len(ledger.posts()) == 5  # the queued ones never went out


async def test_a_client_is_bound_to_one_event_loop(ledger: Ledger):
    sent = client(ledger.base_url)
    await sent.profiles.create(name="home loop")
    errors: list[BaseException] = []

    def elsewhere() -> None:
        try:
            asyncio.run(sent.profiles.create(name="other loop"))
        except BaseException as exc:
            errors.append(exc)

    await asyncio.to_thread(elsewhere)
    await sent.aclose()
    assert len(errors) == 1 and isinstance(errors[0], ClientClosedError)
    assert "event loop" in str(errors[0]) and len(ledger.posts()) == 1


async def test_a_client_closed_on_another_loop_thread_closes_cleanly(ledger: Ledger):
    sent: AsyncSent = client(ledger.base_url)
    await sent.profiles.create(name="x")
    await asyncio.to_thread(asyncio.run, sent.aclose())  # from another thread's loop
    assert sent.is_closed
