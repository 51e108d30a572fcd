"""The ``webhooks`` API family: endpoints that receive Sent's signed event deliveries.

Verify what arrives with ``sent_async.webhooks`` (``verify``, ``parse_event``,
``aiohttp_handler``). The ``signing_secret`` is returned by ``create`` and ``rotate_secret``;
it never shows in a model's repr, and the SDK never logs it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .. import _validate
from .._errors import SentValidationError
from .._pagination import AsyncPager
from .._types import UNSET, Unset
from ..models import (
    SandboxRequest,
    Webhook,
    WebhookCreateRequest,
    WebhookEventRecord,
    WebhookEventsPage,
    WebhookEventTypeList,
    WebhookSecret,
    WebhookSenderProfileInput,
    WebhooksPage,
    WebhookTestRequest,
    WebhookTestResult,
    WebhookToggleStatusRequest,
    WebhookUpdateRequest,
)
from ._base import AsyncResource, body

RETRY_COUNT = range(1, 6)
"""Sent's bounds for ``retry_count`` (VALIDATION_005 outside them); 3 when omitted."""
TIMEOUT_SECONDS = range(5, 121)
"""Sent's bounds for ``timeout_seconds`` (VALIDATION_005 outside them); 30 when omitted."""


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SentValidationError(f"{what} must be a non-blank string, got {value!r:.80}")
    return value


def _endpoint_url(value: object) -> str:
    """An absolute http(s) URL with a host: where Sent will POST the events."""
    return _validate.http_url(_text(value, "endpoint_url"), "endpoint_url")


def _names(value: object, what: str, *, allow_empty: bool = False) -> list[str]:
    """A list of event names (``message``, ``message.delivered``...); a bare str is refused."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise SentValidationError(f"{what} must be a list of strings, got {value!r:.80}")
    names = list(value)
    if not names and not allow_empty:
        raise SentValidationError(f"{what} must name at least one event type, e.g. ['message']")
    for name in names:
        if not isinstance(name, str) or not name or any(c.isspace() for c in name):
            raise SentValidationError(f"{what} entries must be non-blank names, got {name!r:.80}")
    return names


def _filters(value: object) -> dict[str, list[str]] | None | Unset:
    """``{family: [sub-events]}``, e.g. ``{"message": ["delivered", "failed"]}``."""
    if value is None or value is UNSET:
        return value
    if not isinstance(value, Mapping):
        raise SentValidationError(f"event_filters must be a mapping, got {value!r:.80}")
    out = {}
    for family, events in value.items():
        _text(family, "an event_filters key")
        out[family] = _names(events, f"event_filters[{family!r}]", allow_empty=True)
    return out


def _bounded(value: object, what: str, bounds: range) -> None:
    if value is UNSET:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value not in bounds:
        raise SentValidationError(
            f"{what} must be an integer from {bounds[0]} to {bounds[-1]}, got {value!r:.80}"
        )


def _configuration(values: dict[str, Any]) -> dict[str, Any]:
    """Check a create/update's fields and put them in the shape ``body()`` expects."""
    _text(values["display_name"], "display_name")
    _bounded(values["retry_count"], "retry_count", RETRY_COUNT)
    _bounded(values["timeout_seconds"], "timeout_seconds", TIMEOUT_SECONDS)
    return {
        **values,
        "endpoint_url": _endpoint_url(values["endpoint_url"]),
        "event_types": _names(values["event_types"], "event_types"),
        "event_filters": _filters(values["event_filters"]),
    }


class AsyncWebhooks(AsyncResource):
    """Webhook endpoints that receive signed event deliveries.

    Sent retries a failed delivery up to ``retry_count`` times and disables the endpoint after
    ten events in a row failed; ``toggle_status(id, is_active=True)`` turns it back on.
    """

    async def create(
        self,
        *,
        display_name: str,
        endpoint_url: str,
        event_types: Sequence[str],
        event_filters: Mapping[str, Sequence[str]] | None | Unset = UNSET,
        retry_count: int | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        sender_profile: WebhookSenderProfileInput | Mapping[str, Any] | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Webhook:
        """Register an endpoint; the result carries its ``signing_secret``: store it now.

        ``event_types`` are families (``message``, ``templates``, ``contact``...) or single
        events (``message.delivered``); ``event_filters`` narrows a family to some sub-events.
        ``retry_count`` is 1-5 (3), ``timeout_seconds`` 5-120 (30).
        """
        request = body(WebhookCreateRequest, _configuration(locals()))
        return await self._t.request(
            "POST", "/v3/webhooks", body=request, into=Webhook, idempotency_key=idempotency_key
        )

    def list(
        self,
        *,
        is_active: bool | None = None,
        search: str | None = None,
        page: int = 1,
        page_size: int | None = None,
    ) -> AsyncPager[Webhook]:
        """List webhooks page by page; iterate the result for every webhook."""
        query = {"is_active": is_active, "search": search, "page_size": page_size}
        return AsyncPager(self._t, "/v3/webhooks", WebhooksPage, "webhooks", query, page=page)

    async def list_event_types(self) -> WebhookEventTypeList:
        """The event families (and their sub-events) a webhook can subscribe to."""
        return await self._t.request("GET", "/v3/webhooks/event-types", into=WebhookEventTypeList)

    async def get(self, webhook_id: str) -> Webhook:
        """Get one webhook's configuration and delivery counters."""
        wid = _validate.uuid(webhook_id, "webhook_id")
        return await self._t.request("GET", f"/v3/webhooks/{wid}", into=Webhook)

    async def update(
        self,
        webhook_id: str,
        *,
        display_name: str,
        endpoint_url: str,
        event_types: Sequence[str],
        event_filters: Mapping[str, Sequence[str]] | None | Unset = UNSET,
        retry_count: int | Unset = UNSET,
        timeout_seconds: int | Unset = UNSET,
        sender_profile: WebhookSenderProfileInput | Mapping[str, Any] | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Webhook:
        """Replace a webhook's configuration (PUT): pass all of it, not just what changes.

        Omitted optional fields are not kept (FakeSent resets them to their defaults); the
        secret and the active flag stay.
        """
        wid = _validate.uuid(webhook_id, "webhook_id")
        request = body(WebhookUpdateRequest, _configuration(locals()))
        return await self._t.request(
            "PUT",
            f"/v3/webhooks/{wid}",
            body=request,
            into=Webhook,
            idempotency_key=idempotency_key,
        )

    async def delete(self, webhook_id: str, *, idempotency_key: str | None = None) -> None:
        """Delete a webhook; deliveries to it stop at once.

        The contract gives this DELETE no body, so none is sent, nor a Content-Type (a
        contract-validating server refuses one; Sent's live quirk is an *empty* JSON body,
        docs/migration.md). It has no sandbox mode, as in the official SDK.
        """
        wid = _validate.uuid(webhook_id, "webhook_id")
        await self._t.request("DELETE", f"/v3/webhooks/{wid}", idempotency_key=idempotency_key)

    def list_events(
        self,
        webhook_id: str,
        *,
        search: str | None = None,
        page: int = 1,
        page_size: int | None = None,
    ) -> AsyncPager[WebhookEventRecord]:
        """The delivery log of one webhook, newest first: status, attempts, last answer."""
        wid = _validate.uuid(webhook_id, "webhook_id")
        query = {"search": search, "page_size": page_size}
        path = f"/v3/webhooks/{wid}/events"
        return AsyncPager(self._t, path, WebhookEventsPage, "events", query, page=page)

    async def rotate_secret(
        self, webhook_id: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> WebhookSecret:
        """Issue a new ``signing_secret``. The old one stops signing at once, with no overlap.

        Rate limited to 10 calls a minute. Let your receiver accept both secrets while you deploy.
        """
        wid = _validate.uuid(webhook_id, "webhook_id")
        return await self._t.request(
            "POST",
            f"/v3/webhooks/{wid}/rotate-secret",
            body=body(SandboxRequest, locals()),
            into=WebhookSecret,
            idempotency_key=idempotency_key,
        )

    async def test(
        self,
        webhook_id: str,
        *,
        event_type: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> WebhookTestResult:
        """Deliver one signed sample event (e.g. ``message.delivered``) now, with no retry."""
        wid = _validate.uuid(webhook_id, "webhook_id")
        if event_type is not UNSET:
            _names([event_type], "event_type")
        return await self._t.request(
            "POST",
            f"/v3/webhooks/{wid}/test",
            body=body(WebhookTestRequest, locals()),
            into=WebhookTestResult,
            idempotency_key=idempotency_key,
        )

    async def toggle_status(
        self,
        webhook_id: str,
        *,
        is_active: bool,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Webhook:
        """Enable or disable deliveries; re-enable a webhook Sent disabled after failures."""
        wid = _validate.uuid(webhook_id, "webhook_id")
        if not isinstance(is_active, bool):
            raise SentValidationError(f"is_active must be True or False, got {is_active!r:.80}")
        return await self._t.request(
            "PATCH",
            f"/v3/webhooks/{wid}/toggle-status",
            body=body(WebhookToggleStatusRequest, locals()),
            into=Webhook,
            idempotency_key=idempotency_key,
        )
