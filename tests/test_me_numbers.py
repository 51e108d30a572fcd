"""``me`` and number lookup through both clients; what the lookup path looks like on the wire."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aiohttp import web

import sent_sync
from sent_async import AsyncSent, SentValidationError
from sent_async.models import Me, NumberLookup, ProfileDetail
from sent_async.testing import FakeSent

from .support import FAST_RETRY, PROFILE_ID, envelope
from .test_templates import check_contract, raw_call

pytestmark = pytest.mark.anyio


async def test_me_describes_the_organization(client: AsyncSent, server: FakeSent) -> None:
    empty = await client.me.get()
    assert isinstance(empty, Me)
    assert (empty.type, empty.id, empty.organization_id) == (
        "organization",
        server.organization_id,
        server.organization_id,
    )
    assert empty.profiles == [] and empty.name == "FakeSent Organization"
    request = server.requests[-1]
    assert (request.method, request.path, request.body) == ("GET", "/v3/me", b"")

    server.state.profiles.by_id[PROFILE_ID] = ProfileDetail(
        id=PROFILE_ID, name="Sales", short_name="SALES", status="approved", billing_model="profile"
    )
    server.state.me.name = "Acme"
    me = await client.me.get()
    assert me.name == "Acme"
    assert [(p.id, p.name, p.short_name, p.status) for p in me.profiles] == [
        (PROFILE_ID, "Sales", "SALES", "approved")
    ]
    settings = me.profiles[0].settings
    assert settings is not None and settings.billing_model == "profile"
    assert settings.inherit_templates is False  # ignored since Aug 2026, reads back false
    assert me.channels is not None and me.channels.sms is not None
    assert me.channels.sms.configured is False


async def test_me_for_a_profile(client: AsyncSent, server: FakeSent) -> None:
    server.state.profiles.by_id[PROFILE_ID] = ProfileDetail(
        id=PROFILE_ID, name="Sales", sending_phone_number="+14155550100"
    )
    me = await client.for_profile(PROFILE_ID).me.get()
    assert server.requests[-1].headers["x-profile-id"] == PROFILE_ID
    assert (me.type, me.id, me.organization_id) == ("profile", PROFILE_ID, server.organization_id)
    assert me.channels is not None and me.channels.sms is not None
    assert (me.channels.sms.configured, me.channels.sms.phone_number) == (True, "+14155550100")


def lookup_step(seen: list[str]) -> Callable[[web.Request], web.Response]:
    def step(request: web.Request) -> web.Response:
        seen.append(request.raw_path)
        return web.json_response(envelope({"phone_number": "+14155550123", "is_valid": True}))

    return step


async def test_plus_is_percent_encoded_on_the_wire(scripted: Any) -> None:
    seen: list[str] = []
    remote = await scripted(lookup_step(seen))
    async with AsyncSent("sk_test", base_url=remote.base_url, retry=FAST_RETRY) as sent:
        await sent.numbers.lookup("+14155550123")
    assert seen == ["/v3/numbers/lookup/%2B14155550123"]


async def test_lookup_against_fake(client: AsyncSent, server: FakeSent) -> None:
    us = await client.numbers.lookup("+14155550123")
    assert isinstance(us, NumberLookup)
    assert server.requests[-1].path == "/v3/numbers/lookup/+14155550123"  # decoded by the server
    assert (us.phone_number, us.country_code, us.is_valid, us.line_type) == (
        "+14155550123",
        "US",
        True,
        "mobile",
    )
    assert (us.mobile_country_code, us.is_voip, us.is_ported) == ("310", False, False)
    gb = await client.numbers.lookup("+447700900079")
    assert (gb.country_code, gb.line_type, gb.is_voip, gb.is_ported) == ("GB", "voip", True, True)
    landline = await client.numbers.lookup("+4930123450")
    assert (landline.country_code, landline.line_type) == ("DE", "landline")
    assert landline.mobile_country_code is None
    nowhere = await client.numbers.lookup("+999123456")
    assert (nowhere.is_valid, nowhere.country_code) == (False, None)


@pytest.mark.parametrize(
    "bad",
    ["", "14155550123", "+0123456", "+1 415 555 0123", "+1415555012345678", "+1/../x", "+", 1415],
)
async def test_bad_numbers_send_nothing(client: AsyncSent, server: FakeSent, bad: Any) -> None:
    with pytest.raises(SentValidationError, match="phone_number"):
        await client.numbers.lookup(bad)
    assert server.requests == []


async def test_fake_refuses_non_e164(server: FakeSent) -> None:
    status, doc = await raw_call(server, "GET", "/v3/numbers/lookup/4155550123")
    assert (status, doc["error"]["code"]) == (400, "VALIDATION_002")
    status, doc = await raw_call(server, "GET", "/v3/numbers/lookup/+1415%20555")
    assert (status, doc["error"]["code"]) == (400, "VALIDATION_002")


async def test_responses_match_the_contract(server: FakeSent) -> None:
    check_contract("/v3/me", "get", *await raw_call(server, "GET", "/v3/me"))
    server.state.profiles.by_id[PROFILE_ID] = ProfileDetail(id=PROFILE_ID, name="Sales")
    scoped = await raw_call(server, "GET", "/v3/me", headers={"x-profile-id": PROFILE_ID})
    check_contract("/v3/me", "get", *scoped)
    status, doc = await raw_call(server, "GET", "/v3/me")
    check_contract("/v3/me", "get", status, doc)
    assert len(doc["data"]["profiles"]) == 1
    route = "/v3/numbers/lookup/{phoneNumber}"
    for number in ("%2B14155550123", "%2B999123456", "%2B4930123450"):
        check_contract(route, "get", *await raw_call(server, "GET", route[:-13] + number))


def test_sync_client_every_call() -> None:
    with (
        FakeSent() as server,
        sent_sync.Sent(server.api_key, base_url=server.base_url, retry=FAST_RETRY) as sent,
    ):
        assert sent.me.get().id == server.organization_id
        found = sent.numbers.lookup("+33612345678")
        assert (found.country_code, found.line_type) == ("FR", "mobile")
        assert server.requests[-1].path == "/v3/numbers/lookup/+33612345678"
        with pytest.raises(sent_sync.SentValidationError):
            sent.numbers.lookup("0612345678")
        assert len(server.requests) == 2 and server.requests[0].query == {}
