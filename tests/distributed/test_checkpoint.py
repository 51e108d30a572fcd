"""Checkpoints: a re-run skips what Sent accepted, and never blindly re-sends old items."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from sent_async import AsyncSent, FileCheckpoint, SentValidationError
from sent_async.distributed import NeedsCheckError, RedisCheckpoint
from sent_async.testing import FAST_RETRY

from .support import PHONE, Counter, RedisServer

pytestmark = pytest.mark.anyio
DAY = 24 * 3600.0


@attrs.define
class Clock:
    """Wall-clock seconds that a test moves forward."""

    now: float = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


Store = Callable[..., Any]


@pytest.fixture(params=["file", "redis"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Builds a fresh checkpoint store of one kind (the same place on every call)."""
    if request.param == "file":
        path = tmp_path / "checkpoint.sqlite"
        yield lambda **kw: FileCheckpoint(path, **kw)
    else:
        server: RedisServer = request.getfixturevalue("redis_server")
        namespace = uuid.uuid4().hex
        yield lambda **kw: RedisCheckpoint(server.url, namespace=namespace, **kw)


async def send_all(counter: Counter, checkpoint: Any, n: int = 6) -> Any:
    retry = attrs.evolve(FAST_RETRY, max_retries=0)
    async with AsyncSent("sk_test_checkpoint", base_url=counter.base_url, retry=retry) as sent:
        report = await sent.messages.send_many(
            [PHONE] * n, text="hi", job_id="ckpt", checkpoint=checkpoint
        )
    aclose = getattr(checkpoint, "aclose", None)
    if aclose is not None:
        await aclose()
    return report


async def test_a_rerun_sends_nothing_for_done_items(make_store: Store, counter: Counter):
    counter.reject = {"ckpt-2", "ckpt-4"}  # not accepted: these must go again
    first = await send_all(counter, make_store())
    assert (first.succeeded, first.failed, first.already_done) == (4, 2, 0)
    counter.reject = set()
    counter.keys.clear()
    second = await send_all(counter, make_store())
    assert sorted(map(str, counter.keys)) == ["ckpt-2", "ckpt-4"]  # only what Sent did not accept
    assert (second.succeeded, second.skipped, second.already_done) == (2, 4, 4)
    assert second.ok
    assert "4 already done (checkpoint)" in second.summary()
    counter.keys.clear()
    third = await send_all(counter, make_store())
    assert counter.keys == []  # zero requests: everything is done
    assert third.already_done == 6 and third.ok


async def test_old_unfinished_items_need_a_check(make_store: Store, counter: Counter):
    clock = Clock()
    counter.reject = {"ckpt-1"}
    await send_all(counter, make_store(clock=clock))
    counter.reject = set()
    counter.keys.clear()
    clock.now += 23.5 * 3600  # past the 23 h guard: Sent may have forgotten "ckpt-1"
    report = await send_all(counter, make_store(clock=clock))
    assert counter.keys == []  # not re-sent blindly
    assert report.already_done == 5 and report.failed == 1
    assert report.failures[0].error == "NeedsCheckError"
    assert report.failures[0].idempotency_key == "ckpt-1"
    assert not report.ok
    assert isinstance(report.first_error, NeedsCheckError)


async def test_young_unfinished_items_are_sent_again(make_store: Store, counter: Counter):
    clock = Clock()
    counter.reject = {"ckpt-1"}
    await send_all(counter, make_store(clock=clock))
    counter.reject = set()
    counter.keys.clear()
    clock.now += 22 * 3600  # inside Sent's 24 h: the same key is safe to send again
    report = await send_all(counter, make_store(clock=clock))
    assert counter.keys == ["ckpt-1"]
    assert report.ok


async def test_a_checkpoint_needs_keys(tmp_path: Path, counter: Counter):
    async with AsyncSent("sk_test_checkpoint", base_url=counter.base_url) as sent:
        with pytest.raises(SentValidationError, match="job_id or key"):
            await sent.messages.send_many(
                [PHONE], text="hi", checkpoint=FileCheckpoint(tmp_path / "c.sqlite")
            )
        with pytest.raises(SentValidationError, match="checkpoint must be"):
            await sent.messages.send_many(
                [PHONE],
                text="hi",
                job_id="j",
                checkpoint=object(),  # type: ignore[arg-type]
            )
    assert counter.keys == []


MARK = """
import sys, anyio
from sent_async import FileCheckpoint
store = FileCheckpoint(sys.argv[1])
async def run():
    for i in range(int(sys.argv[2]), int(sys.argv[2]) + 100):
        await store.begin(f"k-{i}")
        await store.done(f"k-{i}")
anyio.run(run)
"""


async def test_file_checkpoint_is_shared_by_processes(tmp_path: Path):
    path = str(tmp_path / "shared.sqlite")
    procs = [subprocess.Popen([sys.executable, "-c", MARK, path, str(i * 100)]) for i in range(3)]
    assert [p.wait(30) for p in procs] == [0, 0, 0]  # no "database is locked" in any of them
    store = FileCheckpoint(path)
    states = [await store.begin(f"k-{i}") for i in range(200)]
    assert all(s.done for s in states)
    store.close()


def test_redis_checkpoint_repr_hides_the_password():
    store = RedisCheckpoint("redis://u:topsecretpw@host:6379/0", namespace="reminders")
    assert "topsecretpw" not in repr(store)
