"""Bulk jobs: run one SDK call per item over a large input, bounded, paced and resumable.

    report = await client.bulk.run(
        rows,                                   # any iterable or async iterable, read lazily
        lambda c, row, key: c.messages.send(to=row.phone, text=row.text, idempotency_key=key),
        job_id="reminders-2026-11-25",          # keys "reminders-2026-11-25-0", "-1", ...
        rate_limit=RateLimit(per_minute=300),
    )
    report.raise_for_failures()

``fn(client, item, key)`` gets the client, one item and that item's Idempotency-Key: derived
as ``f"{job_id}-{index}"`` (or by ``key(item, index)``), None without either. Passing it on
as ``idempotency_key=key`` makes a re-run of a crashed job with the same ``job_id`` (and the
same input order) a no-op for the items already done: Sent replays its stored answer for a
key for 24 h instead of acting twice. ``fn(client, item)`` is accepted when no key is wanted.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Awaitable, Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .._errors import SentValidationError
from .._types import UNSET, Unset
from ..models import MessageTemplateRefInput
from .checkpoint import Checkpoint
from .job import BulkJob
from .options import JobOptions, KeyFn
from .outage import OutagePolicy
from .pacer import RateLimit
from .pacing import PacerFactory
from .progress import ProgressBar
from .report import BulkReport, ProgressSnapshot

if TYPE_CHECKING:
    from .._client import AsyncSent
    from ..models import Contact, MessageSendResult
    from .stream import BulkStream

T = TypeVar("T")
Items = Iterable[Any] | AsyncIterable[Any]
_JOB_FIELDS = tuple(f.name for f in attrs.fields(JobOptions))


def job_options(values: Mapping[str, Any], **override: Any) -> JobOptions:
    """JobOptions from a method's keyword arguments (pass ``locals()``)."""
    given = {name: values[name] for name in _JOB_FIELDS if name in values}
    given.update(override)
    if "rate_limit" in given and not isinstance(given["rate_limit"], PacerFactory):
        given["rate_limit"] = RateLimit.of(given["rate_limit"])
    return JobOptions(**given)


async def send_many(messages: Any, values: Mapping[str, Any]) -> BulkReport[MessageSendResult]:
    """The body of ``messages.send_many``: call with the resource and the method's ``locals()``."""
    return await send_many_job(messages, values).run()


def send_many_job(messages: Any, values: Mapping[str, Any]) -> BulkJob[MessageSendResult]:
    """A job sending one message per item, through the ``messages`` resource given.

    Each item is a phone number (sent the shared ``text``/``template``/``channel``) or a
    mapping of ``messages.send`` arguments laid over the shared ones. An item's own
    ``idempotency_key`` wins over the derived one.
    """
    shared = {
        name: values[name]
        for name in ("text", "template", "channel", "sandbox")
        if values.get(name, UNSET) is not UNSET
    }

    async def send(_: Any, item: Any, key: str | None) -> MessageSendResult:
        request = _request(item, shared, "to")
        key = request.pop("idempotency_key", None) or key
        result: MessageSendResult = await messages.send(**request, idempotency_key=key)
        return result

    opts = job_options(values)
    t = messages._t
    return BulkJob(messages, t.core, values["items"], send, opts, retry=t.options.retry)


async def create_many(contacts: Any, values: Mapping[str, Any]) -> BulkReport[Contact]:
    """The body of ``contacts.create_many``: call with the resource and its ``locals()``."""
    return await create_many_job(contacts, values).run()


def create_many_job(contacts: Any, values: Mapping[str, Any]) -> BulkJob[Contact]:
    """A job creating one contact per item, through the ``contacts`` resource given.

    Each item is a phone number or a mapping of ``contacts.create`` arguments.
    """
    shared = {"sandbox": values["sandbox"]} if values.get("sandbox", UNSET) is not UNSET else {}

    async def create(_: Any, item: Any, key: str | None) -> Contact:
        request = _request(item, shared, "phone_number")
        key = request.pop("idempotency_key", None) or key
        result: Contact = await contacts.create(**request, idempotency_key=key)
        return result

    opts = job_options(values)
    t = contacts._t
    return BulkJob(contacts, t.core, values["items"], create, opts, retry=t.options.retry)


def _request(item: Any, shared: Mapping[str, Any], field: str) -> dict[str, Any]:
    if isinstance(item, str):
        return {**shared, field: item}
    if isinstance(item, Mapping):
        return {**shared, **item}
    raise SentValidationError(
        f"each item must be a phone number or a mapping of arguments, got {type(item).__name__}"
    )


class AsyncBulk:
    """Run one call per item over large inputs: bounded memory, paced, resumable (``.bulk``).

    ``concurrency`` workers pull items from the input as they get free, so memory stays flat
    for any input size; ``collect_results=False`` keeps only counts and failures (otherwise
    about 1 KB per item plus what ``fn`` returned). ``rate_limit`` (a RateLimit, or calls per
    minute) paces calls; on a 429 the whole job pauses, then slows down (``adaptive``), limit
    or not. An item whose call still got a 429 after the transport's retries goes back to the
    job and is called again after the pause (up to 5 times, same key): a 429 was not applied.
    Pauses last at most the client's ``RetryPolicy.max_retry_after``; an item whose 429 asked
    for longer fails with that RateLimitError (its ``retry_after``), as a single call would.
    ``stop_on_error`` / ``max_failures`` stop early, an invalid API key stops at once, and
    ``on_progress`` / ``progress_bar`` (tqdm) show progress. Cancelling the task (or Ctrl-C)
    cancels the calls in flight, starts no new one and propagates; ``job(...)`` gives a handle
    whose ``report`` still says what was done, and whose ``cancel()`` stops the job and makes
    ``run()`` return the report (``report.cancelled``).
    """

    def __init__(self, client: AsyncSent) -> None:
        self._client = client

    def __repr__(self) -> str:
        return "<AsyncBulk>"

    def _job(self, items: Items, fn: Callable[..., Awaitable[T]], opts: JobOptions) -> BulkJob[T]:
        client = self._client
        return BulkJob(client, client._core, items, fn, opts, retry=client._options.retry)

    def job(
        self,
        items: Items,
        fn: Callable[..., Awaitable[T]],
        *,
        concurrency: int = 64,
        rate_limit: RateLimit | PacerFactory | float | None = None,
        adaptive: bool = True,
        job_id: str | None = None,
        key: KeyFn | None = None,
        stop_on_error: bool = False,
        max_failures: int | None = None,
        on_progress: Callable[[ProgressSnapshot], object] | None = None,
        progress_bar: ProgressBar = False,
        progress_interval: float = 0.5,
        collect_results: bool = True,
        ordered: bool = True,
        total: int | None = None,
        checkpoint: Checkpoint | None = None,
        outage: OutagePolicy | None = OutagePolicy(),
    ) -> BulkJob[T]:
        """A job, not started: ``await job.run()`` or ``job.stream()``; ``job.report`` is live.

        Keep the handle when you need the partial report after a cancellation or Ctrl-C.
        """
        options = job_options(locals())
        return self._job(items, fn, options)

    async def run(
        self,
        items: Items,
        fn: Callable[..., Awaitable[T]],
        *,
        concurrency: int = 64,
        rate_limit: RateLimit | PacerFactory | float | None = None,
        adaptive: bool = True,
        job_id: str | None = None,
        key: KeyFn | None = None,
        stop_on_error: bool = False,
        max_failures: int | None = None,
        on_progress: Callable[[ProgressSnapshot], object] | None = None,
        progress_bar: ProgressBar = False,
        progress_interval: float = 0.5,
        collect_results: bool = True,
        ordered: bool = True,
        total: int | None = None,
        checkpoint: Checkpoint | None = None,
        outage: OutagePolicy | None = OutagePolicy(),
    ) -> BulkReport[T]:
        """Call ``fn(client, item, key)`` for every item and return the report.

        Failed items do not stop the job (unless ``stop_on_error``/``max_failures``): check
        ``report.failures`` or call ``report.raise_for_failures()``. ``report.results`` is in
        input order (``ordered=False``: finishing order), and empty with
        ``collect_results=False``. Cancellation (Ctrl-C) cancels the calls in flight, starts
        no new one and propagates; keep a ``job(...)`` handle to read the partial report.
        """
        options = job_options(locals())
        return await self._job(items, fn, options).run()

    def stream(
        self,
        items: Items,
        fn: Callable[..., Awaitable[T]],
        *,
        concurrency: int = 64,
        rate_limit: RateLimit | PacerFactory | float | None = None,
        adaptive: bool = True,
        job_id: str | None = None,
        key: KeyFn | None = None,
        stop_on_error: bool = False,
        max_failures: int | None = None,
        on_progress: Callable[[ProgressSnapshot], object] | None = None,
        progress_bar: ProgressBar = False,
        progress_interval: float = 0.5,
        ordered: bool = False,
        total: int | None = None,
        checkpoint: Checkpoint | None = None,
        outage: OutagePolicy | None = OutagePolicy(),
    ) -> BulkStream[T]:
        """Results as they finish: ``async with client.bulk.stream(...) as results:``.

        Every item read yields one BulkResult (skipped ones too, once the job stopped);
        ``ordered=True`` yields them in input order instead. Leaving the ``async with``
        early cancels the rest of the job.
        """
        options = job_options(locals(), collect_results=False)
        return self._job(items, fn, options).stream(ordered=ordered)

    async def send_messages(
        self,
        items: Items,
        *,
        text: str | None | Unset = UNSET,
        template: MessageTemplateRefInput | Mapping[str, Any] | None | Unset = UNSET,
        channel: str | Sequence[str] | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        concurrency: int = 64,
        rate_limit: RateLimit | PacerFactory | float | None = None,
        job_id: str | None = None,
        stop_on_error: bool = False,
        max_failures: int | None = None,
        on_progress: Callable[[ProgressSnapshot], object] | None = None,
        progress_bar: ProgressBar = False,
        collect_results: bool = True,
        checkpoint: Checkpoint | None = None,
        outage: OutagePolicy | None = OutagePolicy(),
    ) -> BulkReport[MessageSendResult]:
        """``messages.send`` per item (a phone number, or a mapping of send arguments).

        Billed per message. With ``job_id`` a re-run never sends an item twice (24 h).
        """
        return await send_many(self._client.messages, locals())

    async def create_contacts(
        self,
        items: Items,
        *,
        sandbox: bool | Unset = UNSET,
        concurrency: int = 64,
        rate_limit: RateLimit | PacerFactory | float | None = None,
        job_id: str | None = None,
        stop_on_error: bool = False,
        max_failures: int | None = None,
        on_progress: Callable[[ProgressSnapshot], object] | None = None,
        progress_bar: ProgressBar = False,
        collect_results: bool = True,
        checkpoint: Checkpoint | None = None,
        outage: OutagePolicy | None = OutagePolicy(),
    ) -> BulkReport[Contact]:
        """``contacts.create`` per item (a phone number, or a mapping of create arguments)."""
        return await create_many(self._client.contacts, locals())
