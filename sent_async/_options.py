"""Client options: immutable, so views (for_profile, with_options) share nothing mutable."""

from __future__ import annotations

import attrs

from ._errors import SentValidationError
from ._transport.retry import RetryPolicy

DEFAULT_BASE_URL = "https://api.sent.dm"


@attrs.frozen(kw_only=True, cache_hash=True)
class Timeout:
    """Time limits in seconds. aiohttp's own defaults (300 s total, no read limit) are not used.

    ``attempt`` covers one HTTP exchange and starts once a connection slot is held, never while
    queued; ``deadline`` covers the whole call, retries and back-off sleeps included.
    """

    connect: float = 5.0
    read: float = 30.0
    attempt: float = 30.0
    deadline: float = 120.0

    @classmethod
    def of(cls, value: float | Timeout) -> Timeout:
        """A number sets the per-attempt and read limits; a Timeout is used as is."""
        if isinstance(value, Timeout):
            return value
        if not value > 0:
            raise SentValidationError("timeout must be positive")
        return cls(read=min(30.0, float(value)), attempt=float(value))


@attrs.frozen(kw_only=True)
class ClientOptions:
    """Everything a request needs to know about its client. ``api_key`` is never shown."""

    api_key: str = attrs.field(repr=False)
    base_url: str = DEFAULT_BASE_URL
    profile_id: str | None = None
    timeout: Timeout = Timeout()
    retry: RetryPolicy = RetryPolicy()
    auto_idempotency_keys: bool = True
    max_connections: int = 100
    max_response_bytes: int = 16 * 1024 * 1024
