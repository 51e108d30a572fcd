# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``webhooks`` API family."""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from .._types import UNSET, Unset
from ._common import PaginationMeta


@attrs.frozen(kw_only=True)
class CallWebhookEvent:
    """Response data ``CallWebhookEvent``.

    Official SDK type: ``call_event.CallEvent``.
    """

    event: str | None = None
    field: str | None = None
    payload: CallWebhookPayload | None = None
    request_id: str | None = None
    timestamp: str | None = None


@attrs.frozen(kw_only=True)
class CallWebhookPayload:
    """Response data ``CallWebhookPayload``.

    Official SDK type: ``call_event_payload.CallEventPayload``.
    """

    call_id: str
    account_id: str | None = None
    channel: str | None = None
    duration_seconds: int | None = None
    number: str | None = None
    price: float | None = None
    reason: str | None = None
    recording_id: str | None = None
    updated_at: str | None = None


@attrs.frozen(kw_only=True)
class ChannelCompliance:
    """Response data ``ChannelCompliance``.

    Official SDK type: ``channel_event_payload.Compliance``.
    """

    brand: dict[str, Any] | None = None
    campaign: dict[str, Any] | None = None
    documents: list[ChannelComplianceDocument] = attrs.field(factory=list)


@attrs.frozen(kw_only=True)
class ChannelComplianceDocument:
    """Response data ``ChannelComplianceDocument``.

    Official SDK type: ``channel_event_payload.ComplianceDocument``.
    """

    document_id: str | None = None
    file_name: str | None = None
    key: str | None = None


@attrs.frozen(kw_only=True)
class ChannelWebhookEvent:
    """Response data ``ChannelWebhookEvent``.

    Official SDK type: ``channel_event.ChannelEvent``.
    """

    event: str | None = None
    field: str | None = None
    payload: ChannelWebhookPayload | None = None
    request_id: str | None = None
    timestamp: str | None = None


@attrs.frozen(kw_only=True)
class ChannelWebhookPayload:
    """Response data ``ChannelWebhookPayload``.

    Official SDK type: ``channel_event_payload.ChannelEventPayload``.
    """

    country: str
    account_id: str | None = None
    channel: str | None = None
    compliance: ChannelCompliance | None = None
    number_type: str | None = None
    reason: str | None = None
    reason_code: str | None = None
    sender_value: str | None = None
    status: str | None = None
    updated_at: str | None = None


@attrs.frozen(kw_only=True)
class ContactWebhookEvent:
    """Response data ``ContactWebhookEvent``.

    Official SDK type: ``contact_event.ContactEvent``.
    """

    event: str | None = None
    field: str | None = None
    payload: ContactWebhookPayload | None = None
    request_id: str | None = None
    timestamp: str | None = None


@attrs.frozen(kw_only=True)
class ContactWebhookPayload:
    """Response data ``ContactWebhookPayload``.

    Official SDK type: ``contact_event_payload.ContactEventPayload``.
    """

    opt_out: bool
    source: str
    account_id: str | None = None
    agent_id: str | None = None
    channel: str | None = None
    contact_id: str | None = None
    from_: str | None = attrs.field(default=None, metadata={"wire": "from"})
    message_id: str | None = None
    template_id: str | None = None
    text: str | None = None
    to: str | None = None


@attrs.frozen(kw_only=True)
class InboundMessageMedia:
    """Response data ``InboundMessageMedia``.

    Official SDK type: ``inbound_message_event_payload.Media``.
    """

    hash_sha256: str | None = None
    mime_type: str | None = None
    size_bytes: int | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class InboundMessageWebhookEvent:
    """Response data ``InboundMessageWebhookEvent``.

    Official SDK type: ``inbound_message_event.InboundMessageEvent``.
    """

    event: str | None = None
    field: str | None = None
    payload: InboundMessageWebhookPayload | None = None
    request_id: str | None = None
    timestamp: str | None = None


@attrs.frozen(kw_only=True)
class InboundMessageWebhookPayload:
    """Response data ``InboundMessageWebhookPayload``.

    Official SDK type: ``inbound_message_event_payload.InboundMessageEventPayload``.
    """

    inbound_number: str
    received_at: str
    account_id: str | None = None
    channel: str | None = None
    media: list[InboundMessageMedia] = attrs.field(factory=list)
    message_id: str | None = None
    outbound_number: str | None = None
    referral: dict[str, Any] | None = None
    text: str | None = None
    updated_at: str | None = None


@attrs.frozen(kw_only=True)
class LinkWebhookEvent:
    """Response data ``LinkWebhookEvent``.

    Official SDK type: ``webhook_list_events_response.EventDataSentDmServicesCommonServicesWebhooksContractsWebhookEventOfLinkWebhookPayload``.
    """

    event: str | None = None
    field: str | None = None
    payload: LinkWebhookPayload | None = None
    request_id: str | None = None
    timestamp: str | None = None


@attrs.frozen(kw_only=True)
class LinkWebhookPayload:
    """Response data ``LinkWebhookPayload``.

    Official SDK type: ``webhook_list_events_response.EventDataSentDmServicesCommonServicesWebhooksContractsWebhookEventOfLinkWebhookPayloadPayload``.
    """

    record_id: str
    access_country: str | None = None
    access_outcome: str | None = None
    browser: str | None = None
    bytes_served: int | None = None
    channel: str | None = None
    customer_id: str | None = None
    device: str | None = None
    link_kind: str | None = None
    message_id: str | None = None
    occurred_at: str | None = None
    reference_key: str | None = None
    referrer_host: str | None = None
    request_method: str | None = None
    sender_profile_id: str | None = None
    status_code: int | None = None
    traffic_class: str | None = None


@attrs.frozen(kw_only=True)
class MessageWebhookEvent:
    """Response data ``MessageWebhookEvent``.

    Official SDK type: ``message_event.MessageEvent``.
    """

    event: str | None = None
    field: str | None = None
    payload: MessageWebhookPayload | None = None
    request_id: str | None = None
    timestamp: str | None = None


@attrs.frozen(kw_only=True)
class MessageWebhookPayload:
    """Response data ``MessageWebhookPayload``.

    Official SDK type: ``message_event_payload.MessageEventPayload``.
    """

    message_status: str
    account_id: str | None = None
    agent_id: str | None = None
    body: str | None = None
    channel: str | None = None
    message_id: str | None = None
    outbound_number: str | None = None
    reason: str | None = None
    reason_code: str | None = None
    schedule_reason: str | None = None
    scheduled_at: str | None = None
    template_id: str | None = None
    template_name: str | None = None
    updated_at: str | None = None


@attrs.frozen(kw_only=True)
class TemplateWebhookEvent:
    """Response data ``TemplateWebhookEvent``.

    Official SDK type: ``template_event.TemplateEvent``.
    """

    event: str | None = None
    field: str | None = None
    payload: TemplateWebhookPayload | None = None
    request_id: str | None = None
    timestamp: str | None = None


@attrs.frozen(kw_only=True)
class TemplateWebhookPayload:
    """Response data ``TemplateWebhookPayload``.

    Official SDK type: ``template_event_payload.TemplateEventPayload``.
    """

    status: str
    whatsapp_template_id: str
    account_id: str | None = None
    auto_reply_action: str | None = None
    category: str | None = None
    channel: str | None = None
    language: str | None = None
    reason: str | None = None
    template_id: str | None = None
    template_name: str | None = None


@attrs.frozen(kw_only=True)
class Webhook:
    """Response data ``Webhook``.

    Official SDK type: ``webhook_response.WebhookResponse``.
    """

    consecutive_failures: int | None = None
    created_at: datetime.datetime | None = None
    customer_id: str | None = None
    display_name: str | None = None
    endpoint_url: str | None = None
    event_filters: dict[str, list[str]] | None = None
    event_types: list[str] = attrs.field(factory=list)
    id: str | None = None
    is_active: bool | None = None
    last_delivery_attempt_at: datetime.datetime | None = None
    last_successful_delivery_at: datetime.datetime | None = None
    retry_count: int | None = None
    signing_secret: str | None = attrs.field(default=None, repr=False)
    timeout_seconds: int | None = None
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class WebhookCreateRequest:
    """Request input ``WebhookCreateRequest``.

    Official SDK type: ``webhook_create_params.WebhookCreateParams``.
    """

    display_name: str | Unset = UNSET
    endpoint_url: str | Unset = UNSET
    event_filters: dict[str, list[str]] | None | Unset = UNSET
    event_types: list[str] | Unset = UNSET
    retry_count: int | Unset = UNSET
    sandbox: bool | Unset = UNSET
    sender_profile: WebhookSenderProfileInput | None | Unset = UNSET
    timeout_seconds: int | Unset = UNSET


@attrs.frozen(kw_only=True)
class WebhookEventRecord:
    """Response data ``WebhookEventRecord``.

    Official SDK type: ``webhook_list_events_response.WebhookListEventsResponse``.
    """

    created_at: datetime.datetime | None = None
    delivery_attempts: int | None = None
    delivery_status: str | None = None
    error_message: str | None = None
    event_data: (
        MessageWebhookEvent
        | InboundMessageWebhookEvent
        | TemplateWebhookEvent
        | ChannelWebhookEvent
        | ContactWebhookEvent
        | LinkWebhookEvent
        | CallWebhookEvent
        | None
    ) = None
    event_type: str | None = None
    http_status_code: int | None = None
    id: str | None = None
    processing_completed_at: datetime.datetime | None = None
    processing_started_at: datetime.datetime | None = None
    response_body: str | None = None


@attrs.frozen(kw_only=True)
class WebhookEventType:
    """Response data ``WebhookEventType``.

    Official SDK type: ``webhook_event_type.WebhookEventType``.
    """

    description: str | None = None
    display_name: str | None = None
    event_type: str | None = None
    is_active: bool | None = None
    name: str | None = None
    sub_types: list[WebhookEventType] = attrs.field(factory=list)


@attrs.frozen(kw_only=True)
class WebhookEventTypeList:
    """Response data ``WebhookEventTypeList``.

    Official SDK type: ``webhook_list_event_types_response.Data``.
    """

    event_types: list[WebhookEventType] = attrs.field(factory=list)
    pagination: PaginationMeta | None = None


@attrs.frozen(kw_only=True)
class WebhookEventsPage:
    """Response data ``WebhookEventsPage``.

    Official SDK type: ``pagination.WebhookEventsPageData[WebhookListEventsResponse]``.
    """

    events: list[WebhookEventRecord] = attrs.field(factory=list)
    pagination: PaginationMeta | None = None


@attrs.frozen(kw_only=True)
class WebhookSecret:
    """Response data ``WebhookSecret``.

    Official SDK type: ``webhook_rotate_secret_response.Data``.
    """

    signing_secret: str | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class WebhookSenderProfileInput:
    """Request input ``WebhookSenderProfileInput``.

    Official SDK type: ``webhook_create_params.SenderProfile = webhook_update_params.SenderProfile``.
    """

    event_filters: dict[str, list[str]] | None | Unset = UNSET
    event_types: list[str] | Unset = UNSET


@attrs.frozen(kw_only=True)
class WebhookTestRequest:
    """Request input ``WebhookTestRequest``.

    Official SDK type: ``webhook_test_params.WebhookTestParams``.
    """

    event_type: str | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class WebhookTestResult:
    """Response data ``WebhookTestResult``.

    Official SDK type: ``webhook_test_response.Data``.
    """

    message: str | None = None
    success: bool | None = None


@attrs.frozen(kw_only=True)
class WebhookToggleStatusRequest:
    """Request input ``WebhookToggleStatusRequest``.

    Official SDK type: ``webhook_toggle_status_params.WebhookToggleStatusParams``.
    """

    is_active: bool | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class WebhookUpdateRequest:
    """Request input ``WebhookUpdateRequest``.

    Official SDK type: ``webhook_update_params.WebhookUpdateParams``.
    """

    display_name: str | Unset = UNSET
    endpoint_url: str | Unset = UNSET
    event_filters: dict[str, list[str]] | None | Unset = UNSET
    event_types: list[str] | Unset = UNSET
    retry_count: int | Unset = UNSET
    sandbox: bool | Unset = UNSET
    sender_profile: WebhookSenderProfileInput | None | Unset = UNSET
    timeout_seconds: int | Unset = UNSET


@attrs.frozen(kw_only=True)
class WebhooksPage:
    """Response data ``WebhooksPage``.

    Official SDK type: ``pagination.WebhooksPageData[WebhookResponse]``.
    """

    pagination: PaginationMeta | None = None
    webhooks: list[Webhook] = attrs.field(factory=list)


__all__ = [
    "CallWebhookEvent",
    "CallWebhookPayload",
    "ChannelCompliance",
    "ChannelComplianceDocument",
    "ChannelWebhookEvent",
    "ChannelWebhookPayload",
    "ContactWebhookEvent",
    "ContactWebhookPayload",
    "InboundMessageMedia",
    "InboundMessageWebhookEvent",
    "InboundMessageWebhookPayload",
    "LinkWebhookEvent",
    "LinkWebhookPayload",
    "MessageWebhookEvent",
    "MessageWebhookPayload",
    "TemplateWebhookEvent",
    "TemplateWebhookPayload",
    "Webhook",
    "WebhookCreateRequest",
    "WebhookEventRecord",
    "WebhookEventType",
    "WebhookEventTypeList",
    "WebhookEventsPage",
    "WebhookSecret",
    "WebhookSenderProfileInput",
    "WebhookTestRequest",
    "WebhookTestResult",
    "WebhookToggleStatusRequest",
    "WebhookUpdateRequest",
    "WebhooksPage",
]
