"""RedisRateLimit against a real redis-server: one rate for many tasks, jobs and processes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from typing import Any

import anyio
import attrs
import pytest
import redis.asyncio

from sent_async import AsyncSent, RateLimiterUnavailableError, SentValidationError
from sent_async.distributed import RedisRateLimit
from sent_async.testing import FAST_RETRY

from .support import PHONE, WORKER, Counter, RedisServer, busiest_second, mean_rate

pytestmark = pytest.mark.anyio


def account() -> str:
    """A fresh account label per test: each test gets its own shared state."""
    return f"acct-{uuid.uuid4().hex[:12]}"


def sent_client(counter: Counter, **kw: Any) -> AsyncSent:
    retry = attrs.evolve(FAST_RETRY, max_retries=0)
    return AsyncSent("sk_test_distributed_key", base_url=counter.base_url, retry=retry, **kw)


async def evalsha_calls(url: str) -> int:
    async with redis.asyncio.Redis.from_url(url) as r:
        stats = await r.info("commandstats")
    return int(stats.get("cmdstat_evalsha", {}).get("calls", 0))


async def test_two_jobs_of_many_tasks_share_one_rate(redis_server: RedisServer, counter: Counter):
    rate, n = 20, 30
    limit = RedisRateLimit(redis_server.url, account=account(), per_second=rate)
    calls_before = await evalsha_calls(redis_server.url)
    released: list[float] = []

    async def send(client: AsyncSent, phone: str, key: str) -> object:
        released.append(time.monotonic())
        return await client.messages.send(to=phone, text="hi", idempotency_key=key)

    async with sent_client(counter) as sent:
        reports = []

        async def job(name: str) -> None:
            items = [PHONE] * n
            reports.append(
                await sent.bulk.run(items, send, rate_limit=limit, job_id=name, concurrency=16)
            )

        async with anyio.create_task_group() as tg:
            tg.start_soon(job, "job-a")
            tg.start_soon(job, "job-b")
    assert all(r.ok for r in reports)
    assert len(counter.times) == 2 * n
    check_pace(released, counter.times, rate)
    round_trips = (await evalsha_calls(redis_server.url) - calls_before) / (2 * n)
    assert round_trips == 1.0  # one reservation per send, no pause in force


def check_pace(released: list[float], arrived: list[float], rate: int, burst: int = 1) -> None:
    """Calls left at most L + burst in any second, and arrived at >= 90 % of L on average.

    Arrivals at the server may bunch by the event loop's and the network's jitter (a late
    first request followed by on-time ones), so they get one call of slack there.
    """
    assert busiest_second(released) <= rate + burst
    assert busiest_second(arrived) <= rate + burst + 1
    assert mean_rate(arrived) >= 0.9 * rate
    assert mean_rate(released) <= rate * 1.05


def start_worker(counter: Counter, url: str, acct: str, rate: int, n: int, job: str) -> Any:
    args = [sys.executable, str(WORKER), counter.base_url, url, acct, str(rate), str(n), job]
    return subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


async def run_workers(counter: Counter, url: str, rate: int, n: int, count: int) -> list[Any]:
    """``count`` worker processes, started together, one account; their JSON reports."""
    acct = account()
    workers = [start_worker(counter, url, acct, rate, n, f"w{i}") for i in range(count)]
    try:
        for w in workers:  # each says "ready" once imported and connected
            line = await anyio.to_thread.run_sync(w.stdout.readline)
            assert line.strip() == "ready"
        for w in workers:
            w.stdin.write("go\n")
            w.stdin.flush()
        outs = [await anyio.to_thread.run_sync(w.communicate, None, 30) for w in workers]
    finally:
        for w in workers:
            if w.poll() is None:
                w.kill()
                w.wait()
    assert all(w.returncode == 0 for w in workers)
    return [json.loads(out.strip().splitlines()[-1]) for out, _ in outs]


async def test_worker_processes_share_one_rate_and_one_pause(
    redis_server: RedisServer, counter: Counter
):
    """Three processes, one account: one pace across them, and one 429 pauses them all."""
    rate, n, count, nth = 20, 20, 3, 30
    counter.answer_429_at, counter.retry_after = nth, 1.0
    reports = await run_workers(counter, redis_server.url, rate, n, count)
    assert sum(r["succeeded"] for r in reports) == n * count  # the 429'd item went again
    assert len(counter.times) == n * count + 1
    released = sorted(t for r in reports for t in r["released"])
    t = counter.rate_limited_at
    assert t is not None
    before = [x for x in counter.times if x < t]
    check_pace([x for x in released if x < t], before, rate)  # across all processes
    assert [x for x in counter.times if t + 0.15 < x < t + 0.95] == []  # nothing in the pause
    assert [x for x in released if t + 0.15 < x < t + 0.95] == []
    assert busiest_second(released) <= rate + 1
    assert all(r["pauses"] == 1 for r in reports)  # every process saw the one storm


async def test_redis_down_stops_calls_with_a_typed_error(own_redis: RedisServer, counter: Counter):
    rate = 20
    limit = RedisRateLimit(own_redis.url, account=account(), per_second=rate, unavailable_after=1)
    killed_at: list[float] = []

    async def kill_soon() -> None:
        await anyio.sleep(0.6)
        killed_at.append(time.monotonic())
        own_redis.kill()

    async with sent_client(counter) as sent, anyio.create_task_group() as tg:
        tg.start_soon(kill_soon)
        started = time.monotonic()
        with pytest.raises(RateLimiterUnavailableError) as info:
            await sent.messages.send_many(
                [PHONE] * 200, text="hi", rate_limit=limit, job_id="down", concurrency=8
            )
    assert "unreachable" in str(info.value)
    assert time.monotonic() - started < 4  # bounded: unavailable_after, not forever
    after = [x for x in counter.times if x > killed_at[0]]
    assert len(after) <= 2  # only slots reserved before the crash; nothing unpaced
    assert busiest_second(counter.times) <= rate + 1


async def test_redis_unreachable_from_the_start(counter: Counter, tmp_path: Any):
    url = f"unix://{tmp_path}/nothing.sock"
    limit = RedisRateLimit(url, account=account(), per_second=10, unavailable_after=0.5)
    async with sent_client(counter) as sent:
        with pytest.raises(RateLimiterUnavailableError):
            await sent.messages.send_many([PHONE] * 3, text="hi", rate_limit=limit, job_id="x")
    assert counter.times == []


async def test_flushed_scripts_are_reloaded(redis_server: RedisServer, counter: Counter):
    limit = RedisRateLimit(redis_server.url, account=account(), per_second=50)
    async with redis.asyncio.Redis.from_url(redis_server.url) as r:
        await r.script_flush()
    async with sent_client(counter) as sent:
        report = await sent.messages.send_many([PHONE] * 3, text="hi", rate_limit=limit, job_id="f")
    assert report.ok


@pytest.mark.parametrize(
    "account_label", ["sk_live_abc123", "sk_test_docs_key", "SK_LIVE_X", "", "a b", "x" * 65]
)
def test_account_must_be_a_label_not_a_key(account_label: str):
    with pytest.raises(SentValidationError):
        RedisRateLimit("redis://localhost", account=account_label, per_minute=300)


def test_account_equal_to_the_env_key_is_refused(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SENT_DM_API_KEY", "acmekey123")
    with pytest.raises(SentValidationError, match="API key"):
        RedisRateLimit("redis://localhost", account="acmekey123", per_minute=300)


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"per_second": 1, "per_minute": 60},
        {"per_second": 0},
        {"per_second": 1, "share": 0},
        {"per_second": 1, "share": 1.5},
        {"per_second": 1, "burst": 0},
        {"per_second": 1, "unavailable_after": 0},
    ],
)
def test_bad_settings_are_refused(kw: dict[str, Any]):
    with pytest.raises(SentValidationError):
        RedisRateLimit("redis://localhost", account="acme-prod", **kw)


def test_bad_url_is_refused():
    with pytest.raises(SentValidationError):
        RedisRateLimit("http://localhost", account="acme-prod", per_second=1)


@pytest.mark.parametrize(
    "url",
    [
        "redis://user:hunter2pass@redis.internal:6379/0",
        "redis://:hunter2pass@redis.internal:6379/0",
        "redis://redis.internal:6379/0?password=hunter2pass",
        "unix://:hunter2pass@/run/redis.sock",
    ],
)
async def test_the_redis_password_stays_out_of_reprs_and_errors(url: str, counter: Counter):
    limit = RedisRateLimit(url, account="acme-prod", per_minute=300, unavailable_after=0.2)
    assert "hunter2pass" not in repr(limit)
    assert "acme-prod" in repr(limit)
    assert limit.rate == 5.0
    if url.startswith("unix"):  # unreachable: the error names the URL, masked
        async with sent_client(counter) as sent:
            with pytest.raises(RateLimiterUnavailableError) as info:
                await sent.messages.send_many([PHONE], text="hi", rate_limit=limit, job_id="p")
        assert "hunter2pass" not in str(info.value)
        assert "hunter2pass" not in repr(info.value)


def test_share_scales_the_rate():
    limit = RedisRateLimit("redis://h", account="acme-prod", per_minute=300, share=0.5)
    assert limit.rate == 2.5


@pytest.mark.parametrize(
    "build",
    [
        "RedisRateLimit('redis://h', account='acme', per_second=1)",
        "RedisCheckpoint('redis://h')",
        "JobTally('redis://h', 'job')",
    ],
)
def test_missing_extra_names_it_at_first_use(build: str):
    """The package imports without redis (shards need none); a Redis class names the extra."""
    code = (
        "import sys; sys.modules['redis'] = None; import sent_async.distributed as d; "
        f"d.split([], job_id='j'); d.{build}"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode != 0
    assert "ImportError" in done.stderr
    assert "sent-sdk[redis]" in done.stderr


async def test_a_429_the_transport_retried_still_pauses_the_fleet(
    redis_server: RedisServer, counter: Counter
):
    """Worker A's transport absorbs the 429 itself (retries on); worker B pauses all the same."""
    rate, n = 20, 12
    counter.answer_429_at, counter.retry_after = 5, 1.0
    acct = account()

    async def worker(name: str, retries: int) -> Any:
        limit = RedisRateLimit(redis_server.url, account=acct, per_second=rate)
        retry = attrs.evolve(FAST_RETRY, max_retries=retries)
        async with AsyncSent("sk_test_key", base_url=counter.base_url, retry=retry) as sent:
            return await sent.messages.send_many(
                [PHONE] * n, text="hi", rate_limit=limit, job_id=name, concurrency=4
            )

    async with anyio.create_task_group() as tg:
        tg.start_soon(worker, "a", 2)
        tg.start_soon(worker, "b", 2)
    t = counter.rate_limited_at
    assert t is not None
    assert len(counter.times) == 2 * n + 1  # every item once, plus the retried one
    assert [x for x in counter.times if t + 0.15 < x < t + 0.95] == []


def test_the_sync_facade_takes_a_shared_limit_and_a_checkpoint(
    redis_server: RedisServer, tmp_path: Any
):
    from sent_async import FileCheckpoint
    from sent_sync import Sent

    from .support import serve_in_thread

    with serve_in_thread(Counter()) as counter:
        limit = RedisRateLimit(redis_server.url, account=account(), per_second=50)
        checkpoint = FileCheckpoint(tmp_path / "sync.sqlite")
        with Sent("sk_test_sync_key", base_url=counter.base_url, retry=FAST_RETRY) as sent:

            def send(client: Any, phone: str, key: str) -> Any:
                return client.messages.send(to=phone, text="hi", idempotency_key=key)

            items = [PHONE] * 5
            first = sent.bulk.run(items, send, rate_limit=limit, job_id="s", checkpoint=checkpoint)
            again = sent.bulk.run(items, send, rate_limit=limit, job_id="s", checkpoint=checkpoint)
        assert first.succeeded == 5 and again.already_done == 5
        assert len(counter.times) == 5


@attrs.define
class NoGate:
    """A transport gate that never closes (the pacers are driven directly)."""

    gate_until: float = 0.0


async def test_one_cut_per_storm_then_lazy_growth(redis_server: RedisServer):
    limit = RedisRateLimit(redis_server.url, account=account(), per_second=20)
    a, b = limit.pacer(NoGate(), adaptive=True), limit.pacer(NoGate(), adaptive=True)
    try:
        await a.acquire()
        await b.acquire()
        await a.on_rate_limited(0.3)
        await b.on_rate_limited(0.2)  # the same storm: no second cut
        assert a.rate == b.rate == 10.0
        await anyio.sleep(0.05)  # the pause channel delivers
        assert a.pauses == b.pauses == 1
        started = anyio.current_time()
        await b.acquire()  # b is held by the pause a reported
        assert anyio.current_time() - started >= 0.2
        await anyio.sleep(1.0)
        await a.acquire()  # growth is computed in the reservation: +5 % of 20/s per second
        assert a.rate is not None and 10.5 < a.rate < 12.5
        assert a.round_trips >= 1
    finally:
        await a.aclose()
        await b.aclose()
