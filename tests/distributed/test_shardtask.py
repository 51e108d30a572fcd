"""The adapters' shared shard task (sent_async/contrib/_shardtask.py), without an engine."""

from __future__ import annotations

import uuid
from typing import Any

import attrs
import pytest

from sent_async import OutagePolicy
from sent_async.contrib import _shardtask
from sent_async.distributed import JobTally, RedisCheckpoint, RedisRateLimit, split
from sent_async.testing import FAST_RETRY, FakeSent

from .support import RedisServer

pytestmark = pytest.mark.anyio


@attrs.frozen
class Settings:
    limit: RedisRateLimit
    time_box: float = 30.0
    concurrency: int = 4
    outage: OutagePolicy | None = None


def messages(n: int) -> list[dict[str, Any]]:
    return [{"to": f"+1415555{i:04d}", "text": f"hi {i}"} for i in range(n)]


def test_a_long_job_id_gets_a_short_namespace_of_its_own() -> None:
    assert _shardtask.namespace("camp-1") == "camp-1"
    long_a, long_b = "a" * 150, "a" * 149 + "b"
    ns_a, ns_b = _shardtask.namespace(long_a), _shardtask.namespace(long_b)
    assert ns_a != ns_b and ns_a == _shardtask.namespace(long_a)
    assert ns_a.startswith("h:") and len(ns_a) <= 100
    RedisCheckpoint("redis://127.0.0.1:1", namespace=ns_a)  # a valid namespace


def test_both_adapters_share_one_enqueued_and_resumable() -> None:
    celery = pytest.importorskip("sent_async.contrib.celery")
    taskiq = pytest.importorskip("sent_async.contrib.taskiq")
    assert celery.Enqueued is taskiq.Enqueued is _shardtask.Enqueued
    assert celery.RESUMABLE == taskiq.RESUMABLE == (None, "outage")


async def test_a_shard_run_is_recorded_unless_its_client_closed_under_it(
    redis_server: RedisServer,
) -> None:
    job = f"st-{uuid.uuid4().hex[:8]}"
    first, second = split(messages(6), job_id=job, size=3)
    limit = RedisRateLimit(redis_server.url, account=f"acct-{job}", per_second=200)
    send = Settings(limit)
    tally = JobTally(redis_server.url, job)
    await tally.expect(6)
    async with FakeSent() as server:
        async with server.client(retry=FAST_RETRY) as sent:
            outcome, recorded = await _shardtask.run_recorded(send, sent, first)
        assert recorded and outcome.finished and _shardtask.remainder(outcome) is None
        closed, kept = await _shardtask.run_recorded(send, sent, second, keep_if_closed=True)
        assert not kept and not _shardtask.resumes(closed)  # left for redelivery
        assert (await tally.read())["pending"] == 3
        closed, kept = await _shardtask.run_recorded(send, sent, second)
    assert kept and _shardtask.remainder(closed) is None  # given up: settled as skipped
    counts = await tally.read()
    assert counts["done"] == 3 and counts["pending"] == 0
    assert counts["failed"] + counts["skipped"] == 3  # the first call failed, the rest given up
    await tally.aclose()
