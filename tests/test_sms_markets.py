"""Channels beyond voice (``client.channels.*``): SMS markets, numbers, 10DLC campaigns,
WhatsApp, RCS and number types, against FakeSent; multipart document uploads and their retries.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import sent_sync
from sent_async import (
    AsyncSent,
    ConflictError,
    NotFoundError,
    SentValidationError,
)
from sent_async._errors import APIStatusError
from sent_async._transport import multipart
from sent_async.models import ChannelStatus, ComplianceBrand, ProfileDetail
from sent_async.testing import FakeSent
from sent_async.webhooks import (
    ChannelActivated,
    ChannelDeactivated,
    ChannelEvent,
    ChannelEventName,
    ChannelRemoved,
    ChannelSubmitted,
    generate_secret,
    parse_event,
    sign,
)

from .support import FAST_RETRY

pytestmark = pytest.mark.anyio

CAMPAIGN = {
    "description": "Order and delivery updates.",
    "message_flow": "Customers opt in at checkout.",
}
TEN_DLC = {"brand": {"inherit": True}, "campaign": CAMPAIGN}


def _count(items: object) -> int:
    """How many items a compliance list holds (absent counts as none)."""
    return len(items) if isinstance(items, list) else 0


async def _ten_dlc(client: AsyncSent, **extra: Any) -> Any:
    return await client.channels.sms.create(
        country="US", number_type="TEN_DLC", compliance=TEN_DLC, **extra
    )


async def test_market_statuses_move_on_with_their_webhooks(
    client: AsyncSent, server: FakeSent
) -> None:
    market = await _ten_dlc(client, numbers=[{"area_code": "212", "quantity": 2}])
    assert server.requests[-1].json()["number_type"] == "TEN_DLC"
    assert (market.status, [n.status for n in market.numbers]) == (
        "PROVISIONING",
        ["PROVISIONING"] * 2,
    )
    assert market.compliance is not None and market.compliance.campaigns[0].inherit is False
    assert await server.state.markets.advance() == 1
    assert (await client.channels.sms.get("us", "TEN_DLC")).status == "PENDING_REVIEW"
    await server.state.markets.advance()
    live = await client.channels.sms.get("US", "10DLC")
    assert live.status == "ACTIVE" and all(n.sender_value for n in live.numbers)
    assert await server.state.markets.advance() == 0
    events = [e["event"] for e in server.events if e["field"] == "channel"]
    assert events == ["channel.submitted", "channel.activated"]
    assert server.events[-1]["payload"]["sender_value"] == live.numbers[0].sender_value
    assert [m.country for m in await client.channels.sms.list()] == ["US"]
    overview = await client.channels.list()
    assert overview.customer_id == server.organization_id and overview.sms == [live]


async def test_a_missing_campaign_waits_in_action_needed_until_update(
    client: AsyncSent, server: FakeSent
) -> None:
    market = await client.channels.sms.create(
        country="US", number_type="TEN_DLC", compliance={"brand": {"legal_name": "Acme"}}
    )
    assert (market.status, market.reason_code) == ("ACTION_NEEDED", "CHANNEL_001")
    assert market.compliance is not None and market.compliance.requirements
    await server.state.markets.advance()
    fixed = await client.channels.sms.update(
        "US", "TEN_DLC", compliance={"campaign": CAMPAIGN, "brand": {"tax_id": "12-3456789"}}
    )
    assert fixed.status == "PROVISIONING" and fixed.compliance is not None
    brand = fixed.compliance.brand
    assert isinstance(brand, ComplianceBrand)
    assert (brand.legal_name, brand.tax_id) == ("Acme", "12-3456789")
    assert server.requests[-1].json() == {
        "compliance": {"campaign": CAMPAIGN, "brand": {"tax_id": "12-3456789"}}
    }
    assert server.events[-1]["event"] == "channel.submitted"


async def test_bad_market_input_is_refused_before_sending(
    client: AsyncSent, server: FakeSent
) -> None:
    bad: list[Any] = [
        lambda: client.channels.sms.get("USA", "TEN_DLC"),
        lambda: client.channels.sms.get("US", "compliance"),
        lambda: client.channels.sms.get("US", "TEN/DLC"),
        lambda: client.channels.sms.update("US", "TEN_DLC", compliance={}),
        lambda: _ten_dlc(client, numbers=[{"quantity": 50}]),
        lambda: _ten_dlc(client, numbers=[{"quantity": 1}], area_codes=["212"]),
        lambda: client.channels.numbers.add("sms", "US", "TEN_DLC", numbers=[]),
        lambda: client.channels.sms.campaigns.update("not-a-uuid", {"description": "x"}),
        lambda: client.channels.sms.campaigns.create({"descripton": "typo"}),
        lambda: client.channels.rcs.create(
            brand_name="Acme", privacy_policy_url="/privacy", terms_and_conditions_url="x"
        ),
    ]
    for call in bad:
        with pytest.raises(SentValidationError):
            await call()
    assert server.requests == []


async def test_numbers_add_replace_and_list(client: AsyncSent, server: FakeSent) -> None:
    market = await _ten_dlc(client)
    assert market.compliance is not None
    campaign = str(market.compliance.campaigns[0].id)
    with pytest.raises(APIStatusError) as missing:  # US TEN_DLC needs the campaign
        await client.channels.numbers.add("sms", "US", "TEN_DLC", numbers=[{"quantity": 1}])
    assert missing.value.status_code == 400 and campaign in missing.value.message
    grown = await client.channels.numbers.add(
        "sms", "US", "TEN_DLC", numbers=[{"area_code": "646", "quantity": 2}], campaign_id=campaign
    )
    assert [n.area_code for n in grown.numbers] == ["646", "646"]
    await server.state.markets.advance()
    await server.state.markets.advance()  # both numbers held now
    with pytest.raises(APIStatusError, match="leaves out 1 held"):
        await client.channels.numbers.replace(
            "sms", "US", "TEN_DLC", numbers=[{"quantity": 1}], campaign_id=campaign
        )
    listed = await client.channels.numbers.list("sms", "US", "TEN_DLC", campaign_id=campaign)
    assert [n.status for n in listed] == ["ACTIVE", "ACTIVE"]
    assert server.requests[-1].query == {"campaign_id": campaign}
    with pytest.raises(APIStatusError) as not_yet:
        await client.channels.numbers.list("whatsapp", "US", "TEN_DLC")
    assert not_yet.value.status_code == 501


async def test_campaigns_list_create_update(client: AsyncSent, server: FakeSent) -> None:
    with pytest.raises(NotFoundError):
        await client.channels.sms.campaigns.list()
    await _ten_dlc(client)
    second = {**CAMPAIGN, "extra": {"sample_messages": ["Your order shipped"]}}
    market = await client.channels.sms.campaigns.create(second, idempotency_key="camp-2")
    assert server.requests[-1].json()["sample_messages"] == ["Your order shipped"]
    assert market.compliance is not None and _count(market.compliance.campaigns) == 2
    campaigns = await client.channels.sms.campaigns.list()
    assert campaigns[1].extra == {"sample_messages": ["Your order shipped"]}
    cid = str(campaigns[1].id)
    updated = await client.channels.sms.campaigns.update(cid, {"help_message": "Reply HELP"})
    assert updated.compliance is not None and isinstance(updated.compliance.campaigns, list)
    assert updated.compliance.campaigns[1].help_message == "Reply HELP"
    with pytest.raises(SentValidationError):
        await client.channels.sms.campaigns.update(cid, {"inherit": True})
    await server.state.markets.advance()
    await server.state.markets.advance()  # filed and ACTIVE: no more changes
    with pytest.raises(ConflictError):
        await client.channels.sms.campaigns.update(cid, {"help_message": "Reply INFO"})


async def test_whatsapp_rcs_and_number_types(client: AsyncSent, server: FakeSent) -> None:
    whatsapp = await client.channels.whatsapp.create(waba_id="104729384756120")
    assert (whatsapp.waba_id, whatsapp.status) == ("104729384756120", "PROVISIONING")
    rcs = await client.with_raw_response.channels.rcs.create(
        brand_name="Acme",
        privacy_policy_url="https://acme.example/privacy",
        terms_and_conditions_url="https://acme.example/terms",
        agent_use_case="NOTIFICATIONS",
    )
    assert rcs.status_code == 202 and rcs.data.brand_name == "Acme"
    assert "hosting_region" not in server.requests[-1].json()
    await server.state.markets.advance()
    overview = await client.channels.list()
    assert overview.whatsapp is not None and overview.whatsapp.status == "ACTIVE"
    assert overview.rcs is not None and overview.rcs.status == "ACTIVE"
    types = await client.channels.number_types("sms", "us")
    assert server.requests[-1].path == "/v3/channels/sms/US/compliance"
    assert [t.extra["type"] for t in types.number_types][:2] == ["LOCAL", "TEN_DLC"]
    assert (await client.channels.number_types("voice", "FR")).number_types == []
    with pytest.raises(APIStatusError) as not_yet:
        await client.channels.number_types("rcs", "US")
    assert not_yet.value.status_code == 501


# -- multipart uploads ------------------------------------------------------------------------
async def test_documents_go_as_one_multipart_form(
    client: AsyncSent, server: FakeSent, tmp_path: Path
) -> None:
    path = tmp_path / "registration.pdf"
    path.write_bytes(b"%PDF-1.4 registration")
    market = await client.channels.sms.create(
        country="GB",
        number_type="ALPHANUMERIC",
        sender_value="Acme",
        documents={
            "business_registration": path,
            "id_front": io.BytesIO(b"\x89PNG front"),
            "letter": ("letter.txt", b"to whom it may concern"),
        },
    )
    sent = server.requests[-1]
    assert sent.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="numberType"\r\n\r\nALPHANUMERIC' in sent.body
    assert b'name="senderValue"\r\n\r\nAcme' in sent.body
    assert b"%PDF-1.4 registration" in sent.body
    assert market.compliance is not None and isinstance(market.compliance.documents, list)
    docs = {d.key: d.file_name for d in market.compliance.documents}
    assert docs == {
        "business_registration": "registration.pdf",
        "id_front": "id_front",
        "letter": "letter.txt",
    }
    assert market.numbers[0].sender_value == "Acme"


async def test_a_retried_upload_sends_the_same_bytes_and_key(server: FakeSent) -> None:
    server.fail_next(503, method="POST", path="/v3/channels/sms")
    reads: list[int] = []

    class Once(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            reads.append(1)
            return super().read(size)

    async with server.client(retry=FAST_RETRY) as client:
        await client.channels.sms.create(
            country="GB", number_type="ALPHANUMERIC", documents={"registration": Once(b"doc")}
        )
    first, second = server.requests[-2:]
    assert first.body == second.body and b"doc" in first.body
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert first.headers["content-type"] == second.headers["content-type"]
    assert reads == [1]  # the file was read once, before the first attempt


async def test_an_oversize_upload_is_refused_before_anything_is_sent(
    client: AsyncSent, server: FakeSent
) -> None:
    big = b"x" * (multipart.MAX_FORM_BYTES + 1)
    with pytest.raises(SentValidationError, match="limit"):
        await client.channels.sms.create(
            country="GB", number_type="ALPHANUMERIC", documents={"registration": big}
        )
    with pytest.raises(SentValidationError, match="compliance"):
        await client.channels.sms.create(
            country="GB", number_type="ALPHANUMERIC", compliance={}, documents={"r": b"x"}
        )
    assert server.requests == []


def test_form_encoding_refuses_header_injection_and_text_files(tmp_path: Path) -> None:
    with pytest.raises(SentValidationError):
        multipart.encode({}, {"a\r\nX-Evil: 1": b"x"})
    text = tmp_path / "t.txt"
    text.write_text("hello")
    with open(text) as handle, pytest.raises(SentValidationError, match="binary"):
        multipart.encode({}, {"t": handle})  # type: ignore[dict-item]
    with pytest.raises(SentValidationError, match="cannot read"):
        multipart.encode({}, {"t": tmp_path / "missing.pdf"})
    form = multipart.encode({"country": "GB"}, {"doc": b"abc"}, limit=1000)
    assert "x" not in repr(form) and "bytes" in repr(form)


def test_the_sync_client_uploads_too(tmp_path: Path) -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as client:
        market = client.channels.sms.create(
            country="GB", number_type="ALPHANUMERIC", documents={"registration": b"doc"}
        )
        assert market.compliance is not None and _count(market.compliance.documents) == 1
        assert client.channels.sms.get("GB", "ALPHANUMERIC").status == "PROVISIONING"


# -- typed channel events ---------------------------------------------------------------------
def _parsed(doc: dict[str, Any]) -> Any:
    secret = generate_secret()
    body = json.dumps(doc).encode()
    return parse_event(body, sign(body, secret, webhook_id="wh_1"), secret)


async def test_fakesent_channel_events_parse_to_typed_events(
    client: AsyncSent, server: FakeSent
) -> None:
    await _ten_dlc(client, numbers=[{"area_code": "212", "quantity": 1}])
    await server.state.markets.advance()
    await server.state.markets.advance()
    submitted, activated = (_parsed(e) for e in server.events if e["field"] == "channel")
    assert type(submitted) is ChannelSubmitted and submitted.status is ChannelStatus.PENDING_REVIEW
    assert type(activated) is ChannelActivated and activated.status is ChannelStatus.ACTIVE
    assert activated.market == ("US", "TEN_DLC") and activated.payload.sender_value
    assert activated.payload.account_id == server.organization_id


def test_channel_event_names_and_open_statuses() -> None:
    base = {"field": "channel", "payload": {"country": "GB", "status": "ACTIVE"}}
    kinds = {
        "channel.submitted": ChannelSubmitted,
        "channel.deactivated": ChannelDeactivated,
        "channel.removed": ChannelRemoved,
        "channel.renamed": ChannelEvent,  # a future name: still a ChannelEvent
    }
    for name, kind in kinds.items():
        event = _parsed({**base, "event": name})
        assert type(event) is kind and event.status is ChannelStatus.ACTIVE
    odd = _parsed({**base, "event": "channel.removed", "payload": {"country": "GB", "status": "X"}})
    assert odd.status == "X" and odd.market == ("GB", None)
    assert str(ChannelEventName.REMOVED) == "channel.removed"


def test_the_docs_table_lists_every_channel_operation_of_the_supplement() -> None:
    root = Path(__file__).resolve().parent.parent
    spec = json.loads((root / "spec" / "sent-current.openapi.json").read_text())
    wanted = {
        (method.upper(), path, op["operationId"], op["x-sdk-call"])
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if op["tags"][0].startswith("channels")
    }
    rows = set()
    for line in (root / "docs" / "channels.md").read_text().splitlines():
        cells = [c.strip().strip("`") for c in line.split("|")]
        if len(cells) > 5 and cells[1] in {"GET", "POST", "PATCH"}:
            rows.add((cells[1], cells[2], cells[3], cells[4].partition("(")[0]))
    assert rows == wanted


async def test_a_profile_view_has_its_own_channels(client: AsyncSent, server: FakeSent) -> None:
    profile = "3e8b6c1d-2a4f-4d9e-b7c5-1f0a9e8d7c62"
    server.state.profiles.by_id[profile] = ProfileDetail(id=profile, name="Acme")
    acme = client.for_profile(profile)
    await acme.channels.sms.create(country="GB", number_type="ALPHANUMERIC", sender_value="Acme")
    assert server.requests[-1].headers["x-profile-id"] == profile
    assert (await acme.channels.list()).customer_id == profile
    assert [m.country for m in await acme.channels.sms.list()] == ["GB"]
    assert await client.channels.sms.list() == []  # the organization's own markets
    with pytest.raises(NotFoundError):
        await client.channels.sms.get("GB", "ALPHANUMERIC")
