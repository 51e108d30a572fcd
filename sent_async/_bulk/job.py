"""The bulk engine: lazy input, a fixed pool of workers, pacing, results and stopping.

``concurrency`` worker tasks pull items straight from the input (any iterable or async
iterable, read lazily, one item per free worker), wait for the job's ``Pacer``, call ``fn``
and record the result. Nothing is created per item up front and nothing is read ahead, so
memory stays flat whatever the input's length (see ``_bulk_report`` for what a report keeps).
A sync iterable is read on the event loop: it must not block (a list, a file, a CSV reader
are fine; a network source should be an async iterable).
"""

from __future__ import annotations

import inspect
import logging
import math
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Sized,
)
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import anyio
import anyio.lowlevel
import attrs

from .. import _validate
from .._errors import (
    AuthenticationError,
    ClientClosedError,
    RateLimitError,
    RateLimiterUnavailableError,
    SentValidationError,
)
from .._transport.retry import NON_TRANSIENT_CODES, RetryPolicy
from .checkpoint import FileCheckpoint, NeedsCheckError
from .options import JobOptions, wants_key
from .outage import OutageWatch, is_outage_error
from .pacer import Gate
from .pacing import close_pacer, make_pacer
from .progress import Progress, check_bar, make_bar
from .report import BulkFailure, BulkReport, BulkResult, StopReason

if TYPE_CHECKING:
    from .stream import BulkStream

T = TypeVar("T")
log = logging.getLogger("sent")
Sink = Callable[[BulkResult[Any]], Awaitable[None]]
FATAL_ERRORS = (AuthenticationError, ClientClosedError)
"""Errors every further item would hit too: the job stops ("fatal") instead of repeating them."""
MAX_REQUEUES = 5
"""How often one item goes back to the job after a 429 its call gave up on (then it fails)."""
ORDER_WINDOW = 4
"""An ordered stream runs at most this many times ``concurrency`` items ahead of the oldest."""


class BulkJob(Generic[T]):
    """One bulk job: ``await job.run()`` or ``async for r in job.stream()``, once.

    ``job.report`` is filled in live, so it says what was done even after the job was
    cancelled. ``job.cancel()`` stops it from another task: no new calls start, calls in
    flight are cancelled (counted as interrupted: they may have been applied), and ``run()``
    returns the report. Cancelling the task running the job (or Ctrl-C) does the same and then
    propagates the cancellation unchanged.
    """

    def __init__(
        self,
        client: Any,
        gate: Gate,
        items: Iterable[Any] | AsyncIterable[Any],
        fn: Callable[..., Awaitable[T]],
        options: JobOptions,
        *,
        retry: RetryPolicy,
    ) -> None:
        if not isinstance(items, (Iterable, AsyncIterable)) or isinstance(items, (str, bytes)):
            raise SentValidationError("items must be an iterable or async iterable of items")
        self._pass_key = wants_key(fn, options.job_id is not None or options.key is not None)
        self._client = client
        self._gate = gate
        self._items = items
        self._fn = fn
        self._opts = options
        self._max_pause = retry.max_retry_after
        total = options.total
        if total is None and isinstance(items, Sized):
            total = len(items)
        self.total = total
        self.report: BulkReport[T] = BulkReport(job_id=options.job_id)
        self.hard_stopped = False
        """True once the job was cancelled: the sync facade refuses new calls from fn then."""
        check_bar(options.progress_bar)
        self._started = False
        self._stopping = False
        self._scope: anyio.CancelScope | None = None
        self._pull_scope: anyio.CancelScope | None = None
        self._exhausted = False
        self._sync_items: Iterator[Any] | None = None
        self._async_items: AsyncIterator[Any] | None = None
        self._lock: anyio.Lock | None = None
        self._fatal: BaseException | None = None
        self._in_flight = 0
        self._seen = 0
        self._collect = options.collect_results
        self._released: float = math.inf
        self._window = ORDER_WINDOW * options.concurrency
        self._window_event: anyio.Event | None = None
        self._outage: OutageWatch | None = None

    def __repr__(self) -> str:
        return f"<BulkJob {self.report!r}>"

    @property
    def concurrency(self) -> int:
        """How many calls may run at once."""
        return self._opts.concurrency

    def cancel(self) -> None:
        """Stop now: no new calls; calls in flight are cancelled. Call it on the job's loop."""
        self.hard_stopped = True
        self._stop("cancelled", force=True)
        if self._scope is not None:
            self._scope.cancel()

    async def run(self) -> BulkReport[T]:
        """Run the job until its input ends or it stops, and return the report.

        Raises what the input or a callback raised (after in-flight calls finished), and
        re-raises a cancellation of the calling task after recording what was done.
        """
        await self.execute(None)
        if self._fatal is not None:
            raise self._fatal
        if self._collect and self._opts.ordered:
            self.report.results.sort(key=lambda r: r.index)
        return self.report

    def stream(self, *, ordered: bool = False) -> BulkStream[T]:
        """Run the job in a task of its own and iterate its results (see BulkStream)."""
        from .stream import BulkStream  # imported late: it imports this module

        return BulkStream(self, ordered=ordered)

    def release(self, upto: int) -> None:
        """Internal (ordered streams): results before ``upto`` were handed to the consumer."""
        self._released = upto
        if self._window_event is not None:
            self._window_event.set()
            self._window_event = None

    @property
    def fatal(self) -> BaseException | None:
        """The exception that stopped the job with stop_reason "error", if any."""
        return self._fatal

    # -- the engine --------------------------------------------------------------------------
    async def execute(self, sink: Sink | None) -> None:
        """Run the job, handing each result to ``sink`` (streaming) or keeping it (run)."""
        if self._started:
            raise RuntimeError("a BulkJob runs once; start a new one")
        self._started = True
        if sink is not None:
            self._collect = False
            self._released = 0 if self._opts.ordered else math.inf
        clock = anyio.current_time
        policy = self._opts.outage
        self._outage = OutageWatch(policy) if policy is not None else None
        self._pacer = make_pacer(self._opts.rate_limit, self._gate, adaptive=self._opts.adaptive)
        self._progress = Progress(
            self.report,
            self._pacer,
            total=self.total,
            on_progress=self._opts.on_progress,
            bar=make_bar(self._opts.progress_bar, self.total, self._opts.job_id),
            interval=self._opts.progress_interval,
            clock=clock,
        )
        started = clock()
        if isinstance(self._items, AsyncIterable):
            self._async_items = aiter(self._items)
            self._lock = anyio.Lock()
        else:
            self._sync_items = iter(self._items)
        raising = True
        try:
            with anyio.CancelScope() as self._scope:
                if self.hard_stopped:
                    self._scope.cancel()
                async with anyio.create_task_group() as tg:
                    for _ in range(self._opts.concurrency):
                        tg.start_soon(self._work, sink)
            raising = False
        except BaseException:
            self._stop("cancelled", force=True)
            raise
        finally:
            with anyio.CancelScope(shield=True):
                await close_pacer(self._pacer)
            if isinstance(self._opts.checkpoint, FileCheckpoint):
                self._opts.checkpoint.close()  # no sqlite handle left to the GC; reopens on use
            self._finish(started, raising=raising)

    def _finish(self, started: float, *, raising: bool) -> None:
        r = self.report
        missing = self._seen - r.total  # read, then cancelled before it started
        if missing > 0:
            r.skipped += missing
            if self._collect:
                done = {res.index for res in r.results}
                r.results += [
                    BulkResult(index=i, status="skipped")
                    for i in range(self._seen)
                    if i not in done
                ]
        r.elapsed = anyio.current_time() - started
        r.rate_limit_pauses = self._pacer.pauses
        if self._outage is not None:
            r.outages, r.outage_paused = self._outage.outages, self._outage.paused
        level = logging.WARNING if r.stop_reason == "cancelled" else logging.DEBUG
        if log.isEnabledFor(level):
            log.log(level, "%s (%.1fs)", r.summary(details=False), r.elapsed)
        try:
            if self._progress.active:
                self._progress.emit(self._in_flight, final=True)
        except Exception as exc:
            if raising:
                log.warning("on_progress raised while the bulk job stopped: %r", exc)
            else:
                self._fail_job(exc)
        finally:
            self._progress.close()

    def _stop(self, reason: StopReason, *, force: bool = False) -> None:
        if force or self.report.stop_reason is None:
            self.report.stop_reason = reason
        self._stopping = True
        if self._pull_scope is not None:
            self._pull_scope.cancel()  # a slow async input must not hold the stop up

    def _fail_job(self, exc: BaseException) -> None:
        if self._fatal is None:
            self._fatal = exc
        self._stop("error", force=True)

    def _input_failed(self, exc: BaseException) -> None:
        """The input raised: read no more, let the items already read finish, then raise."""
        self._exhausted = True
        if self._fatal is None:
            self._fatal = exc
        self.report.stop_reason = "error"

    def _no_more(self) -> bool:
        """No further item is to be read (a method: the flags change while awaiting)."""
        return self._stopping or self._exhausted

    async def _pull(self) -> tuple[int, Any] | None:
        """The next input item and its index; None at the end of the input or once stopping."""
        while self._seen >= self._released + self._window:  # ordered stream: consumer behind
            if self._window_event is None:
                self._window_event = anyio.Event()
            await self._window_event.wait()
        if self._no_more():
            return None
        if self._sync_items is not None:
            try:
                item = next(self._sync_items)
            except StopIteration:
                self._exhausted = True
                return None
            except Exception as exc:
                self._input_failed(exc)
                return None
        else:
            assert self._lock is not None
            assert self._async_items is not None
            async with self._lock:  # one reader at a time: async iterators are not reentrant
                if self._no_more():
                    return None
                with anyio.CancelScope() as self._pull_scope:
                    try:
                        item = await anext(self._async_items)
                    except StopAsyncIteration:
                        self._exhausted = True
                    except Exception as exc:
                        self._input_failed(exc)
                self._pull_scope = None
                if self._no_more():
                    return None
        index = self._seen
        self._seen += 1
        return index, item

    async def _work(self, sink: Sink | None) -> None:
        turns = 0
        while (pulled := await self._pull()) is not None:
            index, item = pulled
            done_before = await self._checked(index, item)
            if done_before is None and not self._stopping:
                try:
                    await self._pacer.acquire()
                except Exception as exc:  # a shared limiter is unreachable: send nothing
                    self._fail_job(exc)
            result: BulkResult[Any]
            if done_before is not None:
                result = done_before
            elif self._stopping:
                result = BulkResult(index=index, status="skipped", item=item)
            else:
                self._in_flight += 1
                try:
                    result = await self._call(index, item)
                finally:
                    self._in_flight -= 1
            self._record(result)
            if sink is not None:
                try:
                    await sink(result)
                except (anyio.BrokenResourceError, anyio.ClosedResourceError):
                    self.cancel()  # the consumer of the stream went away
            turns += 1
            if turns % 64 == 0:  # fn may never suspend: let the other tasks run now and then
                await anyio.lowlevel.checkpoint()

    async def _call(self, index: int, item: Any) -> BulkResult[T]:
        key = None
        try:
            key = self._key_of(index, item)
            requeues = tries = 0
            while True:
                watch = self._outage
                probe = await watch.hold() if watch is not None and watch.active else False
                try:
                    value = await self._invoke(item, key)
                except RateLimitError as exc:
                    if watch is not None:
                        watch.answered()
                    if exc.code in NON_TRANSIENT_CODES:
                        raise
                    # A pause is capped like a single call's wait (RetryPolicy.max_retry_after)
                    wait = exc.retry_after
                    too_long = wait is not None and wait > self._max_pause
                    shared = self._pacer.on_rate_limited(
                        min(wait, self._max_pause) if wait else wait
                    )
                    if shared is not None:
                        await shared  # published to every worker sharing the limit
                    if too_long or requeues >= MAX_REQUEUES or self._stopping:
                        raise  # too_long: longer than we may wait, as for a single call
                    requeues += 1
                    await self._pacer.acquire()  # with every other worker, after the pause
                    continue
                except Exception as exc:
                    again = await self._outage_retry(exc, key, probe, tries)
                    if again is None:
                        raise
                    tries = again
                    continue
                if key is not None and self._opts.checkpoint is not None:
                    await self._mark_done(key)
                return BulkResult(
                    index=index, status="succeeded", item=item, value=value, idempotency_key=key
                )
        except anyio.get_cancelled_exc_class():
            result: BulkResult[T] = BulkResult(
                index=index, status="interrupted", item=item, idempotency_key=key
            )
            self._record(result)
            raise
        except Exception as exc:
            failure = BulkFailure.of(index, item, exc, key)
            return BulkResult(
                index=index,
                status="failed",
                item=item,
                idempotency_key=key,
                failure=failure,
                error=exc,
            )

    async def _outage_retry(
        self, exc: Exception, key: str | None, probe: bool, tries: int
    ) -> int | None:
        """After a failed call: the item's new count of lone failures if it is called again
        (having waited), None to let it fail. Only re-sends what cannot be sent twice."""
        watch = self._outage
        if watch is None:
            return None
        if not is_outage_error(exc):
            watch.answered()  # the server answered (or fn failed by itself): no outage
            return None
        watch.failed(probe)
        resendable = key is not None or getattr(exc, "outcome", None) == "not_sent"
        delay = watch.retry_delay(tries + 1) if resendable and not self._stopping else None
        if delay is None:
            if watch.gave_up:
                self._stop("outage")
            return None
        if delay > 0:
            await anyio.sleep(delay)
            return tries + 1
        return tries

    async def _checked(self, index: int, item: Any) -> BulkResult[Any] | None:
        """The item's result without a call when the checkpoint settles it, else None.

        Done in an earlier run: skipped (``already_done``). First tried longer ago than Sent
        keeps keys: failed with NeedsCheckError, not re-sent blindly.
        """
        checkpoint = self._opts.checkpoint
        if checkpoint is None or self._stopping:
            return None
        try:
            key = self._key_of(index, item)
        except Exception:
            return None  # _call reports the bad key
        assert key is not None  # options insist on job_id or key with a checkpoint
        try:
            state = await checkpoint.begin(key)
        except Exception as exc:
            self._fail_job(exc)
            return BulkResult(index=index, status="skipped", item=item, idempotency_key=key)
        if state.done:
            self.report.already_done += 1
            return BulkResult(index=index, status="skipped", item=item, idempotency_key=key)
        if state.age > checkpoint.max_age:
            stale = NeedsCheckError(
                f"first attempted {state.age / 3600:.1f} h ago and not known to be accepted; "
                "Sent may have forgotten its key, so it was not re-sent"
            )
            failure = BulkFailure.of(index, item, stale, key)
            return BulkResult(
                index=index,
                status="failed",
                item=item,
                idempotency_key=key,
                failure=failure,
                error=stale,
            )
        return None

    async def _mark_done(self, key: str) -> None:
        """Record an accepted item; a checkpoint that cannot be written stops the job."""
        assert self._opts.checkpoint is not None
        try:
            await self._opts.checkpoint.done(key)
        except Exception as exc:
            self._fail_job(exc)

    def _key_of(self, index: int, item: Any) -> str | None:
        if self._opts.key is not None:
            return _validate.idempotency_key(self._opts.key(item, index))
        if self._opts.job_id is not None:
            return f"{self._opts.job_id}-{index}"
        return None

    async def _invoke(self, item: Any, key: str | None) -> T:
        fn: Callable[..., Any] = self._fn
        call = fn(self._client, item, key) if self._pass_key else fn(self._client, item)
        if not inspect.isawaitable(call):
            exc = TypeError(
                "bulk fn must be async (return an awaitable); with sent_sync use Sent.bulk, "
                "which runs sync functions in worker threads"
            )
            self._fail_job(exc)
            raise exc
        value: T = await call
        return value

    def _record(self, result: BulkResult[Any]) -> None:
        r = self.report
        status = result.status
        if status == "succeeded":
            r.succeeded += 1
            self._pacer.on_success()
            if self._outage is not None:
                self._outage.answered()
        elif status == "failed":
            r.failed += 1
            assert result.failure is not None
            r.failures.append(result.failure)
            if r.first_error is None:
                r.first_error = result.error
            limit = self._opts.failure_limit
            if isinstance(result.error, RateLimiterUnavailableError):
                self._fail_job(result.error)
            elif isinstance(result.error, FATAL_ERRORS):
                self._stop("fatal")
            elif limit is not None and r.failed >= limit:
                self._stop("failures")
        elif status == "skipped":
            r.skipped += 1
        else:
            r.interrupted += 1
        if self._collect:
            r.results.append(attrs.evolve(result, error=None) if result.error else result)
        if self._progress.active:
            try:
                self._progress.tick(self._in_flight)
            except Exception as exc:  # on_progress raised: stop, then raise it from run()
                self._progress.active = False
                self._fail_job(exc)
