"""Hand-written: how the generated sync classes run the async core.

Each root ``sent_sync.Sent`` owns one ``Portal``: an asyncio event loop on a daemon thread,
started on first use, where the client's single aiohttp session lives. Calls from any thread
are submitted to that loop and waited for. Calling from inside a running event loop works but
blocks that loop for the duration of the call (use ``sent_async`` there instead).

Ctrl-C (or any exception delivered to the waiting thread) cancels the request in flight and
waits briefly for its connection to be closed before re-raising. After ``os.fork()`` the child
starts its own loop thread on first use and never touches the parent's.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Awaitable, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sent_async._errors import ClientClosedError

if TYPE_CHECKING:  # not at run time: they load asyncio, the transport and aiohttp
    from sent_async._loop_thread import LoopThread
    from sent_async._pagination import AsyncPage

T = TypeVar("T")
C = TypeVar("C", bound="SyncClient")


class Portal:
    """The background loop thread of one sync client (restarted after ``os.fork()``)."""

    TEARDOWN_WAIT = 5.0
    """After Ctrl-C, how long to wait for the cancelled request to let go of its connection."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: LoopThread | None = None
        self._pid = os.getpid()
        self._closed = False
        self._orphans: list[LoopThread] = []  # a parent's loop thread, dead in a forked child
        _live_portals.add(self)

    def _after_fork(self) -> None:
        # In the child only the forking thread exists: the lock may have been held by another
        # thread at fork time, and the parent's loop thread is gone. Start afresh, lazily.
        self._lock = threading.Lock()
        if self._thread is not None:
            self._orphans.append(self._thread)
        self._thread, self._pid = None, os.getpid()

    def _portal(self) -> tuple[Any, int | None]:
        thread = self._running()
        return thread.portal, thread.ident

    def _running(self) -> LoopThread:
        """The live loop thread, started (or restarted after a fork) if need be."""
        with self._lock:
            if self._closed:
                raise ClientClosedError("this client is closed; create a new one")
            if self._pid != os.getpid():  # forked without the at-fork hook (should not happen)
                if self._thread is not None:
                    self._orphans.append(self._thread)
                self._thread, self._pid = None, os.getpid()
            if self._thread is None:
                from sent_async._loop_thread import LoopThread  # asyncio: first call, not import

                thread = LoopThread("sent-sync-loop")
                thread.start()
                self._thread = thread
            return self._thread

    def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """Run ``fn()`` on the loop thread and wait; Ctrl-C cancels the request in flight."""
        import asyncio  # loaded by the loop thread's start; here, not at `import sent_sync`
        import concurrent.futures

        thread = self._running()
        ident, loop = thread.ident, thread.loop
        if threading.get_ident() == ident:
            raise RuntimeError(
                "a sync Sent client was called from its own event-loop thread; "
                "use sent_async.AsyncSent in async code"
            )
        finished = threading.Event()

        async def run() -> T:
            try:
                return await fn()
            finally:
                finished.set()

        # run_coroutine_threadsafe costs about half of anyio's start_task_soon per call, and
        # the sync facade makes one such call per request.
        if loop is None:  # stopped between _running() and here by close() on another thread
            raise ClientClosedError("this client is closed; create a new one")
        future = asyncio.run_coroutine_threadsafe(run(), loop)
        try:
            return future.result()
        except concurrent.futures.CancelledError:
            # Not cancelled by us: the loop thread was stopped by close() from another thread.
            raise ClientClosedError("the client was closed while this call was in flight") from None
        except BaseException:
            # KeyboardInterrupt (or another async exception) while waiting: cancel the request
            # and give it a moment to close its connection, so the client stays usable.
            if future.cancel():
                finished.wait(self.TEARDOWN_WAIT)
            raise

    def close(self, aclose: Callable[[], Awaitable[None]]) -> None:
        """Close the async client on its loop, then stop the loop thread. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread, self._thread = self._thread, None
        if thread is None or thread.portal is None or self._pid != os.getpid():
            return
        if threading.get_ident() == thread.ident:
            # Reached from the loop thread itself (a finaliser run by the garbage collector
            # there): it cannot wait on itself, so a helper thread does the closing.
            helper = threading.Thread(target=_close_on, args=(thread, aclose), daemon=True)
            helper.start()
            return
        _close_on(thread, aclose)


def _close_on(thread: LoopThread, aclose: Callable[[], Awaitable[None]]) -> None:
    try:
        if thread.portal is not None:
            thread.portal.call(aclose)
    finally:
        thread.stop()


_live_portals: weakref.WeakSet[Portal] = weakref.WeakSet()
"""Every live Portal, so a forked child can reset them (process bookkeeping, not a portal)."""


def _reset_portals_after_fork() -> None:
    for portal in list(_live_portals):
        portal._after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_portals_after_fork)


class SyncClient:
    """Base of the generated ``Sent``: owns the portal, closes it, and is a context manager."""

    _inner: Any

    def __init__(self, inner: Any, portal: Portal | None = None, root: Any = None) -> None:
        self._inner = inner
        self._root = root  # views keep their root (and so its portal) alive
        if portal is None:
            portal = Portal()
            weakref.finalize(self, portal.close, inner.aclose)
        self._portal = portal

    def __repr__(self) -> str:
        return repr(self._inner).removeprefix("Async")

    @classmethod
    def _view(cls: type[C], inner: Any, parent: SyncClient) -> C:
        """A view (for_profile, with_options) sharing the parent's portal and session."""
        view = cls.__new__(cls)
        SyncClient.__init__(view, inner, parent._portal, parent._root or parent)
        return view

    def close(self) -> None:
        """Close the HTTP session and stop the background loop. Safe to call twice."""
        self._portal.close(self._inner.aclose)

    def __enter__(self: T) -> T:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class SyncResource:
    """Base of the generated sync resources: an async resource plus the portal to run it."""

    _inner: Any

    def __init__(self, inner: Any, portal: Portal) -> None:
        self._inner = inner
        self._portal = portal

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


class Page(Generic[T]):
    """One page of a paged list; iterating it yields every item, fetching a page at a time.

    Each further page costs one hop to the loop thread, never one per item.
    """

    def __init__(self, portal: Portal, page: AsyncPage[T]) -> None:
        self._portal = portal
        self._page = page
        self.items: list[T] = page.items
        self.pagination = page.pagination
        self.data = page.data
        self.page = page.page

    def __repr__(self) -> str:
        return f"<Page page={self.page} items={len(self.items)} more={self.has_next_page}>"

    @property
    def has_next_page(self) -> bool:
        """True when the server says more items follow and this page was not empty."""
        return self._page.has_next_page

    def next_page(self) -> Page[T] | None:
        """Fetch the following page, or None when this is the last one."""
        following = self._portal.call(self._page.next_page)
        return Page(self._portal, following) if following is not None else None

    def __iter__(self) -> Iterator[T]:
        page: Page[T] | None = self
        while page is not None:
            yield from page.items
            page = page.next_page()
