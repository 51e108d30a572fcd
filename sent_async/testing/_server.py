"""FakeSent: an in-memory Sent v3 server on aiohttp.web, bound to 127.0.0.1.

It answers in Sent's envelopes and error codes, checks ``x-api-key``, honours ``x-profile-id``
and replays stored answers for a repeated ``Idempotency-Key``, so code written against it
behaves the same against the real API. It records the newest requests (``server.requests``,
at most ``log_limit`` of them) and can be told to misbehave (``fail_next``, ``drop_next_response``,
``delay_next``, ``latency``) to exercise retries and timeouts. How the handlers are
organised, and how to add one, is told in ``_support``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import uuid
from collections.abc import Awaitable, Callable, Mapping
from functools import partial
from types import TracebackType
from typing import Any, TypeVar

import attrs
from aiohttp import web

from .._client import AsyncSent
from .._loop_thread import LoopThread
from .._redact import redact
from . import _admin, _routes
from ._delivery import Delivery
from ._faults import Delay, Fault, Misbehaviour
from ._ratelimit import Account, AccountStats, Limits
from ._state import State
from ._support import STATE, ApiFailure, error_response, new_id, now, request_id, zulu

log = logging.getLogger("sent.testing")
T = TypeVar("T")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
DEFAULT_API_KEY = "sk_test_fakesent"
DEFAULT_LOG_LIMIT = 10_000
"""How many requests, exchanges and events FakeSent keeps by default; older ones drop."""


@attrs.frozen(kw_only=True)
class RecordedRequest:
    """One request FakeSent received, as it arrived on the wire."""

    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str] = attrs.field(repr=lambda h: repr(redact(dict(h))))
    body: bytes = attrs.field(repr=False)

    def json(self) -> Any:
        """The JSON body, or None when there was none."""
        return json.loads(self.body) if self.body else None


@attrs.frozen(kw_only=True)
class Exchange:
    """A recorded request and FakeSent's answer to it."""

    request: RecordedRequest
    status: int
    body: bytes = attrs.field(repr=False)
    content_type: str


class FakeSent:
    """An in-memory Sent API for tests: ``async with FakeSent() as server`` or ``with``.

    ``server.client()`` gives an ``AsyncSent`` pointed at it. Faults are opt-in per test.
    ``latency`` (seconds) delays every answer; ``log_limit`` caps ``requests``, ``exchanges``
    and ``events`` (the oldest entries drop; None keeps everything). ``reset()`` forgets it all;
    the admin API under ``/__fake/`` (``_admin``) does the same over HTTP. ``rate_limit`` (a
    RateLimit for message sends, or one per tier) answers 429 past it, for every client of the
    server; ``rate_limit_retry_after`` fixes the Retry-After it sends (default: the real wait).
    """

    def __init__(
        self,
        *,
        api_key: str = DEFAULT_API_KEY,
        port: int = 0,
        latency: float = 0.0,
        log_limit: int | None = DEFAULT_LOG_LIMIT,
        host: str = "127.0.0.1",
        rate_limit: Limits | None = None,
        rate_limit_retry_after: float | None = None,
    ) -> None:
        self.api_key = api_key
        self.host = host
        """Where it listens: 127.0.0.1 unless told otherwise (``python -m sent_async.testing``)."""
        self.log_limit = log_limit
        self.requests: list[RecordedRequest] = []
        """The newest requests FakeSent received, oldest first (at most ``log_limit``)."""
        self.exchanges: list[Exchange] = []
        """Each request with the answer FakeSent gave (for contract checks of both sides)."""
        self.events: list[dict[str, Any]] = []
        """The webhook events FakeSent emitted, oldest first (delivered or not; ``log_limit``)."""
        self.event_listeners: list[Callable[[dict[str, Any]], Awaitable[None]]] = []
        self.state = State.new(new_id(), self.emit)
        """Everything FakeSent stores, one field per API family (``state.messages``, ...)."""
        self.base_url = ""
        self._misbehaviour = Misbehaviour(latency=latency)
        self.account = Account(rate_limit, rate_limit_retry_after)
        """The account-wide rate limit (per tier) and counters: ``server.stats``."""
        self._port = port
        self._runner: web.AppRunner | None = None
        self._thread: LoopThread | None = None
        self._replays: dict[str, tuple[int, bytes]] = {}
        self._in_flight: set[str] = set()
        self._app = web.Application(middlewares=[self._middleware], client_max_size=8 * 2**20)
        self._app[STATE] = self.state
        self._delivery = Delivery(self.state.webhooks)
        self._delivery.install(self._app)
        _routes.install(self._app)
        self._app[_admin.SERVER] = self
        self._app.add_routes(_admin.routes)

    def __repr__(self) -> str:
        return f"FakeSent(base_url={self.base_url!r})"

    @property
    def organization_id(self) -> str:
        """The id of the organization FakeSent's API key belongs to."""
        return self.state.organization_id

    @organization_id.setter
    def organization_id(self, value: str) -> None:
        self.state.organization_id = value

    @property
    def stats(self) -> AccountStats:
        """Counts per tier, 429s, accept times, per Idempotency-Key and per recipient."""
        return self.account.stats

    # -- life-cycle --------------------------------------------------------------------------
    async def start(self) -> FakeSent:
        """Listen on ``host`` (127.0.0.1 by default; a free port unless one was given)."""
        self._runner = web.AppRunner(
            self._app, access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self._port)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.base_events.Server)
        port = server.sockets[0].getsockname()[1]
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.base_url = f"http://{host}:{port}"
        return self

    async def stop(self) -> None:
        """Stop listening and release the port (pending webhook deliveries are cancelled)."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSent:
        return await self.start()

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    def __enter__(self) -> FakeSent:
        """Run the server on its own loop thread, for sync code and sync tests."""
        self._thread = LoopThread("fakesent")
        self._thread.start().call(self.start)
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._thread is not None and self._thread.portal is not None:
            self._thread.portal.call(self.stop)
            self._thread.stop()

    def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """Run a coroutine function on the server's loop from sync code (``with FakeSent()``).

        For example ``server.call(server.advance_messages)``.
        """
        if self._thread is None or self._thread.portal is None:
            raise RuntimeError("FakeSent.call() is for a server started with `with FakeSent()`")
        return self._thread.portal.call(fn)

    def client(self, **options: Any) -> AsyncSent:
        """An AsyncSent pointed at this server with its API key; ``options`` as for AsyncSent."""
        return AsyncSent(self.api_key, base_url=self.base_url, **options)

    # -- misbehaviour on demand --------------------------------------------------------------
    def fail_next(
        self,
        status: int = 503,
        code: str = "INTERNAL_005",
        *,
        message: str = "Injected failure",
        times: int = 1,
        method: str | None = None,
        path: str | None = None,
        headers: Mapping[str, str] | None = None,
        raw_body: bytes | None = None,
    ) -> None:
        """Answer the next ``times`` matching requests with this error instead of handling them."""
        fault = Fault(
            status=status,
            code=code,
            message=message,
            times=times,
            method=method,
            path=path,
            headers=dict(headers or {}),
            raw_body=raw_body,
        )
        self._misbehaviour.faults.append(fault)

    def drop_next_response(self, times: int = 1) -> None:
        """Handle the next requests fully (commit!), then cut the connection before answering."""
        self._misbehaviour.drops += times

    def delay_next(
        self,
        seconds: float,
        *,
        times: int | None = 1,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Wait ``seconds`` before answering the next ``times`` matching requests.

        ``times=None`` slows every matching request from now on (a slow route). The wait
        replaces ``latency`` for those requests and comes before faults and handling.
        """
        if seconds < 0 or (times is not None and times < 1):
            raise ValueError("delay_next needs seconds >= 0 and times >= 1 (or None)")
        self._misbehaviour.delays.append(
            Delay(seconds=seconds, times=times, method=method, path=path)
        )

    @property
    def latency(self) -> float:
        """Seconds every request waits before FakeSent handles it (0 by default)."""
        return self._misbehaviour.latency

    @latency.setter
    def latency(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("latency must be >= 0 seconds")
        self._misbehaviour.latency = seconds

    def clear_faults(self) -> None:
        """Disarm every ``fail_next``, ``drop_next_response`` and ``delay_next`` not yet used."""
        self._misbehaviour.faults.clear()
        self._misbehaviour.delays.clear()
        self._misbehaviour.drops = 0

    def reset(self) -> None:
        """Forget everything: records, logs, events, faults, replays and the account counters.

        The stores stay the same objects (they hold references to one another); their
        contents are replaced with a fresh server's. ``latency`` and the API key stay.
        """
        fresh = State.new(self.state.organization_id, self.emit)
        wired = {id(getattr(fresh, f.name)) for f in attrs.fields(State)}
        for field in attrs.fields(State):
            store, new = getattr(self.state, field.name), getattr(fresh, field.name)
            if not attrs.has(type(store)):
                continue
            for part in attrs.fields(type(store)):
                value = getattr(new, part.name)
                if id(value) not in wired and not callable(value):
                    setattr(store, part.name, value)
        for entries in (self.requests, self.exchanges, self.events):
            entries.clear()
        self._replays.clear()
        self.clear_faults()
        self.account.reset()

    # -- events and state changes ---------------------------------------------------------------
    async def emit(self, field: str, event: str | None, payload: Mapping[str, Any]) -> None:
        """Record a webhook event, deliver it to matching webhooks and hand it to listeners."""
        record: dict[str, Any] = {
            "field": field,
            "timestamp": zulu(now()),
            "payload": dict(payload),
            "request_id": request_id(),
        }
        if event is not None:
            record["event"] = event
        self._keep(self.events, record)
        await self._delivery(record)
        for listener in list(self.event_listeners):
            await listener(record)

    async def advance_messages(self) -> int:
        """Move every message one status forward (queued -> sent -> delivered); emits events.

        Returns how many messages changed. Runs on FakeSent's loop.
        """
        return await self.state.messages.advance()

    async def review_templates(self) -> int:
        """Approve every template pending review (emits events); returns how many changed."""
        return await self.state.templates.review()

    # -- the pipeline every request goes through -------------------------------------------
    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(_admin.PREFIX):  # the test harness, not the API: no log
            return await _admin.serve(request, handler)
        recorded = RecordedRequest(
            method=request.method,
            path=request.path,
            query=dict(request.query),
            headers={k.lower(): v for k, v in request.headers.items()},
            body=await request.read(),
        )
        self._keep(self.requests, recorded)
        response = await self.account.admit(
            request, recorded.body, partial(self._respond, request, handler)
        )
        if isinstance(response, web.Response):
            body = response.body if isinstance(response.body, bytes) else b""
            answer = Exchange(
                request=recorded,
                status=response.status,
                body=body,
                content_type=response.content_type,
            )
            self._keep(self.exchanges, answer)
        if self._misbehaviour.take_drop():
            assert request.transport is not None
            request.transport.abort()  # committed, but the client never hears back
        return response

    def _keep(self, entries: list[Any], entry: Any) -> None:
        """Append ``entry``, dropping the oldest entries beyond ``log_limit``."""
        entries.append(entry)
        excess = len(entries) - self.log_limit if self.log_limit is not None else 0
        if excess > 0:
            del entries[:excess]

    async def _respond(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        delay = self._misbehaviour.delay_for(request)
        if delay > 0:
            await asyncio.sleep(delay)
        fault = self._misbehaviour.fault_for(request)
        if fault is not None:
            return fault.response()
        try:
            self._authenticate(request)
            key = request.headers.get("idempotency-key")
            if key is None or request.method == "GET":
                return await self._handle(request, handler)
            return await self._idempotent(request, handler, key)
        except ApiFailure as failure:
            return error_response(failure)
        except web.HTTPException as exc:  # no such route or method: answer like the API would
            code = "RESOURCE_404" if exc.status == 404 else "VALIDATION_001"
            return error_response(ApiFailure(exc.status, code, exc.reason))
        except Exception:  # a FakeSent bug: answer like Sent would, and say so in the log
            log.exception("FakeSent failed on %s %s", request.method, request.path)
            return error_response(ApiFailure(500, "INTERNAL_001", "FakeSent internal error"))

    async def _handle(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except ApiFailure as failure:
            return error_response(failure)

    async def _idempotent(
        self, request: web.Request, handler: Handler, key: str
    ) -> web.StreamResponse:
        """Sent caches the answer to a keyed mutation for 24 h and replays it for the same key."""
        scope = f"{request.headers.get('x-profile-id', '')}:{key}"
        if scope in self._replays:
            status, body = self._replays[scope]
            replay = web.Response(body=body, status=status, content_type="application/json")
            replay.headers["Idempotent-Replayed"] = "true"
            return replay
        if scope in self._in_flight:
            raise ApiFailure(
                409, "CONFLICT_001", "A request with this idempotency key is in progress"
            )
        self._in_flight.add(scope)
        try:
            response = await self._handle(request, handler)
        finally:
            self._in_flight.discard(scope)
        if isinstance(response, web.Response) and response.status < 500:  # replay the outcome
            body = response.body if isinstance(response.body, bytes) else b""
            self._replays[scope] = (response.status, body)
        return response

    def _authenticate(self, request: web.Request) -> None:
        given = request.headers.get("x-api-key")
        if not given:
            raise ApiFailure(401, "AUTH_001", "User is not authenticated")
        if not secrets.compare_digest(given.encode(), self.api_key.encode()):
            raise ApiFailure(401, "AUTH_002", "Invalid or missing API key")
        scoped = request.headers.get("x-profile-id")
        if scoped is not None:
            try:
                uuid.UUID(scoped)
            except ValueError:
                raise ApiFailure(
                    400, "VALIDATION_003", "x-profile-id is not a valid UUID"
                ) from None
            if not self.state.is_profile(scoped):
                raise ApiFailure(404, "RESOURCE_014", "Profile not found")
