"""Bulk jobs on the sync client: fn runs in worker threads, the async engine does the rest."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from aiohttp import web

import sent_sync
from sent_async import SentValidationError
from sent_async._loop_thread import LoopThread
from sent_async.testing import FakeSent

from .support import FAST_RETRY, PROFILE_ID


@pytest.fixture
def fake() -> Iterator[FakeSent]:
    with FakeSent() as server:
        yield server


@pytest.fixture
def sent(fake: FakeSent) -> Iterator[sent_sync.Sent]:
    with sent_sync.Sent(fake.api_key, base_url=fake.base_url, retry=FAST_RETRY) as client:
        yield client


@pytest.fixture
def stalling() -> Iterator[str]:
    """A server that never answers in time: every request stays in flight."""

    async def stall(request: web.Request) -> web.Response:
        await asyncio.sleep(30)
        return web.Response()

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", stall)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)

    async def start() -> int:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return int(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]

    thread = LoopThread("stalling")
    portal = thread.start()
    port = portal.call(start)
    yield f"http://127.0.0.1:{port}"
    portal.call(runner.cleanup)
    thread.stop()


def create(client: sent_sync.Sent, item: Any, key: str | None) -> Any:
    return client.profiles.create(name=f"p{item}", idempotency_key=key)


def test_run_calls_fn_in_worker_threads_with_the_sync_client(
    sent: sent_sync.Sent, fake: FakeSent
) -> None:
    threads: set[str] = set()

    def fn(client: sent_sync.Sent, item: int, key: str | None) -> Any:
        assert isinstance(client, sent_sync.Sent)
        threads.add(threading.current_thread().name)
        return create(client, item, key)

    report = sent.bulk.run(range(10), fn, job_id="sync-job", concurrency=3)
    assert report.succeeded == 10 and [r.index for r in report.results] == list(range(10))
    assert [getattr(r.value, "name", None) for r in report.results] == [f"p{i}" for i in range(10)]
    keys = sorted(r.headers["idempotency-key"] for r in fake.requests)
    assert keys == sorted(f"sync-job-{i}" for i in range(10))
    assert threads and not threads & {"MainThread", "sent-sync-loop"}


def test_the_thread_pool_is_bounded(sent: sent_sync.Sent) -> None:
    lock = threading.Lock()
    running = peak = 0

    def fn(client: sent_sync.Sent, item: int) -> int:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        time.sleep(0.005)
        with lock:
            running -= 1
        return item

    report = sent.bulk.run(iter(range(40)), fn, concurrency=4)
    assert report.succeeded == 40 and peak == 4


def test_a_profile_view_runs_the_job_in_its_scope(sent: sent_sync.Sent, fake: FakeSent) -> None:
    child = sent.profiles.create(name="child").id
    assert child is not None
    report = sent.for_profile(child).bulk.run(
        ["+14155550100"], lambda c, phone, key: c.contacts.create(phone_number=phone)
    )
    assert report.succeeded == 1, report.failures
    assert fake.requests[-1].headers["x-profile-id"] == child


def test_stream_in_order_or_as_finished_and_leaving_early(sent: sent_sync.Sent) -> None:
    def fn(client: sent_sync.Sent, item: int) -> int:
        time.sleep(0.002 * (item % 4))
        return item

    with sent.bulk.stream(range(20), fn, concurrency=4) as results:
        assert sorted(r.value or 0 for r in results) == list(range(20))
    assert results.report.succeeded == 20
    ordered = sent.bulk.stream(range(20), fn, concurrency=4, ordered=True)
    assert [r.index for r in ordered] == list(range(20))

    started: list[int] = []

    def slow(client: sent_sync.Sent, item: int) -> int:
        started.append(item)
        time.sleep(0.02)
        return item

    with sent.bulk.stream(range(1000), slow, concurrency=2) as results:
        first = next(results)
    assert first.ok and results.report.cancelled and len(started) < 10


def test_a_cancelled_job_starts_no_new_request(sent: sent_sync.Sent, fake: FakeSent) -> None:
    started, release = threading.Barrier(4), threading.Event()
    after: list[BaseException] = []

    def fn(client: sent_sync.Sent, item: int, key: str | None) -> Any:
        create(client, item, key)
        started.wait()
        release.wait()
        try:
            return create(client, item + 100, None)  # the job was cancelled meanwhile
        except BaseException as exc:
            after.append(exc)
            raise

    job = sent.bulk.job(range(3), fn, job_id="stop", concurrency=3)
    runner = threading.Thread(target=job.run)
    runner.start()
    started.wait()
    job.cancel()
    release.set()
    runner.join(5)
    assert not runner.is_alive()
    report = job.report
    assert report.cancelled and report.interrupted == 3 and len(after) == 3
    assert all(isinstance(e, asyncio.CancelledError) for e in after)
    assert len(fake.requests) == 3  # the first request of each item, nothing after the cancel


def test_cancel_cuts_requests_in_flight(stalling: str) -> None:
    with sent_sync.Sent("k", base_url=stalling, max_retries=0) as sent:
        job = sent.bulk.job(range(50), lambda c, i: c.profiles.get(PROFILE_ID), concurrency=3)
        threading.Timer(0.3, job.cancel).start()
        began = time.monotonic()
        report = job.run()
    assert time.monotonic() - began < 3
    assert report.cancelled and report.interrupted == 3 and report.total == 3


def test_ctrl_c_stops_the_job_cleanly_and_reraises(stalling: str) -> None:
    entered = threading.Event()

    def fn(client: sent_sync.Sent, item: int) -> Any:
        entered.set()
        return client.profiles.get(PROFILE_ID)

    def interrupt() -> None:
        entered.wait(5)
        time.sleep(0.1)
        os.kill(os.getpid(), signal.SIGINT)

    with sent_sync.Sent("k", base_url=stalling, max_retries=0) as sent:
        job = sent.bulk.job(range(50), fn, concurrency=2)
        threading.Thread(target=interrupt).start()
        began = time.monotonic()
        with pytest.raises(KeyboardInterrupt):
            job.run()
        assert time.monotonic() - began < 3
        report = job.report  # final: the job stopped before KeyboardInterrupt was re-raised
        assert report.cancelled and report.interrupted == 2 and report.elapsed > 0


def test_send_messages_and_create_contacts(sent: sent_sync.Sent, fake: FakeSent) -> None:
    report = sent.bulk.send_messages(
        ["+14155550100", "+14155550101"], text="Hi", channel="sms", job_id="sync-camp"
    )
    assert report.succeeded == 2 and len(fake.state.messages.by_id) == 2
    assert sorted(r.headers["idempotency-key"] for r in fake.requests) == [
        "sync-camp-0",
        "sync-camp-1",
    ]
    contacts = sent.bulk.create_contacts(["+14155550102"], job_id="sync-import")
    assert contacts.succeeded == 1
    assert fake.requests[-1].headers["idempotency-key"] == "sync-import-0"


def test_every_bulk_shortcut_takes_what_its_async_twin_takes(
    sent: sent_sync.Sent, fake: FakeSent
) -> None:
    """send_many / create_many / the bulk shortcuts: same options sync and async (outage=...)."""
    import inspect

    from sent_async import AsyncSent

    async_client = AsyncSent("sk_test_x", base_url=fake.base_url)
    pairs: list[tuple[Callable[..., Any], Callable[..., Any]]] = [
        (sent.messages.send_many, async_client.messages.send_many),
        (sent.contacts.create_many, async_client.contacts.create_many),
        (sent.bulk.send_messages, async_client.bulk.send_messages),
        (sent.bulk.create_contacts, async_client.bulk.create_contacts),
    ]
    for sync_method, async_method in pairs:
        names = list(inspect.signature(sync_method).parameters)
        assert names == list(inspect.signature(async_method).parameters)
        assert "outage" in names
    bad: Any = 3
    with pytest.raises(SentValidationError, match="outage"):
        sent.messages.send_many(["+14155550100"], text="Hi", job_id="bad", outage=bad)
    with pytest.raises(SentValidationError, match="outage"):
        sent.bulk.create_contacts(["+14155550100"], job_id="bad", outage=bad)
    assert fake.requests == []
    report = sent.contacts.create_many(["+14155550100"], job_id="ok", outage=None)
    assert report.succeeded == 1


def test_progress_bar_and_callback(sent: sent_sync.Sent) -> None:
    snapshots: list[Any] = []
    sent.bulk.run(range(5), lambda c, i: i, on_progress=snapshots.append)
    assert snapshots[-1].final and snapshots[-1].done == 5
    pytest.importorskip("tqdm")
    out = io.StringIO()
    sent.bulk.run(range(7), lambda c, i: i, progress_bar={"file": out, "mininterval": 0})
    assert "7/7" in out.getvalue()


def test_bad_functions_are_refused(sent: sent_sync.Sent, fake: FakeSent) -> None:
    async def coroutine(client: Any, item: int) -> int:
        return item

    with pytest.raises(SentValidationError, match="plain function"):
        sent.bulk.run(range(2), coroutine)
    with pytest.raises(SentValidationError, match="fn\\(client, item, key\\)"):
        sent.bulk.run(range(2), lambda c, i: i, job_id="needs-key")
    assert fake.requests == []
