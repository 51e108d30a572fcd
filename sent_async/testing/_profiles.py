"""FakeSent's ``/v3/profiles`` family and their campaigns: stateful, contract-shaped."""

from __future__ import annotations

from typing import Any

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
from ._support import (
    ApiFailure,
    envelope,
    invalid,
    is_sandbox,
    new_id,
    no_content,
    not_found,
    now,
    parse,
    state_of,
)

routes = web.RouteTableDef()
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


@attrs.define(eq=False)
class Profiles:
    """Profiles (id -> ProfileDetail) and their campaigns (profile id -> id -> campaign)."""

    by_id: dict[str, ProfileDetail] = attrs.Factory(dict)
    campaigns: dict[str, dict[str, BrandCampaign]] = attrs.Factory(dict)


def _brand(given: Any) -> ProfileBrand | None:
    """A stored brand from a ``BrandInput``: same field names, Python side."""
    if given is None or given is UNSET:
        return None
    plain = _converter.inputs.unstructure(given)
    brand: ProfileBrand = _converter.inputs.structure(plain, ProfileBrand)
    return attrs.evolve(
        brand, id=new_id(), created_at=now(), submitted_to_tcr=False, is_inherited=False
    )


def _check_rules(request: Any) -> None:
    if request.brand not in (None, UNSET) and request.inherit_tcr_brand is True:
        raise invalid("brand cannot be used when inherit_tcr_brand is true", "brand")
    if request.payment_details not in (None, UNSET) and request.billing_model == "organization":
        raise invalid(
            "payment_details are not allowed with billing_model organization", "payment_details"
        )


def find(request: web.Request) -> ProfileDetail:
    profile = state_of(request).profiles.by_id.get(request.match_info["profile_id"])
    if profile is None:
        raise not_found("RESOURCE_014", "Profile")
    return profile


@routes.get("/v3/profiles")
async def list_profiles(request: web.Request) -> web.Response:
    stored = state_of(request).profiles.by_id.values()
    return envelope(ProfileList(profiles=list(stored), pagination=None))


@routes.post("/v3/profiles")
async def create_profile(request: web.Request) -> web.Response:
    body = await parse(request, ProfileCreateRequest)
    if not isinstance(body.name, str) or not body.name:
        raise invalid("name is required", "name", "VALIDATION_004")
    _check_rules(body)
    values = {k: getattr(body, k) for k in _SHARED if getattr(body, k) is not UNSET}
    waba = body.whatsapp_business_account
    profile = ProfileDetail(
        id=new_id(),
        organization_id=state_of(request).organization_id,
        status="incomplete",
        created_at=now(),
        updated_at=now(),
        brand=_brand(body.brand),
        billing_model=values.pop("billing_model", None) or "profile",
        waba_id=waba.waba_id if waba not in (None, UNSET) else None,
        **values,
    )
    if body.sandbox is not True:
        state_of(request).profiles.by_id[str(profile.id)] = profile
    return envelope(profile)


@routes.get("/v3/profiles/{profile_id}")
async def get_profile(request: web.Request) -> web.Response:
    return envelope(find(request))


@routes.patch("/v3/profiles/{profile_id}")
async def update_profile(request: web.Request) -> web.Response:
    profile = find(request)
    body = await parse(request, ProfileUpdateRequest)
    _check_rules(body)
    changes: dict[str, Any] = {
        k: getattr(body, k) for k in _UPDATABLE if getattr(body, k) is not UNSET
    }
    if body.brand is not UNSET:
        changes["brand"] = _brand(body.brand)
    updated = attrs.evolve(profile, **changes, updated_at=now())
    if body.sandbox is not True:
        state_of(request).profiles.by_id[str(profile.id)] = updated
    return envelope(updated)


@routes.delete("/v3/profiles/{profile_id}")
async def delete_profile(request: web.Request) -> web.Response:
    profile = find(request)
    if not await is_sandbox(request):
        del state_of(request).profiles.by_id[str(profile.id)]
    return no_content()


def _missing(profile: ProfileDetail) -> list[str]:
    """What a profile still needs before it can be submitted for review."""
    missing = [name for name in ("short_name", "description") if not getattr(profile, name)]
    if profile.brand is None and not profile.inherit_tcr_brand:
        missing.append("brand")
    return missing


@routes.post("/v3/profiles/{profile_id}/complete")
async def complete_profile(request: web.Request) -> web.Response:
    profile = find(request)
    body = await parse(request, ProfileCompleteRequest)
    if profile.status == "approved":
        done = ProfileCompleteResult(status="completed", message="Profile is already onboarded")
        return envelope(done)
    missing = _missing(profile)
    if missing:
        details = {name: ["is required before completion"] for name in missing}
        raise ApiFailure(400, "VALIDATION_001", "Profile is not ready to complete", details)
    if body.sandbox is not True:
        updated = attrs.evolve(profile, status="pending_review")
        state_of(request).profiles.by_id[str(profile.id)] = updated
    result = ProfileCompleteResult(status="submitted", message="Profile submitted for review")
    return envelope(result, 202)


def campaigns_of(request: web.Request) -> dict[str, BrandCampaign]:
    return state_of(request).profiles.campaigns.setdefault(str(find(request).id), {})


def _campaign(body: Any, profile_id: str, existing: BrandCampaign | None) -> BrandCampaign:
    plain = _converter.inputs.unstructure(body.campaign)
    plain.pop("use_cases", None)
    fresh: BrandCampaign = _converter.inputs.structure(plain, BrandCampaign)
    stamp = now()
    return attrs.evolve(
        fresh,
        id=existing.id if existing else new_id(),
        status="SENT_CREATED",
        customer_id=profile_id,
        created_at=existing.created_at if existing else stamp,
        updated_at=stamp,
    )


def find_campaign(request: web.Request) -> BrandCampaign:
    existing = campaigns_of(request).get(request.match_info["campaign_id"])
    if existing is None:
        raise not_found("RESOURCE_015", "Campaign")
    return existing


@routes.get("/v3/profiles/{profile_id}/campaigns")
async def list_campaigns(request: web.Request) -> web.Response:
    return envelope(list(campaigns_of(request).values()))


@routes.post("/v3/profiles/{profile_id}/campaigns")
async def create_campaign(request: web.Request) -> web.Response:
    store = campaigns_of(request)
    body = await parse(request, CampaignCreateRequest)
    campaign = _campaign(body, request.match_info["profile_id"], None)
    if body.sandbox is not True:
        store[str(campaign.id)] = campaign
    return envelope(campaign)


@routes.put("/v3/profiles/{profile_id}/campaigns/{campaign_id}")
async def update_campaign(request: web.Request) -> web.Response:
    existing = find_campaign(request)
    body = await parse(request, CampaignUpdateRequest)
    campaign = _campaign(body, request.match_info["profile_id"], existing)
    if body.sandbox is not True:
        campaigns_of(request)[str(campaign.id)] = campaign
    return envelope(campaign)


@routes.delete("/v3/profiles/{profile_id}/campaigns/{campaign_id}")
async def delete_campaign(request: web.Request) -> web.Response:
    existing = find_campaign(request)
    if not await is_sandbox(request):
        del campaigns_of(request)[str(existing.id)]
    return no_content()
