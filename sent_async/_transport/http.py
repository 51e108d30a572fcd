"""One HTTP exchange with aiohttp, and what its failures mean (docs/reliability.md §1).

``exchange`` sends one attempt and reads the whole body under the size cap; every aiohttp,
socket or timeout failure leaves it as an ``AttemptFailed`` saying whether the request can
have reached the server (``phase``), so the retry loop knows whether a replay is safe.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping
from typing import Any

import aiohttp

from .._errors import (
    APIConnectionError,
    APITimeoutError,
    Outcome,
    SentError,
    SentValidationError,
    TLSVerificationError,
)
from .._options import ClientOptions, Timeout
from .retry import Phase


class AttemptFailed(Exception):
    """Internal: one attempt produced no HTTP response."""

    def __init__(self, phase: Phase, timeout: bool, detail: str, tls: bool = False) -> None:
        super().__init__(detail)
        self.phase = phase
        self.timeout = timeout
        self.detail = detail
        self.tls = tls


class TooLarge(Exception):
    """Internal: the body passed ``max_response_bytes``; the connection was closed."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Answer:
    """An HTTP response, read in full (a plain class: one is made per attempt)."""

    __slots__ = ("body", "headers", "status")

    def __init__(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def __repr__(self) -> str:
        return f"<Answer {self.status}, {len(self.body)} bytes>"


_TLS_ERRORS = (
    aiohttp.ClientConnectorCertificateError,
    aiohttp.ClientSSLError,
    aiohttp.ServerFingerprintMismatch,
    ssl.SSLCertVerificationError,
)


def classify(exc: BaseException) -> AttemptFailed:
    """Map an aiohttp/asyncio/socket exception to the retry phase it belongs to."""
    name = type(exc).__name__
    if isinstance(exc, _TLS_ERRORS):
        # Checked first: aiohttp's TLS errors are also ClientConnectorErrors. Never retried.
        return AttemptFailed("local", False, f"TLS verification failed ({name})", tls=True)
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return AttemptFailed("pre_send", True, "timed out connecting")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return AttemptFailed("pre_send", False, "DNS lookup failed")
    if isinstance(exc, aiohttp.ClientProxyConnectionError):
        reason = exc.os_error.strerror or type(exc.os_error).__name__
        return AttemptFailed("pre_send", False, f"could not connect to the proxy ({reason})")
    if isinstance(exc, aiohttp.ClientHttpProxyError):  # the proxy refused the CONNECT tunnel
        return AttemptFailed("pre_send", False, f"the proxy refused the tunnel (HTTP {exc.status})")
    if isinstance(exc, aiohttp.ClientConnectorError):
        reason = exc.os_error.strerror or type(exc.os_error).__name__
        return AttemptFailed("pre_send", False, f"could not connect ({reason})")
    if isinstance(exc, aiohttp.SocketTimeoutError):
        return AttemptFailed("post_send", True, "timed out reading the response (read timeout)")
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return AttemptFailed("post_send", True, "timed out waiting for the response")
    if isinstance(exc, aiohttp.InvalidURL | ValueError):
        return AttemptFailed("local", False, f"the request could not be built ({name})")
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return AttemptFailed("post_send", False, "the server closed the connection")
    if isinstance(exc, aiohttp.ClientPayloadError):
        return AttemptFailed("post_send", False, "the response body was cut short")
    if isinstance(exc, aiohttp.ClientResponseError):
        return AttemptFailed("post_send", False, "the response was not valid HTTP")
    return AttemptFailed("post_send", False, f"connection error ({name})")


async def exchange(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    payload: bytes | None,
    headers: dict[str, str],
    params: dict[str, str] | None,
    options: ClientOptions,
    remaining: float,
) -> Answer:
    """One attempt, ``remaining`` seconds before the call's deadline; its clock starts now
    (the caller already holds a connection slot)."""
    timeout = options.timeout
    if remaining >= timeout.attempt:  # the usual case: one ClientTimeout per Timeout, reused
        # Found by identity: hashing the attrs instance would run Python code on every call.
        cached = _FULL_ATTEMPT.get(id(timeout))
        if cached is not None and cached[0] is timeout:
            client_timeout = cached[1]
        else:
            if len(_FULL_ATTEMPT) >= 64:  # a few Timeouts per program; never grows unbounded
                _FULL_ATTEMPT.clear()
            client_timeout = _client_timeout(timeout, timeout.attempt)
            _FULL_ATTEMPT[id(timeout)] = (timeout, client_timeout)  # keeps id(timeout) unique
    else:
        client_timeout = _client_timeout(timeout, max(0.001, remaining))
    try:
        async with session.request(
            method,
            url,
            data=payload,
            headers=headers,
            params=params,
            allow_redirects=False,  # a redirect would carry x-api-key to another host
            timeout=client_timeout,
        ) as resp:
            length, cap = resp.content_length, options.max_response_bytes
            if length is not None and length <= cap and "content-encoding" not in resp.headers:
                body = await resp.read()  # the usual answer: exactly ``length`` bytes (_read)
            else:
                body = await _read(resp, cap)
            return Answer(resp.status, resp.headers, body)
    except (
        aiohttp.ClientError,
        OSError,
        asyncio.TimeoutError,
        ValueError,
    ) as exc:  # 3.10: asyncio.TimeoutError is not OSError
        failed = classify(exc)
        if failed.timeout and remaining < timeout.attempt:
            failed.detail += f" (the call's deadline of {timeout.deadline:g}s ran out)"
        raise failed from None
    except RuntimeError:
        if session.closed:  # aclose() ran while this call was in flight
            raise AttemptFailed("local", False, "the client was closed") from None
        raise


_FULL_ATTEMPT: dict[int, tuple[Timeout, aiohttp.ClientTimeout]] = {}


def _client_timeout(timeout: Timeout, total: float) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(
        total=total,
        sock_connect=timeout.connect,
        # The idle-read timer is re-armed on every chunk; skip it when ``total`` fires first.
        sock_read=timeout.read if timeout.read < total else None,
    )


async def _read(resp: aiohttp.ClientResponse, cap: int) -> bytes:
    """The whole body, counted after decompression, so neither a huge nor a gzip-bomb body
    can exhaust memory. Past the cap the connection is closed, not returned to the pool."""
    length = resp.content_length
    if length is not None and length > cap:
        resp.close()
        raise TooLarge(resp.status)
    if length is not None and "content-encoding" not in resp.headers:
        return await resp.read()  # exactly ``length`` bytes: nothing can inflate them
    chunks: list[bytes] = []
    size = 0
    async for chunk in resp.content.iter_any():
        size += len(chunk)
        if size > cap:
            resp.close()
            raise TooLarge(resp.status)
        chunks.append(chunk)
    return b"".join(chunks)


def connection_error(failed: AttemptFailed, context: dict[str, Any]) -> SentError:
    """The public error for an attempt that got no response."""
    if failed.tls:
        return TLSVerificationError(
            failed.detail + "; check the certificate of base_url (never retried)",
            outcome="not_sent",
            **context,
        )
    if failed.phase == "local":
        return SentValidationError(failed.detail)
    outcome: Outcome = "not_sent" if failed.phase == "pre_send" else "unknown"
    hint = ""
    if outcome == "unknown" and context.get("idempotency_key"):
        hint = "; the server may have applied it: retry with the same idempotency_key"
    cls = APITimeoutError if failed.timeout else APIConnectionError
    return cls(failed.detail + hint, outcome=outcome, **context)
