# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``me`` API family."""

from __future__ import annotations

import datetime

import attrs


@attrs.frozen(kw_only=True)
class Me:
    """Response data ``Me``.

    Official SDK type: ``me_retrieve_response.Data``.
    """

    channels: MeChannels | None = None
    created_at: datetime.datetime | None = None
    description: str | None = None
    email: str | None = None
    enable_template_auto_creation_for_sp: bool | None = None
    icon: str | None = None
    id: str | None = None
    name: str | None = None
    organization_id: str | None = None
    profiles: list[MeProfile] = attrs.field(factory=list)
    sending_phone_number: str | None = None
    sending_phone_number_profile_id: str | None = None
    settings: ProfileSettings | None = None
    short_name: str | None = None
    status: str | None = None
    type: str | None = None


@attrs.frozen(kw_only=True)
class MeChannels:
    """Response data ``MeChannels``.

    Official SDK type: ``me_retrieve_response.DataChannels``.
    """

    rcs: MeRcsChannel | None = None
    sms: MeSmsChannel | None = None
    whatsapp: MeWhatsappChannel | None = None


@attrs.frozen(kw_only=True)
class MeProfile:
    """Response data ``MeProfile``.

    Official SDK type: ``me_retrieve_response.DataProfile``.
    """

    created_at: datetime.datetime | None = None
    description: str | None = None
    icon: str | None = None
    id: str | None = None
    name: str | None = None
    role: str | None = None
    settings: ProfileSettings | None = None
    short_name: str | None = None
    status: str | None = None


@attrs.frozen(kw_only=True)
class MeRcsChannel:
    """Response data ``MeRcsChannel``.

    Official SDK type: ``me_retrieve_response.DataChannelsRcs``.
    """

    configured: bool | None = None
    phone_number: str | None = None


@attrs.frozen(kw_only=True)
class MeSmsChannel:
    """Response data ``MeSmsChannel``.

    Official SDK type: ``me_retrieve_response.DataChannelsSMS``.
    """

    configured: bool | None = None
    phone_number: str | None = None


@attrs.frozen(kw_only=True)
class MeWhatsappChannel:
    """Response data ``MeWhatsappChannel``.

    Official SDK type: ``me_retrieve_response.DataChannelsWhatsapp``.
    """

    business_name: str | None = None
    configured: bool | None = None
    phone_number: str | None = None


@attrs.frozen(kw_only=True)
class ProfileSettings:
    """Response data ``ProfileSettings``.

    Official SDK type: ``profile_settings.ProfileSettings``.
    """

    allow_contact_sharing: bool | None = attrs.field(default=None, metadata={"deprecated": True})
    allow_template_sharing: bool | None = attrs.field(default=None, metadata={"deprecated": True})
    billing_model: str | None = None
    inherit_contacts: bool | None = attrs.field(default=None, metadata={"deprecated": True})
    inherit_tcr_brand: bool | None = None
    inherit_tcr_campaign: bool | None = None
    inherit_templates: bool | None = attrs.field(default=None, metadata={"deprecated": True})


__all__ = [
    "Me",
    "MeChannels",
    "MeProfile",
    "MeRcsChannel",
    "MeSmsChannel",
    "MeWhatsappChannel",
    "ProfileSettings",
]
