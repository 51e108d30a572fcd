"""sent_async.contrib.celery: real Celery workers send a job exactly once, even when killed.

The workers are ``celery worker`` subprocesses (prefork, concurrency 2) on the session's real
redis-server (broker, shared limit, checkpoints, tally) sending to a standalone FakeSent that
enforces the account's limit itself. Each test uses a queue and account of its own.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from sent_async import SentValidationError

from .support import RedisServer, StandaloneFakeSent, children

celery = pytest.importorskip("celery")
from sent_async.contrib.celery import (  # noqa: E402 - after the skip
    SendTask,
    broker_clock,
    enqueue,
    job_report,
    make_send_task,
    recheck_clock,
)

from .celery_app import build  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RATE, BURST = 40, 10  # calls/s for the account; FakeSent's burst absorbs scheduling jitter
COUNT, SIZE, TIME_BOX, VISIBILITY = 240, 40, 1.5, 4.0
RECEIVED = re.compile(r"Task sent\.send_shard\[([0-9a-f-]+)\] received")
SUCCEEDED = re.compile(r"Task sent\.send_shard\[([0-9a-f-]+)\] succeeded")


def phone(n: int) -> str:
    return f"+1415555{n:04d}"


@attrs.define
class Fleet:
    """One test's FakeSent, environment and worker subprocesses (stopped at the end)."""

    fake: StandaloneFakeSent
    env: dict[str, str]
    logs: Path
    workers: list[subprocess.Popen[bytes]] = attrs.Factory(list)

    def start_worker(self, name: str) -> subprocess.Popen[bytes]:
        log = self.logs / f"{name}.log"
        command = [sys.executable, "-m", "celery", "-A", "tests.distributed.celery_app"]
        command += ["worker", "--pool", "prefork", "--concurrency", "2", "-n", f"{name}@%h"]
        command += ["--prefetch-multiplier", "1", "--without-gossip", "--without-mingle"]
        command += ["--without-heartbeat", "--loglevel", "INFO", "--logfile", str(log)]
        worker = subprocess.Popen(
            command, cwd=ROOT, env=self.env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.workers.append(worker)
        wait_for(lambda: log.exists() and " ready." in log.read_text(), 30, f"{name} ready")
        return worker

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text() if path.exists() else ""

    def producer(self) -> SendTask:
        _, send = build(self.env)
        return send

    def stop(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()  # warm shutdown: running shards end within their box
        for worker in self.workers:
            try:
                worker.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(5)


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    give_up = time.monotonic() + timeout
    while not check():
        if time.monotonic() > give_up:
            raise AssertionError(f"timed out waiting for: {what}")
        time.sleep(0.1)


@pytest.fixture
def fleet(redis_server: RedisServer, tmp_path: Path) -> Iterator[Fleet]:
    fake = StandaloneFakeSent("--rate-limit", f"{RATE}/s", "--burst", str(BURST))
    tag = uuid.uuid4().hex[:8]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SENT_TEST_BROKER": f"redis+socket://{redis_server.socket}",
        "SENT_TEST_REDIS": redis_server.url,
        "SENT_TEST_BASE_URL": fake.base_url,
        "SENT_TEST_API_KEY": fake.api_key,
        "SENT_TEST_ACCOUNT": f"acct-{tag}",
        "SENT_TEST_QUEUE": f"sent-test-{tag}",
        "SENT_TEST_RATE": str(RATE),
        "SENT_TEST_VISIBILITY": str(VISIBILITY),
        "SENT_TEST_TIME_BOX": str(TIME_BOX),
    }
    env.pop("SENT_DM_API_KEY", None)
    fleet = Fleet(fake, env, tmp_path)
    try:
        yield fleet
    finally:
        fleet.stop()
        fake.stop()


def run_job(fleet: Fleet, job_id: str) -> SendTask:
    send = fleet.producer()
    rows = [{"to": phone(i), "text": f"hello {i}"} for i in range(COUNT)]
    enqueued = enqueue(send, rows, job_id=job_id, size=SIZE)
    assert (enqueued.items, enqueued.shards) == (COUNT, COUNT // SIZE)
    return send


def sent_so_far(fleet: Fleet) -> int:
    return len(fleet.fake.account()["per_recipient"])


def assert_exactly_once(fleet: Fleet, send: SendTask, job_id: str) -> None:
    """Every recipient got one message, no 429 was met, and the job report adds up."""
    finished = lambda: job_report(send, job_id)["pending"] == 0  # noqa: E731
    wait_for(finished, 60, "every item reported")
    account = fleet.fake.account()
    assert account["per_recipient"] == {phone(i): 1 for i in range(COUNT)}
    assert account["messaged_twice"] == []
    assert account["rate_limited"] == {}, account["rate_limited"]
    assert set(account["per_key"]) == {f"{job_id}-{i}" for i in range(COUNT)}
    report = job_report(send, job_id)
    assert (report["total"], report["done"], report["failed"]) == (COUNT, COUNT, 0)
    assert (report["interrupted"], report["skipped"], report["pending"]) == (0, 0, 0)
    assert report["shard_runs"] > COUNT // SIZE  # the time box cut shards: remainders ran


def redelivered(*logs: str) -> set[str]:
    """Task ids received more than once across the workers' logs (a redelivery)."""
    seen: dict[str, int] = {}
    for log in logs:
        for task_id in RECEIVED.findall(log):
            seen[task_id] = seen.get(task_id, 0) + 1
    return {task_id for task_id, n in seen.items() if n > 1}


def kill_a_busy_child(fleet: Fleet, worker: subprocess.Popen[bytes]) -> None:
    """SIGKILL a child of ``worker`` until Celery reports one lost mid-task (one between two
    tasks loses nothing)."""

    def losses() -> int:
        return fleet.log("w1").count("WorkerLostError(")

    for _ in range(5):
        before = losses()
        os.kill(children(worker.pid)[0], signal.SIGKILL)
        give_up = time.monotonic() + 3
        while losses() == before and time.monotonic() < give_up:
            time.sleep(0.1)
        if losses() > before:
            return
    raise AssertionError("no worker process was killed mid-task")


@pytest.mark.timeout(90)
def test_a_killed_worker_process_redelivers_its_shard_and_nobody_gets_two(fleet: Fleet):
    """SIGKILL one prefork child mid-job: its shard is re-queued (reject_on_worker_lost)."""
    worker = fleet.start_worker("w1")
    job_id = f"celery-{uuid.uuid4().hex[:8]}"
    send = run_job(fleet, job_id)
    wait_for(lambda: sent_so_far(fleet) >= COUNT // 4, 30, "a quarter of the job sent")
    kill_a_busy_child(fleet, worker)
    assert_exactly_once(fleet, send, job_id)
    log = fleet.log("w1")
    again = redelivered(log)
    assert again, "no shard was redelivered"  # ...and ran its shard again
    assert again <= set(SUCCEEDED.findall(log))


@pytest.mark.timeout(90)
def test_a_lost_worker_host_redelivers_after_the_visibility_timeout(fleet: Fleet):
    """SIGKILL a whole worker (parent and children): another one takes its shards over."""
    first = fleet.start_worker("w1")
    job_id = f"celery-{uuid.uuid4().hex[:8]}"
    send = run_job(fleet, job_id)
    wait_for(lambda: sent_so_far(fleet) >= COUNT // 4, 30, "a quarter of the job sent")
    for pid in [first.pid, *children(first.pid)]:
        os.kill(pid, signal.SIGKILL)
    first.wait(5)
    fleet.start_worker("w2")
    assert_exactly_once(fleet, send, job_id)
    taken_over = redelivered(fleet.log("w1"), fleet.log("w2"))
    assert taken_over, "no shard of the lost worker was redelivered"
    assert taken_over <= set(SUCCEEDED.findall(fleet.log("w2")))


def app_for(**transport: Any) -> Any:
    app = celery.Celery("t", broker="redis://127.0.0.1:1/0")
    app.conf.broker_transport_options = transport
    app.conf.worker_prefetch_multiplier = 1
    return app


def make(app: Any, **kw: Any) -> SendTask:
    options: dict[str, Any] = {
        "client_factory": lambda: None,
        "redis_url": "redis://127.0.0.1:1/0",
        "account": "acme-prod",
        "per_second": 5,
        "name": f"t.{uuid.uuid4().hex}",
    }
    return make_send_task(app, **{**options, **kw})


def test_a_time_box_past_the_visibility_timeout_is_refused() -> None:
    assert broker_clock(app_for()) == 3600.0  # kombu's default for Redis
    with pytest.raises(SentValidationError, match="visibility_timeout"):
        make(app_for(visibility_timeout=100), time_box=60, margin=45)
    make(app_for(visibility_timeout=100), time_box=60, margin=30)
    prefetching = app_for(visibility_timeout=1000)
    prefetching.conf.worker_prefetch_multiplier = 4  # a reserved shard waits for 3 others
    with pytest.raises(SentValidationError, match="prefetch"):
        make(prefetching, time_box=120)
    rabbit = celery.Celery("t", broker="amqp://127.0.0.1//")
    assert broker_clock(rabbit) is None


def test_a_worker_rechecks_the_clock_on_its_final_configuration(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = app_for()
    make(app, time_box=60)
    app.conf.broker_transport_options = {"visibility_timeout": 30}  # configured afterwards
    assert recheck_clock(app, 60, 150) is False
    assert "visibility_timeout" in caplog.text
    assert recheck_clock(app_for(), 60, 150) is True


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"rate_limit": "10/s"}, "rate_limit"),
        ({"acks_late": False}, "acks_late"),
        ({"time_box": 0}, "time_box"),
        ({"concurrency": 0}, "concurrency"),
        ({"client_factory": "sk_live"}, "client_factory"),
        ({"account": "sk_live_abc"}, "API key"),
        ({"per_second": None}, "per_second"),
    ],
)
def test_bad_options_are_refused_before_anything_runs(kw: dict[str, Any], message: str) -> None:
    with pytest.raises(SentValidationError, match=message):
        make(app_for(), **kw)


def test_the_task_carries_the_at_least_once_settings() -> None:
    app = app_for()
    app.conf.task_default_rate_limit = "10/s"  # Celery's per-worker limit: never on this task
    send = make(app)
    task = app.tasks[send.task.name]
    assert (task.acks_late, task.reject_on_worker_lost) == (True, True)
    assert task.rate_limit == 0
    assert app.tasks["celery.chord_unlock"].rate_limit == "10/s"  # the setting was in force
    assert "acme-prod" in repr(send)


def test_each_app_keeps_its_own_task() -> None:
    """Two apps in one process (a producer and a test, two tenants) may use the same name."""
    first, second = app_for(), app_for()
    make(first, name="t.same", per_second=1)
    make(second, name="t.same", per_second=2)
    assert first.tasks["t.same"] is not second.tasks["t.same"]  # no DuplicateTaskNameWarning
    assert "t.same" not in app_for().tasks


def test_enqueue_checks_every_item_before_sending_any() -> None:
    send = make(app_for())  # its broker is unreachable: nothing may be sent
    rows = [{"to": phone(0)}, {"text": "no recipient"}]
    with pytest.raises(SentValidationError, match="item 1"):
        enqueue(send, rows, job_id="j")
    with pytest.raises(SentValidationError, match="make_send_task"):
        enqueue(object(), rows, job_id="j")  # type: ignore[arg-type]


def test_the_missing_extra_is_named() -> None:
    code = "import sys; sys.modules['celery'] = None; import sent_async.contrib.celery"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode != 0
    assert "sent-sdk[celery]" in done.stderr
