# Generated from sent_async/_client.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_client.py``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any, overload

from sent_async._client import AsyncSent
from sent_async._options import Timeout, TraceConfigs
from sent_async._transport.retry import RetryPolicy
from sent_async._types import UNSET, Data, Unset
from sent_sync._portal import SyncClient

if TYPE_CHECKING:
    import ssl as _ssl

    from sent_async._transport.pace import ClientRateLimit
    from sent_sync._bulk import Bulk
    from sent_sync._raw import SentWithRawResponse
    from sent_sync.resources.channels import Channels
    from sent_sync.resources.compliance import Compliance
    from sent_sync.resources.contacts import Contacts
    from sent_sync.resources.conversations import Conversations
    from sent_sync.resources.me import Me
    from sent_sync.resources.messages import Messages
    from sent_sync.resources.numbers import Numbers
    from sent_sync.resources.profiles import Profiles
    from sent_sync.resources.sender_profiles import SenderProfiles
    from sent_sync.resources.templates import Templates
    from sent_sync.resources.users import Users
    from sent_sync.resources.voice import Voice
    from sent_sync.resources.webhooks import Webhooks


class Sent(SyncClient):
    """Synchronous client for the Sent v3 API. Use ``with Sent() as sent:`` or ``close()``.

    The API key comes from ``SENT_DM_API_KEY`` and the base URL from ``SENT_BASE_URL`` when not
    given. ``retry`` (a full RetryPolicy) takes precedence over ``max_retries``. One HTTP
    session with a bounded connection pool is opened on first use and shared by every call and
    every view (``for_profile``, ``with_options``).
    It runs on this client's own event-loop thread; any thread may call.

    Network settings (``proxy``, ``trust_env``, ``ssl``, ``trace_configs``, ``default_headers``,
    ``allow_insecure_http``) are fixed here: docs/configuration.md, "Networks".
    ``rate_limit`` (a ``RateLimit``, or a ``RedisRateLimit`` shared by many processes) paces
    every call of the client and its views per Sent tier: docs/distributed.md.
    ``telemetry`` (OpenTelemetry spans and metrics, extra ``sent-sdk[otel]``): None turns it on
    when a tracer or meter provider is configured before the client is built, True forces it
    on, False off: docs/observability.md.
    """

    _inner: AsyncSent

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
        super().__init__(
            AsyncSent(
                api_key,
                base_url=base_url,
                timeout=timeout,
                max_retries=max_retries,
                retry=retry,
                max_connections=max_connections,
                auto_idempotency_keys=auto_idempotency_keys,
                max_response_bytes=max_response_bytes,
                proxy=proxy,
                trust_env=trust_env,
                ssl=ssl,
                trace_configs=trace_configs,
                default_headers=default_headers,
                allow_insecure_http=allow_insecure_http,
                rate_limit=rate_limit,
                telemetry=telemetry,
            )
        )

    def for_profile(self, profile_id: str) -> Sent:
        """A view acting for one child profile (``x-profile-id``), sharing this client's pool.

        Only organization API keys may do this, and only for their own profiles.
        """
        return Sent._view(self._inner.for_profile(profile_id), self)

    def with_options(
        self,
        *,
        timeout: float | Timeout | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        retry: RetryPolicy | Unset = UNSET,
        auto_idempotency_keys: bool | Unset = UNSET,
    ) -> Sent:
        """A view with other per-call settings (e.g. a shorter timeout), sharing the pool."""
        return Sent._view(
            self._inner.with_options(
                timeout=timeout,
                max_retries=max_retries,
                retry=retry,
                auto_idempotency_keys=auto_idempotency_keys,
            ),
            self,
        )

    @cached_property
    def with_raw_response(self) -> SentWithRawResponse:
        """The same calls, returning ``RawResponse`` (data, meta, status_code, headers)."""
        from sent_sync._raw import SentWithRawResponse

        return SentWithRawResponse(self)

    @cached_property
    def bulk(self) -> Bulk:
        """Run one call per item over large inputs: bounded, paced, resumable."""
        from sent_sync._bulk import Bulk

        return Bulk(self._inner.bulk, self._portal, self)

    @cached_property
    def messages(self) -> Messages:
        """Send messages; read their status and activities."""
        from sent_sync.resources.messages import Messages

        return Messages(self._inner.messages, self._portal)

    @cached_property
    def contacts(self) -> Contacts:
        """Contacts you message, paged."""
        from sent_sync.resources.contacts import Contacts

        return Contacts(self._inner.contacts, self._portal)

    @cached_property
    def conversations(self) -> Conversations:
        """Message threads, paged."""
        from sent_sync.resources.conversations import Conversations

        return Conversations(self._inner.conversations, self._portal)

    @cached_property
    def templates(self) -> Templates:
        """Message templates and their review status."""
        from sent_sync.resources.templates import Templates

        return Templates(self._inner.templates, self._portal)

    @cached_property
    def webhooks(self) -> Webhooks:
        """Webhook endpoints (verify deliveries with ``sent_async.webhooks``)."""
        from sent_sync.resources.webhooks import Webhooks

        return Webhooks(self._inner.webhooks, self._portal)

    @cached_property
    def users(self) -> Users:
        """Users of the organization."""
        from sent_sync.resources.users import Users

        return Users(self._inner.users, self._portal)

    @cached_property
    def me(self) -> Me:
        """The account behind the API key."""
        from sent_sync.resources.me import Me

        return Me(self._inner.me, self._portal)

    @cached_property
    def numbers(self) -> Numbers:
        """Phone number lookups."""
        from sent_sync.resources.numbers import Numbers

        return Numbers(self._inner.numbers, self._portal)

    @cached_property
    def profiles(self) -> Profiles:
        """Sender profiles and their campaigns (deprecated by Sent, still served)."""
        from sent_sync.resources.profiles import Profiles

        return Profiles(self._inner.profiles, self._portal)

    @cached_property
    def sender_profiles(self) -> SenderProfiles:
        """Sender profiles (``/v3/sender-profiles``): the organization's tenants and brands."""
        from sent_sync.resources.sender_profiles import SenderProfiles

        return SenderProfiles(self._inner.sender_profiles, self._portal)

    @cached_property
    def compliance(self) -> Compliance:
        """What a market requires before you can send there."""
        from sent_sync.resources.compliance import Compliance

        return Compliance(self._inner.compliance, self._portal)

    @cached_property
    def voice(self) -> Voice:
        """Voice calls, participants, recordings and tokens."""
        from sent_sync.resources.voice import Voice

        return Voice(self._inner.voice, self._portal)

    @cached_property
    def channels(self) -> Channels:
        """Sending channels: SMS markets and numbers, WhatsApp, RCS and voice numbers."""
        from sent_sync.resources.channels import Channels

        return Channels(self._inner.channels, self._portal)

    @overload
    def request(
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
    def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...

    def request(
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
        return self._portal.call(
            partial(
                self._inner.request,
                method,
                path,
                query=query,
                json=json,
                into=into,
                idempotency_key=idempotency_key,
            )
        )

    @overload
    def get(
        self, path: str, *, query: Mapping[str, Any] | None = None, into: None = None
    ) -> Any: ...

    @overload
    def get(
        self, path: str, *, query: Mapping[str, Any] | None = None, into: type[Data]
    ) -> Data: ...

    def get(self, path: str, *, query: Mapping[str, Any] | None = None, into: Any = None) -> Any:
        """``request("GET", path, ...)``."""
        return self._portal.call(partial(self._inner.get, path, query=query, into=into))

    @overload
    def post(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...

    @overload
    def post(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...

    def post(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """``request("POST", path, ...)``."""
        return self._portal.call(
            partial(
                self._inner.post,
                path,
                query=query,
                json=json,
                into=into,
                idempotency_key=idempotency_key,
            )
        )

    @overload
    def put(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...

    @overload
    def put(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...

    def put(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """``request("PUT", path, ...)``."""
        return self._portal.call(
            partial(
                self._inner.put,
                path,
                query=query,
                json=json,
                into=into,
                idempotency_key=idempotency_key,
            )
        )

    @overload
    def patch(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...

    @overload
    def patch(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...

    def patch(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """``request("PATCH", path, ...)``."""
        return self._portal.call(
            partial(
                self._inner.patch,
                path,
                query=query,
                json=json,
                into=into,
                idempotency_key=idempotency_key,
            )
        )

    @overload
    def delete(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: None = None,
        idempotency_key: str | None = None,
    ) -> Any: ...

    @overload
    def delete(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: type[Data],
        idempotency_key: str | None = None,
    ) -> Data: ...

    def delete(
        self,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        json: Any = None,
        into: Any = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """``request("DELETE", path, ...)``; a 204 answers None."""
        return self._portal.call(
            partial(
                self._inner.delete,
                path,
                query=query,
                json=json,
                into=into,
                idempotency_key=idempotency_key,
            )
        )

    @property
    def is_closed(self) -> bool:
        """True once ``close()`` was called on this client or any of its views."""
        return self._inner.is_closed
