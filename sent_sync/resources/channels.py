# Generated from sent_async/resources/channels.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/channels.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property, partial
from typing import Any

from sent_async._types import UNSET, Unset
from sent_async.models import (
    ChannelsState,
    CountryNumberTypes,
    RcsAgent,
    RcsAgentUseCase,
    RcsBillingCategory,
    RcsHostingRegion,
    RcsOfficialAddress,
    VoiceCallbackTest,
    VoiceNumber,
    VoiceNumberCreated,
    VoiceNumberUpdateRequestStatus,
    VoiceSecret,
    WhatsappChannel,
)
from sent_async.resources.channels import (
    AsyncChannels,
    AsyncRcsChannels,
    AsyncVoiceChannels,
    AsyncWhatsappChannels,
)
from sent_sync._portal import SyncResource
from sent_sync.resources.sms_markets import MarketNumbers, SmsChannels


class Channels(SyncResource):
    """Sending channels: SMS markets and their numbers, WhatsApp, RCS and voice numbers."""

    _inner: AsyncChannels

    @cached_property
    def sms(self) -> SmsChannels:
        """SMS markets (one per country and sender type) and US 10DLC campaigns."""
        return SmsChannels(self._inner.sms, self._portal)

    @cached_property
    def numbers(self) -> MarketNumbers:
        """The numbers of a market: ``numbers.list("sms", "US", "TEN_DLC")``."""
        return MarketNumbers(self._inner.numbers, self._portal)

    @cached_property
    def whatsapp(self) -> WhatsappChannels:
        """Connect a WhatsApp Business account."""
        return WhatsappChannels(self._inner.whatsapp, self._portal)

    @cached_property
    def rcs(self) -> RcsChannels:
        """Request an RCS agent."""
        return RcsChannels(self._inner.rcs, self._portal)

    @cached_property
    def voice(self) -> VoiceChannels:
        """Voice numbers: where Sent asks what to do with a call, and how it signs asking."""
        return VoiceChannels(self._inner.voice, self._portal)

    def list(self) -> ChannelsState:
        """Every channel of the account (or of the ``for_profile`` view): SMS markets,
        WhatsApp, RCS, MMS and voice, each with its status."""
        return self._portal.call(partial(self._inner.list))

    def number_types(self, channel: str, country: str) -> CountryNumberTypes:
        """The sender types ``country`` offers on ``channel`` (sms, mms, voice), with fees and
        compliance; whatsapp and rcs answer 501. An empty list: the country offers none."""
        return self._portal.call(partial(self._inner.number_types, channel, country))


class WhatsappChannels(SyncResource):
    """WhatsApp Business accounts, shared with Sent through a Multi-Partner Solution."""

    _inner: AsyncWhatsappChannels

    def create(
        self,
        *,
        waba_id: str,
        phone_number_id: str | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> WhatsappChannel:
        """Connect the account ``waba_id``; Sent resolves the token and business ids itself."""
        return self._portal.call(
            partial(
                self._inner.create,
                waba_id=waba_id,
                phone_number_id=phone_number_id,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )


class RcsChannels(SyncResource):
    """RCS agents: requested here, approved later by carriers."""

    _inner: AsyncRcsChannels

    def create(
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
        return self._portal.call(
            partial(
                self._inner.create,
                brand_name=brand_name,
                privacy_policy_url=privacy_policy_url,
                terms_and_conditions_url=terms_and_conditions_url,
                display_name=display_name,
                description=description,
                agent_use_case=agent_use_case,
                website_url=website_url,
                brand_color=brand_color,
                logo_url=logo_url,
                banner_url=banner_url,
                brand_phone_number=brand_phone_number,
                customer_support_phone_number=customer_support_phone_number,
                brand_email=brand_email,
                customer_support_email=customer_support_email,
                contact_name_and_title=contact_name_and_title,
                company_ein=company_ein,
                entity_type=entity_type,
                official_address=official_address,
                brief_company_description=brief_company_description,
                opt_in_process_description=opt_in_process_description,
                start_message=start_message,
                help_message=help_message,
                stop_message=stop_message,
                sample_messages=sample_messages,
                opt_in_screenshot_url=opt_in_screenshot_url,
                hosting_region=hosting_region,
                billing_category=billing_category,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )


class VoiceChannels(SyncResource):
    """Voice numbers: callback URL, secret rotation and tests."""

    _inner: AsyncVoiceChannels

    def list(self) -> list[VoiceNumber]:
        """List the organization's voice numbers (one response, no paging)."""
        return self._portal.call(partial(self._inner.list))

    def create(
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
        return self._portal.call(
            partial(
                self._inner.create,
                callback_url=callback_url,
                number=number,
                area_code=area_code,
                default_for_app_calls=default_for_app_calls,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def get(self, number: str) -> VoiceNumber:
        """Get one voice number by its E.164 form, e.g. ``"+14155550123"``."""
        return self._portal.call(partial(self._inner.get, number))

    def update(
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
        return self._portal.call(
            partial(
                self._inner.update,
                number,
                callback_url=callback_url,
                default_for_app_calls=default_for_app_calls,
                status=status,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def rotate_secret(
        self, number: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> VoiceSecret:
        """Issue a new callback secret. The old one stops signing at once: no overlap."""
        return self._portal.call(
            partial(
                self._inner.rotate_secret, number, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    def test(
        self, number: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> VoiceCallbackTest:
        """Have Sent call the number's callback URL once and report what came back."""
        return self._portal.call(
            partial(self._inner.test, number, sandbox=sandbox, idempotency_key=idempotency_key)
        )
