"""Voice calls, participants, recordings and tokens through both clients against FakeSent."""

from __future__ import annotations

import datetime
import inspect
import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse

import sent_sync
from sent_async import AsyncSent, ConflictError, NotFoundError, SentValidationError
from sent_async.models import Call, CallParticipantTargetInput, CallRecordings, VoiceToken
from sent_async.testing import FakeSent, RecordedRequest

from .support import FAST_RETRY

pytestmark = pytest.mark.anyio

CONTRACT = OpenAPI.from_dict(
    json.loads((Path(__file__).parent.parent / "spec" / "sent-v3.openapi.json").read_text()),
    config=Config(spec_validator_cls=None),
)
HOST = "https://api.sent.dm"
UTC = datetime.timezone.utc


def check_sent(requests: list[RecordedRequest]) -> int:
    """Validate what the SDK put on the wire against the contract; returns how many."""
    for r in requests:
        sent = MockRequest(
            HOST, r.method.lower(), r.path, args=dict(r.query), headers=dict(r.headers), data=r.body
        )
        CONTRACT.validate_request(sent)
    return len(requests)


async def exchange(
    server: FakeSent,
    method: str,
    path: str,
    body: Any = None,
    query: dict[str, str] | None = None,
    *,
    bad_request: bool = False,
) -> tuple[int, Any]:
    """Call FakeSent directly; validate the request (unless bad on purpose) and the answer."""
    headers = {"x-api-key": server.api_key, "content-type": "application/json"}
    data = json.dumps(body).encode() if body is not None else b""
    async with (
        aiohttp.ClientSession() as session,
        session.request(
            method, server.base_url + path, data=data, params=query, headers=headers
        ) as resp,
    ):
        raw, status = await resp.read(), resp.status
    request = MockRequest(HOST, method.lower(), path, args=query or {}, headers=headers, data=data)
    if not bad_request:
        CONTRACT.validate_request(request)
    CONTRACT.validate_response(request, MockResponse(raw, status))
    return status, json.loads(raw) if raw else None


async def live_call(client: AsyncSent) -> Call:
    """A seeded call that is still in progress."""
    return (await client.voice.calls.list(status="in_progress")).items[0]


# -- calls ----------------------------------------------------------------------------------
async def test_list_pages_then_iterates_every_call(client: AsyncSent, server: FakeSent) -> None:
    first = await client.voice.calls.list(page_size=2)
    assert len(first.items) == 2 and first.has_next_page
    assert first.pagination is not None and first.pagination.total_count == 5
    assert server.requests[-1].query == {"page": "1", "page_size": "2"}
    server.requests.clear()

    calls = [c async for c in client.voice.calls.list(page_size=2)]
    assert len(calls) == 5 and len({c.id for c in calls}) == 5
    assert all(isinstance(c, Call) for c in calls)
    assert [r.query["page"] for r in server.requests] == ["1", "2", "3"]
    last = await client.voice.calls.list(page_size=2, page=3)
    assert len(last.items) == 1 and not last.has_next_page and await last.next_page() is None


async def test_list_filters_use_wire_names(client: AsyncSent, server: FakeSent) -> None:
    page = await client.voice.calls.list(
        direction="inbound",
        from_=datetime.datetime(2026, 3, 11, 12, 30, tzinfo=UTC),
        to="2026-03-11T15:30:00Z",
        number="+14155550100",
        status="completed",
    )
    query = server.requests[-1].query
    assert query == {
        "direction": "inbound",
        "from": "2026-03-11T12:30:00+00:00",  # '+' arrives intact, not as a space
        "to": "2026-03-11T15:30:00+00:00",
        "number": "+14155550100",
        "status": "completed",
        "page": "1",
    }
    assert "from_" not in query
    assert len(page.items) == 1
    found = page.items[0]
    assert (found.direction, found.status, found.number) == ("inbound", "completed", "+14155550100")
    assert found.from_ is not None and found.from_.value == "+14155550111"  # wire name "from"
    assert found.started_at == datetime.datetime(2026, 3, 11, 13, 0, tzinfo=UTC)


async def test_get_and_not_found(client: AsyncSent, server: FakeSent) -> None:
    listed = (await client.voice.calls.list(page_size=1)).items[0]
    assert listed.id is not None
    assert await client.voice.calls.get(listed.id) == listed
    assert server.requests[-1].path == f"/v3/voice/calls/{listed.id}"
    with pytest.raises(NotFoundError) as info:
        await client.voice.calls.get("call_missing")
    assert info.value.code == "RESOURCE_020"


async def test_hangup_ends_the_call(client: AsyncSent, server: FakeSent) -> None:
    call = await live_call(client)
    assert call.id is not None and call.ended_at is None
    await client.voice.calls.hangup(call.id, sandbox=True)
    assert server.requests[-1].json() == {"sandbox": True}
    assert (await client.voice.calls.get(call.id)).status == "in_progress"  # sandbox: no effect

    await client.voice.calls.hangup(call.id, idempotency_key="hangup-1")
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", f"/v3/voice/calls/{call.id}/hangup")
    assert sent.headers["idempotency-key"] == "hangup-1"
    ended = await client.voice.calls.get(call.id)
    assert ended.status == "completed" and ended.ended_at is not None
    assert ended.timeline[-1].status == "completed"
    with pytest.raises(ConflictError) as info:
        await client.voice.calls.hangup(call.id)
    assert info.value.code == "CONFLICT_020"


async def test_record_then_list_recordings(client: AsyncSent, server: FakeSent) -> None:
    call = await live_call(client)
    assert call.id is not None
    assert (await client.voice.calls.list_recordings(call.id)).recordings == []
    await client.voice.calls.record(call.id, action="start")
    assert server.requests[-1].json() == {"action": "start"}
    assert "idempotency-key" in server.requests[-1].headers
    with pytest.raises(ConflictError):
        await client.voice.calls.record(call.id, action="start")
    await client.voice.calls.record(call.id, action="stop", sandbox=False)
    assert server.requests[-1].json() == {"action": "stop", "sandbox": False}
    got = await client.voice.calls.list_recordings(call.id)
    assert isinstance(got, CallRecordings) and len(got.recordings) == 1
    assert got.recordings[0].recording_id and got.recordings[0].url_expires_at is not None
    assert (await client.voice.calls.get(call.id)).recording_available is True


# -- participants -----------------------------------------------------------------------------
async def test_participants_add_mute_remove(client: AsyncSent, server: FakeSent) -> None:
    call = await live_call(client)
    assert call.id is not None
    before = await client.voice.calls.participants.list(call.id)
    assert len(before) == 2 and before[0].kind == "number"

    returned = await client.voice.calls.participants.add(
        call.id, to={"kind": "number", "value": "+14155550199"}, caller_id="+14155550100"
    )
    assert isinstance(returned, Call) and returned.id == call.id
    assert server.requests[-1].json() == {
        "to": {"kind": "number", "value": "+14155550199"},
        "caller_id": "+14155550100",
    }
    now = await client.voice.calls.participants.list(call.id)
    added = next(p for p in now if p.value == "+14155550199")
    assert added.id is not None and added.muted is False

    await client.voice.calls.participants.update(call.id, added.id, muted=True)
    sent = server.requests[-1]
    assert (sent.method, sent.path) == (
        "PATCH",
        f"/v3/voice/calls/{call.id}/participants/{added.id}",
    )
    assert sent.json() == {"muted": True}
    muted = {p.id: p.muted for p in await client.voice.calls.participants.list(call.id)}
    assert muted[added.id] is True

    await client.voice.calls.participants.delete(call.id, added.id)
    assert server.requests[-1].method == "DELETE"
    assert server.requests[-1].json() == {"sandbox": False}  # DELETE always carries a body
    assert {p.id for p in await client.voice.calls.participants.list(call.id)} == {
        p.id for p in before
    }
    with pytest.raises(NotFoundError) as info:
        await client.voice.calls.participants.delete(call.id, added.id)
    assert info.value.code == "RESOURCE_021"

    await client.voice.calls.participants.delete_all(call.id, idempotency_key="all-1")
    assert server.requests[-1].json() == {"sandbox": False}
    assert server.requests[-1].path == f"/v3/voice/calls/{call.id}/participants"
    assert await client.voice.calls.participants.list(call.id) == []


async def test_add_accepts_attrs_target(client: AsyncSent, server: FakeSent) -> None:
    call = await live_call(client)
    assert call.id is not None
    target = CallParticipantTargetInput(kind="number", value="+442071838750")
    await client.voice.calls.participants.add(call.id, to=target)
    as_model = server.requests[-1].json()
    await client.voice.calls.participants.add(
        call.id, to={"kind": "number", "value": "+442071838750"}
    )
    assert (
        server.requests[-1].json()
        == as_model
        == {"to": {"kind": "number", "value": "+442071838750"}}
    )


async def test_ended_call_refuses_changes(client: AsyncSent) -> None:
    ended = (await client.voice.calls.list(status="completed")).items[0]
    assert ended.id is not None
    with pytest.raises(ConflictError):
        await client.voice.calls.participants.add(
            ended.id, to={"kind": "number", "value": "+15551234567"}
        )


# -- tokens -----------------------------------------------------------------------------------
async def test_token_create_hides_the_token(client: AsyncSent, server: FakeSent) -> None:
    token = await client.voice.tokens.create(identity="agent-042", number="+14155550100", ttl=600)
    assert server.requests[-1].json() == {
        "identity": "agent-042",
        "number": "+14155550100",
        "ttl": 600,
    }
    assert isinstance(token, VoiceToken) and token.identity == "agent-042"
    assert token.token and token.token.count(".") == 2
    assert token.token not in repr(token) and "token=" not in repr(token)
    assert token.expires_at is not None and token.expires_at > datetime.datetime.now(UTC)


# -- local validation -------------------------------------------------------------------------
LIVE = "00000001-7c1e-4b8a-9f3d-5a1e00000001"
BAD_CALLS: list[tuple[str, Callable[[AsyncSent], Awaitable[Any] | Any]]] = [
    ("call_id", lambda c: c.voice.calls.get("")),
    ("call_id", lambda c: c.voice.calls.get("../users")),
    ("call_id", lambda c: c.voice.calls.hangup("a/b")),
    ("number", lambda c: c.voice.calls.list(number="4155550100")),
    ("from_", lambda c: c.voice.calls.list(from_="yesterday")),
    ("time zone", lambda c: c.voice.calls.list(to=datetime.datetime(2026, 3, 11))),
    ("page_size", lambda c: c.voice.calls.list(page_size=0)),
    ("page", lambda c: c.voice.calls.list(page=0)),
    ("action", lambda c: c.voice.calls.record(LIVE, action="pause")),
    (
        "to.value",
        lambda c: c.voice.calls.participants.add(LIVE, to={"kind": "number", "value": "4155"}),
    ),
    ("to.kind", lambda c: c.voice.calls.participants.add(LIVE, to={"value": "+14155550100"})),
    ("to.value", lambda c: c.voice.calls.participants.add(LIVE, to={"kind": "client"})),
    ("participant_id", lambda c: c.voice.calls.participants.update(LIVE, "", muted=True)),
    ("muted", lambda c: c.voice.calls.participants.update(LIVE, "p1", muted="yes")),  # type: ignore[arg-type]
    ("participant_id", lambda c: c.voice.calls.participants.delete(LIVE, "p/1")),
    ("call_id", lambda c: c.voice.calls.participants.delete_all("")),
    ("call_id", lambda c: c.voice.calls.participants.list(" ")),
    ("number", lambda c: c.voice.tokens.create(identity="a", number="14155550100")),
    ("ttl", lambda c: c.voice.tokens.create(identity="a", ttl=0)),
    ("idempotency_key", lambda c: c.voice.tokens.create(identity="a", idempotency_key="no spaces")),
]


async def run(call: Callable[[AsyncSent], Any], client: AsyncSent) -> Any:
    """Make the call; await it when it is a coroutine (paged lists are plain calls)."""
    result = call(client)
    return await result if inspect.isawaitable(result) else result


@pytest.mark.parametrize(("message", "call"), BAD_CALLS)
async def test_bad_input_is_refused_before_sending(
    client: AsyncSent, server: FakeSent, message: str, call: Callable[[AsyncSent], Any]
) -> None:
    with pytest.raises(SentValidationError, match=message):
        await run(call, client)
    assert server.requests == []


async def test_plus_survives_in_the_query(scripted: Any) -> None:
    from .support import envelope, reply

    empty = {"calls": [], "pagination": {"page": 1, "has_more": False}}
    fake = await scripted(reply(body=envelope(empty)))
    async with AsyncSent("sk_test", base_url=fake.base_url, retry=FAST_RETRY) as sent:
        await sent.voice.calls.list(number="+14155550100")
    assert "number=%2B14155550100" in fake.seen[0][1]  # a bare '+' would read as a space


# -- the contract -----------------------------------------------------------------------------
async def test_sdk_requests_match_the_contract(client: AsyncSent, server: FakeSent) -> None:
    call = await live_call(client)
    assert call.id is not None
    await client.voice.calls.list(from_="2026-03-11T00:00:00Z", direction="outbound", page_size=2)
    await client.voice.calls.get(call.id)
    await client.voice.calls.participants.add(
        call.id, to={"kind": "number", "value": "+15551230000"}
    )
    people = await client.voice.calls.participants.list(call.id)
    assert people[0].id is not None
    await client.voice.calls.participants.update(call.id, people[0].id, muted=True)
    await client.voice.calls.participants.delete(call.id, people[0].id)
    await client.voice.calls.participants.delete_all(call.id, sandbox=True)
    await client.voice.calls.record(call.id, action="start")
    await client.voice.calls.list_recordings(call.id)
    await client.voice.calls.hangup(call.id)
    await client.voice.tokens.create(identity="agent", ttl=60)
    assert check_sent(server.requests) == 12


async def test_fakesent_answers_match_the_contract(server: FakeSent) -> None:
    status, doc = await exchange(server, "GET", "/v3/voice/calls", query={"page_size": "2"})
    assert status == 200 and doc["data"]["pagination"]["has_more"] is True
    live = next(c for c in doc["data"]["calls"] if c["status"] == "in_progress")
    base = f"/v3/voice/calls/{live['id']}"
    assert (await exchange(server, "GET", base))[0] == 200
    _, people = await exchange(server, "GET", base + "/participants")
    pid = people["data"][0]["id"]
    target = {"to": {"kind": "number", "value": "+15551230000"}}
    assert (await exchange(server, "POST", base + "/participants", target))[0] == 200
    patch = await exchange(server, "PATCH", f"{base}/participants/{pid}", {"muted": True})
    assert patch == (204, None)
    assert (await exchange(server, "DELETE", f"{base}/participants/{pid}", {}))[0] == 204
    assert (await exchange(server, "DELETE", base + "/participants", {"sandbox": True}))[0] == 204
    assert (await exchange(server, "POST", base + "/recordings", {"action": "start"}))[0] == 204
    assert (await exchange(server, "POST", base + "/recordings", {"action": "stop"}))[0] == 204
    assert (await exchange(server, "GET", base + "/recordings"))[0] == 200
    assert (await exchange(server, "POST", base + "/hangup", {}))[0] == 204
    assert (await exchange(server, "POST", "/v3/voice/tokens", {"identity": "a"}))[0] == 200
    # the errors are contract-shaped too
    assert (await exchange(server, "GET", "/v3/voice/calls/nope"))[0] == 404
    assert (await exchange(server, "POST", base + "/hangup", {}))[0] == 409
    bad = {"action": "pause"}
    assert (await exchange(server, "POST", base + "/recordings", bad))[0] in (400, 409)


# -- the sync client --------------------------------------------------------------------------
def test_every_voice_call_through_the_sync_client() -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        page = sent.voice.calls.list(page_size=2)
        assert len(page.items) == 2 and page.has_next_page
        server.requests.clear()
        calls = list(sent.voice.calls.list(page_size=2))
        assert len(calls) == 5
        assert len(server.requests) == 3  # one request per page, not per item
        assert [r.query["page"] for r in server.requests] == ["1", "2", "3"]

        live = next(c for c in calls if c.status == "in_progress")
        assert live.id is not None
        assert sent.voice.calls.get(live.id) == live
        filtered = sent.voice.calls.list(from_=datetime.datetime(2026, 3, 11, 14, 30, tzinfo=UTC))
        assert server.requests[-1].query["from"] == "2026-03-11T14:30:00+00:00"
        assert len(filtered.items) == 2

        added = sent.voice.calls.participants.add(
            live.id, to={"kind": "number", "value": "+15550001111"}
        )
        assert added.id == live.id
        people = sent.voice.calls.participants.list(live.id)
        assert len(people) == 3 and people[-1].id is not None
        sent.voice.calls.participants.update(live.id, people[-1].id, muted=True)
        assert sent.voice.calls.participants.list(live.id)[-1].muted is True
        sent.voice.calls.participants.delete(live.id, people[-1].id)
        assert len(sent.voice.calls.participants.list(live.id)) == 2
        sent.voice.calls.participants.delete_all(live.id)
        assert sent.voice.calls.participants.list(live.id) == []

        sent.voice.calls.record(live.id, action="start")
        sent.voice.calls.record(live.id, action="stop")
        assert len(sent.voice.calls.list_recordings(live.id).recordings) == 1
        sent.voice.calls.hangup(live.id)
        assert sent.voice.calls.get(live.id).status == "completed"
        token = sent.voice.tokens.create(identity="agent-7")
        assert token.identity == "agent-7" and token.token and token.token not in repr(token)

        server.requests.clear()
        with pytest.raises(SentValidationError):
            sent.voice.calls.list(number="not-a-number")
        with pytest.raises(SentValidationError):
            sent.voice.calls.record(live.id, action="rewind")
        assert server.requests == []
