"""Bulk jobs on the async client: bounded memory and concurrency, keys, reports, stopping."""

from __future__ import annotations

import io
import sys
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anyio
import anyio.to_thread
import pytest

from sent_async import (
    AsyncSent,
    BadRequestError,
    RetryPolicy,
    SentError,
    SentValidationError,
)
from sent_async._bulk.pacer import Pacer, RateLimit
from sent_async._bulk.report import BulkError, BulkFailure, BulkReport, ProgressSnapshot
from sent_async.testing import FakeSent

pytestmark = pytest.mark.anyio


async def create(client: AsyncSent, item: Any, key: str | None) -> Any:
    """The stand-in SDK call: FakeSent stores profiles, so each item can be counted."""
    return await client.profiles.create(name=f"p{item}", idempotency_key=key)


def profile_names(server: FakeSent) -> list[str]:
    return sorted(str(p.name) for p in server.state.profiles.by_id.values())


async def test_run_in_input_order_with_derived_keys(client: AsyncSent, server: FakeSent) -> None:
    report = await client.bulk.run(range(12), create, job_id="job_1", concurrency=4)
    assert (report.succeeded, report.failed, report.skipped, report.total) == (12, 0, 0, 12)
    assert report.ok and report.stop_reason is None and report.elapsed > 0
    assert [r.index for r in report.results] == list(range(12))
    assert [getattr(r.value, "name", None) for r in report.results] == [f"p{i}" for i in range(12)]
    assert [r.idempotency_key for r in report.results] == [f"job_1-{i}" for i in range(12)]
    keys = sorted(r.headers["idempotency-key"] for r in server.requests)
    assert keys == sorted(f"job_1-{i}" for i in range(12))
    assert profile_names(server) == sorted(f"p{i}" for i in range(12))
    report.raise_for_failures()  # nothing to raise


async def test_ordered_false_keeps_finishing_order(client: AsyncSent) -> None:
    async def slow_first(_: AsyncSent, item: int) -> int:
        await anyio.sleep(0.05 if item == 0 else 0)
        return item * 10

    report = await client.bulk.run(range(5), slow_first, concurrency=5, ordered=False)
    assert [r.index for r in report.results][-1] == 0
    assert sorted(r.value or 0 for r in report.results) == [0, 10, 20, 30, 40]
    ordered = await client.bulk.run(range(5), slow_first, concurrency=5)
    assert [r.value for r in ordered.results] == [0, 10, 20, 30, 40]


async def test_concurrency_is_never_exceeded(client: AsyncSent) -> None:
    running = peak = 0

    async def fn(_: AsyncSent, item: int) -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await anyio.sleep(0.001 * (item % 3))
        running -= 1

    report = await client.bulk.run(range(200), fn, concurrency=7)
    assert report.succeeded == 200
    assert peak == 7


async def test_memory_stays_flat_for_a_large_lazy_input(client: AsyncSent) -> None:
    read = 0
    ahead = 0
    called = 0

    def items(n: int) -> Iterator[int]:
        nonlocal read, ahead
        for i in range(n):
            read += 1
            ahead = max(ahead, read - called)
            yield i

    async def fn(_: AsyncSent, item: int) -> int:
        nonlocal called
        called += 1
        return item

    async def peak(n: int) -> int:
        tracemalloc.start()
        try:
            report = await client.bulk.run(items(n), fn, concurrency=32, collect_results=False)
            _, top = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert report.succeeded == n and report.results == []
        return top

    small = await peak(2_000)
    large = await peak(20_000)
    # One task (plus coroutine) per item would cost well over 1 KB each: > 20 MB here.
    assert large < 1_000_000, large
    assert large < small * 1.5 + 100_000, (small, large)
    assert ahead <= 32  # the input is read lazily: one item per busy worker, no more


async def test_async_iterable_input(client: AsyncSent, server: FakeSent) -> None:
    async def rows() -> AsyncIterator[int]:
        for i in range(5):
            await anyio.sleep(0)
            yield i

    report = await client.bulk.run(rows(), create, job_id="from-async", concurrency=2)
    assert report.succeeded == 5 and report.results[4].idempotency_key == "from-async-4"
    assert profile_names(server) == [f"p{i}" for i in range(5)]


async def test_stream_yields_results_as_they_finish(client: AsyncSent) -> None:
    async def fn(_: AsyncSent, item: int) -> int:
        await anyio.sleep(0.04 * (3 - item))
        return item

    async with client.bulk.stream(range(4), fn, concurrency=4) as results:
        seen = [r.value async for r in results]
    assert seen == [3, 2, 1, 0]
    assert results.report.succeeded == 4 and results.report.results == []

    ordered = [r.index async for r in client.bulk.stream(range(4), fn, ordered=True)]
    assert ordered == [0, 1, 2, 3]


async def test_an_ordered_stream_runs_a_bounded_window_ahead(client: AsyncSent) -> None:
    started: list[int] = []
    ahead_when_first_done = 0

    async def fn(_: AsyncSent, item: int) -> int:
        nonlocal ahead_when_first_done
        started.append(item)
        if item == 0:
            await anyio.sleep(0.1)  # head-of-line: everything after it must wait in order
            ahead_when_first_done = len(started)
        return item

    results = [
        r.index async for r in client.bulk.stream(range(100), fn, concurrency=2, ordered=True)
    ]
    assert results == list(range(100))
    assert ahead_when_first_done <= 4 * 2 + 1  # the window is 4 x concurrency items


async def test_stream_left_early_cancels_the_rest(client: AsyncSent) -> None:
    started: list[int] = []
    cancelled: list[int] = []

    async def fn(_: AsyncSent, item: int) -> int:
        started.append(item)
        try:
            await anyio.sleep(0 if item == 0 else 5)
        except anyio.get_cancelled_exc_class():
            cancelled.append(item)
            raise
        return item

    with anyio.fail_after(3):
        async with client.bulk.stream(range(100), fn, concurrency=3) as results:
            async for first in results:
                assert first.index == 0
                break
    assert sorted(cancelled) == started[1:] and 1 <= len(cancelled) <= 3
    count = len(started)
    await anyio.sleep(0.01)
    assert len(started) == count  # nothing starts once the stream was left
    report = results.report
    assert report.cancelled and report.succeeded == 1 and report.interrupted == len(cancelled)
    assert report.skipped == report.total - 1 - len(cancelled)


async def test_a_stream_dropped_mid_way_stops_its_job(client: AsyncSent) -> None:
    started: list[int] = []

    async def fn(_: AsyncSent, item: int) -> int:
        started.append(item)
        await anyio.sleep(0.01)
        return item

    stream = client.bulk.stream(range(1000), fn, concurrency=2)
    job = stream.job
    async for _ in stream:
        break  # no aclose(), no async with
    del stream
    await anyio.sleep(0.05)
    assert job.report.cancelled and len(started) < 10


async def test_failures_are_reported_without_stopping(client: AsyncSent, server: FakeSent) -> None:
    async def fn(c: AsyncSent, item: int, key: str | None) -> Any:
        if item == 1:  # refused locally: nothing sent
            return await c.profiles.create(name="x", short_name="!", idempotency_key=key)
        return await c.profiles.create(name="" if item == 3 else f"p{item}", idempotency_key=key)

    report = await client.bulk.run(range(5), fn, job_id="fails")
    assert (report.succeeded, report.failed, report.stop_reason) == (3, 2, None)
    assert [f.index for f in report.failures] == [1, 3]
    local, remote = report.failures
    assert (local.error, local.status, local.idempotency_key) == (
        "SentValidationError",
        None,
        "fails-1",
    )
    assert remote.error == "BadRequestError" and remote.status == 400
    assert remote.code == "VALIDATION_004" and remote.request_id
    assert remote.idempotency_key == "fails-3" and remote.item == "3"
    assert [r.status for r in report.results] == ["succeeded", "failed"] * 2 + ["succeeded"]
    assert report.results[3].failure == remote and report.results[3].error is None
    assert isinstance(report.first_error, SentValidationError)
    assert len(server.requests) == 4

    with pytest.raises(BulkError) as raised:
        report.raise_for_failures()
    assert isinstance(raised.value, SentError) and raised.value.report is report
    text = str(raised.value)
    assert "3 of 5 succeeded, 2 failed" in text and "BadRequestError VALIDATION_004 x1" in text
    assert "first: item #1" in text and raised.value.__cause__ is report.first_error


async def test_stop_on_error_and_max_failures(client: AsyncSent) -> None:
    calls: list[int] = []

    async def fn(_: AsyncSent, item: int) -> int:
        calls.append(item)
        if item in (3, 5, 6, 7, 8):
            raise ValueError(f"bad item {item}")
        return item

    report = await client.bulk.run(range(50), fn, concurrency=1, stop_on_error=True)
    assert calls == [0, 1, 2, 3]
    assert (report.succeeded, report.failed, report.stop_reason) == (3, 1, "failures")
    assert report.skipped == 0 and report.total == 4  # nothing is read ahead of the workers
    assert report.results[-1].status == "failed" and not report.ok
    assert report.failures[0].message == "bad item 3" and report.failures[0].error == "ValueError"

    calls.clear()
    report = await client.bulk.run(range(50), fn, concurrency=1, max_failures=3)
    assert calls == [0, 1, 2, 3, 4, 5, 6]
    assert (report.failed, report.stop_reason) == (3, "failures")


async def test_a_bad_api_key_stops_the_job(server: FakeSent) -> None:
    async with AsyncSent("wrong-key", base_url=server.base_url, max_retries=0) as bad:
        report = await bad.bulk.run(range(40), create, job_id="k", concurrency=2)
    assert report.stop_reason == "fatal" and 1 <= report.failed <= 2
    assert report.failures[0].error == "AuthenticationError" and len(server.requests) <= 2


async def test_job_cancel_stops_cleanly(client: AsyncSent) -> None:
    cancelled = 0
    job_box: list[Any] = []

    async def fn(_: AsyncSent, item: int) -> int:
        nonlocal cancelled
        if item == 5:
            job_box[0].cancel()
        try:
            await anyio.sleep(0 if item < 5 else 5)
        except anyio.get_cancelled_exc_class():
            cancelled += 1
            raise
        return item

    job = client.bulk.job(range(1000), fn, concurrency=3)
    job_box.append(job)
    with anyio.fail_after(3):
        report = await job.run()
    assert report.cancelled and report is job.report
    # items 0-5 started; those still in flight when item 5 cancelled the job were interrupted
    assert report.interrupted == cancelled >= 1 and report.succeeded + cancelled == 6
    assert report.total == 6 and report.skipped == 0
    assert {r.status for r in report.results} == {"succeeded", "interrupted"}


async def test_task_cancellation_propagates_and_the_report_says_what_was_done(
    client: AsyncSent, server: FakeSent
) -> None:
    async def fn(c: AsyncSent, item: int, key: str | None) -> Any:
        if item >= 6:
            await anyio.sleep(5)
        return await create(c, item, key)

    job = client.bulk.job(range(30), fn, job_id="crash", concurrency=3)
    with anyio.move_on_after(0.5) as scope:
        await job.run()
    assert scope.cancelled_caught  # the cancellation reached the caller unchanged
    report = job.report
    assert report.cancelled and report.succeeded == 6 and report.interrupted == 3
    assert report.total == 6 + 3 + report.skipped and report.elapsed >= 0.4


async def test_rerun_after_a_crash_applies_each_item_exactly_once(
    client: AsyncSent, server: FakeSent
) -> None:
    done = 0

    async def fn(c: AsyncSent, item: int, key: str | None) -> Any:
        nonlocal done
        result = await create(c, item, key)
        done += 1
        return result

    job = client.bulk.job(range(30), fn, job_id="reminders-2026-11-25", concurrency=4)
    with anyio.move_on_after(5):
        async with anyio.create_task_group() as tg:
            tg.start_soon(job.run)
            while done < 12:
                await anyio.sleep(0.001)
            tg.cancel_scope.cancel()  # the "crash": calls in flight are cut off
    first_run = len(server.requests)
    assert 12 <= first_run < 30 and job.report.cancelled

    report = await client.bulk.run(range(30), fn, job_id="reminders-2026-11-25", concurrency=4)
    assert report.succeeded == 30 and report.ok
    assert profile_names(server) == sorted(f"p{i}" for i in range(30))  # nothing twice
    replays = [r for r in report.results if r.index < job.report.succeeded]
    assert all(r.value is not None for r in replays)
    sent = [r.headers["idempotency-key"] for r in server.requests[first_run:]]
    assert sorted(sent) == sorted(f"reminders-2026-11-25-{i}" for i in range(30))


async def test_key_function_and_key_validation(client: AsyncSent, server: FakeSent) -> None:
    report = await client.bulk.run(
        ["a", "b", "bad key"], create, key=lambda item, index: f"row-{item}"
    )
    assert [r.idempotency_key for r in report.results[:2]] == ["row-a", "row-b"]
    assert report.failures[0].error == "SentValidationError" and report.failed == 1
    assert sorted(r.headers["idempotency-key"] for r in server.requests) == ["row-a", "row-b"]


@pytest.mark.parametrize(
    "options",
    [
        {"job_id": "has space"},
        {"job_id": "x" * 201},
        {"concurrency": 0},
        {"max_failures": 0},
        {"rate_limit": "fast"},
        {"rate_limit": RateLimit},
        {"key": "not callable"},
        {"progress_interval": 0},
    ],
)
async def test_bad_options_are_refused_before_anything_runs(
    client: AsyncSent, server: FakeSent, options: dict[str, Any]
) -> None:
    with pytest.raises(SentValidationError):
        await client.bulk.run(range(3), create, **options)
    assert server.requests == []


async def test_fn_signatures(client: AsyncSent, server: FakeSent) -> None:
    async def two(c: AsyncSent, item: int) -> Any:
        return await c.profiles.create(name=f"p{item}")

    with pytest.raises(SentValidationError, match="fn\\(client, item, key\\)"):
        await client.bulk.run(range(3), two, job_id="keys")
    with pytest.raises(SentValidationError, match="fn must accept"):
        await client.bulk.run(range(3), lambda c: c)
    with pytest.raises(SentValidationError, match="iterable"):
        await client.bulk.run("abc", create)
    assert server.requests == []
    report = await client.bulk.run(range(2), two)  # no key wanted: two arguments are fine
    assert report.succeeded == 2

    with pytest.raises(TypeError, match="must be async"):
        await client.bulk.run(range(3), lambda c, item: item)


async def test_errors_of_the_input_and_of_callbacks_propagate(client: AsyncSent) -> None:
    def broken() -> Iterator[int]:
        yield 1
        raise OSError("disk gone")

    async def fn(_: AsyncSent, item: int) -> int:
        return item

    job = client.bulk.job(broken(), fn)
    with pytest.raises(OSError, match="disk gone"):
        await job.run()
    assert job.report.succeeded == 1 and job.report.stop_reason == "error"

    def callback(_: ProgressSnapshot) -> None:
        raise RuntimeError("bad callback")

    with pytest.raises(RuntimeError, match="bad callback"):
        await client.bulk.run(range(3), fn, on_progress=callback, progress_interval=1e-9)


def test_failure_records_mask_secrets_and_stay_short() -> None:
    item = {"phone": "+15550001111", "token": "s3cret", "note": "x" * 500}
    failure = BulkFailure.of(7, item, BadRequestError("no", status_code=400, code="V"), "k-7")
    assert "s3cret" not in failure.item and "[redacted]" in failure.item
    assert len(failure.item) <= 200 and failure.item.endswith("...")
    assert (failure.status, failure.code, failure.idempotency_key) == (400, "V", "k-7")
    assert str(failure).startswith("item #7 ")
    report: BulkReport[Any] = BulkReport(job_id="j", failed=1, failures=[failure])
    assert repr(report) == ("<BulkReport job_id='j' succeeded=0 failed=1 skipped=0 interrupted=0>")


async def test_progress_callback_is_throttled_and_ends_with_a_final_snapshot(
    client: AsyncSent,
) -> None:
    snapshots: list[ProgressSnapshot] = []

    async def fn(_: AsyncSent, item: int) -> int:
        await anyio.sleep(0.002)
        if item == 4:
            raise ValueError("no")
        return item

    await client.bulk.run(
        range(40), fn, concurrency=2, on_progress=snapshots.append, progress_interval=0.01
    )
    assert 3 <= len(snapshots) < 40
    assert [s.done for s in snapshots] == sorted(s.done for s in snapshots)
    last = snapshots[-1]
    assert last.final and not any(s.final for s in snapshots[:-1])
    assert (last.done, last.succeeded, last.failed, last.total, last.in_flight) == (
        40,
        39,
        1,
        40,
        0,
    )
    assert last.rate > 0 and last.eta == 0 and snapshots[0].eta is not None
    assert last.pacing is None and last.paused_for == 0


async def test_progress_bar(client: AsyncSent, monkeypatch: pytest.MonkeyPatch) -> None:
    async def fn(_: AsyncSent, item: int, key: str | None) -> int:
        return item

    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "tqdm.auto", None)  # as if the extra were not installed
        with pytest.raises(SentValidationError, match=r"pip install 'sent-sdk\[progress\]'"):
            await client.bulk.run(range(3), fn, progress_bar=True)

    pytest.importorskip("tqdm")
    out = io.StringIO()
    await client.bulk.run(range(30), fn, job_id="bar", progress_bar={"file": out, "mininterval": 0})
    text = out.getvalue()
    assert "bar" in text and "30/30" in text and "item/s" in text and "failed=0" in text


# -- pacing: token bucket, shared 429 pause, AIMD --------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Gate:
    gate_until = 0.0


def test_rate_limit_values() -> None:
    assert RateLimit(per_second=5).rate == 5 and RateLimit(per_minute=300).rate == 5
    assert RateLimit.of(120) == RateLimit(per_minute=120) and RateLimit.of(None) is None
    for bad in (
        {},
        {"per_second": 1, "per_minute": 60},
        {"per_second": 0},
        {"per_second": 1, "burst": 0},
    ):
        with pytest.raises(SentValidationError):
            RateLimit(**bad)


def test_token_bucket_spaces_calls_and_allows_bursts() -> None:
    pacer = Pacer(RateLimit(per_second=10), Gate(), clock=Clock())
    assert [pacer.reserve(100.0) for _ in range(4)] == pytest.approx([0, 0.1, 0.2, 0.3])
    assert pacer.reserve(200.0) == 0  # idle for a while: no debt carried over
    bursty = Pacer(RateLimit(per_second=10, burst=3), Gate(), clock=Clock())
    assert [bursty.reserve(100.0) for _ in range(5)] == pytest.approx([0, 0, 0, 0.1, 0.2])
    unpaced = Pacer(None, Gate(), clock=Clock())
    assert unpaced.reserve(100.0) == 0 and unpaced.rate is None


def test_aimd_halves_once_per_storm_and_grows_back() -> None:
    clock = Clock()
    pacer = Pacer(RateLimit(per_second=10), Gate(), clock=clock)
    pacer.on_rate_limited(2.0, now=100.0)
    assert (pacer.rate, pacer.pauses, pacer.paused_for(100.0)) == (5, 1, 2.0)
    pacer.on_rate_limited(2.0, now=101.0)  # same storm: the pause grows, the rate is not cut again
    assert (pacer.rate, pacer.pauses, pacer.paused_for(101.0)) == (5, 1, 2.0)
    pacer.on_success(now=102.0)  # still paused: no growth
    assert pacer.rate == 5
    pacer.on_success(now=105.0)  # 2 s after the pause: + 5% of 10/s per second
    assert pacer.rate == pytest.approx(6)
    pacer.on_success(now=200.0)
    assert pacer.rate == 10  # capped at the configured limit
    pacer.on_rate_limited(None, now=300.0)  # a new storm, without Retry-After: 1 s pause
    assert (pacer.rate, pacer.pauses, pacer.paused_for(300.0)) == (5, 2, 1.0)


def test_an_unpaced_job_is_paced_after_a_transport_429_until_it_recovers() -> None:
    gate = Gate()
    pacer = Pacer(None, gate, clock=Clock())
    for i in range(20):
        pacer.reserve(100.0 + i * 0.01)
    gate.gate_until = 101.0  # the transport saw a 429 with Retry-After: 0.5
    assert pacer.paused_for(100.5) == 0.5 and pacer.pauses == 1
    assert pacer.rate == pytest.approx(20)  # 20 calls in the last 0.5 s: 40/s, halved
    pacer.on_success(now=106.0)
    assert pacer.rate == pytest.approx(30)  # + 5% of 40/s for each of 5 s
    pacer.on_success(now=120.0)
    assert pacer.rate is None  # back at its old speed: unpaced again

    steady = Pacer(RateLimit(per_second=4), Gate(), adaptive=False, clock=Clock())
    steady.on_rate_limited(3.0, now=100.0)
    assert steady.rate == 4 and steady.paused_for(100.0) == 3.0 and steady.pauses == 1


async def test_rate_limit_is_respected(client: AsyncSent) -> None:
    starts: list[float] = []

    async def fn(_: AsyncSent, item: int) -> None:
        starts.append(anyio.current_time())

    await client.bulk.run(range(11), fn, rate_limit=RateLimit(per_second=50), concurrency=8)
    assert starts[-1] - starts[0] >= 0.2 - 0.005
    assert all(t - starts[0] >= i * 0.02 - 0.005 for i, t in enumerate(starts))


async def test_a_429_pauses_every_worker_then_the_job_slows_down(
    client: AsyncSent, server: FakeSent
) -> None:
    server.fail_next(429, "BUSINESS_002", headers={"Retry-After": "0.4"}, path="/v3/profiles")
    starts: list[float] = []
    snapshots: list[ProgressSnapshot] = []

    async def fn(c: AsyncSent, item: int, key: str | None) -> Any:
        starts.append(anyio.current_time())
        return await create(c, item, key)

    report = await client.bulk.run(
        range(10),
        fn,
        job_id="busy",
        concurrency=4,
        on_progress=snapshots.append,
        progress_interval=1e-9,
    )
    assert report.succeeded == 10 and report.rate_limit_pauses == 1
    assert profile_names(server) == [f"p{i}" for i in range(10)]  # the 429'd one too, once
    gate_end = client._core.gate_until
    assert not [t for t in starts if gate_end - 0.4 <= t < gate_end - 0.005]  # nobody started
    assert starts[-1] >= gate_end
    assert any(s.paused_for > 0 for s in snapshots) and any(s.pacing for s in snapshots)


async def test_a_rate_limit_error_sends_the_item_back_after_the_pause(
    client: AsyncSent, server: FakeSent
) -> None:
    server.fail_next(429, "BUSINESS_002", headers={"Retry-After": "0.2"}, path="/v3/profiles")
    once = client.with_options(max_retries=0)  # the call gives up at once: the job takes over

    report = await client.bulk.run(range(5), lambda _, i, k: create(once, i, k), job_id="rq")
    assert (report.succeeded, report.failed, report.rate_limit_pauses) == (5, 0, 1)
    keys = [r.headers["idempotency-key"] for r in server.requests]
    assert len(keys) == 6 and sorted(set(keys)) == [f"rq-{i}" for i in range(5)]

    server.fail_next(429, "LIMIT_001", path="/v3/profiles")  # waiting cannot fix this one
    report = await client.bulk.run(range(2), lambda _, i, k: create(once, i + 10, k))
    assert report.failed == 1 and report.failures[0].code == "LIMIT_001"
    assert report.rate_limit_pauses == 0


def test_a_pause_is_capped_at_max_pause() -> None:
    pacer = Pacer(None, Gate(), max_pause=60.0, clock=Clock())
    pacer.on_rate_limited(86_400.0, now=100.0)
    assert pacer.paused_for(100.0) == 60.0
    pacer.on_rate_limited(3_600.0, now=110.0)
    assert pacer.paused_for(110.0) == 60.0
    uncapped = Pacer(None, Gate(), clock=Clock())  # the job caps, with its client's policy
    uncapped.on_rate_limited(120.0, now=100.0)  # (max_retry_after may be above 60 s)
    assert uncapped.paused_for(100.0) == 120.0


@pytest.mark.parametrize("retry_after", ["86400", "3600"])
async def test_a_long_retry_after_pauses_the_job_at_most_max_retry_after(
    server: FakeSent, retry_after: str
) -> None:
    """Like a single call, the job waits at most RetryPolicy.max_retry_after; the item whose
    429 asked for longer fails with that RateLimitError instead of freezing the whole job."""
    server.fail_next(429, "BUSINESS_002", headers={"Retry-After": retry_after}, path="/v3/profiles")
    policy = RetryPolicy(initial_delay=0.01, max_delay=0.05, max_retry_after=0.3)
    async with server.client(retry=policy) as client:
        started = anyio.current_time()
        with anyio.fail_after(10):
            report = await client.bulk.run(range(4), create, job_id="long", concurrency=1)
        elapsed = anyio.current_time() - started
    assert (report.succeeded, report.failed, report.rate_limit_pauses) == (3, 1, 1)
    failure = report.failures[0]
    assert failure.index == 0 and failure.code == "BUSINESS_002"
    assert 0.3 - 0.01 <= elapsed < 5
    assert profile_names(server) == ["p1", "p2", "p3"]


async def test_sync_bulk_caps_pauses_with_the_clients_policy(server: FakeSent) -> None:
    import sent_sync

    server.fail_next(429, "BUSINESS_002", headers={"Retry-After": "86400"}, path="/v3/profiles")
    policy = RetryPolicy(initial_delay=0.01, max_delay=0.05, max_retry_after=0.2)

    def run() -> BulkReport[Any]:
        with sent_sync.Sent(server.api_key, base_url=server.base_url, retry=policy) as sent:
            return sent.bulk.run(
                range(2), lambda c, i, k: c.profiles.create(name=f"p{i}", idempotency_key=k)
            )

    with anyio.fail_after(10):
        report = await anyio.to_thread.run_sync(run)
    assert (report.succeeded, report.failed) == (1, 1)


# -- convenience jobs ----------------------------------------------------------------------
async def test_send_messages(client: AsyncSent, server: FakeSent) -> None:
    items = ["+14155550100", {"to": ["+14155550101"], "text": "Custom"}, "not-a-number"]
    report = await client.bulk.send_messages(items, text="Hi", channel="sms", job_id="camp")
    assert (report.succeeded, report.failed) == (2, 1)
    assert report.failures[0].error == "SentValidationError" and report.failures[0].index == 2
    assert report.results[0].value is not None and report.results[0].value.recipients
    sent = sorted(
        (r.json()["to"], r.json()["text"], r.headers["idempotency-key"]) for r in server.requests
    )
    assert sent == [(["+14155550100"], "Hi", "camp-0"), (["+14155550101"], "Custom", "camp-1")]
    assert len(server.state.messages.by_id) == 2


async def test_create_contacts(client: AsyncSent, server: FakeSent) -> None:
    report = await client.bulk.create_contacts(
        ["+14155550100", {"phone_number": "+14155550101", "idempotency_key": "own"}, 7],
        job_id="import",
    )
    assert (report.succeeded, report.failed) == (2, 1)
    assert "phone number or a mapping" in report.failures[0].message
    keys = sorted(r.headers["idempotency-key"] for r in server.requests)
    assert keys == ["import-0", "own"] and len(server.state.contacts.by_id) == 2
