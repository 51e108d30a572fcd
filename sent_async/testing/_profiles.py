"""FakeSent handlers for ``/v3/profiles`` and their campaigns: stateful, contract-shaped."""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any

import attrs
from aiohttp import web

from .. import _converter
from .._types import UNSET
from ..models import (
    BrandCampaign,
    CampaignCreateRequest,
    CampaignUpdateRequest,
    ProfileBrand,
    ProfileCompleteRequest,
    ProfileCompleteResult,
    ProfileCreateRequest,
    ProfileDetail,
    ProfileList,
    ProfileUpdateRequest,
)
from ._server import ApiFailure, invalid, not_found

if TYPE_CHECKING:
    from ._server import FakeSent

_SHARED = (
    "name",
    "short_name",
    "description",
    "icon",
    "billing_model",
    "inherit_tcr_brand",
    "inherit_tcr_campaign",
)
_UPDATABLE = (
    *_SHARED,
    "sending_phone_number",
    "whatsapp_phone_number",
    "allow_number_change_during_onboarding",
)


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _brand(given: Any) -> ProfileBrand | None:
    """A stored brand from a ``BrandInput``: same field names, Python side."""
    if given is None or given is UNSET:
        return None
    plain = _converter.inputs.unstructure(given)
    brand: ProfileBrand = _converter.inputs.structure(plain, ProfileBrand)
    return attrs.evolve(
        brand, id=str(uuid.uuid4()), created_at=_now(), submitted_to_tcr=False, is_inherited=False
    )


def _check_rules(request: Any) -> None:
    if request.brand not in (None, UNSET) and request.inherit_tcr_brand is True:
        raise invalid("brand cannot be used when inherit_tcr_brand is true", "brand")
    if request.payment_details not in (None, UNSET) and request.billing_model == "organization":
        raise invalid(
            "payment_details are not allowed with billing_model organization", "payment_details"
        )


def routes(server: FakeSent) -> list[web.RouteDef]:
    profiles: dict[str, ProfileDetail] = server.state.setdefault("profiles", {})
    campaigns: dict[str, dict[str, BrandCampaign]] = server.state.setdefault("campaigns", {})

    def find(request: web.Request) -> ProfileDetail:
        profile = profiles.get(request.match_info["profile_id"])
        if profile is None:
            raise not_found("RESOURCE_014", "Profile")
        return profile

    async def list_profiles(request: web.Request) -> web.Response:
        return server.envelope(ProfileList(profiles=list(profiles.values()), pagination=None))

    async def get_profile(request: web.Request) -> web.Response:
        return server.envelope(find(request))

    async def create_profile(request: web.Request) -> web.Response:
        body: ProfileCreateRequest = server.structure(
            await server.read_json(request), ProfileCreateRequest
        )
        if not isinstance(body.name, str) or not body.name:
            raise invalid("name is required", "name", "VALIDATION_004")
        _check_rules(body)
        values = {k: getattr(body, k) for k in _SHARED if getattr(body, k) is not UNSET}
        profile = ProfileDetail(
            id=str(uuid.uuid4()),
            organization_id=server.organization_id,
            status="incomplete",
            created_at=_now(),
            updated_at=_now(),
            brand=_brand(body.brand),
            billing_model=values.pop("billing_model", None) or "profile",
            waba_id=body.whatsapp_business_account.waba_id
            if body.whatsapp_business_account not in (None, UNSET)
            else None,
            **values,
        )
        if body.sandbox is not True:
            profiles[str(profile.id)] = profile
        return server.envelope(profile)

    async def update_profile(request: web.Request) -> web.Response:
        profile = find(request)
        body: ProfileUpdateRequest = server.structure(
            await server.read_json(request), ProfileUpdateRequest
        )
        _check_rules(body)
        changes: dict[str, Any] = {
            k: getattr(body, k) for k in _UPDATABLE if getattr(body, k) is not UNSET
        }
        if body.brand is not UNSET:
            changes["brand"] = _brand(body.brand)
        updated = attrs.evolve(profile, **changes, updated_at=_now())
        if body.sandbox is not True:
            profiles[str(profile.id)] = updated
        return server.envelope(updated)

    async def delete_profile(request: web.Request) -> web.Response:
        profile = find(request)
        body = await server.read_json(request)
        if body.get("sandbox") is not True:
            del profiles[str(profile.id)]
        return web.Response(status=204)

    async def complete_profile(request: web.Request) -> web.Response:
        profile = find(request)
        body: ProfileCompleteRequest = server.structure(
            await server.read_json(request), ProfileCompleteRequest
        )
        if profile.status == "approved":
            return server.envelope(
                ProfileCompleteResult(status="completed", message="Profile is already onboarded")
            )
        missing = [name for name in ("short_name", "description") if not getattr(profile, name)]
        if profile.brand is None and not profile.inherit_tcr_brand:
            missing.append("brand")
        if missing:
            raise ApiFailure(
                400,
                "VALIDATION_001",
                "Profile is not ready to complete",
                {name: ["is required before completion"] for name in missing},
            )
        if body.sandbox is not True:
            profiles[str(profile.id)] = attrs.evolve(profile, status="pending_review")
        return server.envelope(
            ProfileCompleteResult(status="submitted", message="Profile submitted for review"), 202
        )

    def campaigns_of(request: web.Request) -> dict[str, BrandCampaign]:
        return campaigns.setdefault(str(find(request).id), {})

    async def list_campaigns(request: web.Request) -> web.Response:
        return server.envelope(list(campaigns_of(request).values()))

    def _campaign(body: Any, profile_id: str, existing: BrandCampaign | None) -> BrandCampaign:
        plain = _converter.inputs.unstructure(body.campaign)
        plain.pop("use_cases", None)
        fresh: BrandCampaign = _converter.inputs.structure(plain, BrandCampaign)
        now = _now()
        return attrs.evolve(
            fresh,
            id=existing.id if existing else str(uuid.uuid4()),
            status="SENT_CREATED",
            customer_id=profile_id,
            created_at=existing.created_at if existing else now,
            updated_at=now,
        )

    async def create_campaign(request: web.Request) -> web.Response:
        store = campaigns_of(request)
        body = server.structure(await server.read_json(request), CampaignCreateRequest)
        campaign = _campaign(body, request.match_info["profile_id"], None)
        if body.sandbox is not True:
            store[str(campaign.id)] = campaign
        return server.envelope(campaign)

    async def update_campaign(request: web.Request) -> web.Response:
        store = campaigns_of(request)
        existing = store.get(request.match_info["campaign_id"])
        if existing is None:
            raise not_found("RESOURCE_015", "Campaign")
        body = server.structure(await server.read_json(request), CampaignUpdateRequest)
        campaign = _campaign(body, request.match_info["profile_id"], existing)
        if body.sandbox is not True:
            store[str(campaign.id)] = campaign
        return server.envelope(campaign)

    async def delete_campaign(request: web.Request) -> web.Response:
        store = campaigns_of(request)
        if request.match_info["campaign_id"] not in store:
            raise not_found("RESOURCE_015", "Campaign")
        if (await server.read_json(request)).get("sandbox") is not True:
            del store[request.match_info["campaign_id"]]
        return web.Response(status=204)

    base = "/v3/profiles/{profile_id}"
    return [
        web.get("/v3/profiles", list_profiles),
        web.post("/v3/profiles", create_profile),
        web.get(base, get_profile),
        web.patch(base, update_profile),
        web.delete(base, delete_profile),
        web.post(base + "/complete", complete_profile),
        web.get(base + "/campaigns", list_campaigns),
        web.post(base + "/campaigns", create_campaign),
        web.put(base + "/campaigns/{campaign_id}", update_campaign),
        web.delete(base + "/campaigns/{campaign_id}", delete_campaign),
    ]
