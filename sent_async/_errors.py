"""The error tree. Names follow the official ``sentdm`` SDK so ``except`` clauses migrate as is.

    SentError
    ├── SentValidationError (also ValueError)   bad input, raised before anything is sent
    ├── ClientClosedError (also RuntimeError)   use after aclose()/close(), or from another loop
    ├── WebhookVerificationError                a webhook failed signature checks
    ├── RateLimiterUnavailableError             a shared rate limiter (Redis) could not be reached
    └── APIError                                anything that involved the server
        ├── APIStatusError                      the server answered with an error
        │   ├── BadRequestError            400
        │   ├── AuthenticationError        401
        │   ├── PermissionDeniedError      403
        │   ├── NotFoundError              404
        │   ├── ConflictError              409
        │   ├── UnprocessableEntityError   422
        │   ├── RateLimitError             429
        │   └── InternalServerError        >= 500
        ├── APIConnectionError                  no usable answer (network, truncated body)
        │   ├── APITimeoutError                 connect, read, slot wait or deadline ran out
        │   └── TLSVerificationError            certificate/TLS failure (never retried)
        └── APIResponseValidationError          a 2xx whose body is not the documented shape

Every APIError says which call failed (method, path), how many attempts were made
(``attempts``; 0 when the call never got to send) and the Idempotency-Key used, so a caller can
retry with the same key safely. Status errors carry ``retry_after`` (seconds) when the server
gave one; connection errors carry ``outcome`` ("not_sent" or "unknown"). Messages never contain
request headers or bodies.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

Outcome = Literal["not_sent", "unknown"]


class SentError(Exception):
    """Base class of every error this SDK raises on purpose."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors: pickle (multiprocessing, job queues) rebuilds from state.
        return (_rebuild, (type(self), self.args), self.__dict__)


def _rebuild(cls: type[SentError], args: tuple[Any, ...]) -> SentError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    return error


class Headers(Mapping[str, str]):
    """Response headers of a failed call: read-only, case-insensitive, picklable.

    ``exc.headers["Retry-After"]`` and ``exc.headers.get("retry-after")`` find the same
    header, as with ``RawResponse.headers``; a repeated header keeps its first value.
    Secret-named values are already masked when the SDK builds one.
    """

    __slots__ = ("_index", "_items")

    def __init__(self, items: Iterable[tuple[str, str]] | Mapping[str, str] = ()) -> None:
        pairs = list(items.items() if isinstance(items, Mapping) else items)
        index: dict[str, str] = {}
        for name, value in reversed(pairs):
            index[name.lower()] = value
        self._items = pairs
        self._index = index

    def __getitem__(self, name: str) -> str:
        return self._index[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._index

    def __iter__(self) -> Iterator[str]:
        seen = set()
        for name, _ in self._items:
            if name.lower() not in seen:
                seen.add(name.lower())
                yield name

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"Headers({self._items!r})"

    def __getstate__(self) -> list[tuple[str, str]]:
        return self._items

    def __setstate__(self, items: list[tuple[str, str]]) -> None:
        self.__init__(items)  # type: ignore[misc]


class SentValidationError(SentError, ValueError):
    """Input rejected locally, before any request was sent."""


class ClientClosedError(SentError, RuntimeError):
    """The client was closed, or is being used from an event loop it does not belong to."""


class APIError(SentError):
    """An error involving the Sent API; carries what is known about the failed call."""

    message: str
    method: str | None
    path: str | None
    request_id: str | None
    attempts: int
    idempotency_key: str | None

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        path: str | None = None,
        request_id: str | None = None,
        attempts: int = 1,
        idempotency_key: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.path = path
        self.request_id = request_id
        self.attempts = attempts
        self.idempotency_key = idempotency_key

    def _context(self) -> str:
        parts = []
        if self.method and self.path:
            parts.append(f"{self.method} {self.path}")
        if self.request_id:
            parts.append(f"request_id={self.request_id}")
        if self.attempts > 1:
            parts.append(f"attempts={self.attempts}")
        if self.idempotency_key:
            parts.append(f"idempotency_key={self.idempotency_key}")
        return f" ({', '.join(parts)})" if parts else ""

    def __str__(self) -> str:
        return self.message + self._context()


class APIStatusError(APIError):
    """The server answered with an error status (or a 2xx envelope with ``success: false``)."""

    status_code: int
    code: str | None
    details: Mapping[str, Any] | None
    doc_url: str | None
    retry_after: float | None
    headers: Headers
    """Case-insensitive (``exc.headers.get("retry-after")``), secrets masked."""
    body: Any

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
        doc_url: str | None = None,
        retry_after: float | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        **context: Any,
    ) -> None:
        super().__init__(message, **context)
        self.status_code = status_code
        self.code = code
        self.details = details
        self.doc_url = doc_url
        self.retry_after = retry_after
        self.headers = headers if isinstance(headers, Headers) else Headers(headers or {})
        self.body = body

    def __str__(self) -> str:
        head = f"{self.status_code} {self.code}: " if self.code else f"{self.status_code}: "
        return head + self.message + self._context()


class BadRequestError(APIStatusError):
    """400: the request was malformed or failed validation (see ``details``)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, invalid or revoked."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this (role, KYC, or an x-profile-id it does not own)."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist, or is not visible to this key."""


class ConflictError(APIStatusError):
    """409: a duplicate, a concurrent change, or the same Idempotency-Key still in flight."""


class UnprocessableEntityError(APIStatusError):
    """422: well-formed but refused by a business rule (balance, template state, ...)."""


class RateLimitError(APIStatusError):
    """429: slow down; ``retry_after`` says for how long when the server said so."""


class InternalServerError(APIStatusError):
    """5xx: the server failed; retried automatically when that is safe."""


class APIConnectionError(APIError):
    """No usable answer arrived. ``outcome`` says whether the server may have acted on it.

    ``outcome == "unknown"`` means the request may have been applied: retry with the same
    ``idempotency_key`` (kept for 24 h by Sent) rather than with a new one.
    """

    outcome: Outcome

    def __init__(self, message: str, *, outcome: Outcome = "unknown", **context: Any) -> None:
        super().__init__(message, **context)
        self.outcome = outcome


class APITimeoutError(APIConnectionError):
    """The call ran out of time (connect, read, a free connection slot, or the deadline)."""


class TLSVerificationError(APIConnectionError):
    """TLS failed (untrusted or mismatched certificate, fingerprint): nothing was sent.

    Never retried: a certificate problem does not fix itself, and it may be an interception.
    """


class APIResponseValidationError(APIError):
    """A 2xx answer whose body is not the documented envelope or data shape."""

    status_code: int
    body: Any

    def __init__(self, message: str, *, status_code: int, body: Any = None, **context: Any):
        super().__init__(message, **context)
        self.status_code = status_code
        self.body = body


class RateLimiterUnavailableError(SentError):
    """A shared rate limiter or checkpoint store (Redis) stayed unreachable: nothing was sent.

    Calls never fall back to sending unpaced (see docs/distributed.md, "When Redis is down").
    """


class WebhookVerificationError(SentError):
    """A webhook delivery failed verification; ``reason`` is a stable code to branch on."""

    reason: str

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


STATUS_ERRORS: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The error class for an HTTP status (>= 500 is InternalServerError)."""
    if status >= 500:
        return InternalServerError
    return STATUS_ERRORS.get(status, APIStatusError)
