"""sent_async: the async-first Python SDK for the Sent v3 messaging API.

async with AsyncSent() as sent:          # SENT_DM_API_KEY from the environment
    profile = await sent.profiles.get(profile_id)
"""

from typing import TYPE_CHECKING, Any

from ._client import AsyncSent
from ._errors import (
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
    SentError,
    SentValidationError,
    TLSVerificationError,
    UnprocessableEntityError,
    WebhookVerificationError,
)
from ._options import Timeout
from ._transport.retry import RetryPolicy
from ._types import UNSET, Unset
from ._version import __version__

if TYPE_CHECKING:
    from . import models, webhooks
    from ._bulk.checkpoint import FileCheckpoint
    from ._bulk.outage import OutagePolicy
    from ._bulk.pacer import RateLimit
    from ._bulk.report import BulkError, BulkFailure, BulkReport, BulkResult, ProgressSnapshot
    from ._response import RawResponse

LAZY = {
    "models": ".models",
    "webhooks": ".webhooks",
    "FileCheckpoint": "._bulk.checkpoint",
    "OutagePolicy": "._bulk.outage",
    "RateLimit": "._bulk.pacer",
    "BulkError": "._bulk.report",
    "BulkFailure": "._bulk.report",
    "BulkReport": "._bulk.report",
    "BulkResult": "._bulk.report",
    "ProgressSnapshot": "._bulk.report",
    "RawResponse": "._response",
}
"""Names loaded on first use: the model catalogue, bulk jobs and raw responses cost import time
that a service sending one OTP never needs (``import sent_sync`` is measured in ``make bench``)."""


def __getattr__(name: str) -> Any:
    module = LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    loaded = importlib.import_module(module, __name__)
    return loaded if module == f".{name}" else getattr(loaded, name)


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncSent",
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
