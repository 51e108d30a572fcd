"""Time-boxed shards: deterministic keys whatever the split, the box, remainders, the job tally."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from typing import Any

import attrs
import pytest

from sent_async import AsyncSent, RateLimit, SentValidationError
from sent_async.distributed import (
    JobTally,
    RedisCheckpoint,
    Shard,
    ShardOutcome,
    run_shard,
    split,
)
from sent_async.testing import FAST_RETRY, FakeSent

from .support import RedisServer

pytestmark = pytest.mark.anyio


def phone(n: int) -> str:
    return f"+1415555{n:04d}"


def messages(n: int) -> list[dict[str, Any]]:
    return [{"to": phone(i), "text": f"hello {i}"} for i in range(n)]


def flatten(shards: list[Shard]) -> list[tuple[int, dict[str, Any]]]:
    return [pair for shard in shards for pair in shard.items]


def test_the_split_does_not_change_indexes_or_keys() -> None:
    items = messages(23)
    by_3, by_10 = list(split(items, job_id="j", size=3)), list(split(items, job_id="j", size=10))
    assert [len(s.items) for s in by_10] == [10, 10, 3]
    assert flatten(by_3) == flatten(by_10) == list(enumerate(items))
    assert {s.key(i) for s in by_3 for i, _ in s.items} == {f"j-{i}" for i in range(23)}
    later = list(split(items[21:], job_id="j", start=21))  # a job fed in batches
    assert flatten(later) == flatten(by_3)[21:]


def test_a_shard_travels_as_json() -> None:
    (shard,) = split(messages(3), job_id="camp-1", kind="messages")
    data = json.loads(json.dumps(shard.to_json()))
    assert Shard.from_json(data) == shard
    assert "+1415555" not in repr(shard)  # no recipient or text in a repr
    assert repr(shard) == "<Shard job_id='camp-1' kind='messages' items=3 0..2>"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": 2, "job_id": "j", "kind": "messages", "items": []}, "format"),
        ({"format": 1, "job_id": "j 1", "kind": "messages", "items": []}, "job_id"),
        ({"format": 1, "job_id": "j", "kind": "calls", "items": []}, "kind"),
        ({"format": 1, "job_id": "j", "kind": "messages", "items": {}}, "pairs"),
        ({"format": 1, "job_id": "j", "kind": "messages", "items": [[0]]}, "pairs"),
        ({"format": 1, "job_id": "j", "kind": "messages", "items": [[-1, {"to": "x"}]]}, ">= 0"),
        ({"format": 1, "job_id": "j", "kind": "messages", "items": [[0, "+1415"]]}, "mapping"),
        ({"format": 1, "job_id": "j", "kind": "messages", "items": [[0, {"text": "x"}]]}, "'to'"),
        ({"format": 1, "job_id": "j", "kind": "contacts", "items": [[0, {"to": "x"}]]}, "phone_n"),
        (
            {"format": 1, "job_id": "j", "kind": "messages", "items": [[1, {"to": "a"}]] * 2},
            "increasing",
        ),
        (
            {"format": 1, "job_id": "j", "kind": "messages", "items": [[0, {"to": "a", "x": {1}}]]},
            "JSON",
        ),
        (
            {
                "format": 1,
                "job_id": "j",
                "kind": "messages",
                "items": [[0, {"to": "a", "idempotency_key": "k"}]],
            },
            "idempotency_key",
        ),
        ([1, 2], "format"),
    ],
)
def test_bad_shards_are_refused_typed(data: Any, message: str) -> None:
    with pytest.raises(SentValidationError, match=message):
        Shard.from_json(data)


def test_bad_split_arguments_are_refused_before_anything_runs() -> None:
    with pytest.raises(SentValidationError, match="size"):
        next(split(messages(1), job_id="j", size=0))
    with pytest.raises(SentValidationError, match="job_id"):
        next(split(messages(1), job_id=""))
    with pytest.raises(SentValidationError, match="item 1"):
        list(split([{"to": phone(0)}, {"to": object()}], job_id="j"))


def test_shards_need_no_redis() -> None:
    code = (
        "import sys; sys.modules['redis'] = None\n"
        "from sent_async.distributed import split\n"
        "print(len(list(split([{'to': '+14155550000'}], job_id='j'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, "1"), done.stderr


async def send_shard(server: FakeSent, shard: Shard, **kw: Any) -> ShardOutcome:
    async with server.client(retry=FAST_RETRY) as sent:
        return await run_shard(sent, shard, **kw)


async def test_a_shard_longer_than_its_box_returns_the_rest_with_the_same_keys() -> None:
    """20/s for 0.5 s: about ten items go, the rest come back; none is sent after the box."""
    (shard,) = split(messages(60), job_id="boxed", size=60)
    async with FakeSent() as server:
        started = time.monotonic()
        first = await send_shard(server, shard, time_box=0.5, rate_limit=RateLimit(per_second=20))
        ended = time.monotonic()
        assert first.remaining is not None and not first.finished
        assert max(server.stats.accepted["message"]) < started + 0.5 + 0.1  # nothing late
        assert ended - started < 1.0  # the waits for slots ended with the box
        done = sorted(first.statuses)
        assert 5 <= len(done) <= 15, done
        assert first.report.succeeded == len(done) and first.report.failed == 0
        assert set(done).isdisjoint(i for i, _ in first.remaining.items)
        assert sorted(done + [i for i, _ in first.remaining.items]) == list(range(60))
        assert first.tally()["remaining"] == 60 - len(done)
        assert first.report.stop_reason is None and first.report.ok
        assert [r.index for r in first.report.results] == done  # job indexes, input order
        # the remainder travels like any shard and finishes the job under the same keys
        rest = Shard.from_json(json.loads(json.dumps(first.remaining.to_json())))
        second = await send_shard(server, rest, rate_limit=RateLimit(per_second=200))
        assert second.finished and second.report.succeeded == 60 - len(done)
        stats = server.stats
        assert set(stats.per_key) == {f"boxed-{i}" for i in range(60)}
        assert set(stats.per_key.values()) == {1}
        assert len(stats.per_recipient) == 60 and stats.messaged_twice() == []


async def test_calls_in_flight_finish_after_the_box() -> None:
    """A slow answer started inside the box is waited for, not cancelled or re-sent."""
    (shard,) = split(messages(4), job_id="slow", size=4)
    async with FakeSent(latency=0.4) as server:
        outcome = await send_shard(server, shard, time_box=0.1, concurrency=2)
    assert outcome.report.succeeded == 2 and outcome.report.interrupted == 0
    assert outcome.remaining is not None
    assert [i for i, _ in outcome.remaining.items] == [2, 3]


async def test_failures_carry_their_index_in_the_whole_job() -> None:
    items = messages(5)
    items[3] = {"to": "not a phone", "text": "x"}
    shards = list(split(items, job_id="bad", size=2))
    async with FakeSent() as server:
        outcome = await send_shard(server, shards[1])  # items 2 and 3
    (failure,) = outcome.report.failures
    assert failure.index == 3 and "not a phone" in failure.item
    assert failure.idempotency_key == "bad-3"
    assert outcome.statuses == {2: "done", 3: "failed"}
    assert outcome.report.first_error is not None
    assert outcome.tally() == {
        "succeeded": 1,
        "already_done": 0,
        "failed": 1,
        "interrupted": 0,
        "remaining": 0,
        "rate_limit_pauses": 0,
    }


async def test_a_contacts_shard_creates_contacts() -> None:
    items = [{"phone_number": phone(i)} for i in range(3)]
    (shard,) = split(items, job_id="people", kind="contacts")
    async with FakeSent() as server:
        outcome = await send_shard(server, shard)
        assert outcome.report.succeeded == 3
        assert len(server.state.contacts.by_id) == 3


async def test_run_shard_refuses_bad_arguments() -> None:
    (shard,) = split(messages(1), job_id="j")
    async with AsyncSent("sk_test_x", base_url="http://127.0.0.1:9") as sent:
        with pytest.raises(SentValidationError, match="time_box"):
            await run_shard(sent, shard, time_box=0)
        with pytest.raises(SentValidationError, match="Shard"):
            await run_shard(sent, shard.to_json())  # type: ignore[arg-type]
        with pytest.raises(SentValidationError, match="concurrency"):
            await run_shard(sent, shard, concurrency=0)


async def test_a_redelivered_shard_sends_nothing_again_and_the_tally_adds_up(
    redis_server: RedisServer,
) -> None:
    """A shard run twice (an engine's redelivery): the checkpoint skips, the tally holds."""
    job = f"tally-{uuid.uuid4().hex[:8]}"
    shards = list(split(messages(12), job_id=job, size=5))
    checkpoint = RedisCheckpoint(redis_server.url, namespace=job)
    tally = JobTally(redis_server.url, job)
    await tally.expect(12)
    async with FakeSent() as server:
        first = await send_shard(server, shards[0], checkpoint=checkpoint)
        await tally.add(first)
        again = await send_shard(server, shards[0], checkpoint=checkpoint)
        await tally.add(again)  # the same items again: overwritten, not counted twice
        assert again.report.already_done == 5 and again.report.succeeded == 0
        assert again.statuses == first.statuses == dict.fromkeys(range(5), "done")
        assert sum(server.stats.per_key.values()) == 5  # the re-run made no request
        boxed = await send_shard(server, shards[1], checkpoint=checkpoint, time_box=1e-6)
    assert boxed.remaining == shards[1] and boxed.statuses == {}
    await tally.add(boxed)  # nothing settled: its items stay pending (re-enqueued elsewhere)
    counts = await tally.read()
    assert counts == {
        "total": 12,
        "done": 5,
        "failed": 0,
        "interrupted": 0,
        "skipped": 0,
        "pending": 7,
        "shard_runs": 3,
    }
    await tally.add(boxed, give_up=True)  # given up: its items are settled as skipped
    counts = await tally.read()
    assert (counts["done"], counts["skipped"], counts["pending"]) == (5, 5, 2)
    await tally.clear()
    assert (await tally.read())["total"] == 0
    await tally.aclose()
    await checkpoint.aclose()


async def test_the_job_tally_refuses_bad_input(redis_server: RedisServer) -> None:
    with pytest.raises(SentValidationError, match="job_id"):
        JobTally(redis_server.url, "no spaces")
    tally = JobTally(redis_server.url, "j")
    with pytest.raises(SentValidationError, match="total"):
        await tally.expect(-1)
    with pytest.raises(SentValidationError, match="ShardOutcome"):
        await tally.add(attrs.asdict(RateLimit(per_second=1)))  # type: ignore[arg-type]
    assert "hunter2" not in repr(JobTally("redis://:hunter2@h/0", "j"))
