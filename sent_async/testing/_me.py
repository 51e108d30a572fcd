"""FakeSent's ``GET /v3/me``: the organization behind FakeSent's key, or a profile.

Without ``x-profile-id`` it describes the organization (``type`` "organization") and lists
``state.profiles``; with it, that profile (``type`` "profile"). The organization's own
details live in ``state.me`` so tests can change them (``server.state.me.name = "Acme"``).
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
from aiohttp import web

from ..models import (
    Me,
    MeChannels,
    MeProfile,
    MeRcsChannel,
    MeSmsChannel,
    MeWhatsappChannel,
    ProfileDetail,
    ProfileSettings,
)
from ._sender_profiles import legacy_view
from ._support import envelope, now, state_of

routes = web.RouteTableDef()


@attrs.define(eq=False)
class Organization:
    """The organization's details, as ``GET /v3/me`` shows them (``state.me.name = ...``)."""

    name: str = "FakeSent Organization"
    short_name: str = "FAKESENT"
    email: str = "owner@fakesent.test"
    status: str = "approved"
    created_at: datetime.datetime = attrs.Factory(now)
    sending_phone_number: str | None = None
    billing_model: str = "organization"
    description: str | None = None
    icon: str | None = None


def _settings(billing_model: str | None, tcr_brand: Any, tcr_campaign: Any) -> ProfileSettings:
    """Settings as Sent reads them back: the sharing flags ignored since Aug 2026 are false."""
    return ProfileSettings(
        billing_model=billing_model,
        inherit_tcr_brand=bool(tcr_brand),
        inherit_tcr_campaign=bool(tcr_campaign),
        allow_contact_sharing=False,
        allow_template_sharing=False,
        inherit_contacts=False,
        inherit_templates=False,
    )


def _channels(sms: str | None, whatsapp: str | None, business: str | None) -> MeChannels:
    return MeChannels(
        sms=MeSmsChannel(configured=sms is not None, phone_number=sms),
        rcs=MeRcsChannel(configured=False, phone_number=None),
        whatsapp=MeWhatsappChannel(
            configured=whatsapp is not None, phone_number=whatsapp, business_name=business
        ),
    )


def _profile_entry(profile: ProfileDetail) -> MeProfile:
    return MeProfile(
        id=profile.id,
        name=profile.name,
        short_name=profile.short_name,
        description=profile.description,
        icon=profile.icon,
        status=profile.status,
        created_at=profile.created_at,
        role="admin",
        settings=_settings(
            profile.billing_model, profile.inherit_tcr_brand, profile.inherit_tcr_campaign
        ),
    )


def organization(org: Organization, org_id: str, profiles: list[ProfileDetail]) -> Me:
    return Me(
        id=org_id,
        organization_id=org_id,
        type="organization",
        name=org.name,
        short_name=org.short_name,
        email=org.email,
        status=org.status,
        created_at=org.created_at,
        description=org.description,
        icon=org.icon,
        enable_template_auto_creation_for_sp=False,
        sending_phone_number=org.sending_phone_number,
        sending_phone_number_profile_id=None,
        channels=_channels(org.sending_phone_number, None, None),
        settings=_settings(org.billing_model, False, False),
        profiles=[_profile_entry(p) for p in profiles],
    )


def profile(detail: ProfileDetail, org_id: str) -> Me:
    return Me(
        id=detail.id,
        organization_id=org_id,
        type="profile",
        name=detail.name,
        short_name=detail.short_name,
        email=detail.email,
        status=detail.status,
        created_at=detail.created_at,
        description=detail.description,
        icon=detail.icon,
        enable_template_auto_creation_for_sp=False,
        sending_phone_number=detail.sending_phone_number,
        sending_phone_number_profile_id=None,
        channels=_channels(detail.sending_phone_number, detail.whatsapp_phone_number, detail.name),
        settings=_settings(
            detail.billing_model, detail.inherit_tcr_brand, detail.inherit_tcr_campaign
        ),
        profiles=[],
    )


@routes.get("/v3/me")
async def get_me(request: web.Request) -> web.Response:
    state = state_of(request)
    profiles = state.profiles.by_id
    scoped = request.headers.get("x-profile-id")
    if scoped is not None:  # the middleware already answered 404 for unknown profiles
        detail = profiles.get(scoped) or legacy_view(state.sender_profiles.by_id[scoped])
        return envelope(profile(detail, state.organization_id))
    return envelope(organization(state.me, state.organization_id, list(profiles.values())))
