# Generated from sent_async/resources/profiles.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/profiles.py``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property, partial
from typing import Any

from sent_async._deprecation import deprecated
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
from sent_async.resources.profiles import (
    _BORROWING,
    _DEPRECATED,
    _IGNORED_WHY,
    _SHARING,
    AsyncProfileCampaigns,
    AsyncProfiles,
)
from sent_sync._portal import SyncResource


class Profiles(SyncResource):
    """Sender profiles: the brands, departments or tenants an organization sends as."""

    _inner: AsyncProfiles

    @cached_property
    def campaigns(self) -> ProfileCampaigns:
        """TCR campaigns of a profile's brand (US 10DLC)."""
        return ProfileCampaigns(self._inner.campaigns, self._portal)

    @deprecated(_DEPRECATED + "use client.sender_profiles.get(...)")
    def get(self, profile_id: str) -> ProfileDetail:
        """Get one profile, with its brand and KYC details when a brand is configured."""
        return self._portal.call(partial(self._inner.get, profile_id))

    @deprecated(_DEPRECATED + "use client.sender_profiles.list(...)")
    def list(self) -> ProfileList:
        """List every profile of the organization (one response, no paging)."""
        return self._portal.call(partial(self._inner.list))

    @deprecated(
        _DEPRECATED + "use client.sender_profiles.create(...)",
        ignored=_SHARING,
        ignored_why=_IGNORED_WHY,
    )
    def create(
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
        return self._portal.call(
            partial(
                self._inner.create,
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
                allow_contact_sharing=allow_contact_sharing,
                allow_template_sharing=allow_template_sharing,
                inherit_contacts=inherit_contacts,
                inherit_templates=inherit_templates,
            )
        )

    @deprecated(
        _DEPRECATED + "use client.sender_profiles.update(...)",
        ignored=_SHARING + _BORROWING,
        ignored_why=_IGNORED_WHY,
    )
    def update(
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
        return self._portal.call(
            partial(
                self._inner.update,
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
                allow_contact_sharing=allow_contact_sharing,
                allow_template_sharing=allow_template_sharing,
                inherit_contacts=inherit_contacts,
                inherit_templates=inherit_templates,
                sending_phone_number_profile_id=sending_phone_number_profile_id,
                sending_whatsapp_number_profile_id=sending_whatsapp_number_profile_id,
            )
        )

    @deprecated(_DEPRECATED + "use client.sender_profiles.delete(...)")
    def delete(
        self, profile_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> None:
        """Soft-delete a profile: its numbers return to Sent, its history is kept.

        Refused with 409 CONFLICT_012/013 while a number is still on your WhatsApp account.
        """
        return self._portal.call(
            partial(
                self._inner.delete, profile_id, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    @deprecated(
        _DEPRECATED
        + "nothing replaces it: a profile from client.sender_profiles.create(...) can send at once"
    )
    def complete(
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
        return self._portal.call(
            partial(
                self._inner.complete,
                profile_id,
                web_hook_url=web_hook_url,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )


class ProfileCampaigns(SyncResource):
    """TCR campaigns attached to a profile's brand."""

    _inner: AsyncProfileCampaigns

    @deprecated(_DEPRECATED + "use client.channels.sms.campaigns.list(...)")
    def list(self, profile_id: str) -> list[BrandCampaign]:
        """List the campaigns of a profile's brand."""
        return self._portal.call(partial(self._inner.list, profile_id))

    @deprecated(_DEPRECATED + "use client.channels.sms.campaigns.create(...)")
    def create(
        self,
        profile_id: str,
        *,
        campaign: CampaignInput | Mapping[str, Any],
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> BrandCampaign:
        """Create a campaign. Set ``volume`` below 2000 for the cheaper low-volume tier."""
        return self._portal.call(
            partial(
                self._inner.create,
                profile_id,
                campaign=campaign,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    @deprecated(
        _DEPRECATED + "use client.channels.sms.campaigns.update(...)",
        ignored=_SHARING + _BORROWING,
        ignored_why=_IGNORED_WHY,
    )
    def update(
        self,
        profile_id: str,
        campaign_id: str,
        *,
        campaign: CampaignInput | Mapping[str, Any],
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> BrandCampaign:
        """Replace a campaign's definition (PUT: send the whole campaign)."""
        return self._portal.call(
            partial(
                self._inner.update,
                profile_id,
                campaign_id,
                campaign=campaign,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    @deprecated(
        _DEPRECATED + "no delete replaces it: use client.channels.sms.campaigns.update(...)"
    )
    def delete(
        self,
        profile_id: str,
        campaign_id: str,
        *,
        sandbox: bool = False,
        idempotency_key: str | None = None,
    ) -> None:
        """Delete a campaign."""
        return self._portal.call(
            partial(
                self._inner.delete,
                profile_id,
                campaign_id,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )
