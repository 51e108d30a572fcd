"""Celery adapter: a bulk job's time-boxed shards as Celery tasks (extra ``sent-sdk[celery]``).

``make_send_task(app, ...)`` registers one task that runs a shard (``run_shard``) for at most
``time_box`` seconds under the account's shared ``RedisRateLimit``, with a ``RedisCheckpoint``
per job, records its items in the job's ``JobTally`` and re-enqueues what it did not start.
``enqueue(send, items, job_id=...)`` splits a job into shards and sends them;
``job_report(send, job_id)`` reads the tally across workers.

At-least-once on Celery's terms: the task acks late and is rejected (re-queued) when its
worker process dies, so a crash redelivers the shard; keys (``job_id-index``) and the
checkpoint make the re-run send nothing twice. Celery's own ``rate_limit`` (per worker) is
never used. Each worker process runs its shards on one event loop thread of its own (the
machinery behind ``sent_sync``, sent_async/_loop_thread.py) with one ``AsyncSent`` made there
on first use, after the fork, and closed when the process ends. See docs/distributed.md,
"A job on Celery".
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any, TypeVar

import attrs

from .._bulk.outage import OutagePolicy
from .._client import AsyncSent
from .._errors import RateLimiterUnavailableError, SentValidationError
from .._loop_thread import LoopThread
from ..distributed.ratelimit import RedisRateLimit
from ..distributed.shards import CONCURRENCY, SIZE, TIME_BOX, Kind, Shard, ShardOutcome
from ..distributed.tally import TTL, tally_counts, tally_keys
from ..resources import contacts as _contacts  # noqa: F401 - loaded before the worker forks,
from ..resources import messages as _messages  # noqa: F401 - so no shard's box pays for it
from ._shardtask import RESUMABLE as RESUMABLE  # public here, as before
from ._shardtask import (
    Enqueued,
    check_options,
    cut,
    make_client,
    remainder,
    run_recorded,
)

EXTRA_HINT = "sent_async.contrib.celery needs Celery: pip install 'sent-sdk[celery]'"
try:
    import celery.signals
except ImportError as exc:  # pragma: no cover - the test runs it in a subprocess
    raise ImportError(EXTRA_HINT) from exc

T = TypeVar("T")
log = logging.getLogger("sent")
MARGIN = 150.0
"""Seconds a shard may run past its time box: calls in flight finish within the client's
``Timeout.deadline`` (120 s by default) and an outage holds a call up to ``max_delay`` (30 s)."""
VISIBILITY = {"redis": 3600.0, "rediss": 3600.0, "sqs": 1800.0}
"""Kombu's default visibility timeout per broker scheme: past it, an unacked task is
redelivered even while it still runs."""
FIXED_OPTIONS = ("rate_limit", "acks_late", "reject_on_worker_lost", "bind", "name")


def broker_clock(app: Any) -> float | None:
    """The broker's redelivery clock (visibility timeout) in seconds, if it has a known one."""
    url = str(app.conf.broker_url or "")
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower()
    if scheme not in VISIBILITY:
        return None  # RabbitMQ: its consumer_timeout is server-side (docs/distributed.md)
    options = app.conf.broker_transport_options or {}
    return float(options.get("visibility_timeout", VISIBILITY[scheme]))


def check_clock(app: Any, time_box: float, margin: float) -> None:
    """Refuse a time box that could outlast the broker's redelivery clock.

    A prefetched task waits for the ones before it, so the clock must exceed
    ``worker_prefetch_multiplier`` shards, each ``time_box + margin`` long.
    """
    clock = broker_clock(app)
    prefetch = max(1, int(app.conf.worker_prefetch_multiplier or 1))
    needed = prefetch * (time_box + margin)
    if clock is not None and clock <= needed:
        raise SentValidationError(
            f"the broker redelivers an unacked task after {clock:g} s (visibility_timeout), "
            f"but a shard may hold its message {needed:g} s (worker_prefetch_multiplier "
            f"{prefetch} x (time_box {time_box:g} + margin {margin:g})): raise "
            "broker_transport_options['visibility_timeout'], or lower time_box or the prefetch"
        )


def recheck_clock(app: Any, time_box: float, margin: float, **_: Any) -> bool:
    """At worker start (worker_init): the same check on the configuration the worker really
    runs with; a failure is logged as an error (the worker still starts). False then."""
    try:
        check_clock(app, time_box, margin)
    except SentValidationError as exc:
        log.error("sent: shards may be redelivered while they run: %s", exc)
        return False
    return True


class _Process:
    """One worker process's event loop thread and client, made on first use after a fork."""

    def __init__(self, factory: Callable[[], AsyncSent]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._thread: LoopThread | None = None
        self._client: AsyncSent | None = None

    @property
    def client(self) -> AsyncSent:
        assert self._client is not None
        return self._client

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``await fn(*args)`` on this process's loop thread and wait for it."""
        thread = self._started()
        assert thread.portal is not None
        return thread.portal.call(fn, *args)

    def _started(self) -> LoopThread:
        with self._lock:
            if self._pid != os.getpid():  # a forked child: the parent's thread is not here
                self._thread = self._client = None
            if self._thread is None:
                thread = LoopThread("sent-celery-loop")
                portal = thread.start()
                try:
                    self._client = portal.call(self._make)
                except BaseException:
                    thread.stop()
                    raise
                self._thread, self._pid = thread, os.getpid()
            return self._thread

    async def _make(self) -> AsyncSent:
        return make_client(self._factory)  # on the loop thread: its session belongs to it

    def start(self, **_: Any) -> None:
        """At a worker process's start (worker_process_init): make the loop and client now,
        so the first shard's box is not spent on it. A failure is logged; the first task
        tries again and fails with it (the task's failure says why)."""
        try:
            self._started()
        except Exception:
            log.exception("sent: client_factory failed in worker process %d", os.getpid())

    def close(self, **_: Any) -> None:
        """At the process's end: close the client on its loop, then stop the loop thread."""
        with self._lock:
            thread, client, pid = self._thread, self._client, self._pid
            self._thread = self._client = self._pid = None
        if thread is None or pid != os.getpid():
            return
        try:
            if client is not None and thread.portal is not None:
                thread.portal.call(client.aclose)
        finally:
            thread.stop()


@attrs.frozen(repr=False)
class SendTask:
    """What ``make_send_task`` returns: the Celery ``task`` and how it runs shards.

    ``enqueue(send, items, job_id=...)`` starts a job; ``job_report(send, job_id)`` reads it.
    """

    task: Any
    limit: RedisRateLimit
    time_box: float
    concurrency: int
    outage: OutagePolicy | None
    process: _Process

    @property
    def redis_url(self) -> str:
        return self.limit.url

    def __repr__(self) -> str:
        return f"<SendTask {self.task.name!r} {self.limit!r} time_box={self.time_box:g}>"

    def close(self) -> None:
        """Close this process's client and loop thread (a worker process does it at its end;
        call it yourself after running tasks eagerly)."""
        self.process.close()

    async def run(self, shard: Shard) -> ShardOutcome:
        """One shard on this process's loop: run it, then record its items in the tally."""
        outcome, _ = await run_recorded(self, self.process.client, shard)
        return outcome


def _body(send: Callable[[], SendTask]) -> Callable[..., dict[str, int]]:
    def send_shard(self: Any, shard: Mapping[str, Any]) -> dict[str, int]:
        """Run one shard of a Sent bulk job (sent_async.contrib.celery); re-enqueue the rest."""
        runner = send()
        outcome: ShardOutcome = runner.process.call(runner.run, Shard.from_json(shard))
        rest = remainder(outcome)
        if rest is not None:
            route = (self.request.delivery_info or {}).get("routing_key")
            options = {"queue": route} if route else {}
            self.apply_async((rest.to_json(),), **options)  # before this task is acked
        return outcome.tally()

    return send_shard


def _check_options(
    factory: object,
    time_box: object,
    margin: object,
    concurrency: object,
    outage: object,
    task_options: Mapping[str, Any],
) -> None:
    check_options(factory, time_box, margin, concurrency, outage)
    fixed = sorted(set(task_options) & set(FIXED_OPTIONS))
    if fixed:
        raise SentValidationError(
            f"{fixed} are set by make_send_task (late acks, re-queued on a lost worker; no "
            "Celery rate_limit: it is per worker, the shared RedisRateLimit replaces it)"
        )


def make_send_task(
    app: Any,
    *,
    client_factory: Callable[[], AsyncSent],
    redis_url: str,
    account: str,
    per_second: float | None = None,
    per_minute: float | None = None,
    burst: int = 1,
    share: float = 1.0,
    time_box: float = TIME_BOX,
    margin: float = MARGIN,
    concurrency: int = CONCURRENCY,
    outage: OutagePolicy | None = OutagePolicy(),
    name: str = "sent.send_shard",
    **task_options: Any,
) -> SendTask:
    """Register the task that sends a job's shards on ``app``; enqueue jobs with ``enqueue``.

    ``client_factory()`` builds each worker process's ``AsyncSent`` (called once per process,
    on its loop thread). Every process shares ``per_second``/``per_minute`` (the account's
    whole rate, times ``share``) through ``RedisRateLimit(redis_url, account=...)``, and the
    job's checkpoint and tally live in the same Redis. ``margin`` is how long a shard may
    run past ``time_box`` (calls in flight; lower it with the client's ``Timeout``); the
    broker's visibility timeout must exceed both, or SentValidationError.
    """
    limit = RedisRateLimit(
        redis_url, account=account, per_second=per_second, per_minute=per_minute, burst=burst,
        share=share,
    )  # fmt: skip
    _check_options(client_factory, time_box, margin, concurrency, outage, task_options)
    check_clock(app, float(time_box), float(margin))
    holder: list[SendTask] = []
    task = app.task(
        bind=True,
        name=name,
        shared=False,  # this app's task only (shared tasks join every app made later)
        acks_late=True,
        reject_on_worker_lost=True,
        rate_limit=0,  # none, even under the app's task_default_rate_limit (it is per worker)
        autoretry_for=(RateLimiterUnavailableError,),
        retry_backoff=True,
        retry_backoff_max=60,
        max_retries=None,
        **task_options,
    )(_body(lambda: holder[0]))
    process = _Process(client_factory)
    send = SendTask(task, limit, float(time_box), concurrency, outage, process)
    holder.append(send)
    celery.signals.worker_process_init.connect(process.start, weak=False)
    celery.signals.worker_process_shutdown.connect(process.close, weak=False)
    celery.signals.worker_shutdown.connect(process.close, weak=False)  # the solo pool
    recheck = partial(recheck_clock, app, float(time_box), float(margin))
    celery.signals.worker_init.connect(recheck, weak=False)  # config loaded after this call
    return send


def enqueue(
    send: SendTask,
    items: Iterable[Mapping[str, Any]],
    *,
    job_id: str,
    kind: Kind = "messages",
    size: int = SIZE,
    **options: Any,
) -> Enqueued:
    """Split ``items`` into shards of ``size`` and send one task per shard.

    Every item is checked before any task is sent (SentValidationError names a bad one); the
    job's total goes into its tally first, so ``job_report`` never looks finished early.
    ``options`` go to ``apply_async`` (``queue=``, ``priority=``...). Enqueueing the same
    ``job_id`` again re-runs it safely: the checkpoint skips what Sent accepted.
    """
    if not isinstance(send, SendTask):
        raise SentValidationError("send must be what make_send_task returned")
    shards, enqueued = cut(items, job_id=job_id, kind=kind, size=size)
    meta, _ = tally_keys(job_id)
    with _redis(send.redis_url) as client:
        client.hset(meta, "total", enqueued.items)
        client.expire(meta, TTL)
    for shard in shards:
        send.task.apply_async((shard.to_json(),), **options)
    return enqueued


def job_report(send: SendTask, job_id: str) -> dict[str, int]:
    """The job's counts across workers (``JobTally.read``), from sync code."""
    meta, bits = tally_keys(job_id)
    with _redis(send.redis_url) as client:
        pipe = client.pipeline(transaction=False)
        for key in bits.values():
            pipe.bitcount(key)
        pipe.hgetall(meta)
        *counts, fields = pipe.execute()
    return tally_counts(counts, fields)


def _redis(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url, decode_responses=True, socket_timeout=10)
