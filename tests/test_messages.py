"""Messages through both clients against FakeSent: send, status progression, activities."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

import sent_sync
from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async._converter import to_json
from sent_async._types import UNSET
from sent_async.models import (
    Message,
    MessageChannelInput,
    MessageSendResult,
    MessageTemplateRefInput,
    MessageWebhookPayload,
)
from sent_async.resources.messages import AsyncMessages, _common_request, _request
from sent_async.testing import FakeSent

pytestmark = pytest.mark.anyio

SPEC = json.loads(
    (Path(__file__).resolve().parent.parent / "spec/sent-v3.openapi.json").read_text()
)
TO = "+14155550123"
UTC = datetime.timezone.utc
MISSING_ID = "00000000-0000-4000-8000-000000000000"


def contract_errors(schema: str, document: Any) -> list[str]:
    """What in ``document`` breaks the contract's ``components/schemas/<schema>``."""
    root = {"$ref": f"#/components/schemas/{schema}", "components": SPEC["components"]}
    return [e.message for e in Draft202012Validator(root).iter_errors(document)]


async def raw(
    server: FakeSent, method: str, path: str, body: Any = None
) -> tuple[int, dict[str, Any]]:
    """Talk to FakeSent without the SDK (to see exact JSON, or send what the SDK refuses)."""
    async with (
        aiohttp.ClientSession() as session,
        session.request(
            method, server.base_url + path, json=body, headers={"x-api-key": server.api_key}
        ) as response,
    ):
        return response.status, await response.json()


def advance(server: FakeSent) -> int:
    """``advance_messages`` for a FakeSent started with ``with`` (it runs on its own loop)."""
    assert server._thread is not None and server._thread.portal is not None
    return server._thread.portal.call(server.advance_messages)


async def test_send_fans_out_per_recipient_and_channel(client: AsyncSent, server: FakeSent) -> None:
    result = await client.messages.send(
        to=[TO, "+447700900123"], text="Your code is 1234", channel=["sms", "whatsapp"]
    )
    assert isinstance(result, MessageSendResult) and result.status == "QUEUED"
    assert [(r.to, r.channel) for r in result.recipients] == [
        (TO, "sms"),
        (TO, "whatsapp"),
        ("+447700900123", "sms"),
        ("+447700900123", "whatsapp"),
    ]
    assert len({r.message_id for r in result.recipients}) == 4
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", "/v3/messages")
    assert sent.json() == {
        "to": [TO, "+447700900123"],
        "text": "Your code is 1234",
        "channel": ["sms", "whatsapp"],
    }
    assert sent.headers["idempotency-key"]  # every send is safe to retry

    message = await client.messages.get(str(result.recipients[1].message_id))
    assert isinstance(message, Message)
    assert (message.status, message.channel, message.phone) == ("QUEUED", "whatsapp", TO)
    assert message.message_body is not None and message.message_body.content == "Your code is 1234"
    assert [e.status for e in message.events] == ["QUEUED"]
    assert server.requests[-1].path == f"/v3/messages/{message.id}"
    # sending created the contacts, and the message points at its contact
    contacts = (await client.contacts.list()).items
    assert sorted(c.phone_number or "" for c in contacts) == ["+14155550123", "+447700900123"]
    assert message.contact_id in {c.id for c in contacts}


async def test_send_is_accepted_with_202(client: AsyncSent) -> None:
    raw_result = await client.with_raw_response.messages.send(to=TO, text="hi")
    assert raw_result.status_code == 202
    assert "x-sandbox" not in {k.lower() for k in raw_result.headers}


async def test_template_and_senders_as_dicts_or_models(client: AsyncSent, server: FakeSent) -> None:
    await client.messages.send(
        to=(TO,),
        template={"name": "order_shipped", "parameters": {"name": "Ada"}},
        channels={"sms": [{"from": ["+14155550100"], "strategy": "sticky"}]},
    )
    as_dicts = server.requests[-1].json()
    assert as_dicts == {
        "to": [TO],
        "template": {"name": "order_shipped", "parameters": {"name": "Ada"}},
        "channels": {"sms": [{"from": ["+14155550100"], "strategy": "sticky"}]},
    }
    await client.messages.send(
        to=[TO],
        template=MessageTemplateRefInput(name="order_shipped", parameters={"name": "Ada"}),
        channels={"sms": [MessageChannelInput(from_=["+14155550100"], strategy="sticky")]},
    )
    assert server.requests[-1].json() == as_dicts
    result = await client.messages.send(to=TO, template={"name": "order_shipped"})
    assert result.template_name == "order_shipped"


async def test_status_progression_events_and_activities(
    client: AsyncSent, server: FakeSent
) -> None:
    result = await client.messages.send(to=TO, text="hello", channel="sms")
    mid = str(result.recipients[0].message_id)
    assert await server.advance_messages() == 1
    assert (await client.messages.get(mid)).status == "SENT"
    assert await server.advance_messages() == 1
    delivered = await client.messages.get(mid)
    assert delivered.status == "DELIVERED"
    assert [e.status for e in delivered.events] == ["QUEUED", "SENT", "DELIVERED"]
    assert await server.advance_messages() == 0  # SMS has no read receipts: it stops here

    assert [e["event"] for e in server.events] == [
        "message.queued",
        "message.sent",
        "message.delivered",
    ]
    last = server.events[-1]
    assert last["field"] == "message"
    assert contract_errors("MessageWebhookEvent", last) == []
    payload = MessageWebhookPayload(**last["payload"])
    assert (payload.message_status, payload.message_id, payload.outbound_number) == (
        "DELIVERED",
        mid,
        TO,
    )

    log = await client.messages.list_activities(mid)
    assert server.requests[-1].path == f"/v3/messages/{mid}/activities"
    assert log.message_id == mid
    assert [a.status for a in log.activities] == ["DELIVERED", "SENT", "QUEUED"]  # newest first
    assert log.activities[0].price == "0.0079"


async def test_responses_match_the_contract(client: AsyncSent, server: FakeSent) -> None:
    result = await client.messages.send(to=TO, text="hi", channel=["whatsapp"])
    mid = result.recipients[0].message_id
    for _ in range(3):
        await server.advance_messages()
    status, doc = await raw(server, "GET", f"/v3/messages/{mid}")
    assert status == 200 and doc["data"]["status"] == "READ"  # WhatsApp reports reads
    assert contract_errors("MessageEnvelope", doc) == []
    status, doc = await raw(server, "GET", f"/v3/messages/{mid}/activities")
    assert contract_errors("MessageActivitiesEnvelope", doc) == []
    status, doc = await raw(server, "POST", "/v3/messages", {"to": [TO], "text": "x"})
    assert status == 202 and contract_errors("MessageSendResultEnvelope", doc) == []


async def test_opted_out_contact_is_filtered(client: AsyncSent, server: FakeSent) -> None:
    contact = await client.contacts.create(phone_number=TO)
    await client.contacts.update(str(contact.id), opt_out=True)
    result = await client.messages.send(to=TO, text="promo")
    mid = str(result.recipients[0].message_id)
    assert await server.advance_messages() == 1
    message = await client.messages.get(mid)
    assert message.status == "FILTERED" and message.reason
    assert message.contact_id == contact.id
    assert await server.advance_messages() == 0
    assert server.events[-1]["event"] == "message.filtered"


async def test_scheduled_send_waits(client: AsyncSent, server: FakeSent) -> None:
    when = datetime.datetime.now(UTC) + datetime.timedelta(hours=2)
    result = await client.messages.send(to=TO, text="later", scheduled_at=when)
    assert server.requests[-1].json()["scheduled_at"] == when.isoformat()
    mid = str(result.recipients[0].message_id)
    assert (await client.messages.get(mid)).status == "SCHEDULED"
    assert await server.advance_messages() == 0  # not due yet
    event = server.events[-1]
    assert event["event"] == "message.scheduled"
    assert event["payload"]["scheduled_at"] == when.isoformat()
    activity = (await client.messages.list_activities(mid)).activities[0]
    assert activity.scheduled_at == when


async def test_scheduled_at_accepts_an_iso_string_with_offset(
    client: AsyncSent, server: FakeSent
) -> None:
    when = (datetime.datetime.now(UTC) + datetime.timedelta(days=1)).replace(microsecond=0)
    await client.messages.send(to=TO, text="x", scheduled_at=when.isoformat())
    assert server.requests[-1].json()["scheduled_at"] == when.isoformat()


async def test_sandbox_send_stores_nothing(client: AsyncSent, server: FakeSent) -> None:
    raw_result = await client.with_raw_response.messages.send(to=TO, text="dry run", sandbox=True)
    assert raw_result.status_code == 202 and raw_result.headers.get("X-Sandbox") == "true"
    assert server.requests[-1].json()["sandbox"] is True
    recipient = raw_result.data.recipients[0]
    assert recipient.message_id and recipient.to == TO
    with pytest.raises(NotFoundError) as info:
        await client.messages.get(recipient.message_id)
    assert info.value.code == "RESOURCE_003"
    assert (await client.contacts.list()).items == []
    assert server.events == []
    assert await server.advance_messages() == 0


async def test_same_idempotency_key_sends_once(client: AsyncSent, server: FakeSent) -> None:
    first = await client.messages.send(to=TO, text="once", idempotency_key="order-42")
    again = await client.messages.send(to=TO, text="once", idempotency_key="order-42")
    assert again == first
    assert [r.headers["idempotency-key"] for r in server.requests] == ["order-42", "order-42"]
    assert len(server.state.messages.by_id) == 1


async def test_unknown_message_is_404(client: AsyncSent) -> None:
    with pytest.raises(NotFoundError) as info:
        await client.messages.get(MISSING_ID)
    assert (info.value.status_code, info.value.code) == (404, "RESOURCE_003")
    with pytest.raises(NotFoundError):
        await client.messages.list_activities(MISSING_ID)


def _soon(**delta: float) -> datetime.datetime:
    return datetime.datetime.now(UTC) + datetime.timedelta(**delta)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"to": "4155550123", "text": "x"}, "E.164"),
        ({"to": [TO, "+1 415 555 0124"], "text": "x"}, r"to\[1\]"),
        ({"to": [], "text": "x"}, "at least one"),
        ({"to": None, "text": "x"}, "list of them"),
        ({"to": TO}, "text= .* or template="),
        ({"to": TO, "template": {}}, "id' or its 'name"),
        ({"to": TO, "template": {"template_id": "x"}}, "unknown keys"),
        ({"to": TO, "text": "x", "channel": ["fax"]}, "unknown channel"),
        ({"to": TO, "text": "x", "channel": "SMS"}, "unknown channel"),  # case-sensitive
        ({"to": TO, "text": "x", "channel": ["mms"]}, "media_urls"),
        ({"to": TO, "text": "x", "channels": {"sent": []}}, "channels key"),
        ({"to": TO, "text": "x", "channels": {"sms": [{"from": ["0800"]}]}}, "sender"),
        ({"to": TO, "text": "x", "channels": {"sms": [{"form": [TO]}]}}, "unknown keys"),
        ({"to": TO, "text": "x", "scheduled_at": datetime.datetime(2030, 1, 1)}, "timezone"),
        ({"to": TO, "text": "x", "scheduled_at": "2030-01-01T10:00:00"}, "timezone"),
        ({"to": TO, "text": "x", "scheduled_at": "next tuesday"}, "ISO 8601"),
        ({"to": TO, "text": "x", "scheduled_at": _soon(minutes=-5)}, "past"),
        ({"to": TO, "text": "x", "scheduled_at": _soon(days=31)}, "30 days"),
        ({"to": TO, "text": "x", "idempotency_key": "has space"}, "idempotency_key"),
    ],
)
async def test_bad_sends_are_refused_locally(
    client: AsyncSent, server: FakeSent, kwargs: dict[str, Any], match: str
) -> None:
    with pytest.raises(SentValidationError, match=match):
        await client.messages.send(**kwargs)
    assert server.requests == []


class _Str(str):
    """A str subclass: never the fast path's, always the general path's to judge."""


_values = st.sampled_from
_NUMBER = st.sampled_from([TO, "+447700900123", "4155550123", "+1 415", "", _Str(TO), 14155550123])
_TEMPLATE_VALUE = _values([UNSET, None, "t1", "order_shipped", 7, {"name": "Ada"}])
_TEMPLATES = st.one_of(
    _values([UNSET, None, "order_shipped", 3]),
    st.dictionaries(_values(["id", "name", "parameters", "template_id"]), _TEMPLATE_VALUE),
    st.builds(MessageTemplateRefInput, id=_TEMPLATE_VALUE, name=_TEMPLATE_VALUE),
)


@settings(max_examples=400, deadline=None)
@example(to=[TO, "+447700900123"], text="Hi", template=UNSET, subject=UNSET, sandbox=UNSET)
@example(to=(TO, 5), text="Hi", template=UNSET, subject=UNSET, sandbox=UNSET)
@given(
    to=st.one_of(_NUMBER, st.lists(_NUMBER, max_size=3), st.tuples(_NUMBER), _values([None, {}])),
    text=_values([UNSET, None, "Hi", "", _Str("Hi"), 5]),
    template=_TEMPLATES,
    subject=_values([UNSET, None, "Re", 1]),
    sandbox=_values([UNSET, True, False, None, 1]),
)
def test_the_common_send_shapes_build_what_the_full_checks_build(
    to: Any, text: Any, template: Any, subject: Any, sandbox: Any
) -> None:
    """send's one-pass path (_common_request) agrees with the argument-by-argument checks."""
    fast = _common_request(to, text, template, subject, sandbox)
    if fast is None:
        return  # the general path judges it, as before
    general = _request(to, text, template, UNSET, UNSET, UNSET, subject, UNSET, sandbox)
    assert fast == general
    assert to_json(fast) == to_json(general)


def test_the_usual_sends_take_the_one_pass_path() -> None:
    template = {"id": MISSING_ID, "name": "order_shipped", "parameters": {"name": "Acme"}}
    for to, text, tmpl in [
        ([TO], UNSET, template),
        (TO, "Hi", UNSET),
        ((TO, "+447700900123"), "Hi", None),
        ([TO], UNSET, MessageTemplateRefInput(name="order_shipped")),
    ]:
        assert _common_request(to, text, tmpl, UNSET, UNSET) is not None


@pytest.mark.parametrize("bad", ["not-a-uuid", "../../v3/me", "", f"{MISSING_ID}/../x", 42])
async def test_bad_message_ids_are_refused_locally(
    client: AsyncSent, server: FakeSent, bad: Any
) -> None:
    with pytest.raises(SentValidationError, match="message_id"):
        await client.messages.get(bad)
    with pytest.raises(SentValidationError, match="message_id"):
        await client.messages.list_activities(bad)
    assert server.requests == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": "x"}, "VALIDATION_004"),
        ({"to": ["4155550123"], "text": "x"}, "VALIDATION_002"),
        ({"to": [TO]}, "VALIDATION_004"),
        ({"to": [TO], "text": "x", "channel": ["fax"]}, "VALIDATION_006"),
        ({"to": [TO], "text": "x", "scheduled_at": "2030-01-01T10:00:00"}, "VALIDATION_001"),
        ({"to": [TO], "text": "x", "scheduled_at": "2020-01-01T10:00:00Z"}, "VALIDATION_005"),
    ],
)
async def test_fakesent_refuses_what_sent_refuses(
    server: FakeSent, body: dict[str, Any], code: str
) -> None:
    status, doc = await raw(server, "POST", "/v3/messages", body)
    assert (status, doc["error"]["code"]) == (400, code)
    assert server.state.messages.by_id == {}


def test_sync_client_sends_and_follows_status() -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        result = sent.messages.send(to=[TO], text="hi from sync")
        mid = str(result.recipients[0].message_id)
        assert server.requests[-1].json() == {"to": [TO], "text": "hi from sync"}
        assert sent.messages.get(mid).status == "QUEUED"
        assert advance(server) == 1
        assert advance(server) == 1
        message = sent.messages.get(mid)
        assert message.status == "DELIVERED"
        activities = sent.messages.list_activities(mid)
        assert [a.status for a in activities.activities] == ["DELIVERED", "SENT", "QUEUED"]
        with pytest.raises(SentValidationError):
            sent.messages.get("../me")
        with pytest.raises(SentValidationError):
            sent.messages.send(to="+1", text="x")
        assert len(server.requests) == 4  # the refused calls sent nothing


def test_sync_twin_has_the_same_signature() -> None:
    import inspect

    from sent_sync.resources.messages import Messages

    for name in ("send", "get", "list_activities"):
        assert inspect.signature(getattr(Messages, name)) == inspect.signature(
            getattr(AsyncMessages, name)
        )
