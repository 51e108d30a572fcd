"""FakeSent's channels (``/v3/channels`` except voice): SMS markets, numbers, 10DLC campaigns,
the stores of WhatsApp and RCS (their routes are in ``_channels.py``) and a country's number
types (spec/sent-current-api-facts.md §3, §4.2).

Statuses move on demand, as messages do: ``await server.state.markets.advance()`` moves every
market one step, PROVISIONING -> PENDING_REVIEW (US TEN_DLC only; ``channel.submitted``) ->
ACTIVE (``channel.activated``: numbers get a sender, campaigns go ACTIVE), and WhatsApp and RCS
PROVISIONING -> ACTIVE (no event: the payload needs a country). A TEN_DLC market without a
campaign waits in ACTION_NEEDED (CHANNEL_001) until ``update`` supplies one.

Choices where Sent publishes nothing: a create answers 200 (RCS 202); adding a market twice is
422 RESOURCE_007; an unknown market or campaign is 404 RESOURCE_024; a filed (ACTIVE) campaign
is 409 CONFLICT_014 (``_campaigns.py``); whatsapp/rcs where Sent has no support yet
answer 501 BUSINESS_501; number types are canned for US and GB, empty elsewhere.
"""

from __future__ import annotations

import email.parser
import email.policy
from typing import Any

import attrs
from aiohttp import web

from .. import _converter
from .._types import UNSET
from ..models import (
    Compliance,
    CountryNumberTypes,
    Market,
    MarketNumber,
    MarketNumbersRequest,
    NumberType,
    RcsAgent,
    SmsChannelCreateRequest,
    SmsChannelUpdateRequest,
    WhatsappChannel,
)
from ._support import (
    ApiFailure,
    Emit,
    customer_of,
    envelope,
    invalid,
    new_id,
    not_found,
    now,
    parse,
    required,
    state_of,
    zulu,
)

routes = web.RouteTableDef()
REGIME = ("US", "TEN_DLC")
_NUMBERED = frozenset({"TEN_DLC", "LOCAL"})
_TYPES = {"US": ("LOCAL", "TEN_DLC", "TOLL_FREE", "SHORT_CODE"), "GB": ("ALPHANUMERIC", "MOBILE")}
_NOT_YET = frozenset({"whatsapp", "rcs"})
Key = tuple[str, str, str]
"""(owner, country, number type)."""


def _not_yet(channel: str) -> ApiFailure:
    return ApiFailure(501, "BUSINESS_501", f"{channel} is not supported here yet")


@attrs.define(eq=False)
class Markets:
    """SMS markets by (owner, country, type), WhatsApp and RCS by owner; moves them on demand."""

    emit: Emit = attrs.field(repr=False)
    sms: dict[Key, Market] = attrs.Factory(dict)
    whatsapp: dict[str, WhatsappChannel] = attrs.Factory(dict)
    rcs: dict[str, RcsAgent] = attrs.Factory(dict)
    assigned: int = 0

    def find(self, owner: str, country: str, number_type: str) -> Market:
        market = self.sms.get((owner, country.upper(), _type(number_type)))
        if market is None:
            raise not_found("RESOURCE_024", "Market")
        return market

    async def store(self, owner: str, market: Market, event: str | None = None) -> Market:
        """Keep ``market``; with ``event``, emit the ``channel.*`` webhook for it."""
        self.sms[(owner, str(market.country), str(market.number_type))] = market
        if event is not None:
            await self.emit("channel", f"channel.{event}", _payload(owner, market))
        return market

    def _sender(self, market: Market, number: MarketNumber) -> str:
        if market.number_type == "ALPHANUMERIC" and number.sender_value:
            return number.sender_value
        self.assigned += 1
        return f"+1{number.area_code or '415'}555{self.assigned % 10000:04d}"

    def activated(self, market: Market) -> Market:
        """``market`` live: every number assigned, every campaign ACTIVE."""
        numbers = [
            attrs.evolve(n, status="ACTIVE", sender_value=self._sender(market, n))
            for n in market.numbers
        ]
        compliance = market.compliance
        if compliance is not None and isinstance(compliance.campaigns, list):
            campaigns = [attrs.evolve(c, status="ACTIVE") for c in compliance.campaigns]
            compliance = attrs.evolve(compliance, campaigns=campaigns)
        return attrs.evolve(
            market, status="ACTIVE", numbers=numbers, compliance=compliance, reason_code=None,
            reason=None,
        )  # fmt: skip

    async def advance(self) -> int:
        """Move every market, WhatsApp account and RCS agent one step; how many changed."""
        changed = 0
        for (owner, country, kind), market in list(self.sms.items()):
            if market.status == "PROVISIONING" and (country, kind) == REGIME:
                await self.store(owner, attrs.evolve(market, status="PENDING_REVIEW"), "submitted")
            elif market.status in ("PROVISIONING", "PENDING_REVIEW"):
                await self.store(owner, self.activated(market), "activated")
            else:
                continue
            changed += 1
        for owner, whatsapp in list(self.whatsapp.items()):
            if whatsapp.status == "PROVISIONING":
                self.whatsapp[owner] = attrs.evolve(whatsapp, status="ACTIVE")
                changed += 1
        for owner, agent in list(self.rcs.items()):
            if agent.status == "PROVISIONING":
                self.rcs[owner] = attrs.evolve(agent, status="ACTIVE")
                changed += 1
        return changed


def _type(value: str) -> str:
    upper = value.upper()
    return "TEN_DLC" if upper == "10DLC" else upper


def _wire(value: Any) -> Any:
    return None if value is UNSET or value is None else _converter.wire.unstructure(value)


def _payload(owner: str, market: Market) -> dict[str, Any]:
    """The ``channel.*`` webhook payload for ``market`` as it now stands (facts §5)."""
    compliance = _wire(market.compliance) or {}
    return {
        "country": market.country,
        "account_id": owner,
        "channel": "sms",
        "number_type": str(market.number_type),
        "sender_value": next((n.sender_value for n in market.numbers if n.sender_value), None),
        "status": str(market.status),
        "reason_code": market.reason_code,
        "reason": market.reason,
        "compliance": {k: compliance.get(k) for k in ("brand", "campaign", "documents")},
        "updated_at": zulu(now()),
    }


def _merge(old: Any, new: Any) -> Any:
    """A PATCH of compliance: omitted keys stay, None clears, objects merge key by key."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return new
    merged = dict(old)
    for key, value in new.items():
        merged[key] = _merge(old.get(key), value)
    return merged


def _identity(block: Any) -> Any:
    """``brand``/``campaign`` as written: None or ``{"inherit": true}`` switch to the
    organization's; own fields make it yours (``inherit: false``)."""
    if block is None or (isinstance(block, dict) and block.get("inherit") is True):
        return {"inherit": True}
    return {**block, "inherit": False}


# -- markets -----------------------------------------------------------------------------------
def _numbers(request: Any, campaign_id: str | None) -> list[dict[str, Any]]:
    """One PROVISIONING number per requested one (``numbers`` or the older ``area_codes``)."""
    wanted: list[str | None] = []
    for entry in request.numbers if isinstance(request.numbers, list) else []:
        area = entry.area_code if isinstance(entry.area_code, str) else None
        wanted += [area] * entry.quantity
    if isinstance(getattr(request, "area_codes", None), list):
        wanted += list(request.area_codes)
    if len(wanted) > 49:
        raise invalid("A market holds at most 49 numbers", "numbers")
    return [
        {"sender_value": None, "area_code": a, "status": "PROVISIONING", "campaign_id": campaign_id}
        for a in wanted
    ]


def _new_market(request: SmsChannelCreateRequest, documents: list[Any]) -> dict[str, Any]:
    country, kind = required(request.country, "country").upper(), _type(str(request.number_type))
    if kind not in {t for ts in _TYPES.values() for t in ts}:
        raise invalid("number_type is not a sender type", "number_type")
    compliance = _wire(request.compliance) or {}
    market: dict[str, Any] = {"country": country, "number_type": kind, "status": "PROVISIONING"}
    doc: dict[str, Any] = {"documents": documents, "requirements": []}
    campaign_id = None
    if (country, kind) == REGIME:
        if "brand" not in compliance:
            raise invalid("US TEN_DLC needs a brand: your own or {inherit: true}", "compliance")
        doc["brand"] = _identity(compliance["brand"])
        doc["campaigns"] = []
        if compliance.get("campaign") is None:
            market.update(status="ACTION_NEEDED", reason_code="CHANNEL_001")
            market["reason"] = "A campaign is required"
            doc["requirements"] = ["campaign.description", "campaign.message_flow"]
        else:
            doc["campaign"] = _identity(compliance["campaign"])
            if doc["campaign"]["inherit"] is False:
                campaign_id = new_id()
                doc["campaigns"] = [
                    {**doc["campaign"], "id": campaign_id, "status": "PENDING_REVIEW"}
                ]
    market["numbers"] = _numbers(request, campaign_id)
    if isinstance(request.sender_value, str) and not market["numbers"]:
        market["numbers"] = [{"sender_value": request.sender_value, "status": "PROVISIONING"}]
    market["compliance"] = doc
    return market


def _form(body: bytes, content_type: str) -> tuple[SmsChannelCreateRequest, list[Any]]:
    """The multipart create: camelCase fields, files under their compliance keys (§1.7)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    fields: dict[str, Any] = {}
    documents = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if part.get_filename() is not None:
            documents.append(
                {"key": name, "file_name": part.get_filename(), "document_id": new_id()}
            )
        elif name == "compliance":
            raise invalid("compliance cannot be sent with a file", "compliance")
        else:
            fields[str(name)] = part.get_content()
    request = SmsChannelCreateRequest(
        country=required(fields.get("country"), "country"),
        number_type=required(fields.get("numberType"), "numberType"),
        sender_value=fields.get("senderValue", UNSET),
        sandbox=fields.get("sandbox") == "true",
    )
    return request, documents


@routes.post("/v3/channels/sms")
async def create_market(request: web.Request) -> web.Response:
    if request.content_type == "multipart/form-data":
        body, documents = _form(await request.read(), request.headers["content-type"])
    else:
        body, documents = await parse(request, SmsChannelCreateRequest), []
    market = _converter.wire.structure(_new_market(body, documents), Market)
    owner, markets = customer_of(request), state_of(request).markets
    if (owner, market.country, market.number_type) in markets.sms:
        raise ApiFailure(422, "RESOURCE_007", "This market already exists")
    if body.sandbox is not True:
        await markets.store(owner, market)
    return envelope(market)


@routes.get("/v3/channels/sms")
async def list_markets(request: web.Request) -> web.Response:
    owner = customer_of(request)
    return envelope([m for (o, _, _), m in state_of(request).markets.sms.items() if o == owner])


@routes.get("/v3/channels/{channel}/{country}/{type}")
async def get_market_or_types(request: web.Request) -> web.Response:
    """One route for both readings of ``/v3/channels/sms/{country}/compliance`` (x-path-overlap)."""
    channel, country, kind = (request.match_info[k] for k in ("channel", "country", "type"))
    if kind.lower() == "compliance":
        return _number_types(channel.lower(), country.upper())
    if channel.lower() != "sms":
        raise (
            _not_yet(channel)
            if channel.lower() in _NOT_YET
            else not_found("RESOURCE_024", "Market")
        )
    return envelope(state_of(request).markets.find(customer_of(request), country, kind))


def _number_types(channel: str, country: str) -> web.Response:
    if channel in _NOT_YET:
        raise _not_yet(channel)
    if channel not in ("sms", "mms", "voice"):
        raise invalid("channel must be sms, mms or voice", "channel")
    offered = [
        NumberType(fees={"monthly": "1.00", "currency": "USD"}, compliance={"values": []},
                   extra={"type": kind, "sender_id_pattern": None})
        for kind in _TYPES.get(country, ())
    ]  # fmt: skip
    return envelope(CountryNumberTypes(number_types=offered))


@routes.patch("/v3/channels/sms/{country}/{type}")
async def update_market(request: web.Request) -> web.Response:
    owner, markets = customer_of(request), state_of(request).markets
    market = markets.find(owner, request.match_info["country"], request.match_info["type"])
    body = await parse(request, SmsChannelUpdateRequest)
    changes = _wire(body.compliance)
    if not changes:
        raise invalid("Supply at least one field to change", "compliance")
    merged = _merge(_wire(market.compliance) or {}, changes)
    for block in ("brand", "campaign"):
        if block in changes:
            merged[block] = _identity(merged[block] if changes[block] is not None else None)
    moved: dict[str, Any] = {}
    if market.status == "ACTION_NEEDED" and merged.get("campaign"):
        merged["requirements"] = []
        moved = {"status": "PROVISIONING", "reason_code": None, "reason": None}
    compliance = _converter.wire.structure(merged, Compliance)
    updated = attrs.evolve(market, compliance=compliance, **moved)
    if body.sandbox is not True:
        await markets.store(owner, updated, "submitted")
    return envelope(updated)


# -- numbers -----------------------------------------------------------------------------------
def _numbered(request: web.Request) -> tuple[str, Markets, Market]:
    """The owner, the store and the market a numbers route names (501 off sms, 400 off types)."""
    channel = request.match_info["channel"].lower()
    if channel != "sms":
        raise _not_yet(channel)
    owner, markets = customer_of(request), state_of(request).markets
    market = markets.find(owner, request.match_info["country"], request.match_info["type"])
    return owner, markets, market


def _campaign_for(market: Market, campaign_id: object) -> str | None:
    """The campaign numbers go to: required, known and own on US TEN_DLC; none elsewhere."""
    if (market.country, market.number_type) != REGIME:
        return None
    campaigns = market.compliance.campaigns if market.compliance else []
    campaigns = campaigns if isinstance(campaigns, list) else []
    if not isinstance(campaign_id, str):
        active = ", ".join(str(c.id) for c in campaigns) or "none"
        raise invalid(f"campaign_id is required; your campaigns: {active}", "campaign_id")
    if not any(c.id == campaign_id for c in campaigns):
        raise not_found("RESOURCE_024", "Campaign")
    return campaign_id


@routes.get("/v3/channels/{channel}/{country}/{type}/numbers")
async def list_numbers(request: web.Request) -> web.Response:
    _, _, market = _numbered(request)
    wanted = request.query.get("campaign_id")
    return envelope([n for n in market.numbers if wanted in (None, n.campaign_id)])


async def _write_numbers(request: web.Request, replace: bool) -> web.Response:
    owner, markets, market = _numbered(request)
    if market.number_type not in _NUMBERED:
        raise invalid("Numbers can be requested on TEN_DLC and LOCAL markets only", "type")
    body = await parse(request, MarketNumbersRequest)
    campaign = _campaign_for(market, body.campaign_id)
    new = [_converter.wire.structure(n, MarketNumber) for n in _numbers(body, campaign)]
    kept = list(market.numbers)
    if replace:
        held = [n for n in kept if n.status == "ACTIVE" and n.campaign_id == campaign]
        if len(new) < len(held):
            raise invalid(f"The list leaves out {len(held) - len(new)} held numbers", "numbers")
        others = [n for n in kept if n.campaign_id != campaign]
        kept, new = others + held, new[len(held) :]
    if len(kept) + len(new) > 49:
        raise invalid("A market holds at most 49 numbers", "numbers")
    return envelope(await markets.store(owner, attrs.evolve(market, numbers=kept + new)))


@routes.post("/v3/channels/{channel}/{country}/{type}/numbers")
async def add_numbers(request: web.Request) -> web.Response:
    return await _write_numbers(request, replace=False)


@routes.patch("/v3/channels/{channel}/{country}/{type}/numbers")
async def replace_numbers(request: web.Request) -> web.Response:
    return await _write_numbers(request, replace=True)
