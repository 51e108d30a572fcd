"""What the task-queue adapters share: how one shard runs in a worker, and how a job is cut.

sent_async/contrib/celery.py and sent_async/contrib/taskiq.py are only their engine's glue
(registering the task, acknowledging, re-enqueueing, worker start and end); this module holds
the engine-independent part: option checks, the worker's client, a job's checkpoint namespace,
one shard run with its checkpoint and tally, and which stops re-enqueue what is left.
See docs/distributed.md, "A job on Celery" and "A job on taskiq".
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

import attrs

from .._bulk.outage import OutagePolicy
from .._client import AsyncSent
from .._errors import SentValidationError
from ..distributed.checkpoint import RedisCheckpoint
from ..distributed.ratelimit import RedisRateLimit
from ..distributed.shards import Kind, Shard, ShardOutcome, run_shard, split
from ..distributed.tally import JobTally

log = logging.getLogger("sent")
RESUMABLE = (None, "outage")
"""Stop reasons whose unstarted items are enqueued again: the time box, and an outage of Sent
(the next run resumes after it); other stops (a bad API key) settle them as skipped."""


class RunsShards(Protocol):
    """What a SendTask of either adapter holds to run a shard."""

    @property
    def limit(self) -> RedisRateLimit: ...
    @property
    def time_box(self) -> float: ...
    @property
    def concurrency(self) -> int: ...
    @property
    def outage(self) -> OutagePolicy | None: ...


@attrs.frozen
class Enqueued:
    """A job handed to the task queue: its id, how many items, in how many shards."""

    job_id: str
    items: int
    shards: int


def check_options(
    factory: object, time_box: object, margin: object, concurrency: object, outage: object
) -> None:
    """``make_send_task``'s engine-independent arguments, else SentValidationError."""
    if not callable(factory):
        raise SentValidationError("client_factory must be a function returning an AsyncSent")
    for value, what in ((time_box, "time_box"), (margin, "margin")):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise SentValidationError(f"{what} must be a positive number of seconds: {value!r}")
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise SentValidationError(f"concurrency must be an integer >= 1, got {concurrency!r}")
    if outage is not None and not isinstance(outage, OutagePolicy):
        raise SentValidationError("outage must be an OutagePolicy or None")


def make_client(factory: Callable[[], AsyncSent]) -> AsyncSent:
    """A worker process's client from ``client_factory``, its resources built now (not in a
    shard's time box). Call it on the event loop the client will live on."""
    client = factory()
    if not isinstance(client, AsyncSent):
        raise SentValidationError("client_factory must return an AsyncSent")
    client.messages, client.contacts  # noqa: B018 - built now, not in a shard's box
    return client


def namespace(job_id: str) -> str:
    """A checkpoint namespace of its own per job (namespaces hold at most 100 characters)."""
    if len(job_id) <= 100:
        return job_id
    return "h:" + hashlib.sha256(job_id.encode()).hexdigest()[:40]


def resumes(outcome: ShardOutcome) -> bool:
    """Whether the run's unstarted items go back on the queue (else they are given up)."""
    return outcome.report.stop_reason in RESUMABLE


def remainder(outcome: ShardOutcome) -> Shard | None:
    """The shard to enqueue again after this run, if any."""
    return outcome.remaining if resumes(outcome) else None


async def run_recorded(
    send: RunsShards, client: AsyncSent, shard: Shard, *, keep_if_closed: bool = False
) -> tuple[ShardOutcome, bool]:
    """Run ``shard`` with its job's checkpoint, then record its items in the job's tally.

    Returns the outcome and whether it was recorded. With ``keep_if_closed``, a run stopped
    because ``client`` was closed under it (a shutdown) is not recorded: the engine leaves its
    message for redelivery instead.
    """
    url = send.limit.url
    checkpoint = RedisCheckpoint(url, namespace=namespace(shard.job_id))
    tally = JobTally(url, shard.job_id)
    try:
        outcome = await run_shard(
            client,
            shard,
            time_box=send.time_box,
            checkpoint=checkpoint,
            concurrency=send.concurrency,
            rate_limit=send.limit,
            outage=send.outage,
        )
        if keep_if_closed and client.is_closed and not resumes(outcome):
            log.warning(
                "sent: %r stopped (%s): left for redelivery", shard, outcome.report.stop_reason
            )
            return outcome, False
        await tally.add(outcome, give_up=not resumes(outcome))
    finally:
        await checkpoint.aclose()
        await tally.aclose()
    return outcome, True


def cut(
    items: Iterable[Mapping[str, Any]], *, job_id: str, kind: Kind, size: int
) -> tuple[list[Shard], Enqueued]:
    """A job's shards (every item checked before any is sent) and what ``enqueue`` returns."""
    shards = list(split(items, job_id=job_id, kind=kind, size=size))
    total = sum(len(shard.items) for shard in shards)
    return shards, Enqueued(job_id, total, len(shards))
