"""Hand-written: the sync face of bulk jobs (the async runner does the work).

``sent.bulk.run(items, fn)`` runs the async engine on the client's loop thread, so pacing,
429 pauses, reports and progress are the async SDK's own. Each ``fn(sent, item, key)`` call
runs in one of ``concurrency`` worker threads, never on the loop thread, and gets a view of
the sync client whose requests go through the same loop and session; when the job is
cancelled (Ctrl-C, ``job.cancel()``) its requests in flight are cancelled and it may start no
new one. ``send_messages``/``create_contacts`` need no threads: they run on the loop directly.

Sync iterables are read on the loop thread (as in the async SDK), and ``on_progress`` runs
there too: neither may call the sync client.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import threading
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from functools import partial
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import anyio
import anyio.from_thread
import anyio.to_thread

from sent_async._bulk.checkpoint import Checkpoint
from sent_async._bulk.client import AsyncBulk, create_many_job, job_options, send_many_job
from sent_async._bulk.job import BulkJob
from sent_async._bulk.options import KeyFn, wants_key
from sent_async._bulk.outage import OutagePolicy
from sent_async._bulk.pacer import RateLimit
from sent_async._bulk.pacing import PacerFactory
from sent_async._bulk.progress import ProgressBar
from sent_async._bulk.report import BulkReport, BulkResult, ProgressSnapshot
from sent_async._errors import SentValidationError
from sent_async._types import UNSET, Unset
from sent_async.models import Contact, MessageSendResult, MessageTemplateRefInput
from sent_sync._portal import Portal, SyncClient

if TYPE_CHECKING:
    from sent_async._bulk.stream import BulkStream

T = TypeVar("T")
STOP_WAIT = 30.0
"""After Ctrl-C, how long to wait for the job to cancel its calls before re-raising anyway."""
BATCH = 256
"""A sync stream takes up to this many finished results per hop to the loop thread."""


def _on_loop(portal: Portal, fn: Callable[[], Awaitable[T]], stop: Callable[[], None]) -> T:
    """Run ``fn()`` on the loop; on Ctrl-C call ``stop()`` there and wait for ``fn`` to end."""
    blocking, ident = portal._portal()
    if threading.get_ident() == ident:
        raise RuntimeError("a sync bulk job was started from its client's own loop thread")
    future = blocking.start_task_soon(fn)
    try:
        result: T = future.result()
        return result
    except BaseException:
        if not future.done():  # interrupted while waiting: stop the job cleanly, then re-raise
            with contextlib.suppress(Exception):
                blocking.call(stop)
            with contextlib.suppress(Exception):
                future.result(timeout=STOP_WAIT)
            future.cancel()
        raise


class _JobPortal(Portal):
    """The portal of the client view ``fn`` gets: no new request once the job is cancelled.

    In the job's worker threads, requests run through ``anyio.from_thread`` inside the job's
    cancel scope, so cancelling the job cancels them; other threads use the client's portal.
    """

    def __init__(self, real: Portal) -> None:  # no super().__init__(): this portal owns no loop
        self._real = real
        self._local = threading.local()
        self.job: BulkJob[Any] | None = None

    def _stopped(self) -> bool:
        return self.job is not None and self.job.hard_stopped

    def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        if not getattr(self._local, "active", False):
            return self._real.call(fn)
        if self._stopped():
            raise asyncio.CancelledError("the bulk job was cancelled")
        result: T = anyio.from_thread.run(self._guarded, fn)
        return result

    async def _guarded(self, fn: Callable[[], Awaitable[T]]) -> T:
        if self._stopped():  # cancelled between the check above and this task's start
            raise asyncio.CancelledError("the bulk job was cancelled")
        return await fn()

    def _portal(self) -> tuple[Any, int | None]:
        return self._real._portal()

    def close(self, aclose: Callable[[], Awaitable[None]]) -> None:
        self._real.close(aclose)

    def enter(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` in a worker thread, routing its requests through the job."""
        self._local.active = True
        try:
            return fn(*args)
        finally:
            self._local.active = False


class Job(Generic[T]):
    """Sync handle of a bulk job: ``run()`` or ``stream()`` once; ``report`` is live.

    ``cancel()`` may be called from any thread (a signal handler, a watchdog).
    """

    def __init__(self, portal: Portal, job: BulkJob[T]) -> None:
        self._portal = portal
        self._job = job

    def __repr__(self) -> str:
        return f"<Job {self._job.report!r}>"

    @property
    def report(self) -> BulkReport[T]:
        """What was done so far (final once ``run()`` returned or raised)."""
        return self._job.report

    def cancel(self) -> None:
        """Stop the job: no new calls; calls in flight are cancelled."""
        blocking, ident = self._portal._portal()
        if threading.get_ident() == ident:
            self._job.cancel()
        else:
            blocking.call(self._job.cancel)

    def run(self) -> BulkReport[T]:
        """Run the job to its end and return the report (Ctrl-C: stop cleanly, re-raise)."""
        return _on_loop(self._portal, self._job.run, self._job.cancel)

    def stream(self, *, ordered: bool = False) -> BulkIterator[T]:
        """The results as they finish (``ordered=True``: in input order)."""
        return BulkIterator(self._portal, self._job.stream(ordered=ordered))


class BulkIterator(Generic[T]):
    """Results of a sync bulk job; ``with sent.bulk.stream(...) as results:`` to leave early.

    Finished results cross from the loop thread in batches, not one hop per item.
    """

    def __init__(self, portal: Portal, stream: BulkStream[T]) -> None:
        self._portal = portal
        self._stream = stream
        self._buffer: deque[BulkResult[T]] = deque()
        self._done = False

    def __repr__(self) -> str:
        return f"<BulkIterator {self._stream.report!r}>"

    @property
    def report(self) -> BulkReport[T]:
        """The job's live report."""
        return self._stream.report

    def __iter__(self) -> BulkIterator[T]:
        return self

    def __next__(self) -> BulkResult[T]:
        if not self._buffer and not self._done:
            batch = _on_loop(
                self._portal, partial(self._stream.next_batch, BATCH), self._stream.job.cancel
            )
            self._buffer.extend(batch)
            self._done = not batch
        if not self._buffer:
            raise StopIteration
        return self._buffer.popleft()

    def close(self) -> None:
        """Stop the job (calls in flight are cancelled) and wait until it stopped."""
        if not self._done:
            self._done = True
            self._portal.call(self._stream.aclose)

    def __enter__(self) -> BulkIterator[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class Bulk:
    """Sync twin of AsyncBulk: ``sent.bulk.run(items, fn)`` with ``fn(sent, item, key)`` sync.

    ``fn`` runs in ``concurrency`` worker threads and gets a view of this client; everything
    else (keys, pacing, 429 pauses, reports, progress bar) is the async engine's.
    """

    def __init__(self, inner: AsyncBulk, portal: Portal, client: Any = None) -> None:
        self._inner = inner
        self._portal = portal
        self._client = client

    def __repr__(self) -> str:
        return "<Bulk>"

    def _threaded(self, fn: Callable[..., T], keyed: bool) -> tuple[Any, _JobPortal]:
        """An async fn running the sync ``fn`` in worker threads, and the portal of its view."""
        if inspect.iscoroutinefunction(fn):
            raise SentValidationError("sent_sync bulk jobs take a plain function; use sent_async")
        pass_key = wants_key(fn, keyed)
        job_portal = _JobPortal(self._portal)
        cls: type[SyncClient] = type(self._client) if self._client is not None else _sent_class()
        view = object.__new__(cls)
        SyncClient.__init__(view, self._inner._client, job_portal, self._client)
        limiter: list[anyio.CapacityLimiter] = []

        async def call(_: Any, item: Any, key: str | None) -> T:
            if not limiter:  # created on the loop, the first time
                assert job_portal.job is not None
                limiter.append(anyio.CapacityLimiter(job_portal.job.concurrency))
            args = (view, item, key) if pass_key else (view, item)
            return await anyio.to_thread.run_sync(job_portal.enter, fn, *args, limiter=limiter[0])

        return call, job_portal

    def job(
        self,
        items: Iterable[Any],
        fn: Callable[..., T],
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
    ) -> Job[T]:
        """A job, not started: ``job.run()`` or ``job.stream()``; ``job.report`` is live."""
        options = job_options(locals())
        call, job_portal = self._threaded(fn, job_id is not None or key is not None)
        inner = self._inner._client
        job: BulkJob[T] = BulkJob(
            None, inner._core, items, call, options, retry=inner._options.retry
        )
        job_portal.job = job
        return Job(self._portal, job)

    def run(
        self,
        items: Iterable[Any],
        fn: Callable[..., T],
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
        return self.job(**_forward(locals())).run()

    def stream(
        self,
        items: Iterable[Any],
        fn: Callable[..., T],
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
    ) -> BulkIterator[T]:
        """Results as they finish: ``with sent.bulk.stream(items, fn) as results:``."""
        args = _forward(locals())
        return self.job(**args, collect_results=False).stream(ordered=ordered)

    def send_messages(
        self,
        items: Iterable[Any],
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
        job = send_many_job(self._inner._client.messages, locals())
        return Job(self._portal, job).run()

    def create_contacts(
        self,
        items: Iterable[Any],
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
        job = create_many_job(self._inner._client.contacts, locals())
        return Job(self._portal, job).run()


def _forward(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in ("self", "__class__")}


def _sent_class() -> type[SyncClient]:
    from sent_sync._client import Sent  # imported late: sent_sync._client imports this module

    return Sent
