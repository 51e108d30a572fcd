"""The ``channels`` API family: every channel of the account, WhatsApp and RCS, voice numbers.

SMS markets, their numbers and US 10DLC campaigns live in ``sms_markets.py``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

from .. import _validate
from .._errors import SentValidationError
from .._types import UNSET, Unset
from ..models import (
    ChannelsState,
    CountryNumberTypes,
    RcsAgent,
    RcsAgentUseCase,
    RcsBillingCategory,
    RcsChannelCreateRequest,
    RcsHostingRegion,
    RcsOfficialAddress,
    SandboxRequest,
    VoiceCallbackTest,
    VoiceNumber,
    VoiceNumberCreated,
    VoiceNumberCreateRequest,
    VoiceNumberUpdateRequest,
    VoiceNumberUpdateRequestStatus,
    VoiceSecret,
    WhatsappChannel,
    WhatsappChannelCreateRequest,
)
from ._base import AsyncResource, body
from .sms_markets import AsyncMarketNumbers, AsyncSmsChannels, country_code

_STATUSES = frozenset(s.value for s in VoiceNumberUpdateRequestStatus)


def _check_url(value: object) -> None:
    """A callback URL must be an absolute http(s) URL (None and UNSET pass: nothing to check)."""
    if value is not None and value is not UNSET:
        _validate.http_url(value, "callback_url")


_RCS_URLS = ("website_url", "logo_url", "banner_url", "opt_in_screenshot_url")


class AsyncChannels(AsyncResource):
    """Sending channels: SMS markets and their numbers, WhatsApp, RCS and voice numbers."""

    @cached_property
    def sms(self) -> AsyncSmsChannels:
        """SMS markets (one per country and sender type) and US 10DLC campaigns."""
        return AsyncSmsChannels(self._t)

    @cached_property
    def numbers(self) -> AsyncMarketNumbers:
        """The numbers of a market: ``numbers.list("sms", "US", "TEN_DLC")``."""
        return AsyncMarketNumbers(self._t)

    @cached_property
    def whatsapp(self) -> AsyncWhatsappChannels:
        """Connect a WhatsApp Business account."""
        return AsyncWhatsappChannels(self._t)

    @cached_property
    def rcs(self) -> AsyncRcsChannels:
        """Request an RCS agent."""
        return AsyncRcsChannels(self._t)

    @cached_property
    def voice(self) -> AsyncVoiceChannels:
        """Voice numbers: where Sent asks what to do with a call, and how it signs asking."""
        return AsyncVoiceChannels(self._t)

    async def list(self) -> ChannelsState:
        """Every channel of the account (or of the ``for_profile`` view): SMS markets,
        WhatsApp, RCS, MMS and voice, each with its status."""
        return await self._t.request("GET", "/v3/channels", into=ChannelsState)

    async def number_types(self, channel: str, country: str) -> CountryNumberTypes:
        """The sender types ``country`` offers on ``channel`` (sms, mms, voice), with fees and
        compliance; whatsapp and rcs answer 501. An empty list: the country offers none."""
        chan = _validate.path_id(channel, "channel").lower()
        path = f"/v3/channels/{chan}/{country_code(country)}/compliance"
        return await self._t.request("GET", path, into=CountryNumberTypes)


class AsyncWhatsappChannels(AsyncResource):
    """WhatsApp Business accounts, shared with Sent through a Multi-Partner Solution."""

    async def create(
        self,
        *,
        waba_id: str,
        phone_number_id: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> WhatsappChannel:
        """Connect the account ``waba_id``; Sent resolves the token and business ids itself."""
        if not isinstance(waba_id, str) or not waba_id.strip():
            raise SentValidationError("waba_id is required")
        return await self._t.request(
            "POST",
            "/v3/channels/whatsapp",
            body=body(WhatsappChannelCreateRequest, locals()),
            into=WhatsappChannel,
            idempotency_key=idempotency_key,
        )


class AsyncRcsChannels(AsyncResource):
    """RCS agents: requested here, approved later by carriers."""

    async def create(
        self,
        *,
        brand_name: str,
        privacy_policy_url: str,
        terms_and_conditions_url: str,
        display_name: str | Unset = UNSET,
        description: str | Unset = UNSET,
        agent_use_case: RcsAgentUseCase | str | Unset = UNSET,
        website_url: str | Unset = UNSET,
        brand_color: str | Unset = UNSET,
        logo_url: str | Unset = UNSET,
        banner_url: str | Unset = UNSET,
        brand_phone_number: str | Unset = UNSET,
        customer_support_phone_number: str | Unset = UNSET,
        brand_email: str | Unset = UNSET,
        customer_support_email: str | Unset = UNSET,
        contact_name_and_title: str | Unset = UNSET,
        company_ein: str | Unset = UNSET,
        entity_type: str | Unset = UNSET,
        official_address: RcsOfficialAddress | Mapping[str, Any] | Unset = UNSET,
        brief_company_description: str | Unset = UNSET,
        opt_in_process_description: str | Unset = UNSET,
        start_message: str | Unset = UNSET,
        help_message: str | Unset = UNSET,
        stop_message: str | Unset = UNSET,
        sample_messages: Sequence[str] | Unset = UNSET,
        opt_in_screenshot_url: str | Unset = UNSET,
        hosting_region: RcsHostingRegion | str | Unset = UNSET,
        billing_category: RcsBillingCategory | str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RcsAgent:
        """Request an RCS agent (always 202: carriers approve it later, status PROVISIONING).

        The docs require only the first three; Sent reports whatever else it wants (§3.7).
        ``hosting_region`` and ``billing_category`` are sent only when set.
        """
        _validate.http_url(privacy_policy_url, "privacy_policy_url")
        _validate.http_url(terms_and_conditions_url, "terms_and_conditions_url")
        for name in _RCS_URLS:
            if locals()[name] is not UNSET:
                _validate.http_url(locals()[name], name)
        return await self._t.request(
            "POST",
            "/v3/channels/rcs",
            body=body(RcsChannelCreateRequest, locals()),
            into=RcsAgent,
            idempotency_key=idempotency_key,
        )


class AsyncVoiceChannels(AsyncResource):
    """Voice numbers: callback URL, secret rotation and tests."""

    async def list(self) -> list[VoiceNumber]:
        """List the organization's voice numbers (one response, no paging)."""
        return await self._t.request("GET", "/v3/channels/voice", into=list[VoiceNumber])

    async def create(
        self,
        *,
        callback_url: str,
        number: str | None | Unset = UNSET,
        area_code: str | None | Unset = UNSET,
        default_for_app_calls: bool | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> VoiceNumberCreated:
        """Add a voice number: one of yours (``number``) or a new one near ``area_code``.

        The answer carries ``callback_secret`` (whsec_...), the key that signs Sent's callbacks
        to this number: keep it with your other secrets (``rotate_secret`` issues a new one).
        """
        _check_url(callback_url)
        if isinstance(number, str):
            _validate.e164(number, "number")
        return await self._t.request(
            "POST",
            "/v3/channels/voice",
            body=body(VoiceNumberCreateRequest, locals()),
            into=VoiceNumberCreated,
            idempotency_key=idempotency_key,
        )

    async def get(self, number: str) -> VoiceNumber:
        """Get one voice number by its E.164 form, e.g. ``"+14155550123"``."""
        num = _validate.e164_path(number, "number")
        return await self._t.request("GET", f"/v3/channels/voice/{num}", into=VoiceNumber)

    async def update(
        self,
        number: str,
        *,
        callback_url: str | None | Unset = UNSET,
        default_for_app_calls: bool | None | Unset = UNSET,
        status: VoiceNumberUpdateRequestStatus | str | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> VoiceNumber:
        """Change a voice number: omitted fields stay as they are. ``status``: ACTIVE/INACTIVE."""
        num = _validate.e164_path(number, "number")
        _check_url(callback_url)
        if status is not UNSET and status is not None and status not in _STATUSES:
            raise SentValidationError(f"status must be 'ACTIVE' or 'INACTIVE', got {status!r}")
        return await self._t.request(
            "PATCH",
            f"/v3/channels/voice/{num}",
            body=body(VoiceNumberUpdateRequest, locals()),
            into=VoiceNumber,
            idempotency_key=idempotency_key,
        )

    async def rotate_secret(
        self, number: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> VoiceSecret:
        """Issue a new callback secret. The old one stops signing at once: no overlap."""
        num = _validate.e164_path(number, "number")
        return await self._t.request(
            "POST",
            f"/v3/channels/voice/{num}/rotate-secret",
            body=body(SandboxRequest, locals()),
            into=VoiceSecret,
            idempotency_key=idempotency_key,
        )

    async def test(
        self, number: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> VoiceCallbackTest:
        """Have Sent call the number's callback URL once and report what came back."""
        num = _validate.e164_path(number, "number")
        return await self._t.request(
            "POST",
            f"/v3/channels/voice/{num}/test",
            body=body(SandboxRequest, locals()),
            into=VoiceCallbackTest,
            idempotency_key=idempotency_key,
        )
