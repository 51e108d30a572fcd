# Generated from sent_async/resources/webhooks.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/webhooks.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from sent_async._types import UNSET, Unset
from sent_async.models import (
    Webhook,
    WebhookEventRecord,
    WebhookEventTypeList,
    WebhookSecret,
    WebhookSenderProfileInput,
    WebhookTestResult,
)
from sent_async.resources.webhooks import AsyncWebhooks
from sent_sync._portal import Page, SyncResource


class Webhooks(SyncResource):
    """Webhook endpoints that receive signed event deliveries.

    Sent retries a failed delivery up to ``retry_count`` times and disables the endpoint after
    ten events in a row failed; ``toggle_status(id, is_active=True)`` turns it back on.
    """

    _inner: AsyncWebhooks

    def create(
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
        return self._portal.call(
            partial(
                self._inner.create,
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

    def list(
        self,
        *,
        is_active: bool | None = None,
        search: str | None = None,
        page: int = 1,
        page_size: int | None = None,
    ) -> Page[Webhook]:
        """List webhooks page by page; iterate the result for every webhook."""
        return Page(
            self._portal,
            self._portal.call(
                self._inner.list(
                    is_active=is_active, search=search, page=page, page_size=page_size
                ).first_page
            ),
        )

    def list_event_types(self) -> WebhookEventTypeList:
        """The event families (and their sub-events) a webhook can subscribe to."""
        return self._portal.call(partial(self._inner.list_event_types))

    def get(self, webhook_id: str) -> Webhook:
        """Get one webhook's configuration and delivery counters."""
        return self._portal.call(partial(self._inner.get, webhook_id))

    def update(
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
        return self._portal.call(
            partial(
                self._inner.update,
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

    def delete(self, webhook_id: str, *, idempotency_key: str | None = None) -> None:
        """Delete a webhook; deliveries to it stop at once.

        The contract gives this DELETE no body, so none is sent, nor a Content-Type (a
        contract-validating server refuses one; Sent's live quirk is an *empty* JSON body,
        docs/migration.md). It has no sandbox mode, as in the official SDK.
        """
        return self._portal.call(
            partial(self._inner.delete, webhook_id, idempotency_key=idempotency_key)
        )

    def list_events(
        self,
        webhook_id: str,
        *,
        search: str | None = None,
        page: int = 1,
        page_size: int | None = None,
    ) -> Page[WebhookEventRecord]:
        """The delivery log of one webhook, newest first: status, attempts, last answer."""
        return Page(
            self._portal,
            self._portal.call(
                self._inner.list_events(
                    webhook_id, search=search, page=page, page_size=page_size
                ).first_page
            ),
        )

    def rotate_secret(
        self, webhook_id: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> WebhookSecret:
        """Issue a new ``signing_secret``. The old one stops signing at once, with no overlap.

        Rate limited to 10 calls a minute. Let your receiver accept both secrets while you deploy.
        """
        return self._portal.call(
            partial(
                self._inner.rotate_secret,
                webhook_id,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def test(
        self,
        webhook_id: str,
        *,
        event_type: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> WebhookTestResult:
        """Deliver one signed sample event (e.g. ``message.delivered``) now, with no retry."""
        return self._portal.call(
            partial(
                self._inner.test,
                webhook_id,
                event_type=event_type,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def toggle_status(
        self,
        webhook_id: str,
        *,
        is_active: bool,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Webhook:
        """Enable or disable deliveries; re-enable a webhook Sent disabled after failures."""
        return self._portal.call(
            partial(
                self._inner.toggle_status,
                webhook_id,
                is_active=is_active,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )
