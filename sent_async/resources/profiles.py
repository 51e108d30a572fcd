"""Sender profiles (``/v3/profiles``) and their TCR campaigns.

Sent deprecated this family in Aug 2026 in favour of ``/v3/sender-profiles``
(``client.sender_profiles``) and ``/v3/channels``; it still works. Each warning names the call
that replaces it (docs/sender-profiles.md, "Migrating from /v3/profiles").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from .. import _validate
from .._deprecation import deprecated
from .._errors import SentValidationError
from .._types import UNSET, Unset
from ..models import (
    BillingContactInput,
    BrandCampaign,
    BrandInput,
    CampaignCreateRequest,
    CampaignInput,
    CampaignUpdateRequest,
    PaymentDetailsInput,
    ProfileCompleteRequest,
    ProfileCompleteResult,
    ProfileCreateRequest,
    ProfileDetail,
    ProfileList,
    ProfileUpdateRequest,
    SandboxRequest,
    WhatsappBusinessAccountInput,
)
from ._base import AsyncResource, body

_DEPRECATED = "deprecated by Sent (Aug 2026), still served; "
_SHARING = (
    "allow_contact_sharing",
    "allow_template_sharing",
    "inherit_contacts",
    "inherit_templates",
)
_BORROWING = ("sending_phone_number_profile_id", "sending_whatsapp_number_profile_id")
_IGNORED_WHY = (
    "accepted for sentdm compatibility, ignored by Sent since Aug 2026 (sharing and sender "
    "borrowing were removed; they read back false/null)"
)
_SHORT_NAME = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9 ]{3,11}")
_PAYMENT_BILLING_MODELS = frozenset({"profile", "profile_and_organization"})


def _check_profile_rules(
    brand: object,
    inherit_tcr_brand: object,
    payment_details: object,
    billing_model: object,
    short_name: object,
) -> None:
    """Rules Sent documents for create/update; checked here so nothing invalid is sent."""
    if brand not in (None, UNSET) and inherit_tcr_brand is True:
        raise SentValidationError("brand cannot be combined with inherit_tcr_brand=True")
    if payment_details not in (None, UNSET) and billing_model not in (
        UNSET,
        *_PAYMENT_BILLING_MODELS,
    ):
        raise SentValidationError(
            "payment_details are only allowed with billing_model 'profile' or "
            f"'profile_and_organization', not {billing_model!r}"
        )
    if isinstance(short_name, str) and not _SHORT_NAME.fullmatch(short_name):
        raise SentValidationError(
            "short_name must be 3-11 letters, digits or spaces, with at least one letter"
        )


class AsyncProfiles(AsyncResource):
    """Sender profiles: the brands, departments or tenants an organization sends as."""

    @cached_property
    def campaigns(self) -> AsyncProfileCampaigns:
        """TCR campaigns of a profile's brand (US 10DLC)."""
        return AsyncProfileCampaigns(self._t)

    @deprecated(_DEPRECATED + "use client.sender_profiles.get(...)")
    async def get(self, profile_id: str) -> ProfileDetail:
        """Get one profile, with its brand and KYC details when a brand is configured."""
        pid = _validate.uuid(profile_id, "profile_id")
        return await self._t.request("GET", f"/v3/profiles/{pid}", into=ProfileDetail)

    @deprecated(_DEPRECATED + "use client.sender_profiles.list(...)")
    async def list(self) -> ProfileList:
        """List every profile of the organization (one response, no paging)."""
        return await self._t.request("GET", "/v3/profiles", into=ProfileList)

    @deprecated(
        _DEPRECATED + "use client.sender_profiles.create(...)",
        ignored=_SHARING,
        ignored_why=_IGNORED_WHY,
    )
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
        allow_contact_sharing: bool | None | Unset = UNSET,
        allow_template_sharing: bool | None | Unset = UNSET,
        inherit_contacts: bool | None | Unset = UNSET,
        inherit_templates: bool | None | Unset = UNSET,
    ) -> ProfileDetail:
        """Create a profile (admin role). Payment details go to the processor, never stored.

        ``brand`` cannot be combined with ``inherit_tcr_brand=True``; ``payment_details`` need
        ``billing_model`` "profile" (the default) or "profile_and_organization". The sharing
        flags (``allow_*_sharing``, ``inherit_contacts``/``templates``) are accepted as
        ``sentdm`` does, with a DeprecationWarning, and not sent: Sent ignores them.
        """
        _check_profile_rules(brand, inherit_tcr_brand, payment_details, billing_model, short_name)
        request = body(ProfileCreateRequest, locals())
        return await self._t.request(
            "POST",
            "/v3/profiles",
            body=request,
            into=ProfileDetail,
            idempotency_key=idempotency_key,
        )

    @deprecated(
        _DEPRECATED + "use client.sender_profiles.update(...)",
        ignored=_SHARING + _BORROWING,
        ignored_why=_IGNORED_WHY,
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
        allow_contact_sharing: bool | None | Unset = UNSET,
        allow_template_sharing: bool | None | Unset = UNSET,
        inherit_contacts: bool | None | Unset = UNSET,
        inherit_templates: bool | None | Unset = UNSET,
        sending_phone_number_profile_id: str | None | Unset = UNSET,
        sending_whatsapp_number_profile_id: str | None | Unset = UNSET,
    ) -> ProfileDetail:
        """Change some fields of a profile: omitted fields stay as they are, None clears one.

        The sharing and sender-borrowing fields are accepted as ``sentdm`` does, with a
        DeprecationWarning, and not sent: Sent ignores them since Aug 2026.
        """
        pid = _validate.uuid(profile_id, "profile_id")
        _check_profile_rules(brand, inherit_tcr_brand, payment_details, billing_model, short_name)
        request = body(ProfileUpdateRequest, locals())
        return await self._t.request(
            "PATCH",
            f"/v3/profiles/{pid}",
            body=request,
            into=ProfileDetail,
            idempotency_key=idempotency_key,
        )

    @deprecated(_DEPRECATED + "use client.sender_profiles.delete(...)")
    async def delete(
        self, profile_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> None:
        """Soft-delete a profile: its numbers return to Sent, its history is kept.

        Refused with 409 CONFLICT_012/013 while a number is still on your WhatsApp account.
        """
        pid = _validate.uuid(profile_id, "profile_id")
        await self._t.request(
            "DELETE",
            f"/v3/profiles/{pid}",
            body=SandboxRequest(sandbox=sandbox),
            idempotency_key=idempotency_key,
        )

    @deprecated(
        _DEPRECATED
        + "nothing replaces it: a profile from client.sender_profiles.create(...) can send at once"
    )
    async def complete(
        self,
        profile_id: str,
        *,
        web_hook_url: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> ProfileCompleteResult:
        """Submit a profile for onboarding. Usually accepted (202) and finished later.

        Sent calls ``web_hook_url`` when processing ends; a 400 names every unmet prerequisite.
        """
        pid = _validate.uuid(profile_id, "profile_id")
        request = body(ProfileCompleteRequest, locals())
        return await self._t.request(
            "POST",
            f"/v3/profiles/{pid}/complete",
            body=request,
            into=ProfileCompleteResult,
            idempotency_key=idempotency_key,
        )


class AsyncProfileCampaigns(AsyncResource):
    """TCR campaigns attached to a profile's brand."""

    @deprecated(_DEPRECATED + "use client.channels.sms.campaigns.list(...)")
    async def list(self, profile_id: str) -> list[BrandCampaign]:
        """List the campaigns of a profile's brand."""
        pid = _validate.uuid(profile_id, "profile_id")
        return await self._t.request(
            "GET", f"/v3/profiles/{pid}/campaigns", into=list[BrandCampaign]
        )

    @deprecated(_DEPRECATED + "use client.channels.sms.campaigns.create(...)")
    async def create(
        self,
        profile_id: str,
        *,
        campaign: CampaignInput | Mapping[str, Any],
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> BrandCampaign:
        """Create a campaign. Set ``volume`` below 2000 for the cheaper low-volume tier."""
        pid = _validate.uuid(profile_id, "profile_id")
        request = body(CampaignCreateRequest, locals())
        return await self._t.request(
            "POST",
            f"/v3/profiles/{pid}/campaigns",
            body=request,
            into=BrandCampaign,
            idempotency_key=idempotency_key,
        )

    @deprecated(
        _DEPRECATED + "use client.channels.sms.campaigns.update(...)",
        ignored=_SHARING + _BORROWING,
        ignored_why=_IGNORED_WHY,
    )
    async def update(
        self,
        profile_id: str,
        campaign_id: str,
        *,
        campaign: CampaignInput | Mapping[str, Any],
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> BrandCampaign:
        """Replace a campaign's definition (PUT: send the whole campaign)."""
        pid = _validate.uuid(profile_id, "profile_id")
        cid = _validate.uuid(campaign_id, "campaign_id")
        request = body(CampaignUpdateRequest, locals())
        return await self._t.request(
            "PUT",
            f"/v3/profiles/{pid}/campaigns/{cid}",
            body=request,
            into=BrandCampaign,
            idempotency_key=idempotency_key,
        )

    @deprecated(
        _DEPRECATED + "no delete replaces it: use client.channels.sms.campaigns.update(...)"
    )
    async def delete(
        self,
        profile_id: str,
        campaign_id: str,
        *,
        sandbox: bool = False,
        idempotency_key: str | None = None,
    ) -> None:
        """Delete a campaign."""
        pid = _validate.uuid(profile_id, "profile_id")
        cid = _validate.uuid(campaign_id, "campaign_id")
        await self._t.request(
            "DELETE",
            f"/v3/profiles/{pid}/campaigns/{cid}",
            body=SandboxRequest(sandbox=sandbox),
            idempotency_key=idempotency_key,
        )
