"""Shutdown and lifetime: closing ends every call at once; a client outliving its loop is quiet.

A graceful shutdown (Kubernetes gives 30 s) must not wait for a stalled server: ``aclose()``
and the sync ``close()`` end calls in flight, queued for a connection slot, paused by a 429 or
sleeping before a retry, each with ``ClientClosedError``, within about a second. A client
whose event loop ended (``asyncio.run`` twice, a notebook) closes its session with the loop,
and one dropped while its loop runs closes it at once: no warnings, no socket left to the GC.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import threading
import time
from typing import Any

import pytest

import sent_sync
from sent_async import ClientClosedError, RetryPolicy, Timeout

from .support import API_KEY, PROFILE_ID, Raw, client, http_response

pytestmark = pytest.mark.anyio

SLOW = Timeout(connect=5.0, read=30.0, attempt=30.0, deadline=120.0)  # the defaults
PATIENT = RetryPolicy(max_retries=2, max_retry_after=60.0)


async def stall(raw: Raw, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Read the request, never answer."""
    await raw.read_request(reader)
    await asyncio.sleep(3600)


async def outcome(call: Any) -> BaseException | str:
    try:
        await call
    except BaseException as exc:
        return exc
    return "returned"


async def test_aclose_ends_calls_in_flight_and_queued_at_once(raw_server):
    raw: Raw = await raw_server(lambda r, w: stall(raw, r, w))
    sent = client(raw.base_url, max_connections=3, timeout=SLOW, retry=PATIENT)
    tasks = [asyncio.ensure_future(outcome(sent.profiles.get(PROFILE_ID))) for _ in range(10)]
    while len(raw.requests) < 3:  # three on the wire, seven queued for a slot
        await asyncio.sleep(0.01)
    began = time.monotonic()
    await sent.aclose()
    results = await asyncio.wait_for(asyncio.gather(*tasks), 5)
    took = time.monotonic() - began
    assert all(isinstance(r, ClientClosedError) for r in results), results
    assert took < 1.0, f"aclose() left calls running for {took:.1f}s"
    assert len(raw.requests) == 3  # the queued calls never went out


async def test_aclose_ends_calls_waiting_on_a_429_or_a_retry(raw_server):
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await raw.read_request(reader) is not None:
            status = 429 if len(raw.requests) == 1 else 503
            writer.write(http_response(status, headers={"Retry-After": "50"}))
            await writer.drain()

    raw: Raw = await raw_server(answer)
    sent = client(raw.base_url, timeout=SLOW, retry=PATIENT)
    paused = asyncio.ensure_future(outcome(sent.profiles.get(PROFILE_ID)))  # 429: the gate
    while len(raw.requests) < 1:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.1)
    queued = [asyncio.ensure_future(outcome(sent.profiles.get(PROFILE_ID))) for _ in range(3)]
    await asyncio.sleep(0.1)
    began = time.monotonic()
    await sent.aclose()
    results = await asyncio.wait_for(asyncio.gather(paused, *queued), 5)
    assert time.monotonic() - began < 1.0
    assert all(isinstance(r, ClientClosedError) for r in results), results


@pytest.mark.skipif(sys.version_info < (3, 11), reason="3.10 does not count cancellations")
async def test_a_cancellation_of_the_callers_racing_the_close_stays_one(raw_server):
    raw: Raw = await raw_server(lambda r, w: stall(raw, r, w))
    sent = client(raw.base_url, timeout=SLOW)
    task = asyncio.ensure_future(sent.profiles.get(PROFILE_ID))
    while not raw.requests:
        await asyncio.sleep(0.01)
    task.cancel()  # the caller's cancellation first, then the close, before the task runs
    await sent.aclose()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_the_callers_own_timeout_stays_a_timeout(raw_server):
    raw: Raw = await raw_server(lambda r, w: stall(raw, r, w))
    async with client(raw.base_url, timeout=SLOW) as sent:
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(sent.profiles.get(PROFILE_ID), 0.2)
        task = asyncio.ensure_future(sent.profiles.get(PROFILE_ID))
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


def test_sync_close_from_another_thread_ends_every_call(raw_server_thread):
    base_url = raw_server_thread
    sent = sent_sync.Sent(API_KEY, base_url=base_url, max_connections=2, timeout=SLOW)
    results: list[BaseException | str] = []

    def work() -> None:
        try:
            sent.profiles.get(PROFILE_ID)
            results.append("returned")
        except BaseException as exc:
            results.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]  # 2 in flight, 4 queued
    for t in threads:
        t.start()
    time.sleep(0.5)
    began = time.monotonic()
    sent.close()
    for t in threads:
        t.join(5)
    took = time.monotonic() - began
    assert len(results) == 6 and all(isinstance(r, ClientClosedError) for r in results), results
    assert took < 2.0, f"close() left calls running for {took:.1f}s"


@pytest.fixture
def raw_server_thread() -> Any:
    """A stalling server on its own loop thread, for the sync client's test."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    url: list[str] = []
    writers: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        await reader.readuntil(b"\r\n\r\n")

    async def main() -> asyncio.Server:
        server = await asyncio.start_server(hold, "127.0.0.1", 0)
        url.append(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}")
        return server

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    server = asyncio.run_coroutine_threadsafe(main(), loop).result(5)
    del ready
    yield url[0]

    async def stop() -> None:
        server.close()
        for w in writers:
            w.close()
        await server.wait_closed()

    asyncio.run_coroutine_threadsafe(stop(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


# -- a client that outlives its loop ---------------------------------------------------------
SCRIPT = textwrap.dedent(
    """
    import asyncio, gc, os, sys
    gc.disable()  # nothing below may rely on the garbage collector
    from sent_async import AsyncSent, ClientClosedError
    from tests.faults.support import tcp_sockets

    URL, PID = sys.argv[1], "770e8400-e29b-41d4-a716-446655440002"

    def check(where):
        assert not tcp_sockets(), f"{where}: a socket is still open"

    sent = AsyncSent("sk_test_lifetime", base_url=URL)

    async def use():
        await sent.contacts.get(PID)

    asyncio.run(use())  # the loop ends with the client unclosed
    check("after the first asyncio.run")

    async def again():
        try:
            await sent.contacts.get(PID)
        except ClientClosedError:
            return
        raise AssertionError("a client bound to an ended loop was usable")

    asyncio.run(again())
    del sent

    async def notebook():  # dropped unclosed while its loop keeps running
        dropped = AsyncSent("sk_test_lifetime", base_url=URL)
        await dropped.contacts.get(PID)
        del dropped
        for _ in range(20):
            await asyncio.sleep(0.01)
        check("after dropping a client in a running loop")

    asyncio.run(notebook())
    print("ok")
    """
)


async def test_a_client_outliving_its_loop_closes_quietly(raw_server):
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await raw.read_request(reader) is not None:  # keep-alive: the client holds it
            writer.write(http_response(200))
            await writer.drain()

    raw: Raw = await raw_server(answer)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-W",
        "error",
        "-c",
        SCRIPT,
        raw.base_url,
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 0, err.decode()
    assert out.decode().strip() == "ok"
    assert err.decode() == "", err.decode()  # no "Unclosed ...", no ResourceWarning
