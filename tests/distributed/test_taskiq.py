"""sent_async.contrib.taskiq with real parts: ``taskiq worker`` subprocesses (two worker
processes), a real redis-server (the Streams broker, the shared limit, checkpoints, the tally)
and FakeSent enforcing the account limit. Messages go out exactly once, with no 429, through
time boxes and a SIGKILL; the broker's settings and the items are checked before anything
is sent."""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from redis.asyncio import Redis
from taskiq import Context, TaskiqMessage
from taskiq.acks import AckController
from taskiq_redis import ListQueueBroker, RedisStreamBroker

from sent_async import AsyncSent, RateLimit, SentValidationError
from sent_async.contrib.taskiq import (
    SendTask,
    check_broker,
    enqueue,
    job_report,
    make_send_task,
    nudge_stale,
    stream_broker,
)
from sent_async.distributed import Shard
from sent_async.testing import FakeSent

from .support import RedisServer
from .test_ratelimit import account

pytestmark = pytest.mark.anyio
ROOT = Path(__file__).resolve().parents[2]
APP = "tests.distributed.taskiq_app:broker"


def phone(i: int) -> str:
    return f"+1415555{i:04d}"


def items(n: int) -> list[dict[str, Any]]:
    return [{"to": phone(i), "text": f"hello {i}"} for i in range(n)]


CONCURRENCY = 4
"""Calls in flight per shard. Few: a shard's reserved slots that its time box cuts short
go unused, so boxes must be long next to (shards in flight x CONCURRENCY) / rate."""


MARGIN = 2.0
"""Seconds a shard may run past its box: FakeSent answers at once on 127.0.0.1."""


def sender(
    url: str,
    queue: str,
    acct: str,
    rate: float,
    time_box: float,
    idle_ms: int,
    margin: float = MARGIN,
) -> SendTask:
    """The app's side of the task the workers run (same name, same settings)."""
    broker = stream_broker(
        url, time_box=time_box, margin=margin, queue_name=queue, idle_timeout=idle_ms
    )
    return make_send_task(
        broker,
        client_factory=AsyncSent,
        redis_url=url,
        account=acct,
        per_second=rate,
        time_box=time_box,
        margin=margin,
        concurrency=CONCURRENCY,
    )


@contextlib.asynccontextmanager
async def taskiq_workers(env: dict[str, str], tmp: Path) -> AsyncIterator[list[int]]:
    """``taskiq worker`` with two worker processes; yields their pids once both started.

    Waits without blocking the event loop: FakeSent answers the workers from this one.
    """
    pids = tmp / "pids"
    pids.mkdir()
    env = {**os.environ, **env, "SENT_TQ_PIDS": str(pids), "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "taskiq", "worker", APP, "--workers", "2"]
    args += ["--max-async-tasks", "1", "--log-level", "INFO"]
    with (tmp / "worker.log").open("wb") as log:
        main = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        with anyio.fail_after(30):
            while len(list(pids.iterdir())) < 2:
                assert main.poll() is None, (tmp / "worker.log").read_text()
                await anyio.sleep(0.05)
        yield sorted(int(p.name) for p in pids.iterdir())
    finally:
        # Killed, not terminated: with taskiq 0.13 and taskiq-redis 1.2.4 a worker process
        # told to stop stops prefetching, but its stream listener goes on reading and it never
        # exits. Killing is what the adapter is built to survive anyway.
        main.kill()
        await anyio.to_thread.run_sync(main.wait, 10)
        for pid in (int(p.name) for p in pids.iterdir()):  # its children, restarted ones too
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def worker_env(server: FakeSent, redis: RedisServer, **settings: Any) -> dict[str, str]:
    env = {
        "SENT_TQ_REDIS": redis.url,
        "SENT_TQ_BASE_URL": server.base_url,
        "SENT_TQ_API_KEY": server.api_key,
        "SENT_TQ_CONCURRENCY": str(CONCURRENCY),
        "SENT_TQ_MARGIN": str(MARGIN),
    }
    env.update({f"SENT_TQ_{name.upper()}": str(value) for name, value in settings.items()})
    return env


def sent_by(server: FakeSent) -> dict[int, int]:
    """Message sends per worker pid (the x-worker-pid header the app's clients send)."""
    counts: dict[int, int] = {}
    for r in server.requests:
        if r.path == "/v3/messages":
            pid = int(r.headers["x-worker-pid"])
            counts[pid] = counts.get(pid, 0) + 1
    return counts


async def finished(send: SendTask, job_id: str) -> dict[str, int]:
    """The job's report once no item is pending."""
    while (report := await job_report(send, job_id))["pending"]:
        await anyio.sleep(0.2)
    return report


def names() -> tuple[str, str, str]:
    """A fresh account label, queue and job id: each test has its own state in Redis."""
    tag = uuid.uuid4().hex[:10]
    return account(), f"sent-test-{tag}", f"job-{tag}"


async def test_two_workers_send_each_message_once_with_no_429(
    redis_server: RedisServer, tmp_path: Path
):
    """300 messages in shards of 50, time-boxed at 3 s, two worker processes, one limit."""
    rate, burst, n, box, idle = 30, 10, 300, 3.0, 15_000
    acct, queue, job = names()
    send = sender(redis_server.url, queue, acct, rate, box, idle)
    async with FakeSent(rate_limit=RateLimit(per_second=rate, burst=burst)) as server:
        env = worker_env(
            server, redis_server, queue=queue, account=acct, rate=rate, time_box=box, idle_ms=idle
        )
        async with taskiq_workers(env, tmp_path) as pids:
            enqueued = await enqueue(send, items(n), job_id=job, size=50)
            assert (enqueued.items, enqueued.shards) == (n, n // 50)
            with anyio.fail_after(60):
                report = await finished(send, job)
        stats = server.stats
        by_pid = sent_by(server)
    await send.broker.shutdown()
    assert report["total"] == report["done"] == n, report
    assert report["pending"] == report["failed"] == report["skipped"] == 0, report
    assert report["shard_runs"] > n // 50, report  # time boxes cut shards into continuations
    assert stats.rate_limited["message"] == 0
    assert sorted(stats.per_recipient) == sorted(phone(i) for i in range(n))
    assert stats.messaged_twice() == []
    assert set(stats.per_key.values()) == {1}  # no request repeated
    assert sorted(by_pid) == pids  # both worker processes took part
    times = stats.accepted["message"]
    assert stats.max_in_window("message") <= rate + burst
    assert (len(times) - 1) / (times[-1] - times[0]) > 0.7 * rate


async def test_a_worker_killed_mid_shard_is_redelivered_and_no_one_gets_two(
    redis_server: RedisServer, tmp_path: Path
):
    """One shard of 150; SIGKILL its worker after 20 sends. Nothing else is enqueued, so only
    the adapter's nudge makes the broker reclaim it (taskiq-redis reclaims after a new
    message); the other worker finishes it, skipping what the checkpoint says was done."""
    rate, burst, n, box, idle = 25, 10, 150, 3.0, 7_000
    acct, queue, job = names()
    send = sender(redis_server.url, queue, acct, rate, box, idle)
    async with FakeSent(rate_limit=RateLimit(per_second=rate, burst=burst)) as server:
        env = worker_env(
            server, redis_server, queue=queue, account=acct, rate=rate, time_box=box, idle_ms=idle
        )
        async with taskiq_workers(env, tmp_path):
            await enqueue(send, items(n), job_id=job, size=n)
            with anyio.fail_after(20):
                while len(server.stats.per_recipient) < 20:
                    await anyio.sleep(0.02)
            victim = int(server.requests[-1].headers["x-worker-pid"])
            os.kill(victim, signal.SIGKILL)
            killed_at, sent_before = time.monotonic(), len(server.stats.per_recipient)
            with anyio.fail_after(60):
                report = await finished(send, job)
        stats = server.stats
        by_pid = sent_by(server)
    await send.broker.shutdown()
    resumed = min(t for t in stats.accepted["message"] if t > killed_at + 0.5)
    print(f"killed after {sent_before} sends; redelivered {resumed - killed_at:.1f} s later")
    assert resumed - killed_at >= idle / 1000 - box  # the broker's clock, not earlier
    assert report["total"] == report["done"] == n, report
    assert report["pending"] == report["failed"] == 0, report
    assert stats.rate_limited["message"] == 0
    assert sorted(stats.per_recipient) == sorted(phone(i) for i in range(n))
    assert stats.messaged_twice() == []  # replays of the calls in flight create nothing
    assert sum(c - 1 for c in stats.per_key.values()) <= CONCURRENCY  # at most the in-flight calls
    assert len(by_pid) >= 2 and by_pid[victim] < n  # another process finished the shard


def test_only_a_stream_broker_taking_one_message_at_a_time_is_accepted():
    url = "redis://127.0.0.1:1/0"  # never connected to
    with pytest.raises(SentValidationError, match="RedisStreamBroker"):
        check_broker(
            ListQueueBroker(url), 120
        )  # no acknowledgements: a dead worker's shard is lost
    with pytest.raises(SentValidationError, match="xread_count=1"):
        check_broker(RedisStreamBroker(url), 120)  # reads 100 at a time by default
    short = stream_broker(url, time_box=10, idle_timeout=15_000)
    with pytest.raises(SentValidationError, match="idle_timeout"):
        check_broker(short, 10, 10)  # would redeliver a shard still running
    broker = stream_broker(url)
    assert broker.idle_timeout == 540_000  # twice (120 s box + 150 s margin)
    assert check_broker(broker, 120) is broker
    with pytest.raises(SentValidationError, match="idle_timeout"):
        make_send_task(
            short,
            client_factory=AsyncSent,
            redis_url=url,
            account="acme",
            per_second=5,
            time_box=10,
            margin=10,
        )


def test_the_task_names_no_secret():
    broker = stream_broker("redis://:hunter2@127.0.0.1:1/0")
    send = make_send_task(
        broker,
        client_factory=AsyncSent,
        redis_url="redis://:hunter2@127.0.0.1:1/0",
        account="acme",
        per_minute=300,
    )
    assert "hunter2" not in repr(send)
    assert send.task.labels["ack_type"] == "manual"  # acknowledged by the body, after the shard


def test_the_extra_is_named_when_taskiq_is_missing(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delitem(sys.modules, "sent_async.contrib.taskiq")
    monkeypatch.setitem(sys.modules, "taskiq", None)  # as if not installed
    with pytest.raises(ImportError, match=r"pip install 'sent-sdk\[taskiq\]'"):
        importlib.import_module("sent_async.contrib.taskiq")


async def test_bad_items_are_refused_before_anything_is_enqueued(redis_server: RedisServer):
    acct, queue, job = names()
    send = sender(redis_server.url, queue, acct, 10, 1.0, 5_000)
    rows = [*items(5), {"text": "no recipient"}, *items(600)[6:]]
    with pytest.raises(SentValidationError, match="item 5"):
        await enqueue(send, rows, job_id=job, size=2)
    async with Redis.from_url(redis_server.url) as redis:
        assert await redis.xlen(queue) == 0
    assert (await job_report(send, job))["total"] == 0
    await send.broker.shutdown()


async def test_a_message_a_dead_worker_left_is_nudged_once_per_period(redis_server: RedisServer):
    """taskiq-redis reclaims stale messages only after reading a new one: the nudge is one."""
    acct, queue, job = names()
    send = sender(redis_server.url, queue, acct, 10, 0.1, 300, margin=0.1)
    broker, group = send.broker, send.broker.consumer_group_name
    nudge = broker.find_task("sent.send_shard.nudge")
    assert nudge is not None
    await enqueue(send, items(1), job_id=job)
    async with Redis.from_url(redis_server.url) as redis:
        await redis.xreadgroup(group, "dead-worker", {queue: ">"}, count=1)  # never acked
        assert await nudge_stale(broker, nudge, 5.0) == 0  # not idle long enough yet
        await anyio.sleep(0.4)
        assert await nudge_stale(broker, nudge, 5.0) == 1
        assert await nudge_stale(broker, nudge, 5.0) == 0  # another worker nudged already
        assert await redis.xlen(queue) == 2
    await broker.shutdown()


def context(send: SendTask, on_ack: Any) -> Context:
    """What taskiq hands the task: its message, and the acknowledgement to call."""
    message = TaskiqMessage(
        task_id="t1", task_name="sent.send_shard", labels={}, args=[], kwargs={}
    )
    return Context(message, send.broker, AckController(on_ack))


async def test_a_shard_is_acknowledged_after_its_outcome_is_saved(redis_server: RedisServer):
    """The body acknowledges last: after the tally and the re-enqueued rest; never if it raised."""
    acct, queue, job = names()
    send = sender(redis_server.url, queue, acct, 20, 0.3, 5_000)
    seen: list[dict[str, int]] = []

    async def ack() -> None:
        seen.append(await job_report(send, job))

    async with FakeSent() as server:
        send.process.factory = lambda: server.client()
        await enqueue(send, [], job_id=job)  # the consumer group
        shard = Shard(job, "messages", tuple(enumerate(items(12))))
        tally = await send.run(shard.to_json(), context(send, ack))
        await send.close()
        assert tally["succeeded"] + tally["remaining"] == 12 and tally["remaining"] > 0, tally
        assert seen == [await job_report(send, job)]  # acked once, the tally already written
        assert seen[0]["done"] == tally["succeeded"]
        async with Redis.from_url(redis_server.url) as redis:
            assert await redis.xlen(queue) == 1  # the rest, enqueued before the ack

        def broken() -> AsyncSent:
            raise RuntimeError("no client")

        send.process.factory = broken
        with pytest.raises(RuntimeError):
            await send.run(shard.to_json(), context(send, ack))
        assert len(seen) == 1  # not acknowledged: the broker redelivers it
        assert await send.run({"format": 0}, context(send, ack)) == {}
        assert len(seen) == 2  # not a shard: acknowledged and dropped
    await send.broker.shutdown()
