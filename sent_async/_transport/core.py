"""What one root client shares with its views: the aiohttp session, slots, budget and gate.

Life-cycle rules (docs/reliability.md §5):

* The session is created lazily inside the running event loop and belongs to that loop. Using
  the client from another loop raises ``ClientClosedError`` (one client per loop; the sync
  facade runs its own loop thread for callers in threads).
* After ``os.fork()`` the child never touches the parent's session or sockets (closing them
  could send a TLS close_notify on the parent's connections): it sets them aside, unclosed and
  unwarned, and opens its own on first use.
* ``aclose()`` is idempotent; afterwards every call raises ``ClientClosedError``. Calls in
  flight, queued for a slot or the 429 gate, or waiting to retry end at once with it too: the
  core knows the task of every running call and cancels it (a graceful shutdown never waits
  for a stalled server).
* The session closes itself when its event loop shuts down (the end of ``asyncio.run``) or when
  the client is dropped unclosed while its loop runs: a watcher async generator, which the loop
  finalises, owns that. No "Unclosed connector" warning, and no socket held until the GC runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import operator
import os
import platform
from collections.abc import AsyncGenerator, Callable
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import unquote, urlsplit

from .._errors import ClientClosedError
from .._options import ClientOptions
from .._version import __version__
from .gate import RateGate
from .retry import RetryBudget
from .slots import Slots

if TYPE_CHECKING:
    import aiohttp

    from ..instrumentation._otel import Telemetry
    from .pace import ClientPace  # loaded when a client is given a rate_limit

# 3.11+ counts a task's pending cancellations; on 3.10 a cancel cannot be told apart.
_CANCELLING = hasattr(asyncio.Task, "cancelling")
_cancelling: Callable[[Any], int] = (
    operator.methodcaller("cancelling") if _CANCELLING else (lambda task: 0)
)


_forks = [0]
"""How many times this process is a fork child of the one that imported us (os.fork runs
the hook below in every child); ``Core.session`` compares it instead of calling getpid."""


def _forked() -> None:
    _forks[0] += 1


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_forked)


def user_agent() -> str:
    """``sent-sdk/<v> python/<v> aiohttp/<v>``, asked for when the session opens.

    Not when a client is built: aiohttp (or importlib.metadata, to read its version without
    it) loads with the first request, not with ``import sent_sync`` and ``Sent()``.
    """
    from aiohttp import __version__ as aiohttp_version

    return f"sent-sdk/{__version__} python/{platform.python_version()} aiohttp/{aiohttp_version}"


def _proxy_secrets(proxy: str | None) -> tuple[str, ...]:
    """The proxy's password, as written and decoded, so a proxy's page never echoes it."""
    password = urlsplit(proxy).password if proxy else None
    return (password, unquote(password)) if password else ()


class Core:
    """Session, connection slots, retry budget and 429 gate shared by a client and its views."""

    def __init__(self, api_key: str, options: ClientOptions) -> None:
        self._headers = {
            **dict(options.default_headers),  # validated: they never replace the SDK's own
            "x-api-key": api_key,
            "accept": "application/json",
        }  # and the user-agent, added when the session opens
        self._max_connections = options.max_connections
        self._options = options
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._limiter: Slots | None = None
        self._pid = os.getpid()
        self._forks = _forks[0]  # the process's fork count when _pid was read (hot-path check)
        self.closed = False
        """True once ``aclose()`` ran (set only there; a plain attribute: read on every call)."""
        self._orphans: list[Any] = []  # inherited across fork: kept, never closed nor collected
        self._watcher: AsyncGenerator[None, None] | None = None
        self._calls: dict[asyncio.Task[Any], int] = {}  # running calls -> cancellations before
        self._ended: set[asyncio.Task[Any]] = set()  # calls aclose() cancelled
        self.budget = RetryBudget(options.retry.budget)
        self.gate = RateGate()
        self.pace: ClientPace | None = None
        """Per-tier pacing of every call (``AsyncSent(rate_limit=...)`` sets it); None: none."""
        self.telemetry: Telemetry | None = None
        """Spans and metrics per call (``AsyncSent(telemetry=...)``); None when off."""
        self.known_secrets: tuple[str, ...] = (api_key, *_proxy_secrets(options.proxy))
        """Values masked wherever they show up in errors and logs (the API key, a proxy's
        password); worked out once, as every call reads them."""

    def __repr__(self) -> str:
        state = "closed" if self.closed else ("open" if self._session else "idle")
        return f"<Core {state}>"

    @property
    def gate_until(self) -> float:
        """Loop time (``anyio.current_time()``) before which the 429 gate holds new calls."""
        return self.gate.until

    def check_open(self) -> None:
        """Raise ClientClosedError once ``aclose()`` has been called."""
        if self.closed:
            raise ClientClosedError("this client is closed; create a new one")

    def enter(self) -> asyncio.Task[Any] | None:
        """Note the running call's task, so ``aclose()`` can end it (a dict store per call)."""
        task = asyncio.current_task()
        if task is not None:
            self._calls[task] = _cancelling(task)
        return task

    def leave(self, task: asyncio.Task[Any] | None) -> None:
        if task is not None:
            self._calls.pop(task, None)

    def closed_under(self, task: asyncio.Task[Any] | None) -> None:
        """On a call's CancelledError: raise ClientClosedError if ``aclose()`` caused it alone.

        A cancellation of the caller's own (a timeout, a task group) stays a cancellation.
        """
        if task is None or task not in self._ended:
            return
        self._ended.discard(task)
        if _CANCELLING and cast(Any, task).uncancel() > self._calls.get(task, 0):
            return
        raise ClientClosedError("the client was closed while this call was in flight") from None

    def _end_calls(self) -> None:
        current = asyncio.current_task()
        for task in list(self._calls):
            if task is not current and not task.done():
                self._ended.add(task)
                task.cancel()

    def session(self) -> tuple[aiohttp.ClientSession, Slots]:
        """The session and slot limiter of the running loop, opened on first use."""
        # The usual call: open, same process, the loop that opened the session. Anything else
        # (closed, no loop, another loop, after fork, first use) takes the checks below.
        if (
            self._loop is asyncio._get_running_loop()
            and self._session is not None
            and self._limiter is not None
            and not self.closed
            and self._forks == _forks[0]  # not forked since (os.getpid() is a system call)
        ):
            return self._session, self._limiter
        self.check_open()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise ClientClosedError(
                "AsyncSent runs on asyncio (aiohttp); call it from an asyncio event loop"
            ) from None
        if self._pid != os.getpid():
            self._after_fork()
        if self._session is not None and self._limiter is not None:
            if self._loop is not loop:
                raise ClientClosedError(
                    "this AsyncSent is bound to the event loop that first used it; "
                    "create one client per event loop (or use sent_sync.Sent from threads)"
                )
            return self._session, self._limiter
        import aiohttp  # the first request pays for it, not `import sent_async`

        opts = self._options
        connector = aiohttp.TCPConnector(
            limit=self._max_connections,
            limit_per_host=self._max_connections,
            ttl_dns_cache=300,
            ssl=opts.ssl if opts.ssl is not None else True,  # True: the default verified context
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers={**self._headers, "user-agent": user_agent()},
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=True,
            proxy=opts.proxy,  # an explicit proxy wins over the environment's
            trust_env=opts.trust_env,  # opt-in: HTTPS_PROXY/NO_PROXY and netrc, aiohttp's way
            trace_configs=list(opts.trace_configs) or None,
        )
        # The SDK's slots match the connector's limit, so aiohttp's own pool queue (whose wait
        # would count against the attempt's timeout) stays empty: callers queue here instead.
        # Our own slots, not anyio's CapacityLimiter: aiohttp ties us to asyncio anyway, and
        # the limiter plus a cancel scope per wait cost ~12% of the CPU of a queued call.
        self._limiter = Slots(self._max_connections)
        self._loop = loop
        self._watcher = _watch(self._session, self._pid)
        # Run it to its yield now: the loop registers it for shutdown_asyncgens().
        with contextlib.suppress(StopIteration):
            cast(Any, self._watcher.asend(None)).send(None)
        return self._session, self._limiter

    def _after_fork(self) -> None:
        # The parent's session, sockets and loop are not ours: park them (so no finaliser
        # warns or closes anything) and start afresh. The 429 pause carries over.
        self._orphans.append((self._session, self._limiter, self._loop, self.gate, self._watcher))
        self._session, self._limiter, self._loop, self._watcher = None, None, None, None
        self._calls.clear()
        if self.pace is not None:
            self.pace.forget()
        self._pid, self._forks = os.getpid(), _forks[0]
        closed_for = self.gate.closed_for()
        self.gate = RateGate()
        if closed_for > 0:
            self.gate.close(closed_for)

    async def aclose(self) -> None:
        """Close the session (idempotent) and end every call of it with ClientClosedError.

        Views share the core, so this closes them too.
        """
        self.closed = True
        session, loop, self._session = self._session, self._loop, None
        if session is None or self._pid != os.getpid():
            return
        current = asyncio.get_running_loop()
        if loop is current:
            self._end_calls()
            await self._close(session)
        elif loop is not None and loop.is_running():
            # Closed from another loop (another thread): end and close it where it lives.
            loop.call_soon_threadsafe(self._end_calls)
            closing = asyncio.run_coroutine_threadsafe(self._close(session), loop)
            await asyncio.wrap_future(closing)
        elif not session.closed:
            # Its loop ended without finalising the watcher: nothing can be closed cleanly.
            self._orphans.append((session, self._watcher))

    async def _close(self, session: aiohttp.ClientSession) -> None:
        try:
            if self.pace is not None:
                await self.pace.aclose()  # a shared limiter's connections
        finally:
            await session.close()


async def _watch(session: aiohttp.ClientSession, pid: int) -> AsyncGenerator[None, None]:
    """Closes ``session`` when the loop finalises this generator: at its shutdown, or when the
    client holding the generator is dropped while the loop runs."""
    try:
        yield
    finally:
        if os.getpid() == pid and not session.closed:
            await session.close()
