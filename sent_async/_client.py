"""``AsyncSent``: options, the shared core, one property per API family, and cheap views."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, overload

import attrs

from . import _validate
from ._errors import SentValidationError
from ._options import DEFAULT_BASE_URL, ClientOptions, Timeout, TraceConfigs
from ._transport.retry import RetryPolicy
from ._types import UNSET, Data, Unset

# Imported for annotations only: the core (asyncio), ssl, pacing and the resources load when
# first needed, not at `import sent_sync` (tests/test_import.py lists what import must not load).
if TYPE_CHECKING:
    import ssl as _ssl

    from ._bulk.client import AsyncBulk
    from ._raw import AsyncSentWithRawResponse
    from ._transport.call import Transport
    from ._transport.core import Core
    from ._transport.pace import ClientRateLimit
    from .resources.channels import AsyncChannels
    from .resources.compliance import AsyncCompliance
    from .resources.contacts import AsyncContacts
    from .resources.conversations import AsyncConversations
    from .resources.me import AsyncMe
    from .resources.messages import AsyncMessages
    from .resources.numbers import AsyncNumbers
    from .resources.profiles import AsyncProfiles
    from .resources.sender_profiles import AsyncSenderProfiles
    from .resources.templates import AsyncTemplates
    from .resources.users import AsyncUsers
    from .resources.voice import AsyncVoice
    from .resources.webhooks import AsyncWebhooks


_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})


def _is_ssl_context(value: object) -> bool:
    """``isinstance(value, ssl.SSLContext)``, importing ssl only when a context is given."""
    import ssl

    return isinstance(value, ssl.SSLContext)


def _new_core(api_key: str, options: ClientOptions) -> Core:
    """The core a root client shares with its views, imported here: it loads asyncio."""
    from ._transport.core import Core

    return Core(api_key, options)


def _check_rate_limit(value: object) -> ClientRateLimit | None:
    """The pacing module's check, loaded only when a client is given a ``rate_limit``."""
    from ._transport.pace import check_rate_limit

    return check_rate_limit(value)


class AsyncSent:
    """Async client for the Sent v3 API. Use ``async with AsyncSent() as sent:`` or ``aclose()``.

    The API key comes from ``SENT_DM_API_KEY`` and the base URL from ``SENT_BASE_URL`` when not
    given. ``retry`` (a full RetryPolicy) takes precedence over ``max_retries``. One HTTP
    session with a bounded connection pool is opened on first use and shared by every call and
    every view (``for_profile``, ``with_options``).
    It belongs to the event loop that first used it.

    Network settings (``proxy``, ``trust_env``, ``ssl``, ``trace_configs``, ``default_headers``,
    ``allow_insecure_http``) are fixed here: docs/configuration.md, "Networks".
    ``rate_limit`` (a ``RateLimit``, or a ``RedisRateLimit`` shared by many processes) paces
    every call of the client and its views per Sent tier: docs/distributed.md.
    ``telemetry`` (OpenTelemetry spans and metrics, extra ``sent-sdk[otel]``): None turns it on
    when a tracer or meter provider is configured before the client is built, True forces it
    on, False off: docs/observability.md.
    """

    _core: Core
    _options: ClientOptions

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | Timeout = Timeout(),
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        max_connections: int = 100,
        auto_idempotency_keys: bool = True,
        max_response_bytes: int = 16 * 1024 * 1024,
        proxy: str | None = None,
        trust_env: bool = False,
        ssl: _ssl.SSLContext | None = None,
        trace_configs: TraceConfigs = (),
        default_headers: Mapping[str, str] | None = None,
        allow_insecure_http: bool = False,
        rate_limit: ClientRateLimit | None = None,
        telemetry: bool | None = None,
    ) -> None:
        key = _validate.api_key(
            api_key if api_key is not None else os.environ.get("SENT_DM_API_KEY")
        )
        url = _validate.base_url(
            base_url or os.environ.get("SENT_BASE_URL") or DEFAULT_BASE_URL,
            allow_insecure_http=allow_insecure_http,
        )
        if ssl is not None and not _is_ssl_context(ssl):
            raise SentValidationError("ssl must be an ssl.SSLContext (or None for the default)")
        policy = retry if retry is not None else RetryPolicy(max_retries=max_retries)
        if max_connections < 1 or max_response_bytes < 1 or policy.max_retries < 0:
            raise SentValidationError(
                "max_connections, max_response_bytes must be positive, max_retries >= 0"
            )
        self._options = ClientOptions(
            api_key=key,
            base_url=url,
            timeout=Timeout.of(timeout),
            retry=policy,
            auto_idempotency_keys=auto_idempotency_keys,
            max_connections=max_connections,
            max_response_bytes=max_response_bytes,
            proxy=None if proxy is None else _validate.proxy(proxy),
            trust_env=bool(trust_env),
            ssl=ssl,
            trace_configs=_validate.trace_configs(trace_configs),
            default_headers=_validate.default_headers(default_headers or {}),
            allow_insecure_http=allow_insecure_http,
            rate_limit=None if rate_limit is None else _check_rate_limit(rate_limit),
        )
        self._core = _new_core(key, self._options)
        if rate_limit is not None:
            from ._transport.pace import ClientPace
            from .resources._tiers import tier_of

            self._core.pace = ClientPace(rate_limit, tier_of)
        if telemetry is not False:  # None: on when OpenTelemetry is set up (checked now, once)
            from .instrumentation import telemetry_for

            self._core.telemetry = telemetry_for(telemetry)

    @classmethod
    def _view(cls, core: Core, options: ClientOptions) -> AsyncSent:
        view = cls.__new__(cls)
        view._core, view._options = core, options
        return view

    def __repr__(self) -> str:
        opts = self._options
        scope = f", profile_id={opts.profile_id!r}" if opts.profile_id else ""
        if opts.proxy is not None:  # shown without its credentials
            scope += f", proxy={_validate.redact_url(opts.proxy)!r}"
        return f"AsyncSent(base_url={opts.base_url!r}{scope})"

    @property
    def _transport(self) -> Transport:
        from ._transport.call import Transport

        telemetry = self._core.telemetry
        if telemetry is not None:  # spans and metrics: sent_async/instrumentation
            return telemetry.transport(self._core, self._options)
        return Transport(self._core, self._options)

    # -- views -----------------------------------------------------------------------------
    def for_profile(self, profile_id: str) -> AsyncSent:
        """A view acting for one child profile (``x-profile-id``), sharing this client's pool.

        Only organization API keys may do this, and only for their own profiles.
        """
        pid = _validate.uuid(profile_id, "profile_id")
        return self._view(self._core, attrs.evolve(self._options, profile_id=pid))

    def with_options(
        self,
        *,
        timeout: float | Timeout | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        retry: RetryPolicy | Unset = UNSET,
        auto_idempotency_keys: bool | Unset = UNSET,
    ) -> AsyncSent:
        """A view with other per-call settings (e.g. a shorter timeout), sharing the pool."""
        opts = self._options
        if timeout is not UNSET:
            opts = attrs.evolve(opts, timeout=Timeout.of(timeout))
        if retry is not UNSET:
            opts = attrs.evolve(opts, retry=retry)
        if max_retries is not UNSET:
            opts = attrs.evolve(opts, retry=attrs.evolve(opts.retry, max_retries=max_retries))
        if auto_idempotency_keys is not UNSET:
            opts = attrs.evolve(opts, auto_idempotency_keys=auto_idempotency_keys)
        return self._view(self._core, opts)

    @cached_property
    def with_raw_response(self) -> AsyncSentWithRawResponse:
        """The same calls, returning ``RawResponse`` (data, meta, status_code, headers)."""
        from ._raw import AsyncSentWithRawResponse

        return AsyncSentWithRawResponse(self)

    # -- API families ----------------------------------------------------------------------
    @cached_property
    def bulk(self) -> AsyncBulk:
        """Run one call per item over large inputs: bounded, paced, resumable."""
        from ._bulk.client import AsyncBulk

        return AsyncBulk(self)

    @cached_property
    def messages(self) -> AsyncMessages:
        """Send messages; read their status and activities."""
        from .resources.messages import AsyncMessages

        return AsyncMessages(self._transport)

    @cached_property
    def contacts(self) -> AsyncContacts:
        """Contacts you message, paged."""
        from .resources.contacts import AsyncContacts

        return AsyncContacts(self._transport)

    @cached_property
    def conversations(self) -> AsyncConversations:
        """Message threads, paged."""
        from .resources.conversations import AsyncConversations

        return AsyncConversations(self._transport)

    @cached_property
    def templates(self) -> AsyncTemplates:
        """Message templates and their review status."""
        from .resources.templates import AsyncTemplates

        return AsyncTemplates(self._transport)

    @cached_property
    def webhooks(self) -> AsyncWebhooks:
        """Webhook endpoints (verify deliveries with ``sent_async.webhooks``)."""
        from .resources.webhooks import AsyncWebhooks

        return AsyncWebhooks(self._transport)

    @cached_property
    def users(self) -> AsyncUsers:
        """Users of the organization."""
        from .resources.users import AsyncUsers

        return AsyncUsers(self._transport)

    @cached_property
    def me(self) -> AsyncMe:
        """The account behind the API key."""
        from .resources.me import AsyncMe

        return AsyncMe(self._transport)

    @cached_property
    def numbers(self) -> AsyncNumbers:
        """Phone number lookups."""
        from .resources.numbers import AsyncNumbers

        return AsyncNumbers(self._transport)

    @cached_property
    def profiles(self) -> AsyncProfiles:
        """Sender profiles and their campaigns (deprecated by Sent, still served)."""
        from .resources.profiles import AsyncProfiles

        return AsyncProfiles(self._transport)

    @cached_property
    def sender_profiles(self) -> AsyncSenderProfiles:
        """Sender profiles (``/v3/sender-profiles``): the organization's tenants and brands."""
        from .resources.sender_profiles import AsyncSenderProfiles

        return AsyncSenderProfiles(self._transport)

    @cached_property
    def compliance(self) -> AsyncCompliance:
        """What a market requires before you can send there."""
        from .resources.compliance import AsyncCompliance

        return AsyncCompliance(self._transport)

    @cached_property
    def voice(self) -> AsyncVoice:
        """Voice calls, participants, recordings and tokens."""
        from .resources.voice import AsyncVoice

        return AsyncVoice(self._transport)

    @cached_property
    def channels(self) -> AsyncChannels:
        """Sending channels: SMS markets and numbers, WhatsApp, RCS and voice numbers."""
        from .resources.channels import AsyncChannels

        return AsyncChannels(self._transport)

    # -- any endpoint ----------------------------------------------------------------------
    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...
    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...
    async def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """Call any ``/v3/`` endpoint through the same transport as the typed calls.

        Auth, this view's ``x-profile-id``, Idempotency-Key on writes, retries and typed errors
        apply; the envelope's ``data`` comes back as plain JSON, or structured when ``into`` is
        a model (or ``list[Model]``). docs/sender-profiles.md, "Any endpoint".
        """
        verb = method.upper() if isinstance(method, str) else method
        if verb not in _METHODS:
            raise SentValidationError(f"method must be one of {sorted(_METHODS)}, got {method!r}")
        return await self._transport.request(
            verb,
            _validate.api_path(path),
            query=query,
            body=json,
            into=Any if into is None else into,
            idempotency_key=idempotency_key,
        )

    @overload
    async def get(
        self, path: str, *, query: Mapping[str, Any] | None = None, into: None = None
    ) -> Any: ...
    @overload
    async def get(
        self, path: str, *, query: Mapping[str, Any] | None = None, into: type[Data]
    ) -> Data: ...
    async def get(
        self, path: str, *, query: Mapping[str, Any] | None = None, into: Any = None
    ) -> Any:
        """``request("GET", path, ...)``."""
        return await self.request("GET", path, query=query, into=into)

    @overload
    async def post(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...
    @overload
    async def post(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...
    async def post(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """``request("POST", path, ...)``."""
        return await self.request(
            "POST", path, query=query, json=json, into=into, idempotency_key=idempotency_key
        )

    @overload
    async def put(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...
    @overload
    async def put(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...
    async def put(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """``request("PUT", path, ...)``."""
        return await self.request(
            "PUT", path, query=query, json=json, into=into, idempotency_key=idempotency_key
        )

    @overload
    async def patch(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...
    @overload
    async def patch(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...
    async def patch(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """``request("PATCH", path, ...)``."""
        return await self.request(
            "PATCH", path, query=query, json=json, into=into, idempotency_key=idempotency_key
        )

    @overload
    async def delete(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...
    @overload
    async def delete(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...
    async def delete(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """``request("DELETE", path, ...)``; a 204 answers None."""
        return await self.request(
            "DELETE", path, query=query, json=json, into=into, idempotency_key=idempotency_key
        )

    # -- life-cycle ------------------------------------------------------------------------
    @property
    def is_closed(self) -> bool:
        """True once ``aclose()`` was called on this client or any of its views."""
        return self._core.closed

    async def aclose(self) -> None:
        """Close the HTTP session. Safe to call twice; views of this client close with it."""
        await self._core.aclose()

    async def __aenter__(self) -> AsyncSent:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
