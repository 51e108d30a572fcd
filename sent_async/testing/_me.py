"""FakeSent handler for ``GET /v3/me``: the organization behind FakeSent's key, or a profile.

Without ``x-profile-id`` it describes the organization (``type`` "organization") and lists
``server.state["profiles"]``; with it, that profile (``type`` "profile"). The organization's
own details live in ``server.state["me"]`` so tests can change them.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from ._server import FakeSent


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


def routes(server: FakeSent) -> list[web.RouteDef]:
    account: dict[str, Any] = server.state.setdefault("me", {})
    account.setdefault("name", "FakeSent Organization")
    account.setdefault("short_name", "FAKESENT")
    account.setdefault("email", "owner@fakesent.test")
    account.setdefault("status", "approved")
    account.setdefault("created_at", datetime.datetime.now(datetime.timezone.utc))
    account.setdefault("sending_phone_number", None)
    account.setdefault("billing_model", "organization")

    def organization(profiles: list[ProfileDetail]) -> Me:
        return Me(
            id=server.organization_id,
            organization_id=server.organization_id,
            type="organization",
            name=account["name"],
            short_name=account["short_name"],
            email=account["email"],
            status=account["status"],
            created_at=account["created_at"],
            description=account.get("description"),
            icon=account.get("icon"),
            enable_template_auto_creation_for_sp=False,
            sending_phone_number=account["sending_phone_number"],
            sending_phone_number_profile_id=None,
            channels=_channels(account["sending_phone_number"], None, None),
            settings=_settings(account["billing_model"], False, False),
            profiles=[_profile_entry(p) for p in profiles],
        )

    def profile(detail: ProfileDetail) -> Me:
        return Me(
            id=detail.id,
            organization_id=server.organization_id,
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
            channels=_channels(
                detail.sending_phone_number, detail.whatsapp_phone_number, detail.name
            ),
            settings=_settings(
                detail.billing_model, detail.inherit_tcr_brand, detail.inherit_tcr_campaign
            ),
            profiles=[],
        )

    async def get_me(request: web.Request) -> web.Response:
        profiles: dict[str, ProfileDetail] = server.state.setdefault("profiles", {})
        scoped = request.headers.get("x-profile-id")
        if scoped is not None:  # the middleware already answered 404 for unknown profiles
            return server.envelope(profile(profiles[scoped]))
        return server.envelope(organization(list(profiles.values())))

    return [web.get("/v3/me", get_me)]
