"""Time-boxed deterministic shards: a bulk job cut into pieces any task queue can carry.

``split`` cuts a job's items into ``Shard``s that travel as JSON through a broker; each item
keeps its index in the whole job, so its Idempotency-Key is ``f"{job_id}-{index}"`` whatever
the split (a re-run with another shard size still dedupes at Sent and in a checkpoint).
``run_shard`` runs one shard for at most ``time_box`` seconds: it starts no item once the box
runs out, lets the calls in flight finish (bounded by the client's timeouts) and returns the
items it never started as ``remaining``. A task that re-enqueues that remainder never runs
past a broker's redelivery clock (visibility timeout), so no shard is redelivered while it
still runs. See docs/distributed.md, "Time-boxed shards".
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

import anyio
import attrs

from .._bulk.checkpoint import Checkpoint
from .._bulk.outage import OutagePolicy
from .._bulk.pacer import Gate, RateLimit
from .._bulk.pacing import PacerFactory, PacerLike, close_pacer, make_pacer
from .._bulk.report import BulkFailure, BulkReport, BulkResult, item_repr
from .._errors import SentValidationError

if TYPE_CHECKING:
    from .._client import AsyncSent

Kind = Literal["messages", "contacts"]
KINDS: dict[str, str] = {"messages": "to", "contacts": "phone_number"}
"""Each kind of shard, and the argument every one of its items must carry."""
FORMAT = 1
"""The version of ``Shard.to_json``'s layout; ``from_json`` refuses others."""
SIZE = 500
TIME_BOX = 120.0
CONCURRENCY = 16
"""Calls in flight per shard: plenty under Sent's limits (a shared limit paces them anyway);
at most this many reserved rate-limit slots go unused when a time box runs out."""
_JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,200}")


def _fail(message: str) -> SentValidationError:
    return SentValidationError(f"bad shard: {message}")


def _check_job_id(value: object) -> str:
    if not isinstance(value, str) or not _JOB_ID.fullmatch(value):
        raise _fail(f"job_id must be 1-200 of A-Z, a-z, 0-9, '_', '-', got {value!r}")
    return value


def _check_kind(value: object) -> Kind:
    if value not in KINDS:
        raise _fail(f"kind must be one of {sorted(KINDS)}, got {value!r}")
    return value  # type: ignore[return-value]


def _check_item(kind: str, index: object, item: object) -> tuple[int, dict[str, Any]]:
    """One (index, item) pair: a JSON-able mapping of the call's arguments, keyed by index."""
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise _fail(f"an item's index must be an integer >= 0, got {index!r}")
    if not isinstance(item, Mapping) or not all(isinstance(k, str) for k in item):
        raise _fail(f"item {index} must be a mapping of {kind} arguments")
    if KINDS[kind] not in item:
        raise _fail(f"item {index} has no {KINDS[kind]!r} (every {kind} item needs one)")
    if "idempotency_key" in item:
        raise _fail(f"item {index} sets idempotency_key; shards derive it from job_id and index")
    try:
        json.dumps(item)
    except (TypeError, ValueError):
        raise _fail(f"item {index} is not JSON-able (plain str, number, list, dict)") from None
    return index, dict(item)


def _check_items(kind: str, pairs: object) -> tuple[tuple[int, dict[str, Any]], ...]:
    if not isinstance(pairs, (list, tuple)):
        raise _fail("items must be a list of [index, item] pairs")
    checked: list[tuple[int, dict[str, Any]]] = []
    for pair in pairs:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise _fail("items must be a list of [index, item] pairs")
        checked.append(_check_item(kind, pair[0], pair[1]))
        if len(checked) > 1 and checked[-1][0] <= checked[-2][0]:
            raise _fail("item indexes must be strictly increasing")
    return tuple(checked)


@attrs.frozen(repr=False, eq=True, hash=False)
class Shard:
    """A piece of a bulk job: items with their index in the whole job. JSON-able.

    ``kind`` says what each item is: the keyword arguments of ``messages.send``
    ("messages") or of ``contacts.create`` ("contacts"). Build shards with ``split``; send
    them through a broker as ``to_json()`` and rebuild them with ``Shard.from_json``.
    """

    job_id: str = attrs.field(converter=_check_job_id)
    kind: Kind = attrs.field(converter=_check_kind)
    items: tuple[tuple[int, dict[str, Any]], ...] = attrs.field()

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "items", _check_items(self.kind, self.items))

    def __repr__(self) -> str:  # no item: they hold phone numbers and texts
        span = f"{self.items[0][0]}..{self.items[-1][0]}" if self.items else "empty"
        return f"<Shard job_id={self.job_id!r} kind={self.kind!r} items={len(self.items)} {span}>"

    def key(self, index: int) -> str:
        """The Idempotency-Key of the job's item ``index``: the same in every split."""
        return f"{self.job_id}-{index}"

    def to_json(self) -> dict[str, Any]:
        """A dict of JSON types: what a task carries through its broker."""
        items = [[index, item] for index, item in self.items]
        return {"format": FORMAT, "job_id": self.job_id, "kind": self.kind, "items": items}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Shard:
        """The shard ``to_json`` described; SentValidationError if ``data`` is not one."""
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise _fail(f"expected a mapping from Shard.to_json() (format {FORMAT})")
        return cls(data.get("job_id"), data.get("kind"), data.get("items"))  # type: ignore[arg-type]


def split(
    items: Iterable[Mapping[str, Any]],
    *,
    job_id: str,
    kind: Kind = "messages",
    size: int = SIZE,
    start: int = 0,
) -> Iterator[Shard]:
    """Cut ``items`` into shards of ``size``, lazily; item n of the input gets index n.

    The indexes, and so the keys, do not depend on ``size``: re-splitting a job differently
    still dedupes. ``start`` offsets the indexes (a job fed in several batches). A bad item
    raises SentValidationError before the shard holding it is yielded.
    """
    _check_job_id(job_id)
    _check_kind(kind)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise SentValidationError(f"size must be an integer >= 1, got {size!r}")
    if isinstance(start, bool) or not isinstance(start, int) or start < 0:
        raise SentValidationError(f"start must be an integer >= 0, got {start!r}")
    batch: list[tuple[int, Mapping[str, Any]]] = []
    for index, item in enumerate(items, start):
        batch.append((index, item))
        if len(batch) == size:
            yield Shard(job_id, kind, tuple(batch))  # type: ignore[arg-type]
            batch = []
    if batch:
        yield Shard(job_id, kind, tuple(batch))  # type: ignore[arg-type]


@attrs.frozen(repr=False)
class ShardOutcome:
    """What ``run_shard`` did: the report of the items it took up, and the ones it never started.

    ``report`` counts and lists only the items this run took up, by their index in the whole
    job. ``remaining`` holds the items it never started (same job_id, same indexes, so the
    same keys), or None: because the time box ran out when ``report.stop_reason`` is None,
    else because the job stopped ("outage": Sent stayed down; "fatal": e.g. a bad API key).
    """

    shard: Shard
    report: BulkReport[Any]
    remaining: Shard | None
    statuses: Mapping[int, str] = attrs.field(factory=dict)
    """Each item taken up, by job index: "done" (Sent accepted it, now or in an earlier run),
    "failed" or "interrupted" (cancelled in flight: it may have been applied)."""

    def __repr__(self) -> str:
        left = len(self.remaining.items) if self.remaining else 0
        return f"<ShardOutcome {self.report!r} remaining={left}>"

    @property
    def finished(self) -> bool:
        """True when the shard ran to its end (nothing remaining)."""
        return self.remaining is None

    def tally(self) -> dict[str, int]:
        """This run's counts as JSON: what a task returns, what a job report adds up."""
        r = self.report
        return {
            "succeeded": r.succeeded,
            "already_done": r.already_done,
            "failed": r.failed,
            "interrupted": r.interrupted,
            "remaining": len(self.remaining.items) if self.remaining else 0,
            "rate_limit_pauses": r.rate_limit_pauses,
        }


class _Deferred(Exception):
    """Raised instead of calling Sent once the time box is over (internal)."""


@attrs.define
class _TimeBox:
    deadline: float

    def left(self) -> float:
        return self.deadline - anyio.current_time()


class _BoxedPacer:
    """A job's pacer whose waits end when the time box does (the item is then deferred)."""

    def __init__(self, inner: PacerLike, box: _TimeBox) -> None:
        self._inner = inner
        self._box = box

    @property
    def pauses(self) -> int:
        return self._inner.pauses

    @pauses.setter
    def pauses(self, value: int) -> None:
        self._inner.pauses = value

    @property
    def rate(self) -> float | None:
        return self._inner.rate

    def paused_for(self, now: float | None = None) -> float:
        return self._inner.paused_for(now)

    async def acquire(self) -> None:
        # Cut short at the deadline: the item's call then raises _Deferred, sending nothing.
        left = self._box.left()
        if left > 0:
            with anyio.move_on_after(left):
                await self._inner.acquire()

    def on_success(self) -> None:
        self._inner.on_success()

    def on_rate_limited(self, retry_after: float | None) -> Awaitable[None] | None:
        return self._inner.on_rate_limited(retry_after)

    async def aclose(self) -> None:
        await close_pacer(self._inner)


@attrs.frozen
class _BoxedLimit:
    """``rate_limit=`` for a boxed job: builds the real pacer, wrapped in ``_BoxedPacer``."""

    limit: RateLimit | PacerFactory | None
    box: _TimeBox

    def pacer(self, gate: Gate, *, adaptive: bool) -> PacerLike:
        return _BoxedPacer(make_pacer(self.limit, gate, adaptive=adaptive), self.box)


def _caller(client: AsyncSent, kind: Kind) -> Callable[[dict[str, Any], str], Awaitable[Any]]:
    if kind == "messages":
        return lambda item, key: client.messages.send(**item, idempotency_key=key)
    return lambda item, key: client.contacts.create(**item, idempotency_key=key)


def _check_run(shard: object, time_box: object, concurrency: object) -> None:
    if not isinstance(shard, Shard):
        raise SentValidationError("shard must be a Shard (Shard.from_json rebuilds one)")
    if isinstance(time_box, bool) or not isinstance(time_box, (int, float)) or time_box <= 0:
        raise SentValidationError(f"time_box must be a positive number of seconds: {time_box!r}")
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise SentValidationError(f"concurrency must be an integer >= 1, got {concurrency!r}")


async def run_shard(
    client: AsyncSent,
    shard: Shard,
    *,
    time_box: float = TIME_BOX,
    checkpoint: Checkpoint | None = None,
    concurrency: int = CONCURRENCY,
    rate_limit: RateLimit | PacerFactory | float | None = None,
    outage: OutagePolicy | None = OutagePolicy(),
) -> ShardOutcome:
    """Run ``shard`` on ``client`` for at most ``time_box`` seconds; return what is left.

    Items start until the box runs out (waits for a rate-limit slot end with it); calls in
    flight then finish, bounded by the client's ``Timeout``. Pass the job's shared
    ``rate_limit`` (a RedisRateLimit) and ``checkpoint`` (a RedisCheckpoint): then a
    redelivered shard skips what Sent already accepted without a request.
    """
    _check_run(shard, time_box, concurrency)
    box = _TimeBox(anyio.current_time() + time_box)
    call = _caller(client, shard.kind)
    deferred: set[int] = set()  # job indexes reached after the box: not called, remaining
    errors: list[Exception] = []  # the first real error (the report's may be a _Deferred)
    pulled = 0

    def feed() -> Iterator[tuple[int, dict[str, Any]]]:
        nonlocal pulled
        for pair in shard.items:
            if box.left() <= 0:
                return
            pulled += 1
            yield pair

    async def fn(_: AsyncSent, pair: tuple[int, dict[str, Any]], key: str) -> Any:
        if box.left() <= 0:
            deferred.add(pair[0])
            raise _Deferred
        try:
            return await call(pair[1], key)
        except Exception as exc:
            errors.append(exc)
            raise

    limit = rate_limit if isinstance(rate_limit, PacerFactory) else RateLimit.of(rate_limit)
    report = await client.bulk.run(
        feed(),
        fn,
        concurrency=concurrency,
        rate_limit=_BoxedLimit(limit, box),
        job_id=shard.job_id,
        key=lambda pair, _: shard.key(pair[0]),
        checkpoint=checkpoint,
        outage=outage,
        total=len(shard.items),
    )
    return _outcome(shard, report, pulled, deferred, errors[0] if errors else None)


def _outcome(
    shard: Shard,
    report: BulkReport[Any],
    pulled: int,
    deferred: set[int],
    first_error: Exception | None,
) -> ShardOutcome:
    """The job's report in job indexes, keeping only the items taken up; the rest remain.

    Not started: never read (the box ran out, or the job stopped), reached after the box
    (deferred), or read and then skipped because the job stopped (skipped without a key).
    """
    items = shard.items
    results: list[BulkResult[Any]] = []
    statuses: dict[int, str] = {}
    idle = set(range(pulled, len(items))) | {
        n for n, (index, _) in enumerate(items[:pulled]) if index in deferred
    }
    for r in report.results:
        if r.index in idle:
            continue
        if r.status == "skipped" and r.idempotency_key is None:  # the job stopped first
            idle.add(r.index)
            report.skipped -= 1
            continue
        index, item = items[r.index]
        results.append(attrs.evolve(r, index=index, item=item))
        statuses[index] = "done" if r.status in ("succeeded", "skipped") else r.status
    report.results = results
    report.failures = [_renumber(f, items) for f in report.failures if f.error != "_Deferred"]
    report.failed -= len(deferred)
    if isinstance(report.first_error, _Deferred):
        report.first_error = first_error
    rest = tuple(items[n] for n in sorted(idle))
    remaining = Shard(shard.job_id, shard.kind, rest) if rest else None
    return ShardOutcome(shard, report, remaining, statuses)


def _renumber(failure: BulkFailure, items: tuple[tuple[int, dict[str, Any]], ...]) -> BulkFailure:
    index, item = items[failure.index]
    return attrs.evolve(failure, index=index, item=item_repr(item))
