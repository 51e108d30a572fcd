"""Client options: immutable, so views (for_profile, with_options) share nothing mutable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeAlias

import attrs

from ._errors import SentValidationError
from ._transport.retry import RetryPolicy
from ._validate import redact_url

if TYPE_CHECKING:  # names for annotations: loading them costs import time (tests/test_import.py)
    import ssl

    import aiohttp

    from ._transport.pace import ClientRateLimit

# A string alias, so that neither `import sent_async` nor the generated sync facade imports
# aiohttp just to name the type.
TraceConfigs: TypeAlias = "Sequence[aiohttp.TraceConfig]"

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


def _show_proxy(value: str | None) -> str:
    return repr(None if value is None else redact_url(value))


def _show_ssl(value: ssl.SSLContext | None) -> str:
    return "None" if value is None else "<SSLContext>"


def _show_count(value: tuple[object, ...]) -> str:
    return f"<{len(value)}>"


def _show_names(value: tuple[tuple[str, str], ...]) -> str:
    """Header names only: a value may be a gateway token."""
    return repr([name for name, _ in value])


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
    # Network settings belong to the one aiohttp session a client and its views share, so
    # they are fixed when the client is built (docs/configuration.md, "Networks").
    proxy: str | None = attrs.field(default=None, repr=_show_proxy)
    trust_env: bool = False
    ssl: ssl.SSLContext | None = attrs.field(default=None, repr=_show_ssl)
    trace_configs: tuple[aiohttp.TraceConfig, ...] = attrs.field(default=(), repr=_show_count)
    default_headers: tuple[tuple[str, str], ...] = attrs.field(default=(), repr=_show_names)
    allow_insecure_http: bool = False
    # Paces every call of the client and its views, per Sent tier (sent_async/_transport/pace.py).
    rate_limit: ClientRateLimit | None = None
