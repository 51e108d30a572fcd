# Generated from sent_async/resources/webhooks.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/webhooks.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Webhook,
    WebhookEventTypeList,
    WebhookSecret,
    WebhookSenderProfileInput,
    WebhookTestResult,
)
from sent_async.resources.webhooks import AsyncWebhooks


class AsyncWebhooksWithRawResponse:
    """AsyncWebhooks whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncWebhooks) -> None:
        self._inner = inner

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
    ) -> RawResponse[Webhook]:
        """Register an endpoint; the result carries its ``signing_secret``: store it now.

        ``event_types`` are families (``message``, ``templates``, ``contact``...) or single
        events (``message.delivered``); ``event_filters`` narrows a family to some sub-events.
        ``retry_count`` is 1-5 (3), ``timeout_seconds`` 5-120 (30).
        """
        return await capture_raw(
            self._inner.create(
                display_name=display_name,
                endpoint_url=endpoint_url,
                event_types=event_types,
                event_filters=event_filters,
                retry_count=retry_count,
                timeout_seconds=timeout_seconds,
                sender_profile=sender_profile,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def list_event_types(self) -> RawResponse[WebhookEventTypeList]:
        """The event families (and their sub-events) a webhook can subscribe to."""
        return await capture_raw(self._inner.list_event_types())

    async def get(self, webhook_id: str) -> RawResponse[Webhook]:
        """Get one webhook's configuration and delivery counters."""
        return await capture_raw(self._inner.get(webhook_id))

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
    ) -> RawResponse[Webhook]:
        """Replace a webhook's configuration (PUT): pass all of it, not just what changes.

        Omitted optional fields are not kept (FakeSent resets them to their defaults); the
        secret and the active flag stay.
        """
        return await capture_raw(
            self._inner.update(
                webhook_id,
                display_name=display_name,
                endpoint_url=endpoint_url,
                event_types=event_types,
                event_filters=event_filters,
                retry_count=retry_count,
                timeout_seconds=timeout_seconds,
                sender_profile=sender_profile,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def delete(
        self, webhook_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> RawResponse[None]:
        """Delete a webhook; deliveries to it stop at once.

        Sends ``{"sandbox": ...}`` as the body although the contract declares none: Sent's
        live API refuses a DELETE with an empty body.
        """
        return await capture_raw(
            self._inner.delete(webhook_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )

    async def rotate_secret(
        self, webhook_id: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> RawResponse[WebhookSecret]:
        """Issue a new ``signing_secret``. The old one stops signing at once, with no overlap.

        Rate limited to 10 calls a minute. Let your receiver accept both secrets while you deploy.
        """
        return await capture_raw(
            self._inner.rotate_secret(webhook_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )

    async def test(
        self,
        webhook_id: str,
        *,
        event_type: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[WebhookTestResult]:
        """Deliver one signed sample event (e.g. ``message.delivered``) now, with no retry."""
        return await capture_raw(
            self._inner.test(
                webhook_id, event_type=event_type, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    async def toggle_status(
        self,
        webhook_id: str,
        *,
        is_active: bool,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[Webhook]:
        """Enable or disable deliveries; re-enable a webhook Sent disabled after failures."""
        return await capture_raw(
            self._inner.toggle_status(
                webhook_id, is_active=is_active, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )
