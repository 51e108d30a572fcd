"""What a bulk job tells you: one ``BulkResult`` per item, a ``BulkReport``, and ``BulkError``.

Memory: a report keeps counters, one compact ``BulkFailure`` per failed item (about 0.5 KB: a
capped repr of the item, no exception object), the first exception, and, only when the job
collects results, one ``BulkResult`` per item (about 100 bytes plus the item and the value
``fn`` returned, both kept alive). ``collect_results=False`` keeps a job's memory flat.
"""

from __future__ import annotations

import collections
from typing import Any, Generic, Literal, TypeVar

import attrs

from .._errors import APIConnectionError, APIError, APIStatusError, SentError
from .._redact import redact

T = TypeVar("T")
Status = Literal["succeeded", "failed", "skipped", "interrupted"]
StopReason = Literal["failures", "fatal", "cancelled", "error", "outage"]
ITEM_REPR_LIMIT = 200
MESSAGE_LIMIT = 300


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def item_repr(item: object) -> str:
    """A short repr of an input item with secret-named keys masked (it goes into reports)."""
    if attrs.has(type(item)):
        item = {"__type__": type(item).__name__, **attrs.asdict(item)}  # type: ignore[arg-type]
    try:
        text = repr(redact(item))
    except Exception:  # a broken __repr__ must not break the report
        text = f"<{type(item).__name__}>"
    return _cap(text, ITEM_REPR_LIMIT)


@attrs.frozen(kw_only=True, slots=True)
class BulkFailure:
    """One failed item, summarised: error class, API code, status, request id and key.

    ``item`` is a capped repr with secret-named keys masked; ``outcome`` is "unknown" when the
    request may have been applied (re-run the job with the same ``job_id`` to settle it).
    """

    index: int
    item: str
    error: str
    message: str
    code: str | None = None
    status: int | None = None
    request_id: str | None = None
    idempotency_key: str | None = None
    outcome: str | None = None

    @classmethod
    def of(cls, index: int, item: object, exc: BaseException, key: str | None) -> BulkFailure:
        """Summarise ``exc`` raised while handling item ``index``."""
        message = exc.message if isinstance(exc, APIError) else str(exc)
        return cls(
            index=index,
            item=item_repr(item),
            error=type(exc).__name__,
            message=_cap(message, MESSAGE_LIMIT),
            code=exc.code if isinstance(exc, APIStatusError) else None,
            status=getattr(exc, "status_code", None) if isinstance(exc, APIError) else None,
            request_id=exc.request_id if isinstance(exc, APIError) else None,
            idempotency_key=(exc.idempotency_key if isinstance(exc, APIError) else None) or key,
            outcome=exc.outcome if isinstance(exc, APIConnectionError) else None,
        )

    def __str__(self) -> str:
        head = f"item #{self.index} {self.item}: {self.error}"
        if self.status:
            head += f" {self.status}"
        if self.code:
            head += f" {self.code}"
        tail = [f"request_id={self.request_id}"] if self.request_id else []
        if self.idempotency_key:
            tail.append(f"idempotency_key={self.idempotency_key}")
        return f"{head}: {self.message}" + (f" ({', '.join(tail)})" if tail else "")


@attrs.frozen(kw_only=True, slots=True)
class BulkResult(Generic[T]):
    """What happened to one input item: ``status`` plus ``value`` (what ``fn`` returned).

    ``status`` is "succeeded", "failed", "skipped" (read but never started: the job stopped, or
    its checkpoint says Sent accepted it in an earlier run; then ``value`` is None and the
    report counts it in ``already_done`` too) or "interrupted" (cancelled in flight: it may
    have been applied). ``error`` is the exception itself on streamed results; results kept in
    a report drop it (see ``failure``).
    """

    index: int
    status: Status
    item: Any = None
    value: T | None = None
    idempotency_key: str | None = None
    failure: BulkFailure | None = None
    error: BaseException | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def ok(self) -> bool:
        """True when the item succeeded."""
        return self.status == "succeeded"


@attrs.define(kw_only=True, eq=False, repr=False)
class BulkReport(Generic[T]):
    """The outcome of a bulk job, filled in live while it runs (``job.report``).

    Counts cover the items read from the input: ``succeeded + failed + skipped + interrupted``.
    ``already_done`` counts the skipped items a checkpoint knew Sent had accepted before.
    ``results`` holds one BulkResult per item (input order by default) only when the job
    collects results; ``failures`` always holds the failed ones. ``stop_reason`` is None when
    the job ran to the end, else "failures" (stop_on_error / max_failures), "fatal" (an error
    every item would hit: bad API key, closed client), "cancelled", "error" (the input or a
    callback raised; that exception propagates) or "outage" (Sent stayed unreachable longer
    than ``OutagePolicy.give_up_after``). ``outages`` counts the outages that paused the job
    and ``outage_paused`` the seconds they held it (docs/bulk.md, "Outages").
    """

    job_id: str | None = None
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: int = 0
    results: list[BulkResult[T]] = attrs.Factory(list)
    failures: list[BulkFailure] = attrs.Factory(list)
    stop_reason: StopReason | None = None
    rate_limit_pauses: int = 0
    outages: int = 0
    outage_paused: float = 0.0
    already_done: int = 0
    elapsed: float = 0.0
    first_error: BaseException | None = None

    def __repr__(self) -> str:
        stop = f" stop_reason={self.stop_reason!r}" if self.stop_reason else ""
        return (
            f"<BulkReport job_id={self.job_id!r} succeeded={self.succeeded} failed={self.failed}"
            f" skipped={self.skipped} interrupted={self.interrupted}{stop}>"
        )

    @property
    def total(self) -> int:
        """How many items were read from the input."""
        return self.succeeded + self.failed + self.skipped + self.interrupted

    @property
    def cancelled(self) -> bool:
        """True when the job was cancelled (``job.cancel()``, task cancellation or Ctrl-C)."""
        return self.stop_reason == "cancelled"

    @property
    def ok(self) -> bool:
        """True when every item read succeeded (now or in an earlier run) and none stopped it."""
        return self.succeeded + self.already_done == self.total and self.stop_reason is None

    def summary(self, *, details: bool = True) -> str:
        """One line: counts, why the job stopped, the commonest errors and the first failure.

        ``details=False`` leaves out the failures (and so any item), e.g. for logs.
        """
        name = f"bulk job {self.job_id!r}" if self.job_id else "bulk job"
        parts = [f"{self.succeeded} of {self.total} succeeded"]
        parts += [
            f"{n} {what}"
            for n, what in (
                (self.failed, "failed"),
                (self.already_done, "already done (checkpoint)"),
                (self.skipped - self.already_done, "skipped"),
                (self.interrupted, "interrupted (outcome unknown)"),
            )
            if n
        ]
        text = f"{name}: {', '.join(parts)}"
        if self.stop_reason:
            text += f"; stopped: {self.stop_reason}"
        if self.outages:
            text += f"; paused {self.outage_paused:.1f}s by {self.outages} outage(s)"
        if not details:
            return text
        kinds = collections.Counter(
            " ".join(str(x) for x in (f.error, f.code) if x) for f in self.failures
        )
        if kinds:
            text += "; " + ", ".join(f"{kind} x{n}" for kind, n in kinds.most_common(5))
        if self.failures:
            text += f"; first: {self.failures[0]}"
        return text

    def raise_for_failures(self) -> None:
        """Raise BulkError unless every item read succeeded and the job ran to its end."""
        if not self.ok:
            raise BulkError(self) from self.first_error


class BulkError(SentError):
    """Some items of a bulk job failed, were skipped or were interrupted (see ``report``)."""

    report: BulkReport[Any]
    failures: list[BulkFailure]

    def __init__(self, report: BulkReport[Any]) -> None:
        super().__init__(report.summary())
        self.report = report
        self.failures = report.failures


@attrs.frozen(kw_only=True)
class ProgressSnapshot:
    """Where a bulk job stands, handed to ``on_progress`` (throttled, plus a final one).

    ``rate`` is items finished per second since the start; ``eta`` needs a known total (a
    sized input or ``total=``). ``pacing`` is the current client-side limit in calls per
    second (None: unpaced) and ``paused_for`` the seconds left of a 429 pause.
    """

    done: int
    succeeded: int
    failed: int
    skipped: int
    in_flight: int
    total: int | None
    elapsed: float
    rate: float
    eta: float | None
    pacing: float | None
    paused_for: float
    final: bool = False
