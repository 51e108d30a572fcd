# Generated from spec/sent-v3.openapi.json and spec/sent-current.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``channels`` API family."""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from .._types import UNSET, StrEnum, Unset
from .compliance import Compliance


class ChannelStatus(StrEnum):
    """``ChannelStatus`` values."""

    PROVISIONING = "PROVISIONING"
    ACTION_NEEDED = "ACTION_NEEDED"
    PENDING_REVIEW = "PENDING_REVIEW"
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


@attrs.frozen(kw_only=True)
class ChannelsState:
    """Response data ``ChannelsState``.

    Facts: spec/sent-current-api-facts.md §3.1.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    compliance: list[Any] = attrs.field(factory=list)
    customer_id: str | None = None
    mms: list[MmsMarket] = attrs.field(factory=list)
    rcs: RcsAgent | None = None
    sms: list[Market] = attrs.field(factory=list)
    voice: list[VoiceNumber] = attrs.field(factory=list)
    whatsapp: WhatsappChannel | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


@attrs.frozen(kw_only=True)
class Market:
    """Response data ``Market``.

    Facts: spec/sent-current-api-facts.md §3.2.
    """

    compliance: Compliance | None = None
    country: str | None = None
    note: str | None = None
    number_type: SenderType | str | None = None
    numbers: list[MarketNumber] = attrs.field(factory=list)
    reason: str | None = None
    reason_code: str | None = None
    sender_value: str | None = attrs.field(default=None, metadata={"deprecated": True})
    status: ChannelStatus | str | None = None


@attrs.frozen(kw_only=True)
class MarketNumber:
    """Response data ``MarketNumber``.

    Facts: spec/sent-current-api-facts.md §3.2, §3.8.
    """

    area_code: str | None = None
    campaign_id: str | None = None
    sender_value: str | None = None
    status: NumberStatus | str | None = None


@attrs.frozen(kw_only=True)
class MarketNumbersRequest:
    """Request input ``MarketNumbersRequest``.

    Facts: spec/sent-current-api-facts.md §3.8.
    """

    numbers: list[NumberRequest]
    campaign_id: str | Unset = UNSET


@attrs.frozen(kw_only=True)
class MmsMarket:
    """Response data ``MmsMarket``.

    Facts: spec/sent-current-api-facts.md §3.1.
    """

    country: str | None = None
    number_type: SenderType | str | None = None
    sender_value: str | None = None
    status: ChannelStatus | str | None = None


@attrs.frozen(kw_only=True)
class NumberRequest:
    """Request input ``NumberRequest``.

    Facts: spec/sent-current-api-facts.md §3.4, §3.8.
    """

    quantity: int
    area_code: str | Unset = UNSET


class NumberStatus(StrEnum):
    """``NumberStatus`` values."""

    ACTIVE = "ACTIVE"
    PROVISIONING = "PROVISIONING"
    INACTIVE = "INACTIVE"


@attrs.frozen(kw_only=True)
class RcsAgent:
    """Response data ``RcsAgent``.

    Facts: spec/sent-current-api-facts.md §3.1, §3.7.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    agent_use_case: RcsAgentUseCase | str | None = None
    brand_color: str | None = None
    brand_email: str | None = None
    brand_name: str | None = None
    brand_phone_number: str | None = None
    brief_company_description: str | None = None
    company_ein: str | None = None
    contact_name_and_title: str | None = None
    created_at: datetime.datetime | None = None
    customer_support_email: str | None = None
    customer_support_phone_number: str | None = None
    description: str | None = None
    display_name: str | None = None
    entity_type: str | None = None
    help_message: str | None = None
    id: str | None = None
    official_address: RcsOfficialAddress | None = None
    opt_in_process_description: str | None = None
    opt_in_screenshot_url: str | None = None
    phone_number: str | None = None
    privacy_policy_url: str | None = None
    reason: str | None = None
    reason_code: str | None = None
    sample_messages: list[str] = attrs.field(factory=list)
    start_message: str | None = None
    status: ChannelStatus | str | None = None
    stop_message: str | None = None
    terms_and_conditions_url: str | None = None
    website_url: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


class RcsAgentUseCase(StrEnum):
    """``RcsAgentUseCase`` values."""

    VERIFICATION = "VERIFICATION"
    NOTIFICATIONS = "NOTIFICATIONS"
    MARKETING = "MARKETING"
    MULTI_USE = "MULTI_USE"


class RcsBillingCategory(StrEnum):
    """``RcsBillingCategory`` values."""

    CONVERSATIONAL = "CONVERSATIONAL"
    SINGLE_MESSAGE = "SINGLE_MESSAGE"
    BASIC_MESSAGE = "BASIC_MESSAGE"


@attrs.frozen(kw_only=True)
class RcsChannelCreateRequest:
    """Request input ``RcsChannelCreateRequest``.

    Facts: spec/sent-current-api-facts.md §3.7.
    """

    brand_name: str
    privacy_policy_url: str
    terms_and_conditions_url: str
    agent_use_case: RcsAgentUseCase | str | Unset = UNSET
    banner_url: str | Unset = UNSET
    billing_category: RcsBillingCategory | str | Unset = UNSET
    brand_color: str | Unset = UNSET
    brand_email: str | Unset = UNSET
    brand_phone_number: str | Unset = UNSET
    brief_company_description: str | Unset = UNSET
    company_ein: str | Unset = UNSET
    contact_name_and_title: str | Unset = UNSET
    customer_support_email: str | Unset = UNSET
    customer_support_phone_number: str | Unset = UNSET
    description: str | Unset = UNSET
    display_name: str | Unset = UNSET
    entity_type: str | Unset = UNSET
    help_message: str | Unset = UNSET
    hosting_region: RcsHostingRegion | str | Unset = UNSET
    logo_url: str | Unset = UNSET
    official_address: RcsOfficialAddress | Unset = UNSET
    opt_in_process_description: str | Unset = UNSET
    opt_in_screenshot_url: str | Unset = UNSET
    sample_messages: list[str] | Unset = UNSET
    sandbox: bool | Unset = UNSET
    start_message: str | Unset = UNSET
    stop_message: str | Unset = UNSET
    website_url: str | Unset = UNSET


class RcsHostingRegion(StrEnum):
    """``RcsHostingRegion`` values."""

    US = "us"
    EU = "eu"


@attrs.frozen(kw_only=True)
class RcsOfficialAddress:
    """Request input ``RcsOfficialAddress``.

    Facts: spec/sent-current-api-facts.md §3.7.
    """

    city: str | None | Unset = UNSET
    country: str | None | Unset = UNSET
    postal_code: str | None | Unset = UNSET
    state: str | None | Unset = UNSET
    street: str | None | Unset = UNSET


class SenderType(StrEnum):
    """``SenderType`` values."""

    LOCAL = "LOCAL"
    MOBILE = "MOBILE"
    TEN_DLC = "TEN_DLC"
    _10DLC = "10DLC"
    TOLL_FREE = "TOLL_FREE"
    SHORT_CODE = "SHORT_CODE"
    ALPHANUMERIC = "ALPHANUMERIC"


@attrs.frozen(kw_only=True)
class SmsChannelCreateRequest:
    """Request input ``SmsChannelCreateRequest``.

    Facts: spec/sent-current-api-facts.md §3.4.
    """

    country: str
    number_type: SenderType | str
    area_codes: list[str] | Unset = UNSET
    compliance: Compliance | Unset = UNSET
    numbers: list[NumberRequest] | Unset = UNSET
    sandbox: bool | Unset = UNSET
    sender_value: str | Unset = UNSET


@attrs.frozen(kw_only=True)
class SmsChannelUpdateRequest:
    """Request input ``SmsChannelUpdateRequest``.

    Facts: spec/sent-current-api-facts.md §3.5.
    """

    compliance: Compliance | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class VoiceCallbackTest:
    """Response data ``VoiceCallbackTest``.

    Official SDK type: ``channels.voice_callback_test.VoiceCallbackTest``.
    """

    answer: dict[str, Any] | None = None
    call_id: str | None = None
    error: VoiceCallbackTestErrorInfo | None = None
    outcome: str | None = None
    request: VoiceCallbackTestRequestInfo | None = None
    response: VoiceCallbackTestResponseInfo | None = None


@attrs.frozen(kw_only=True)
class VoiceCallbackTestErrorInfo:
    """Response data ``VoiceCallbackTestErrorInfo``.

    Official SDK type: ``channels.voice_callback_test_error_info.VoiceCallbackTestErrorInfo``.
    """

    message: str | None = None
    path: str | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True)
class VoiceCallbackTestRequestInfo:
    """Response data ``VoiceCallbackTestRequestInfo``.

    Official SDK type: ``channels.voice_callback_test_request_info.VoiceCallbackTestRequestInfo``.
    """

    body: str | None = None
    headers: dict[str, str] | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class VoiceCallbackTestResponseInfo:
    """Response data ``VoiceCallbackTestResponseInfo``.

    Official SDK type: ``channels.voice_callback_test_response_info.VoiceCallbackTestResponseInfo``.
    """

    body: str | None = None
    status_code: int | None = None


@attrs.frozen(kw_only=True)
class VoiceNumber:
    """Response data ``VoiceNumber``.

    Official SDK type: ``channels.voice_number.VoiceNumber``.
    """

    callback_url: str | None = None
    created_at: datetime.datetime | None = None
    default_for_app_calls: bool | None = None
    number: str | None = None
    status: str | None = None
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class VoiceNumberCreateRequest:
    """Request input ``VoiceNumberCreateRequest``.

    Official SDK type: ``channels.voice_create_params.VoiceCreateParams``.
    """

    callback_url: str
    area_code: str | None | Unset = UNSET
    default_for_app_calls: bool | None | Unset = UNSET
    number: str | None | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class VoiceNumberCreated:
    """Response data ``VoiceNumberCreated``.

    Official SDK type: ``channels.voice_number_created.VoiceNumberCreated``.
    """

    callback_secret: str | None = attrs.field(default=None, repr=False)
    callback_url: str | None = None
    created_at: datetime.datetime | None = None
    default_for_app_calls: bool | None = None
    number: str | None = None
    status: str | None = None
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class VoiceNumberUpdateRequest:
    """Request input ``VoiceNumberUpdateRequest``.

    Official SDK type: ``channels.voice_update_params.VoiceUpdateParams``.
    """

    callback_url: str | None | Unset = UNSET
    default_for_app_calls: bool | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    status: VoiceNumberUpdateRequestStatus | str | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class VoiceSecret:
    """Response data ``VoiceSecret``.

    Official SDK type: ``channels.voice_secret.VoiceSecret``.
    """

    callback_secret: str | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class WhatsappChannel:
    """Response data ``WhatsappChannel``.

    Facts: spec/sent-current-api-facts.md §3.1, §3.6.
    """

    owner_business_id: str | None = None
    phone_number_id: str | None = None
    reason: str | None = None
    reason_code: str | None = None
    solution_id: str | None = None
    status: ChannelStatus | str | None = None
    waba_id: str | None = None


@attrs.frozen(kw_only=True)
class WhatsappChannelCreateRequest:
    """Request input ``WhatsappChannelCreateRequest``.

    Facts: spec/sent-current-api-facts.md §3.6.
    """

    waba_id: str
    phone_number_id: str | Unset = UNSET
    sandbox: bool | Unset = UNSET


class VoiceNumberUpdateRequestStatus(StrEnum):
    """``VoiceNumberUpdateRequestStatus`` values."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


__all__ = [
    "ChannelStatus",
    "ChannelsState",
    "Market",
    "MarketNumber",
    "MarketNumbersRequest",
    "MmsMarket",
    "NumberRequest",
    "NumberStatus",
    "RcsAgent",
    "RcsAgentUseCase",
    "RcsBillingCategory",
    "RcsChannelCreateRequest",
    "RcsHostingRegion",
    "RcsOfficialAddress",
    "SenderType",
    "SmsChannelCreateRequest",
    "SmsChannelUpdateRequest",
    "VoiceCallbackTest",
    "VoiceCallbackTestErrorInfo",
    "VoiceCallbackTestRequestInfo",
    "VoiceCallbackTestResponseInfo",
    "VoiceNumber",
    "VoiceNumberCreateRequest",
    "VoiceNumberCreated",
    "VoiceNumberUpdateRequest",
    "VoiceNumberUpdateRequestStatus",
    "VoiceSecret",
    "WhatsappChannel",
    "WhatsappChannelCreateRequest",
]
