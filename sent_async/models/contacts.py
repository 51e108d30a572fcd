# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``contacts`` API family."""

from __future__ import annotations

import datetime

import attrs

from .._types import UNSET, Unset
from ._common import PaginationMeta


@attrs.frozen(kw_only=True)
class Contact:
    """Response data ``Contact``.

    Official SDK type: ``contact_response.ContactResponse``.
    """

    available_channels: str | None = None
    country_code: str | None = None
    created_at: datetime.datetime | None = None
    customer_id: str | None = None
    default_channel: str | None = None
    format_e164: str | None = None
    format_international: str | None = None
    format_national: str | None = None
    format_rfc: str | None = None
    id: str | None = None
    is_inherited: bool | None = attrs.field(default=None, metadata={"deprecated": True})
    opt_out: bool | None = None
    phone_number: str | None = None
    region_code: str | None = None
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class ContactChannelScore:
    """Response data ``ContactChannelScore``.

    Official SDK type: ``contact_message_summary.ChannelScore``.
    """

    channel: str | None = None
    fail_score: int | None = None
    success_score: int | None = None


@attrs.frozen(kw_only=True)
class ContactCreateRequest:
    """Request input ``ContactCreateRequest``.

    Official SDK type: ``contact_create_params.ContactCreateParams``.
    """

    phone_number: str
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class ContactMessageSummary:
    """Response data ``ContactMessageSummary``.

    Official SDK type: ``contact_message_summary.ContactMessageSummary``.
    """

    channel_scores: list[ContactChannelScore] = attrs.field(factory=list)
    channels_used: list[str] = attrs.field(factory=list)
    contact_id: str | None = None
    first_message_at: datetime.datetime | None = None
    last_message_at: datetime.datetime | None = None
    message_count: int | None = None


@attrs.frozen(kw_only=True)
class ContactUpdateRequest:
    """Request input ``ContactUpdateRequest``.

    Official SDK type: ``contact_update_params.ContactUpdateParams``.
    """

    default_channel: str | None | Unset = UNSET
    opt_out: bool | None | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class ContactsPage:
    """Response data ``ContactsPage``.

    Official SDK type: ``pagination.ContactsPageData[ContactResponse]``.
    """

    contacts: list[Contact] = attrs.field(factory=list)
    pagination: PaginationMeta | None = None


__all__ = [
    "Contact",
    "ContactChannelScore",
    "ContactCreateRequest",
    "ContactMessageSummary",
    "ContactUpdateRequest",
    "ContactsPage",
]
