"""FakeSent: an in-memory Sent v3 server on aiohttp.web, bound to 127.0.0.1.

It answers in Sent's envelopes and error codes, checks ``x-api-key``, honours ``x-profile-id``
and replays stored answers for a repeated ``Idempotency-Key``, so code written against it
behaves the same against the real API. It also records every request (``server.requests``)
and can be told to misbehave (``fail_next``, ``drop_next_response``) to exercise retries.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import logging
import secrets
import uuid
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, TypeVar

import attrs
import cattrs
from aiohttp import web

from .. import _converter
from .._client import AsyncSent
from .._loop_thread import LoopThread
from .._redact import redact
from .._validate import problems_of

log = logging.getLogger("sent.testing")
T = TypeVar("T")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
DEFAULT_API_KEY = "sk_test_fakesent"


class ApiFailure(Exception):
    """Raised by handlers to answer with an error envelope."""

    def __init__(
        self, status: int, code: str, message: str, details: Mapping[str, list[str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def not_found(code: str, what: str) -> ApiFailure:
    return ApiFailure(404, code, f"{what} not found")


def invalid(message: str, field: str | None = None, code: str = "VALIDATION_001") -> ApiFailure:
    return ApiFailure(400, code, message, {field: [message]} if field else None)


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


@attrs.define(kw_only=True)
class Fault:
    """A canned failure for the next matching requests."""

    status: int
    code: str
    message: str
    times: int
    method: str | None
    path: str | None
    headers: Mapping[str, str]
    raw_body: bytes | None

    def matches(self, request: web.Request) -> bool:
        return (self.method is None or self.method == request.method) and (
            self.path is None or self.path == request.path
        )


class FakeSent:
    """An in-memory Sent API for tests: ``async with FakeSent() as server`` or ``with``.

    ``server.client()`` gives an ``AsyncSent`` pointed at it. Faults are opt-in per test.
    """

    def __init__(self, *, api_key: str = DEFAULT_API_KEY, port: int = 0) -> None:
        self.api_key = api_key
        self.organization_id = str(uuid.uuid4())
        self.requests: list[RecordedRequest] = []
        self.exchanges: list[Exchange] = []
        """Each request with the answer FakeSent gave (for contract checks of both sides)."""
        self.state: dict[str, dict[str, Any]] = {}
        self._port = port
        self._runner: web.AppRunner | None = None
        self._thread: LoopThread | None = None
        self._faults: list[Fault] = []
        self._drops = 0
        self._replays: dict[str, tuple[int, bytes]] = {}
        self._in_flight: set[str] = set()
        self.events: list[dict[str, Any]] = []
        """Every webhook event FakeSent emitted, in order (delivered or not)."""
        self.event_listeners: list[Callable[[dict[str, Any]], Awaitable[None]]] = []
        self.hooks: dict[str, Callable[[], Awaitable[int]]] = {}
        self.base_url = ""
        from . import _routes  # the route table imports this module's helpers

        self._app = web.Application(middlewares=[self._middleware], client_max_size=8 * 2**20)
        _routes.install(self._app, self)

    def __repr__(self) -> str:
        return f"FakeSent(base_url={self.base_url!r})"

    # -- life-cycle --------------------------------------------------------------------------
    async def start(self) -> FakeSent:
        """Listen on 127.0.0.1 (a free port unless one was given)."""
        self._runner = web.AppRunner(
            self._app, access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self._port)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.base_events.Server)
        port = server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
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
        self._faults.append(
            Fault(
                status=status,
                code=code,
                message=message,
                times=times,
                method=method,
                path=path,
                headers=dict(headers or {}),
                raw_body=raw_body,
            )
        )

    def drop_next_response(self, times: int = 1) -> None:
        """Handle the next requests fully (commit!), then cut the connection before answering."""
        self._drops += times

    # -- events --------------------------------------------------------------------------------
    async def emit(self, field: str, event: str | None, payload: Mapping[str, Any]) -> None:
        """Record a webhook event and hand it to every listener (webhook delivery)."""
        record: dict[str, Any] = {
            "field": field,
            "timestamp": datetime.datetime.now(datetime.timezone.utc).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            ),
            "payload": dict(payload),
            "request_id": "req_" + secrets.token_hex(6),
        }
        if event is not None:
            record["event"] = event
        self.events.append(record)
        for listener in list(self.event_listeners):
            await listener(record)

    async def advance_messages(self) -> int:
        """Move every message one status forward (queued -> sent -> delivered); emits events.

        Returns how many messages changed. Runs on FakeSent's loop.
        """
        hook = self.hooks.get("advance_messages")
        return await hook() if hook else 0

    # -- the envelope --------------------------------------------------------------------------
    @staticmethod
    def meta() -> dict[str, Any]:
        """A fresh envelope ``meta`` block (request id, timestamp, version)."""
        return {
            "request_id": "req_" + secrets.token_hex(6),
            "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "version": "v3",
        }

    def envelope(self, data: Any, status: int = 200) -> web.Response:
        """A success envelope; attrs models are written with their wire names."""
        payload = {
            "success": True,
            "data": _converter.wire.unstructure(data),
            "error": None,
            "meta": self.meta(),
        }
        return self._json(payload, status)

    def error(self, failure: ApiFailure, headers: Mapping[str, str] | None = None) -> web.Response:
        """An error envelope with Sent's shape: code, message, details and doc_url."""
        payload = {
            "success": False,
            "data": None,
            "error": {
                "code": failure.code,
                "message": failure.message,
                "details": failure.details,
                "doc_url": f"https://docs.sent.dm/errors/{failure.code}",
            },
            "meta": self.meta(),
        }
        response = self._json(payload, failure.status)
        response.headers.update(headers or {})
        return response

    @staticmethod
    def _json(payload: Any, status: int) -> web.Response:
        response = web.Response(
            body=json.dumps(payload).encode(), status=status, content_type="application/json"
        )
        response.headers["x-request-id"] = payload["meta"]["request_id"]
        return response

    # -- the pipeline every request goes through -------------------------------------------
    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        raw = await request.read()
        recorded = RecordedRequest(
            method=request.method,
            path=request.path,
            query=dict(request.query),
            headers={k.lower(): v for k, v in request.headers.items()},
            body=raw,
        )
        self.requests.append(recorded)
        response = await self._respond(request, handler)
        if isinstance(response, web.Response):
            body = response.body if isinstance(response.body, bytes) else b""
            self.exchanges.append(
                Exchange(
                    request=recorded,
                    status=response.status,
                    body=body,
                    content_type=response.content_type,
                )
            )
        if self._drops > 0:
            self._drops -= 1
            assert request.transport is not None
            request.transport.abort()  # committed, but the client never hears back
        return response

    async def _respond(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        for fault in self._faults:
            if fault.times > 0 and fault.matches(request):
                fault.times -= 1
                if fault.raw_body is not None:
                    return web.Response(
                        body=fault.raw_body,
                        status=fault.status,
                        headers=fault.headers,
                        content_type="text/html",
                    )
                return self.error(
                    ApiFailure(fault.status, fault.code, fault.message), fault.headers
                )
        response: web.StreamResponse
        try:
            self._authenticate(request)
            key = request.headers.get("idempotency-key")
            if key is None or request.method == "GET":
                response = await self._handle(request, handler)
            else:
                response = await self._idempotent(request, handler, key)
        except ApiFailure as failure:
            response = self.error(failure)
        except web.HTTPException as exc:  # no such route or method: answer like the API would
            response = self.error(
                ApiFailure(
                    exc.status,
                    "RESOURCE_404" if exc.status == 404 else "VALIDATION_001",
                    exc.reason,
                )
            )
        except Exception:  # a FakeSent bug: answer like Sent would, and say so in the log
            log.exception("FakeSent failed on %s %s", request.method, request.path)
            response = self.error(ApiFailure(500, "INTERNAL_001", "FakeSent internal error"))
        return response

    async def _handle(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except ApiFailure as failure:
            return self.error(failure)

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
            if scoped not in self.state.setdefault("profiles", {}):
                raise ApiFailure(404, "RESOURCE_014", "Profile not found")

    async def read_json(self, request: web.Request) -> dict[str, Any]:
        """The request's JSON object body ({} when empty); 400 VALIDATION_001 otherwise."""
        raw = await request.read()
        if not raw:
            return {}
        try:
            doc = json.loads(raw)
        except ValueError:
            raise invalid("The request body is not valid JSON") from None
        if not isinstance(doc, dict):
            raise invalid("The request body must be a JSON object")
        return doc

    def structure(self, doc: Mapping[str, Any], model: type[Any]) -> Any:
        """Parse a request body into its input model, answering 400 like Sent on bad fields."""
        try:
            return _converter.wire.structure(doc, model)
        except Exception as exc:  # cattrs raises several kinds; all mean "bad request"
            paths = problems_of(exc) if isinstance(exc, cattrs.BaseValidationError) else []
            raise invalid("; ".join(paths) or "The request body is invalid") from None
