# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``messages`` API family."""

from __future__ import annotations

import datetime

import attrs

from .._types import UNSET, Unset
from ._common import PaginationMeta


@attrs.frozen(kw_only=True)
class MessageActivities:
    """Response data ``MessageActivities``.

    Official SDK type: ``message_retrieve_activities_response.Data``.
    """

    activities: list[MessageActivity] = attrs.field(factory=list)
    message_id: str | None = None
    pagination: PaginationMeta | None = None


@attrs.frozen(kw_only=True)
class MessageActivity:
    """Response data ``MessageActivity``.

    Official SDK type: ``message_retrieve_activities_response.DataActivity``.
    """

    active_contact_price: str | None = None
    description: str | None = None
    from_: str | None = attrs.field(default=None, metadata={"wire": "from"})
    price: str | None = None
    reason: str | None = None
    reason_code: str | None = None
    scheduled_at: datetime.datetime | None = None
    status: str | None = None
    timestamp: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class MessageChannelInput:
    """Request input ``MessageChannelInput``.

    Official SDK type: ``message_send_params.Channel``.
    """

    country: str | None | Unset = UNSET
    from_: list[str] | None | Unset = attrs.field(default=UNSET, metadata={"wire": "from"})
    strategy: str | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class MessageSendRecipient:
    """Response data ``MessageSendRecipient``.

    Official SDK type: ``message_send_response.DataRecipient``.
    """

    body: str | None = None
    channel: str | None = None
    message_id: str | None = None
    to: str | None = None


@attrs.frozen(kw_only=True)
class MessageSendRequest:
    """Request input ``MessageSendRequest``.

    Official SDK type: ``message_send_params.MessageSendParams``.
    """

    channel: list[str] | None | Unset = UNSET
    channels: dict[str, list[MessageChannelInput]] | None | Unset = UNSET
    media_urls: list[str] | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    scheduled_at: datetime.datetime | None | Unset = UNSET
    subject: str | None | Unset = UNSET
    template: MessageTemplateRefInput | None | Unset = UNSET
    text: str | None | Unset = UNSET
    to: list[str] | Unset = UNSET


@attrs.frozen(kw_only=True)
class MessageSendResult:
    """Response data ``MessageSendResult``.

    Official SDK type: ``message_send_response.Data``.
    """

    recipients: list[MessageSendRecipient] = attrs.field(factory=list)
    status: str | None = None
    template_id: str | None = None
    template_name: str | None = None


@attrs.frozen(kw_only=True)
class MessageTemplateRefInput:
    """Request input ``MessageTemplateRefInput``.

    Official SDK type: ``message_send_params.Template``.
    """

    id: str | None | Unset = UNSET
    name: str | None | Unset = UNSET
    parameters: dict[str, str] | None | Unset = UNSET


__all__ = [
    "MessageActivities",
    "MessageActivity",
    "MessageChannelInput",
    "MessageSendRecipient",
    "MessageSendRequest",
    "MessageSendResult",
    "MessageTemplateRefInput",
]
