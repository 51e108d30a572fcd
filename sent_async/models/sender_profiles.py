# Generated from spec/sent-current.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``sender_profiles`` API family."""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from .._types import UNSET, Unset
from ._common import PaginationMeta
from .channels import (
    ChannelsState,
    RcsChannelCreateRequest,
    SmsChannelCreateRequest,
    WhatsappChannelCreateRequest,
)
from .compliance import Compliance


@attrs.frozen(kw_only=True)
class SenderProfile:
    """Response data ``SenderProfile``.

    Facts: spec/sent-current-api-facts.md §2.6.
    """

    _api_key: str | None = attrs.field(default=None, metadata={"wire": "api_key"}, repr=False)
    billing: SenderProfileBilling | None = None
    channels: ChannelsState | None = None
    compliance: Compliance | None = None
    created_at: datetime.datetime | None = None
    description: str | None = None
    id: str | None = None
    name: str | None = None
    notifications: str | None = None
    organization_id: str | None = None
    short_name: str | None = None

    def reveal_api_key(self) -> str | None:
        """The ``api_key`` secret itself (kept out of ``repr`` and ``str``)."""
        return self._api_key


@attrs.frozen(kw_only=True)
class SenderProfileBilling:
    """Request input ``SenderProfileBilling``.

    Facts: spec/sent-current-api-facts.md §2.1, §2.6.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    fallback: bool | None | Unset = UNSET
    inherit: bool | Unset = UNSET
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


@attrs.frozen(kw_only=True)
class SenderProfileChannelsInput:
    """Request input ``SenderProfileChannelsInput``.

    Facts: spec/sent-current-api-facts.md §2.1.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    rcs: RcsChannelCreateRequest | Unset = UNSET
    sms: SmsChannelCreateRequest | Unset = UNSET
    whatsapp: WhatsappChannelCreateRequest | Unset = UNSET
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


@attrs.frozen(kw_only=True)
class SenderProfileCreateRequest:
    """Request input ``SenderProfileCreateRequest``.

    Facts: spec/sent-current-api-facts.md §2.1.
    """

    name: str
    short_name: str
    billing: SenderProfileBilling | Unset = UNSET
    channels: SenderProfileChannelsInput | Unset = UNSET
    compliance: Compliance | Unset = UNSET
    description: str | Unset = UNSET
    notifications: str | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class SenderProfileList:
    """Response data ``SenderProfileList``.

    Facts: spec/sent-current-api-facts.md §2.2.
    """

    pagination: PaginationMeta | None = None
    sender_profiles: list[SenderProfile] = attrs.field(factory=list)


@attrs.frozen(kw_only=True)
class SenderProfileUpdateRequest:
    """Request input ``SenderProfileUpdateRequest``.

    Facts: spec/sent-current-api-facts.md §2.4.
    """

    description: str | None | Unset = UNSET
    name: str | Unset = UNSET
    notifications: str | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    short_name: str | Unset = UNSET


__all__ = [
    "SenderProfile",
    "SenderProfileBilling",
    "SenderProfileChannelsInput",
    "SenderProfileCreateRequest",
    "SenderProfileList",
    "SenderProfileUpdateRequest",
]
