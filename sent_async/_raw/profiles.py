# Generated from sent_async/resources/profiles.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/profiles.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async._types import UNSET, Unset
from sent_async.models import (
    BillingContactInput,
    BrandCampaign,
    BrandInput,
    CampaignInput,
    PaymentDetailsInput,
    ProfileCompleteResult,
    ProfileDetail,
    ProfileList,
    WhatsappBusinessAccountInput,
)
from sent_async.resources.profiles import AsyncProfileCampaigns, AsyncProfiles


class AsyncProfilesWithRawResponse:
    """AsyncProfiles whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncProfiles) -> None:
        self._inner = inner

    @cached_property
    def campaigns(self) -> AsyncProfileCampaignsWithRawResponse:
        """TCR campaigns of a profile's brand (US 10DLC)."""
        return AsyncProfileCampaignsWithRawResponse(self._inner.campaigns)

    async def get(self, profile_id: str) -> RawResponse[ProfileDetail]:
        """Get one profile, with its brand and KYC details when a brand is configured."""
        return await capture_raw(self._inner.get(profile_id))

    async def list(self) -> RawResponse[ProfileList]:
        """List every profile of the organization (one response, no paging)."""
        return await capture_raw(self._inner.list())

    async def create(
        self,
        *,
        name: str,
        short_name: str | None | Unset = UNSET,
        description: str | None | Unset = UNSET,
        icon: str | None | Unset = UNSET,
        billing_model: str | None | Unset = UNSET,
        billing_contact: BillingContactInput | Mapping[str, Any] | None | Unset = UNSET,
        payment_details: PaymentDetailsInput | Mapping[str, Any] | None | Unset = UNSET,
        brand: BrandInput | Mapping[str, Any] | None | Unset = UNSET,
        whatsapp_business_account: WhatsappBusinessAccountInput
        | Mapping[str, Any]
        | None
        | Unset = UNSET,
        inherit_tcr_brand: bool | None | Unset = UNSET,
        inherit_tcr_campaign: bool | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[ProfileDetail]:
        """Create a profile (admin role). Payment details go to the processor, never stored.

        ``brand`` cannot be combined with ``inherit_tcr_brand=True``; ``payment_details`` need
        ``billing_model`` "profile" (the default) or "profile_and_organization".
        """
        return await capture_raw(
            self._inner.create(
                name=name,
                short_name=short_name,
                description=description,
                icon=icon,
                billing_model=billing_model,
                billing_contact=billing_contact,
                payment_details=payment_details,
                brand=brand,
                whatsapp_business_account=whatsapp_business_account,
                inherit_tcr_brand=inherit_tcr_brand,
                inherit_tcr_campaign=inherit_tcr_campaign,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def update(
        self,
        profile_id: str,
        *,
        name: str | None | Unset = UNSET,
        short_name: str | None | Unset = UNSET,
        description: str | None | Unset = UNSET,
        icon: str | None | Unset = UNSET,
        billing_model: str | None | Unset = UNSET,
        billing_contact: BillingContactInput | Mapping[str, Any] | None | Unset = UNSET,
        payment_details: PaymentDetailsInput | Mapping[str, Any] | None | Unset = UNSET,
        brand: BrandInput | Mapping[str, Any] | None | Unset = UNSET,
        inherit_tcr_brand: bool | None | Unset = UNSET,
        inherit_tcr_campaign: bool | None | Unset = UNSET,
        sending_phone_number: str | None | Unset = UNSET,
        whatsapp_phone_number: str | None | Unset = UNSET,
        allow_number_change_during_onboarding: bool | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[ProfileDetail]:
        """Change some fields of a profile: omitted fields stay as they are, None clears one."""
        return await capture_raw(
            self._inner.update(
                profile_id,
                name=name,
                short_name=short_name,
                description=description,
                icon=icon,
                billing_model=billing_model,
                billing_contact=billing_contact,
                payment_details=payment_details,
                brand=brand,
                inherit_tcr_brand=inherit_tcr_brand,
                inherit_tcr_campaign=inherit_tcr_campaign,
                sending_phone_number=sending_phone_number,
                whatsapp_phone_number=whatsapp_phone_number,
                allow_number_change_during_onboarding=allow_number_change_during_onboarding,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def delete(
        self, profile_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> RawResponse[None]:
        """Soft-delete a profile: its numbers return to Sent, its history is kept.

        Refused with 409 CONFLICT_012/013 while a number is still on your WhatsApp account.
        """
        return await capture_raw(
            self._inner.delete(profile_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )

    async def complete(
        self,
        profile_id: str,
        *,
        web_hook_url: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[ProfileCompleteResult]:
        """Submit a profile for onboarding. Usually accepted (202) and finished later.

        Sent calls ``web_hook_url`` when processing ends; a 400 names every unmet prerequisite.
        """
        return await capture_raw(
            self._inner.complete(
                profile_id,
                web_hook_url=web_hook_url,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )


class AsyncProfileCampaignsWithRawResponse:
    """AsyncProfileCampaigns whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncProfileCampaigns) -> None:
        self._inner = inner

    async def list(self, profile_id: str) -> RawResponse[list[BrandCampaign]]:
        """List the campaigns of a profile's brand."""
        return await capture_raw(self._inner.list(profile_id))

    async def create(
        self,
        profile_id: str,
        *,
        campaign: CampaignInput | Mapping[str, Any],
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[BrandCampaign]:
        """Create a campaign. Set ``volume`` below 2000 for the cheaper low-volume tier."""
        return await capture_raw(
            self._inner.create(
                profile_id, campaign=campaign, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    async def update(
        self,
        profile_id: str,
        campaign_id: str,
        *,
        campaign: CampaignInput | Mapping[str, Any],
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[BrandCampaign]:
        """Replace a campaign's definition (PUT: send the whole campaign)."""
        return await capture_raw(
            self._inner.update(
                profile_id,
                campaign_id,
                campaign=campaign,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def delete(
        self,
        profile_id: str,
        campaign_id: str,
        *,
        sandbox: bool = False,
        idempotency_key: str | None = None,
    ) -> RawResponse[None]:
        """Delete a campaign."""
        return await capture_raw(
            self._inner.delete(
                profile_id, campaign_id, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )
