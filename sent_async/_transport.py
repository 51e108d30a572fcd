"""The one place that talks HTTP: session life-cycle, headers, idempotency, timeouts, retries.

A ``Core`` belongs to one root client and is shared by its views (``for_profile``,
``with_options``): one aiohttp session, one pool of connection slots, one retry budget and one
rate-limit gate. A ``Transport`` is a core plus the options of one view; resources hold one.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import os
import platform
import random
import uuid
from collections.abc import Mapping
from typing import Any, TypeVar, overload

import aiohttp
import anyio
import attrs

from . import _converter, _envelope, _validate
from ._errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    ClientClosedError,
    Outcome,
    RateLimitError,
)
from ._options import ClientOptions
from ._response import RawResponse
from ._retry import IDEMPOTENT_METHODS, Phase, RetryBudget, decide
from ._types import UNSET
from ._version import __version__

T = TypeVar("T")
log = logging.getLogger("sent")

USER_AGENT = (
    f"sent-sdk/{__version__} python/{platform.python_version()} aiohttp/{aiohttp.__version__}"
)
_raw_capture: contextvars.ContextVar[list[RawResponse[Any]] | None] = contextvars.ContextVar(
    "sent_raw_capture", default=None
)


class _AttemptFailed(Exception):
    """Internal: one attempt produced no HTTP response."""

    def __init__(self, phase: Phase, timeout: bool, detail: str) -> None:
        super().__init__(detail)
        self.phase = phase
        self.timeout = timeout
        self.detail = detail


class _TooLarge(Exception):
    pass


def _classify(exc: BaseException) -> _AttemptFailed:
    """Map an aiohttp/asyncio exception to the retry phase it belongs to (RELIABILITY §3.1)."""
    name = type(exc).__name__
    if isinstance(
        exc,
        aiohttp.ClientConnectorCertificateError
        | aiohttp.ClientSSLError
        | aiohttp.ServerFingerprintMismatch,
    ):
        return _AttemptFailed("local", False, f"TLS verification failed ({name})")
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return _AttemptFailed("pre_send", True, "timed out connecting")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return _AttemptFailed("pre_send", False, "DNS lookup failed")
    if isinstance(exc, aiohttp.ClientConnectorError):
        return _AttemptFailed("pre_send", False, f"could not connect ({exc.os_error.strerror})")
    if isinstance(exc, aiohttp.SocketTimeoutError | asyncio.TimeoutError | TimeoutError):
        return _AttemptFailed("post_send", True, "timed out waiting for the response")
    if isinstance(exc, aiohttp.InvalidURL | ValueError):
        return _AttemptFailed("local", False, f"invalid request ({name})")
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return _AttemptFailed("post_send", False, "the server closed the connection")
    if isinstance(exc, aiohttp.ClientPayloadError):
        return _AttemptFailed("post_send", False, "the response body was cut short")
    return _AttemptFailed("post_send", False, f"connection error ({name})")


class Core:
    """Session, connection slots, retry budget and 429 gate shared by a client and its views."""

    def __init__(self, api_key: str, options: ClientOptions) -> None:
        self._headers = {
            "x-api-key": api_key,
            "user-agent": USER_AGENT,
            "accept": "application/json",
        }
        self._max_connections = options.max_connections
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._limiter: anyio.CapacityLimiter | None = None
        self._pid = os.getpid()
        self._closed = False
        self.budget = RetryBudget(options.retry.budget)
        self.gate_until = 0.0

    def __repr__(self) -> str:
        state = "closed" if self._closed else ("open" if self._session else "idle")
        return f"<Core {state}>"

    def _ensure_session(self) -> tuple[aiohttp.ClientSession, anyio.CapacityLimiter]:
        if self._closed:
            raise ClientClosedError("this client is closed; create a new one")
        loop = asyncio.get_running_loop()
        if self._pid != os.getpid():
            # Forked: the parent's sockets are not ours to use or close. Start afresh.
            self._session, self._loop, self._pid = None, None, os.getpid()
        if self._session is not None and self._limiter is not None:
            if self._loop is not loop:
                raise ClientClosedError(
                    "this AsyncSent is bound to the event loop that first used it; "
                    "create one client per event loop (or use sent_sync.Sent from threads)"
                )
            return self._session, self._limiter
        connector = aiohttp.TCPConnector(
            limit=self._max_connections,
            limit_per_host=self._max_connections,
            ttl_dns_cache=300,
            enable_cleanup_closed=False,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            headers=self._headers,
            cookie_jar=aiohttp.DummyCookieJar(),
            auto_decompress=True,
            trust_env=False,
        )
        self._limiter = anyio.CapacityLimiter(self._max_connections)
        self._loop = loop
        return self._session, self._limiter

    async def aclose(self) -> None:
        """Close the session (idempotent). Views share the core, so this closes them too."""
        self._closed = True
        session, self._session = self._session, None
        if session is not None and self._pid == os.getpid():
            await session.close()

    @property
    def closed(self) -> bool:
        return self._closed


@attrs.frozen
class Transport:
    """A core plus one view's options; resources call ``request`` and nothing else."""

    core: Core
    options: ClientOptions

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        into: type[T],
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> T: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        into: None = None,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> None: ...

    async def request(
        self,
        method: str,
        path: str,
        *,
        into: Any = None,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """Send one logical call (with retries) and return its unwrapped, structured data."""
        opts = self.options
        key = None
        if method not in ("GET", "HEAD"):
            if idempotency_key is not None:
                key = _validate.idempotency_key(idempotency_key)
            elif opts.auto_idempotency_keys:
                key = str(uuid.uuid4())
        headers: dict[str, str] = {}
        if opts.profile_id is not None:
            headers["x-profile-id"] = opts.profile_id
        if key is not None:
            headers["idempotency-key"] = key
        payload = None
        if body is not None:
            # Serialised once: every retry sends these exact bytes with the same key.
            payload = json.dumps(_converter.wire.unstructure(body), separators=(",", ":")).encode()
            headers["content-type"] = "application/json"
        params = _query(query) if query else None
        replay_safe = method in IDEMPOTENT_METHODS or key is not None
        context: dict[str, Any] = {"method": method, "path": path, "idempotency_key": key}
        url = opts.base_url + path

        policy, timeout = opts.retry, opts.timeout
        deadline = anyio.current_time() + timeout.deadline
        core, spent, attempt = self.core, 0, 0
        session, limiter = core._ensure_session()
        while True:
            attempt += 1
            context["attempts"] = attempt
            remaining = deadline - anyio.current_time()
            status, resp_headers, error = None, None, None
            try:
                await self._wait_gate(remaining, context)
                status, resp_headers, raw = await self._attempt(
                    session,
                    limiter,
                    method,
                    url,
                    payload,
                    headers,
                    params,
                    attempt,
                    deadline - anyio.current_time(),
                )
            except _AttemptFailed as failed:
                phase, timed_out = failed.phase, failed.timeout
                error = _connection_error(failed, context)
            except _TooLarge:
                raise APIResponseValidationError(
                    f"the response is larger than max_response_bytes ({opts.max_response_bytes})",
                    status_code=0,
                    **context,
                ) from None
            else:
                doc = _envelope.decode(raw)
                if 200 <= status < 300 and not (
                    isinstance(doc, dict) and doc.get("success") is False
                ):
                    core.budget.succeeded(spent)
                    data = (
                        _envelope.data_of(doc, into, status=status, context=context)
                        if (status != 204 and raw)
                        else None
                    )
                    sink = _raw_capture.get()
                    if sink is not None:
                        meta = _envelope.meta_of(doc)
                        sink.append(
                            RawResponse(
                                data=data,
                                meta=meta,
                                status_code=status,
                                headers=resp_headers,
                                idempotency_key=key,
                            )
                        )
                    return data
                error = _envelope.status_error(status, resp_headers, raw, doc, context)
                phase, timed_out = "post_send", False
                if status == 429 and error.retry_after:
                    core.gate_until = max(core.gate_until, anyio.current_time() + error.retry_after)
            decision = decide(
                policy,
                retry_number=attempt,
                replay_safe=replay_safe,
                phase=phase,
                status=status,
                code=getattr(error, "code", None),
                headers=resp_headers,
                remaining=deadline - anyio.current_time(),
            )
            cost = core.budget.spend(timed_out) if decision.retry else 0
            if not decision.retry or not cost:
                if decision.retry_after is not None and isinstance(error, RateLimitError):
                    error.retry_after = decision.retry_after
                log.debug(
                    "giving up on %s %s after %d attempt(s): %s",
                    method,
                    path,
                    attempt,
                    decision.reason if decision.retry else "retry budget exhausted",
                )
                raise error
            spent += cost
            log.info(
                "retrying %s %s (attempt %d, %s) in %.2fs, idempotency_key=%s, request_id=%s",
                method,
                path,
                attempt + 1,
                decision.reason,
                decision.delay,
                key,
                getattr(error, "request_id", None),
            )
            await anyio.sleep(decision.delay)

    async def _wait_gate(self, remaining: float, context: dict[str, Any]) -> None:
        """After a 429, new attempts of the whole client wait until Retry-After has passed."""
        wait = self.core.gate_until - anyio.current_time()
        if wait <= 0:
            return
        if wait + self.options.retry.min_attempt_time > remaining:
            raise RateLimitError(
                "rate limited: the client is paused longer than this call's deadline allows",
                status_code=429,
                retry_after=wait,
                **context,
            )
        await anyio.sleep(wait + random.uniform(0, min(1.0, 0.1 * wait)))

    async def _attempt(
        self,
        session: aiohttp.ClientSession,
        limiter: anyio.CapacityLimiter,
        method: str,
        url: str,
        payload: bytes | None,
        headers: dict[str, str],
        params: dict[str, str] | None,
        attempt: int,
        remaining: float,
    ) -> tuple[int, Mapping[str, str], bytes]:
        timeout = self.options.timeout
        async with limiter:  # the attempt clock starts once we hold a connection slot
            client_timeout = aiohttp.ClientTimeout(
                total=max(0.001, min(timeout.attempt, remaining)),
                sock_connect=timeout.connect,
                sock_read=timeout.read,
            )
            if attempt > 1:
                headers = {**headers, "x-sent-retry-count": str(attempt - 1)}
            log.debug("%s %s attempt %d", method, url, attempt)
            try:
                async with session.request(
                    method,
                    url,
                    data=payload,
                    headers=headers,
                    params=params,
                    allow_redirects=False,
                    timeout=client_timeout,
                ) as resp:
                    body = await _read(resp, self.options.max_response_bytes)
                    log.debug("%s %s -> %d", method, url, resp.status)
                    return resp.status, resp.headers, body
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
                raise _classify(exc) from None


async def _read(resp: aiohttp.ClientResponse, cap: int) -> bytes:
    length = resp.content_length
    if length is not None and length > cap:
        resp.close()
        raise _TooLarge
    if length is not None:
        return await resp.read()
    chunks, size = [], 0
    async for chunk in resp.content.iter_any():
        size += len(chunk)
        if size > cap:
            resp.close()
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _connection_error(failed: _AttemptFailed, context: dict[str, Any]) -> APIError:
    outcome: Outcome = "not_sent" if failed.phase == "pre_send" else "unknown"
    hint = ""
    if outcome == "unknown" and context.get("idempotency_key"):
        hint = "; the server may have applied it: retry with the same idempotency_key"
    cls = APITimeoutError if failed.timeout else APIConnectionError
    return cls(failed.detail + hint, outcome=outcome, **context)


def _query(query: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    for name, value in query.items():
        if value is None or value is UNSET:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        out[name] = str(value.value if hasattr(value, "value") else value)
    return out


async def capture_raw(call: Any) -> RawResponse[Any]:
    """Run ``call`` (a coroutine of one SDK method) and return its RawResponse."""
    sink: list[RawResponse[Any]] = []
    token = _raw_capture.set(sink)
    try:
        await call
    finally:
        _raw_capture.reset(token)
    return sink[-1]
