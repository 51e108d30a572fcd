"""FakeSent's ``/v3/channels`` overview, WhatsApp and RCS, and voice numbers with their secrets.

SMS markets, numbers, campaigns and number types are in ``_markets.py``, which also keeps the
WhatsApp and RCS state (it moves all of them on). For voice numbers:

Choices where Sent publishes nothing: a number given on create answers 200, a number FakeSent
picks (from ``area_code``, or +1 415 by default) answers 202; adding a number twice is
422 RESOURCE_007; an unknown number is 404 RESOURCE_022. ``test`` does not call out: it
answers as if the callback URL had replied ``200 {}``, with a request of its own shape,
signed with the number's current secret.
"""

from __future__ import annotations

import json
import re

import attrs
from aiohttp import web

from .._types import UNSET
from ..models import (
    ChannelsState,
    RcsAgent,
    RcsChannelCreateRequest,
    SandboxRequest,
    VoiceCallbackTest,
    VoiceCallbackTestRequestInfo,
    VoiceCallbackTestResponseInfo,
    VoiceNumber,
    VoiceNumberCreated,
    VoiceNumberCreateRequest,
    VoiceNumberUpdateRequest,
    VoiceSecret,
    WhatsappChannel,
    WhatsappChannelCreateRequest,
)
from ..webhooks.signing import generate_secret, sign
from ._support import (
    ApiFailure,
    customer_of,
    e164,
    envelope,
    invalid,
    new_id,
    not_found,
    now,
    parse,
    required,
    state_of,
)

routes = web.RouteTableDef()
_AREA_CODE = re.compile(r"[2-9][0-9]{2}")
_STATUSES = ("ACTIVE", "INACTIVE")


@attrs.define(eq=False)
class VoiceNumbers:
    """Voice numbers (number -> VoiceNumber) and their callback secrets."""

    numbers: dict[str, VoiceNumber] = attrs.Factory(dict)
    secrets: dict[str, str] = attrs.field(factory=dict, repr=False)

    def pick(self, area_code: str) -> str:
        """A free +1 <area code> 555 xxxx number."""
        for n in range(10000):
            candidate = f"+1{area_code}555{n:04d}"
            if candidate not in self.numbers:
                return candidate
        raise ApiFailure(422, "BUSINESS_008", "No numbers left in this area code")

    def store(self, stored: VoiceNumber) -> None:
        """Keep ``stored``; only one number answers app calls, so the others lose the flag."""
        number = str(stored.number)
        self.numbers[number] = stored
        if not stored.default_for_app_calls:
            return
        for other, kept in self.numbers.items():
            if other != number and kept.default_for_app_calls:
                self.numbers[other] = attrs.evolve(kept, default_for_app_calls=False)


def find(request: web.Request) -> VoiceNumber:
    found = state_of(request).channels.numbers.get(request.match_info["number"])
    if found is None:
        raise not_found("RESOURCE_022", "Voice number")
    return found


def _check_url(value: object) -> None:
    if value is UNSET or value is None:
        return
    if not isinstance(value, str) or not re.match(r"https?://[^/\s]+", value):
        raise invalid("callback_url must be an http(s) URL", "callback_url")


def _number_for(request: web.Request, body: VoiceNumberCreateRequest) -> tuple[str, int]:
    """The number to add and the status to answer: 200 for a given one, 202 for a picked one."""
    numbers = state_of(request).channels
    if isinstance(body.number, str):
        e164(body.number, "number")
        if body.number in numbers.numbers:
            raise ApiFailure(422, "RESOURCE_007", "This voice number already exists")
        return body.number, 200
    area = body.area_code if isinstance(body.area_code, str) else "415"
    if not _AREA_CODE.fullmatch(area):
        raise invalid("area_code must be a 3-digit area code", "area_code")
    return numbers.pick(area), 202


@routes.get("/v3/channels/voice")
async def list_numbers(request: web.Request) -> web.Response:
    return envelope(list(state_of(request).channels.numbers.values()))


@routes.post("/v3/channels/voice")
async def create_number(request: web.Request) -> web.Response:
    body = await parse(request, VoiceNumberCreateRequest)
    _check_url(body.callback_url)
    number, status = _number_for(request, body)
    stamp = now()
    stored = VoiceNumber(
        number=number,
        callback_url=body.callback_url,
        default_for_app_calls=body.default_for_app_calls is True,
        status="ACTIVE",
        created_at=stamp,
        updated_at=stamp,
    )
    secret = generate_secret()
    if body.sandbox is not True:
        state_of(request).channels.secrets[number] = secret
        state_of(request).channels.store(stored)
    created = VoiceNumberCreated(**attrs.asdict(stored, recurse=False), callback_secret=secret)
    return envelope(created, status)


@routes.get("/v3/channels/voice/{number}")
async def get_number(request: web.Request) -> web.Response:
    return envelope(find(request))


@routes.patch("/v3/channels/voice/{number}")
async def update_number(request: web.Request) -> web.Response:
    stored = find(request)
    body = await parse(request, VoiceNumberUpdateRequest)
    _check_url(body.callback_url)
    if body.status is not UNSET and body.status is not None and body.status not in _STATUSES:
        raise invalid("status must be ACTIVE or INACTIVE", "status", "VALIDATION_006")
    changes = {
        name: getattr(body, name)
        for name in ("callback_url", "default_for_app_calls", "status")
        if getattr(body, name) is not UNSET
    }
    if changes.get("status") is not None:
        changes["status"] = str(changes["status"])
    updated = attrs.evolve(stored, **changes, updated_at=now())
    if body.sandbox is not True:
        state_of(request).channels.store(updated)
    return envelope(updated)


@routes.post("/v3/channels/voice/{number}/rotate-secret")
async def rotate_secret(request: web.Request) -> web.Response:
    stored = find(request)
    body = await parse(request, SandboxRequest)
    secret = generate_secret()
    if body.sandbox is not True:
        state_of(request).channels.secrets[str(stored.number)] = secret
    return envelope(VoiceSecret(callback_secret=secret))


@routes.post("/v3/channels/voice/{number}/test")
async def test_callback(request: web.Request) -> web.Response:
    stored = find(request)
    await parse(request, SandboxRequest)
    call_id = new_id()
    question = json.dumps({"call_id": call_id, "number": stored.number, "test": True}).encode()
    secret = state_of(request).channels.secrets[str(stored.number)]
    headers = {"Content-Type": "application/json", **sign(question, secret, webhook_id=call_id)}
    request_info = VoiceCallbackTestRequestInfo(
        url=stored.callback_url, headers=headers, body=question.decode()
    )
    response_info = VoiceCallbackTestResponseInfo(status_code=200, body="{}")
    test = VoiceCallbackTest(
        call_id=call_id, outcome="ok", answer={}, request=request_info, response=response_info
    )
    return envelope(test)


# -- WhatsApp, RCS, the overview -------------------------------------------------------------
@routes.post("/v3/channels/whatsapp")
async def create_whatsapp(request: web.Request) -> web.Response:
    body = await parse(request, WhatsappChannelCreateRequest)
    channel = WhatsappChannel(
        waba_id=required(body.waba_id, "waba_id"),
        phone_number_id=body.phone_number_id if isinstance(body.phone_number_id, str) else None,
        solution_id="872634519283746",
        owner_business_id="554433221100998",
        status="PROVISIONING",
    )
    if body.sandbox is not True:
        state_of(request).markets.whatsapp[customer_of(request)] = channel
    return envelope(channel)


@routes.post("/v3/channels/rcs")
async def create_rcs(request: web.Request) -> web.Response:
    body = await parse(request, RcsChannelCreateRequest)
    for name in ("brand_name", "privacy_policy_url", "terms_and_conditions_url"):
        required(getattr(body, name), name)
    given = {k: v for k, v in attrs.asdict(body, recurse=False).items() if v is not UNSET}
    known = {f.name for f in attrs.fields(RcsAgent)}
    agent = RcsAgent(
        **{k: v for k, v in given.items() if k in known},
        id=new_id(),
        status="PROVISIONING",
        created_at=now(),
    )
    if body.sandbox is not True:
        state_of(request).markets.rcs[customer_of(request)] = agent
    return envelope(agent, 202)


@routes.get("/v3/channels")
async def channels_state(request: web.Request) -> web.Response:
    owner, state = customer_of(request), state_of(request)
    return envelope(
        ChannelsState(
            customer_id=owner,
            sms=[m for (o, _, _), m in state.markets.sms.items() if o == owner],
            whatsapp=state.markets.whatsapp.get(owner),
            rcs=state.markets.rcs.get(owner),
            voice=list(state.channels.numbers.values()),
        )
    )
