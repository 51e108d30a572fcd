"""taskiq adapter: a bulk job's time-boxed shards as taskiq tasks (extra ``sent-sdk[taskiq]``).

``make_send_task(broker, ...)`` registers one task that runs a shard (``run_shard``) for at most
``time_box`` seconds under the account's shared ``RedisRateLimit``, with a ``RedisCheckpoint``
per job, records its items in the job's ``JobTally``, enqueues what it did not start, and only
then acknowledges its message. ``await enqueue(send, items, job_id=...)`` splits a job into
shards and sends them; ``await job_report(send, job_id)`` reads the tally across workers.

At-least-once on taskiq's terms: only taskiq-redis's ``RedisStreamBroker`` is accepted (a
Redis Streams consumer group: a message stays pending until acknowledged). A worker that dies
leaves its shard pending, and the broker hands it to another worker once it has been idle
``idle_timeout`` ms; keys (``job_id-index``) and the checkpoint make the re-run send nothing
twice. taskiq-redis 1.2 reclaims pending messages only right after a worker reads a new one, so
each worker process also watches for stale ones and enqueues a no-op "nudge" (``nudge_stale``).
Each worker process has one ``AsyncSent`` on its event loop, made at worker startup and closed
at shutdown. See docs/distributed.md, "A job on taskiq".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Coroutine, Iterable, Mapping
from typing import Any

import attrs

from .._bulk.outage import OutagePolicy
from .._client import AsyncSent
from .._errors import SentValidationError
from ..distributed.ratelimit import RedisRateLimit
from ..distributed.shards import CONCURRENCY, SIZE, TIME_BOX, Kind, Shard
from ..distributed.tally import JobTally
from ._shardtask import RESUMABLE as RESUMABLE  # public here, as before
from ._shardtask import Enqueued, check_options, cut, make_client, remainder, run_recorded

EXTRA_HINT = "sent_async.contrib.taskiq needs taskiq: pip install 'sent-sdk[taskiq]'"
try:
    from redis.asyncio import Redis, ResponseError
    from taskiq import AsyncTaskiqDecoratedTask, Context, TaskiqDepends, TaskiqEvents
    from taskiq_redis import RedisStreamBroker
except ImportError as exc:  # pragma: no cover - tested with the module hidden
    raise ImportError(EXTRA_HINT) from exc

log = logging.getLogger("sent")
ShardTask = AsyncTaskiqDecoratedTask[..., Coroutine[Any, Any, dict[str, int]]]
Nudge = AsyncTaskiqDecoratedTask[[], Coroutine[Any, Any, None]]
MARGIN = 150.0
"""Seconds a shard may hold its message past its time box: calls in flight finish within the
client's ``Timeout.deadline`` (120 s by default), an outage holds a call up to ``max_delay``
(30 s); then the re-enqueue and the acknowledgement (as sent_async/contrib/celery.py)."""
NUDGE_EVERY = 30.0
"""At most this many seconds between two looks for messages a dead worker left pending."""
MAX_NUDGES = 100


def stream_broker(
    url: str,
    *,
    time_box: float = TIME_BOX,
    margin: float = MARGIN,
    queue_name: str = "sent",
    **kwargs: Any,
) -> RedisStreamBroker:
    """A taskiq-redis ``RedisStreamBroker`` set up for shards (other kwargs pass through).

    ``idle_timeout`` (the redelivery clock): twice ``time_box + margin``, 9 min by default.
    ``xread_count=1`` and ``unacknowledged_batch_size=1``: a worker takes one message at a
    time, so none waits in its buffer while its redelivery clock runs.
    """
    kwargs.setdefault("idle_timeout", int(2 * (time_box + margin) * 1000))
    kwargs.setdefault("xread_count", 1)
    kwargs.setdefault("unacknowledged_batch_size", 1)
    return RedisStreamBroker(url, queue_name=queue_name, **kwargs)


def check_broker(broker: object, time_box: float, margin: float = MARGIN) -> RedisStreamBroker:
    """``broker`` if its settings keep shards safe, else SentValidationError saying what to set."""
    if not isinstance(broker, RedisStreamBroker):
        raise SentValidationError(
            "broker must be a taskiq_redis.RedisStreamBroker (stream_broker() builds one): the "
            "taskiq Redis broker that acknowledges messages, so a shard whose worker dies is "
            f"redelivered, not lost; got {type(broker).__name__}"
        )
    if broker.count != 1 or broker.unacknowledged_batch_size != 1:
        raise SentValidationError(
            "the broker must take one message at a time: RedisStreamBroker(..., "
            "xread_count=1, unacknowledged_batch_size=1); a message waiting in a worker's "
            "buffer is unacknowledged, and its redelivery clock runs"
        )
    needed = (time_box + margin) * 1000
    if broker.idle_timeout <= needed:
        raise SentValidationError(
            f"the broker redelivers a message pending for {broker.idle_timeout} ms "
            f"(idle_timeout), but a shard may hold its message {needed:.0f} ms (time_box "
            f"{time_box:g} s + margin {margin:g} s): raise idle_timeout, or lower time_box"
        )
    return broker


@attrs.define(eq=False)
class _Process:
    """One worker process's AsyncSent and its watcher for stale messages."""

    factory: Callable[[], AsyncSent]
    client_: AsyncSent | None = None
    pid: int = 0
    watcher: asyncio.Task[None] | None = None

    def client(self) -> AsyncSent:
        """This process's client, made on first use (a forked child makes its own)."""
        if self.client_ is None or self.pid != os.getpid():
            self.client_, self.pid = make_client(self.factory), os.getpid()
        return self.client_

    def start(self, broker: RedisStreamBroker, nudge: Nudge) -> None:
        """At worker startup: make the client now (a failure is logged; the first shard
        fails with it) and start watching for stale messages."""
        try:
            self.client()
        except Exception:
            log.exception("sent: client_factory failed in worker process %d", os.getpid())
        every = min(NUDGE_EVERY, broker.idle_timeout / 2000)
        self.watcher = asyncio.get_running_loop().create_task(_watch(broker, nudge, every))

    async def close(self) -> None:
        """At worker shutdown: stop the watcher, close the client."""
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
        client, self.client_ = self.client_, None
        if client is not None and self.pid == os.getpid():
            await client.aclose()


async def nudge_stale(broker: RedisStreamBroker, nudge: Nudge, every: float) -> int:
    """Enqueue one no-op message per message pending longer than ``idle_timeout``.

    taskiq-redis 1.2's listener reclaims such messages (XAUTOCLAIM) only right after it read a
    new one: with no new work, a dead worker's last shard would wait forever. A Redis lock
    living ``every`` seconds lets one worker of the fleet nudge per period. Returns how many.
    """
    async with Redis(connection_pool=broker.connection_pool) as redis:
        stale = await redis.xpending_range(
            broker.queue_name,
            broker.consumer_group_name,
            min="-",
            max="+",
            count=MAX_NUDGES,
            idle=broker.idle_timeout,
        )
        if not stale:
            return 0
        lock = f"sent:taskiq:{{{broker.queue_name}}}:nudge"
        if not await redis.set(lock, os.getpid(), nx=True, px=max(1, int(every * 1000))):
            return 0
    for _ in stale:
        await nudge.kiq()
    log.info("sent: %d shard message(s) pending past idle_timeout: nudged", len(stale))
    return len(stale)


async def _watch(broker: RedisStreamBroker, nudge: Nudge, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        try:
            await nudge_stale(broker, nudge, every)
        except Exception as exc:  # Redis unreachable: look again next time
            log.warning("sent: could not look for stale shard messages: %r", exc)


async def _nothing() -> None:
    """The nudge task: reading its message is what makes a worker reclaim stale ones."""


@attrs.frozen(repr=False)
class SendTask:
    """What ``make_send_task`` returns: the taskiq ``task`` and how it runs shards.

    ``await enqueue(send, items, job_id=...)`` starts a job; ``await job_report(send, job_id)``
    reads it.
    """

    task: ShardTask
    broker: RedisStreamBroker
    limit: RedisRateLimit
    time_box: float
    concurrency: int
    outage: OutagePolicy | None
    process: _Process

    @property
    def redis_url(self) -> str:
        return self.limit.url

    def __repr__(self) -> str:
        return f"<SendTask {self.task.task_name!r} {self.limit!r} time_box={self.time_box:g}>"

    async def close(self) -> None:
        """Close this process's client (a worker does it at shutdown)."""
        await self.process.close()

    async def run(self, data: dict[str, Any], context: Context) -> dict[str, int]:
        """The task's body: run one shard, record it, enqueue the rest, then acknowledge.

        A run that raises (Redis unreachable) is not acknowledged: the broker redelivers it
        after ``idle_timeout``. Nor is one whose client was closed under it (a shutdown).
        """
        try:
            shard = Shard.from_json(data)
        except SentValidationError as exc:  # no redelivery can make it a shard
            log.error("sent: dropped a message that is not a shard: %s", exc)
            await context.ack()
            return {}
        outcome, recorded = await run_recorded(
            self, self.process.client(), shard, keep_if_closed=True
        )
        if not recorded:
            return outcome.tally()
        rest = remainder(outcome)
        if rest is not None:
            await self.task.kiq(rest.to_json())  # before the ack
        await context.ack()
        return outcome.tally()


def make_send_task(
    broker: RedisStreamBroker,
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
) -> SendTask:
    """Register the task that sends a job's shards on ``broker``; enqueue jobs with ``enqueue``.

    ``client_factory()`` builds each worker process's ``AsyncSent`` (the API key comes from the
    worker's environment, never from a message). Every process shares ``per_second`` /
    ``per_minute`` (the account's whole rate, times ``share``) through
    ``RedisRateLimit(redis_url, account=...)``; each job's checkpoint and tally live in the
    same Redis. ``margin``: how long a shard may run past ``time_box``; the broker's
    ``idle_timeout`` must exceed both, or SentValidationError. Call it where the broker is
    defined, so the app and the workers register the same task.
    """
    limit = RedisRateLimit(
        redis_url, account=account, per_second=per_second, per_minute=per_minute, burst=burst,
        share=share,
    )  # fmt: skip
    check_options(client_factory, time_box, margin, concurrency, outage)
    check_broker(broker, float(time_box), float(margin))
    holder: list[SendTask] = []

    async def send_shard(
        shard: dict[str, Any], context: Context = TaskiqDepends()
    ) -> dict[str, int]:
        """Run one shard of a Sent bulk job (sent_async.contrib.taskiq); enqueue the rest."""
        return await holder[0].run(shard, context)

    # "manual": the body acknowledges once the outcome is safe in Redis, never on a crash.
    task = broker.register_task(send_shard, task_name=name, ack_type="manual")
    nudge = broker.register_task(_nothing, task_name=f"{name}.nudge", ack_type="when_received")
    process = _Process(client_factory)
    send = SendTask(task, broker, limit, float(time_box), concurrency, outage, process)
    holder.append(send)

    async def startup(_: object) -> None:
        process.start(broker, nudge)

    async def shutdown(_: object) -> None:
        await process.close()

    broker.add_event_handler(TaskiqEvents.WORKER_STARTUP, startup)
    broker.add_event_handler(TaskiqEvents.WORKER_SHUTDOWN, shutdown)
    return send


async def enqueue(
    send: SendTask,
    items: Iterable[Mapping[str, Any]],
    *,
    job_id: str,
    kind: Kind = "messages",
    size: int = SIZE,
) -> Enqueued:
    """Split ``items`` into shards of ``size`` and send one message per shard.

    Every item is checked before any message is sent (SentValidationError names a bad one);
    the job's total goes into its tally first, so ``job_report`` never looks finished early.
    Enqueueing the same ``job_id`` again re-runs it safely: the checkpoint skips what Sent
    accepted.
    """
    if not isinstance(send, SendTask):
        raise SentValidationError("send must be what make_send_task returned")
    shards, enqueued = cut(items, job_id=job_id, kind=kind, size=size)
    await _declare_group(send.broker)
    tally = JobTally(send.redis_url, job_id)
    try:
        await tally.expect(enqueued.items)
    finally:
        await tally.aclose()
    for shard in shards:
        await send.task.kiq(shard.to_json())
    return enqueued


async def job_report(send: SendTask, job_id: str) -> dict[str, int]:
    """The job's counts across workers (``JobTally.read``): total, done, failed, pending..."""
    tally = JobTally(send.redis_url, job_id)
    try:
        return await tally.read()
    finally:
        await tally.aclose()


async def _declare_group(broker: RedisStreamBroker) -> None:
    """Create the consumer group before the first message: with taskiq-redis's default
    ``consumer_id="$"``, messages sent before it exists (before any worker ran) are skipped."""
    async with Redis(connection_pool=broker.connection_pool) as redis:
        with contextlib.suppress(ResponseError):  # BUSYGROUP: it exists already
            await redis.xgroup_create(
                broker.queue_name, broker.consumer_group_name, id=broker.consumer_id, mkstream=True
            )
