"""FakeSent's US 10DLC campaigns (``/v3/channels/sms/US/TEN_DLC/campaigns``, facts §3.9).

Campaigns live in the US TEN_DLC market's ``compliance.campaigns`` (``_markets.py``): a new one
is PENDING_REVIEW and goes ACTIVE (filed) when the market does; a filed one answers 409.
"""

from __future__ import annotations

import attrs
from aiohttp import web

from .. import _converter
from .._types import UNSET
from ..models import Compliance, ComplianceCampaign, Market
from ._markets import REGIME, Markets
from ._support import (
    ApiFailure,
    customer_of,
    envelope,
    invalid,
    new_id,
    not_found,
    parse,
    state_of,
    uuid_id,
)

routes = web.RouteTableDef()


def _regime(request: web.Request) -> tuple[str, Markets, Market]:
    owner, markets = customer_of(request), state_of(request).markets
    return owner, markets, markets.find(owner, *REGIME)


def _with_campaigns(market: Market, campaigns: list[ComplianceCampaign]) -> Market:
    compliance = market.compliance or Compliance()
    return attrs.evolve(market, compliance=attrs.evolve(compliance, campaigns=campaigns))


def _campaigns(market: Market) -> list[ComplianceCampaign]:
    found = market.compliance.campaigns if market.compliance else UNSET
    return list(found) if isinstance(found, list) else []


@routes.get("/v3/channels/sms/US/TEN_DLC/campaigns")
async def list_campaigns(request: web.Request) -> web.Response:
    return envelope(_campaigns(_regime(request)[2]))


@routes.post("/v3/channels/sms/US/TEN_DLC/campaigns")
async def create_campaign(request: web.Request) -> web.Response:
    owner, markets, market = _regime(request)
    body = await parse(request, ComplianceCampaign)
    if not isinstance(body.description, str) or not isinstance(body.message_flow, str):
        raise invalid("A campaign needs description and message_flow", "description")
    campaign = attrs.evolve(body, id=new_id(), status="PENDING_REVIEW", inherit=False)
    updated = _with_campaigns(market, [*_campaigns(market), campaign])
    return envelope(await markets.store(owner, updated))


@routes.patch("/v3/channels/sms/US/TEN_DLC/campaigns/{campaign_id}")
async def update_campaign(request: web.Request) -> web.Response:
    owner, markets, market = _regime(request)
    cid = uuid_id(request, "campaign_id")
    campaigns = _campaigns(market)
    index = next((i for i, c in enumerate(campaigns) if c.id == cid), None)
    if index is None:
        raise not_found("RESOURCE_024", "Campaign")
    body = _converter.wire.unstructure(await parse(request, ComplianceCampaign))
    if body.pop("inherit", None) is True:
        raise invalid("A campaign cannot be switched to inherit here", "inherit")
    if campaigns[index].status == "ACTIVE":
        raise ApiFailure(409, "CONFLICT_014", "This campaign is filed and cannot change")
    body.pop("id", None)
    old = _converter.wire.unstructure(campaigns[index])
    campaigns[index] = _converter.wire.structure({**old, **body}, ComplianceCampaign)
    return envelope(await markets.store(owner, _with_campaigns(market, campaigns)))
