"""``client.bulk.stream(...)``: a bulk job's results as an async iterator."""

from __future__ import annotations

import asyncio
import contextlib
from types import TracebackType
from typing import Any, Generic, TypeVar

import anyio
from anyio.streams.memory import MemoryObjectSendStream

from .job import BulkJob
from .report import BulkReport, BulkResult

T = TypeVar("T")


async def _produce(job: BulkJob[Any], send: MemoryObjectSendStream[BulkResult[Any]]) -> None:
    # Module-level on purpose: the job's task must not keep its BulkStream alive, so that a
    # stream dropped mid-way is collected and its __del__ stops the job.
    async def sink(result: BulkResult[Any]) -> None:
        try:
            send.send_nowait(result)  # no scheduling round trip while the buffer has room
        except anyio.WouldBlock:
            await send.send(result)

    with send:
        await job.execute(sink)


class BulkStream(Generic[T]):
    """A bulk job's results as they finish: ``async for result in client.bulk.stream(...)``.

    The job runs in a task of its own from the first ``__anext__``; finished results wait in a
    buffer of ``concurrency`` entries, so a slow consumer slows the job down instead of growing
    memory. With ``ordered=True`` results come in input order, and the job runs at most
    4 x ``concurrency`` items ahead of the oldest unfinished one. To leave early, use
    ``async with client.bulk.stream(...) as results:`` (or ``await results.aclose()``): the
    rest of the job is cancelled. ``report`` has the counts and failures, also mid-way.
    """

    def __init__(self, job: BulkJob[T], *, ordered: bool) -> None:
        self._job = job
        self._ordered = ordered
        self._send, self._recv = anyio.create_memory_object_stream[BulkResult[T]](job.concurrency)
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._pending: dict[int, BulkResult[T]] = {}
        self._next = 0
        self._ended = False
        self._closed = False

    def __repr__(self) -> str:
        return f"<BulkStream {self._job.report!r}>"

    @property
    def report(self) -> BulkReport[T]:
        """The job's live report (counts and failures; streamed results are not kept)."""
        return self._job.report

    @property
    def job(self) -> BulkJob[T]:
        """The job behind this stream (``job.cancel()`` stops it)."""
        return self._job

    def __aiter__(self) -> BulkStream[T]:
        return self

    async def __anext__(self) -> BulkResult[T]:
        if self._task is None:
            if self._closed:
                raise StopAsyncIteration
            self._loop = asyncio.get_running_loop()
            self._task = self._loop.create_task(_produce(self._job, self._send))
        try:
            return await (self._next_ordered() if self._ordered else self._next_any())
        except StopAsyncIteration:
            raise
        except BaseException:
            await self.aclose()  # cancelled while waiting (or worse): stop the job too
            raise

    async def _next_any(self) -> BulkResult[T]:
        try:
            try:
                return self._recv.receive_nowait()
            except anyio.WouldBlock:
                return await self._recv.receive()
        except (anyio.EndOfStream, anyio.ClosedResourceError):
            await self._finish()
            raise StopAsyncIteration from None

    async def _next_ordered(self) -> BulkResult[T]:
        while True:
            result = self._pending.pop(self._next, None)
            if result is not None:
                self._next += 1
                self._job.release(self._next)
                return result
            if self._ended:
                if not self._pending:
                    await self._finish()
                    raise StopAsyncIteration
                self._next = min(self._pending)  # an item lost to a stop: move past it
                continue
            try:
                result = await self._recv.receive()
            except (anyio.EndOfStream, anyio.ClosedResourceError):
                self._ended = True
                continue
            self._pending[result.index] = result

    async def next_batch(self, limit: int) -> list[BulkResult[T]]:
        """Up to ``limit`` results, waiting for the first only; [] at the end (sync facade)."""
        try:
            batch = [await self.__anext__()]
        except StopAsyncIteration:
            return []
        while len(batch) < limit and (result := self._ready()) is not None:
            batch.append(result)
        return batch

    def _ready(self) -> BulkResult[T] | None:
        """The next result if one is there already, without waiting."""
        while True:
            if self._ordered and self._next in self._pending:
                result = self._pending.pop(self._next)
                self._next += 1
                self._job.release(self._next)
                return result
            try:
                result = self._recv.receive_nowait()
            except (anyio.WouldBlock, anyio.EndOfStream, anyio.ClosedResourceError):
                return None
            if not self._ordered:
                return result
            self._pending[result.index] = result

    async def _finish(self) -> None:
        """The job ended: wait for its task, and raise what stopped it, if anything."""
        self._recv.close()
        task = self._task
        if task is not None:
            await task
        if self._job.fatal is not None:
            raise self._job.fatal

    async def aclose(self) -> None:
        """Stop the job (calls in flight are cancelled) and wait until it has stopped."""
        self._closed = True
        self._recv.close()
        task = self._task
        if task is None:
            self._send.close()
            return
        if not task.done():
            self._job.cancel()
            with anyio.CancelScope(shield=True), contextlib.suppress(Exception):
                await task
        elif not task.cancelled():
            task.exception()  # retrieved: a failure after leaving early is not news

    async def __aenter__(self) -> BulkStream[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __del__(self) -> None:
        # Dropped without aclose() (a ``break`` out of a bare ``async for``): stop the job. The
        # streams belong to the loop, which may not be this thread's (the sync facade).
        task, loop = self._task, self._loop
        if task is None or loop is None or loop.is_closed():
            self._recv.close()
            self._send.close()
            return
        if task.done():  # nobody uses the streams any more
            self._recv.close()
            return
        recv, job = self._recv, self._job

        def stop() -> None:
            recv.close()
            job.cancel()

        loop.call_soon_threadsafe(stop)
