"""FakeSent's ``/v3/sender-profiles`` family and ``/v3/compliance/requirements``.

Profiles are stateful (create -> get -> list -> update -> delete). The ``api_key`` is in the
create answer only; another organization's profile is 404 (spec/sent-current-api-facts.md §2).
Requirements are canned per country and sender type; whatsapp and rcs answer 501 (§4.1).
"""

from __future__ import annotations

import secrets
from typing import Any

import attrs
from aiohttp import web

from .._types import UNSET
from ..models import (
    ChannelsState,
    Compliance,
    ComplianceRequirements,
    Market,
    MarketNumber,
    ProfileDetail,
    SenderProfile,
    SenderProfileBilling,
    SenderProfileCreateRequest,
    SenderProfileList,
    SenderProfileUpdateRequest,
    SmsChannelCreateRequest,
)
from ._support import (
    ApiFailure,
    envelope,
    invalid,
    new_id,
    no_content,
    not_found,
    now,
    page_of,
    parse,
    required,
    state_of,
    uuid_id,
)

routes = web.RouteTableDef()
NUMBER_TYPES = frozenset({"LOCAL", "MOBILE", "TEN_DLC", "TOLL_FREE", "SHORT_CODE", "ALPHANUMERIC"})
_UPDATABLE = ("name", "short_name", "description", "notifications")


@attrs.define(eq=False)
class SenderProfiles:
    """Sender profiles by id, stored without their ``api_key`` (shown once, at create)."""

    by_id: dict[str, SenderProfile] = attrs.Factory(dict)


def not_yet(what: str) -> ApiFailure:
    """Sent's 501 for channels it has not declared yet (whatsapp/rcs)."""
    return ApiFailure(501, "NOT_IMPLEMENTED", f"{what} is not supported yet")


def _market(sms: SmsChannelCreateRequest) -> Market:
    """A new SMS market as Sent starts it: PROVISIONING, one number per requested area code."""
    wanted = sms.numbers if isinstance(sms.numbers, list) else []
    codes = [n.area_code if isinstance(n.area_code, str) else None for n in wanted]
    if isinstance(sms.area_codes, list):
        codes += sms.area_codes
    return Market(
        country=sms.country,
        number_type=sms.number_type,
        status="PROVISIONING",
        numbers=[MarketNumber(area_code=c, status="PROVISIONING") for c in codes or [None]],
        compliance=sms.compliance if isinstance(sms.compliance, Compliance) else None,
    )


def _channels(body: SenderProfileCreateRequest, pid: str) -> ChannelsState:
    wanted = body.channels
    if wanted is UNSET:
        return ChannelsState(customer_id=pid)
    if wanted.whatsapp is not UNSET:
        raise not_yet("channels.whatsapp on create")
    sms = [_market(wanted.sms)] if wanted.sms is not UNSET else []
    return ChannelsState(customer_id=pid, sms=sms)


def _short_name(value: object) -> str:
    name = required(value, "short_name")
    if not 3 <= len(name) <= 11 or not any(c.isalpha() for c in name):
        raise invalid("short_name must be 3-11 characters with a letter", "short_name")
    return name


@routes.post("/v3/sender-profiles")
async def create_profile(request: web.Request) -> web.Response:
    body = await parse(request, SenderProfileCreateRequest)
    pid, state = new_id(), state_of(request)
    billing = body.billing if body.billing is not UNSET else SenderProfileBilling(inherit=False)
    profile = SenderProfile(
        id=pid,
        organization_id=state.organization_id,
        name=required(body.name, "name"),
        short_name=_short_name(body.short_name),
        description=body.description if body.description is not UNSET else None,
        notifications=body.notifications if body.notifications is not UNSET else None,
        billing=attrs.evolve(billing, fallback=billing.inherit is True),
        channels=_channels(body, pid),
        compliance=body.compliance if body.compliance is not UNSET else None,
        created_at=now(),
    )
    if body.sandbox is not True:
        state.sender_profiles.by_id[pid] = profile
    return envelope(attrs.evolve(profile, api_key="sk_live_" + secrets.token_hex(16)), 201)


def find(request: web.Request) -> SenderProfile:
    """The caller's profile by path id; another organization's is 404 like a missing one."""
    state = state_of(request)
    profile = state.sender_profiles.by_id.get(uuid_id(request, "profile_id"))
    if profile is None or profile.organization_id != state.organization_id:
        raise not_found("RESOURCE_014", "Sender profile")
    return profile


def legacy_view(profile: SenderProfile) -> ProfileDetail:
    """A sender profile as the older ``/v3/profiles`` shape (what ``GET /v3/me`` describes)."""
    billing = profile.billing
    return ProfileDetail(
        id=profile.id,
        organization_id=profile.organization_id,
        name=profile.name,
        short_name=profile.short_name,
        description=profile.description,
        status="approved",
        created_at=profile.created_at,
        billing_model="organization" if billing and billing.inherit is True else "profile",
    )


def _listed(profile: SenderProfile) -> SenderProfile:
    """How a list shows a profile: compliance (its own and its markets') not computed."""
    channels = profile.channels
    if channels is not None:
        sms = [attrs.evolve(m, compliance=None) for m in channels.sms]
        channels = attrs.evolve(channels, sms=sms)
    return attrs.evolve(profile, compliance=None, channels=channels)


@routes.get("/v3/sender-profiles")
async def list_profiles(request: web.Request) -> web.Response:
    state = state_of(request)
    mine = [
        p
        for p in state.sender_profiles.by_id.values()
        if p.organization_id == state.organization_id
    ]
    mine.sort(key=lambda p: p.created_at or now(), reverse=True)  # newest first
    items, pagination = page_of(request, mine, max_size=100)
    listed = [_listed(p) for p in items]
    return envelope(SenderProfileList(sender_profiles=listed, pagination=pagination))


@routes.get("/v3/sender-profiles/{profile_id}")
async def get_profile(request: web.Request) -> web.Response:
    return envelope(find(request))


@routes.patch("/v3/sender-profiles/{profile_id}")
async def update_profile(request: web.Request) -> web.Response:
    profile = find(request)
    body = await parse(request, SenderProfileUpdateRequest)
    changes: dict[str, Any] = {
        k: getattr(body, k) for k in _UPDATABLE if getattr(body, k) is not UNSET
    }
    if not changes:
        raise invalid("supply at least one field to change")
    if "name" in changes:
        required(changes["name"], "name")
    if "short_name" in changes:
        _short_name(changes["short_name"])
    updated = attrs.evolve(profile, **changes)
    if body.sandbox is not True:
        state_of(request).sender_profiles.by_id[str(profile.id)] = updated
    return envelope(updated)


@routes.delete("/v3/sender-profiles/{profile_id}")
async def delete_profile(request: web.Request) -> web.Response:
    profile = find(request)
    del state_of(request).sender_profiles.by_id[str(profile.id)]
    return no_content()


# -- compliance requirements ---------------------------------------------------------------
_REGIME = {
    ("US", "TEN_DLC"): (
        r"^\+1\d{10}$",
        ["brand.legal_name", "brand.tax_id", "campaign.description", "campaign.message_flow"],
    ),
    ("US", "TOLL_FREE"): (r"^\+18\d{9}$", ["campaign.description", "campaign.message_flow"]),
}
"""Canned answers: (sender id pattern, what is owed); other markets require nothing."""


@routes.get("/v3/compliance/requirements")
async def requirements(request: web.Request) -> web.Response:
    channel = request.query.get("channel", "sms")
    if channel in ("whatsapp", "rcs"):
        raise not_yet(f"channel {channel}")
    if channel != "sms":
        raise invalid("channel must be one of: sms, whatsapp, rcs", "channel")
    country = required(request.query.get("country"), "country").upper()
    kind = request.query.get("type", "").upper().replace("10DLC", "TEN_DLC")
    if kind not in NUMBER_TYPES:
        raise invalid(f"type must be one of: {', '.join(sorted(NUMBER_TYPES))}, 10DLC", "type")
    pattern, owed = _REGIME.get((country, kind), (None, []))
    template: dict[str, Any] = {"country": country, "number_type": kind}
    if owed:
        template["compliance"] = {"brand": {"legal_name": ""}, "campaign": {"message_flow": ""}}
    setup = [{"method": "POST", "path": "/v3/channels/sms", "body": template}]
    answer = ComplianceRequirements(
        channel=channel,
        country=country,
        type=kind,
        required=bool(owed),
        sender_id_pattern=pattern,
        requirements=list(owed),
        setup=setup,
    )
    return envelope(answer)
