# Generated from sent_async/__init__.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.

"""sent_sync: the synchronous facade of sent_async (same models, same errors)."""

from typing import TYPE_CHECKING, Any

from sent_async import (
    UNSET,
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RateLimiterUnavailableError,
    RetryPolicy,
    SentError,
    SentValidationError,
    Timeout,
    TLSVerificationError,
    UnprocessableEntityError,
    Unset,
    WebhookVerificationError,
    __version__,
)
from sent_sync._client import Sent

if TYPE_CHECKING:
    from sent_async import (
        BulkError,
        BulkFailure,
        BulkReport,
        BulkResult,
        FileCheckpoint,
        OutagePolicy,
        ProgressSnapshot,
        RateLimit,
        RawResponse,
        models,
    )
    from sent_sync import webhooks

LAZY_NAMES = [
    "BulkError",
    "BulkFailure",
    "BulkReport",
    "BulkResult",
    "FileCheckpoint",
    "OutagePolicy",
    "ProgressSnapshot",
    "RateLimit",
    "RawResponse",
]


def __getattr__(name: str) -> Any:
    """Lazy names and subpackages load on first use, as in sent_async (import time)."""
    lazy = {"models": "sent_async.models", "webhooks": "sent_sync.webhooks"}
    if name in lazy:
        import importlib

        return importlib.import_module(lazy[name])
    if name in LAZY_NAMES:
        import sent_async

        return getattr(sent_async, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BulkError",
    "BulkFailure",
    "BulkReport",
    "BulkResult",
    "ClientClosedError",
    "ConflictError",
    "FileCheckpoint",
    "InternalServerError",
    "NotFoundError",
    "OutagePolicy",
    "PermissionDeniedError",
    "ProgressSnapshot",
    "RateLimit",
    "RateLimitError",
    "RateLimiterUnavailableError",
    "RawResponse",
    "RetryPolicy",
    "Sent",
    "SentError",
    "SentValidationError",
    "TLSVerificationError",
    "Timeout",
    "UNSET",
    "UnprocessableEntityError",
    "Unset",
    "WebhookVerificationError",
    "__version__",
    "models",
    "webhooks",
]
