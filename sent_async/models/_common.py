# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``common`` API family."""

from __future__ import annotations

import datetime

import attrs

from .._types import UNSET, Unset


@attrs.frozen(kw_only=True)
class ApiMeta:
    """Response data ``ApiMeta``.

    Official SDK type: ``api_meta.APIMeta``.
    """

    request_id: str | None = None
    timestamp: datetime.datetime | None = None
    version: str | None = None


@attrs.frozen(kw_only=True)
class ErrorDetail:
    """Response data ``ErrorDetail``.

    Official SDK type: ``error_detail.ErrorDetail``.
    """

    code: str | None = None
    details: dict[str, list[str]] | None = None
    doc_url: str | None = None
    message: str | None = None


@attrs.frozen(kw_only=True)
class Message:
    """Response data ``Message``.

    Official SDK type: ``message_retrieve_status_response.Data = conversation_messages_list.Message``.
    """

    active_contact_price: float | None = None
    channel: str | None = None
    contact_id: str | None = None
    created_at: datetime.datetime | None = None
    customer_id: str | None = None
    direction: str | None = None
    events: list[MessageStatusEvent] = attrs.field(factory=list)
    id: str | None = None
    message_body: MessageBody | None = None
    phone: str | None = None
    phone_international: str | None = None
    price: float | None = None
    reason: str | None = None
    reason_code: str | None = None
    region_code: str | None = None
    status: str | None = None
    template_category: str | None = None
    template_id: str | None = None
    template_name: str | None = None


@attrs.frozen(kw_only=True)
class MessageBody:
    """Response data ``MessageBody``.

    Official SDK type: ``message_retrieve_status_response.DataMessageBody = conversation_messages_list.MessageMessageBody``.
    """

    buttons: list[MessageBodyButton] = attrs.field(factory=list)
    content: str | None = None
    footer: str | None = None
    header: str | None = None
    header_media: MessageBodyHeaderMedia | None = attrs.field(
        default=None, metadata={"wire": "headerMedia"}
    )
    media: list[MessageBodyMedia] = attrs.field(factory=list)
    subject: str | None = None


@attrs.frozen(kw_only=True)
class MessageBodyButton:
    """Response data ``MessageBodyButton``.

    Official SDK type: ``message_retrieve_status_response.DataMessageBodyButton = conversation_messages_list.MessageMessageBodyButton``.
    """

    postback_data: str | None = attrs.field(default=None, metadata={"wire": "postbackData"})
    text: str | None = None
    type: str | None = None
    value: str | None = None


@attrs.frozen(kw_only=True)
class MessageBodyHeaderMedia:
    """Response data ``MessageBodyHeaderMedia``.

    Official SDK type: ``message_retrieve_status_response.DataMessageBodyHeaderMedia = conversation_messages_list.MessageMessageBodyHeaderMedia``.
    """

    type: str | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class MessageBodyMedia:
    """Response data ``MessageBodyMedia``.

    Official SDK type: ``message_retrieve_status_response.DataMessageBodyMedia = conversation_messages_list.MessageMessageBodyMedia``.
    """

    media_type: str | None = attrs.field(default=None, metadata={"wire": "mediaType"})
    mime_type: str | None = attrs.field(default=None, metadata={"wire": "mimeType"})
    size_bytes: int | None = attrs.field(default=None, metadata={"wire": "sizeBytes"})
    source_hash_sha256: str | None = attrs.field(
        default=None, metadata={"wire": "sourceHashSha256"}
    )
    url: str | None = None


@attrs.frozen(kw_only=True)
class MessageStatusEvent:
    """Response data ``MessageStatusEvent``.

    Official SDK type: ``message_retrieve_status_response.DataEvent = conversation_messages_list.MessageEvent``.
    """

    status: str
    timestamp: datetime.datetime
    description: str | None = None
    reason: str | None = None
    reason_code: str | None = None


@attrs.frozen(kw_only=True)
class PaginationCursors:
    """Response data ``PaginationCursors``.

    Official SDK type: ``pagination_meta.Cursors``.
    """

    after: str | None = None
    before: str | None = None


@attrs.frozen(kw_only=True)
class PaginationMeta:
    """Response data ``PaginationMeta``.

    Official SDK type: ``pagination_meta.PaginationMeta``.
    """

    cursors: PaginationCursors | None = None
    has_more: bool | None = None
    page: int | None = None
    page_size: int | None = None
    total_count: int | None = None
    total_pages: int | None = None


@attrs.frozen(kw_only=True)
class SandboxRequest:
    """Request input ``SandboxRequest``.

    Official SDK type: ``*Params with only `sandbox```.
    """

    sandbox: bool | Unset = UNSET


__all__ = [
    "ApiMeta",
    "ErrorDetail",
    "Message",
    "MessageBody",
    "MessageBodyButton",
    "MessageBodyHeaderMedia",
    "MessageBodyMedia",
    "MessageStatusEvent",
    "PaginationCursors",
    "PaginationMeta",
    "SandboxRequest",
]
