"""Testing your own code with FakeSent: a pytest module (run it: ``pytest this_file.py``).

Run directly, it runs itself under pytest, which is how the docs test suite checks it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

import sent_sync
from sent_async import AsyncSent, Timeout
from sent_async.models import ProfileDetail
from sent_async.testing import FAST_RETRY, FakeSent
from sent_async.webhooks import MessageEvent, generate_secret, parse_event, sign


# --8<-- [start:code]
# The code under test: yours, not the SDK's.
async def remind(sent: AsyncSent, phone: str, when: str) -> str | None:
    result = await sent.messages.send(to=[phone], text=f"Reminder: your appointment is at {when}")
    return result.recipients[0].message_id


# --8<-- [end:code]


# --8<-- [start:fixtures]
@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # aiohttp runs on asyncio only


@pytest.fixture
async def server() -> AsyncIterator[FakeSent]:
    async with FakeSent() as fake:  # a real HTTP server on 127.0.0.1, a free port
        yield fake


@pytest.fixture
async def sent(server: FakeSent) -> AsyncIterator[AsyncSent]:
    # FAST_RETRY: production retry rules with millisecond back-off, so tests never wait
    async with server.client(retry=FAST_RETRY) as client:
        yield client


# --8<-- [end:fixtures]


# --8<-- [start:requests]
@pytest.mark.anyio
async def test_remind_sends_one_message(server: FakeSent, sent: AsyncSent) -> None:
    message_id = await remind(sent, "+14155550123", "10:30")

    request = server.requests[-1]  # what went over the wire
    assert (request.method, request.path) == ("POST", "/v3/messages")
    assert request.json() == {
        "to": ["+14155550123"],
        "text": "Reminder: your appointment is at 10:30",
    }
    assert "idempotency-key" in request.headers
    assert server.exchanges[-1].status == 202  # and what FakeSent answered
    assert message_id is not None
    assert (await sent.messages.get(message_id)).status == "QUEUED"


# --8<-- [end:requests]


# --8<-- [start:faults]
@pytest.mark.anyio
async def test_remind_survives_a_lost_response(server: FakeSent, sent: AsyncSent) -> None:
    server.drop_next_response()  # the send is applied, then the connection drops
    await remind(sent, "+14155550123", "10:30")
    first, retry = server.requests
    assert first.headers["idempotency-key"] == retry.headers["idempotency-key"]


@pytest.mark.anyio
async def test_remind_reports_an_outage(server: FakeSent, sent: AsyncSent) -> None:
    server.fail_next(503, times=3)  # more failures than the retries
    with pytest.raises(sent_sync.InternalServerError):  # the same class as sent_async's
        await remind(sent, "+14155550123", "10:30")
    assert len(server.requests) == 3


# --8<-- [end:faults]


# --8<-- [start:slow]
@pytest.mark.anyio
async def test_remind_outlasts_a_slow_server(server: FakeSent) -> None:
    server.delay_next(0.5, method="POST")  # the next POST waits 0.5 s before it is handled
    quick = Timeout(connect=1, read=0.2, attempt=0.2, deadline=5)
    async with server.client(retry=FAST_RETRY, timeout=quick) as sent:
        await remind(sent, "+14155550123", "10:30")  # times out once, then the retry lands
    first, retry = server.requests
    assert first.headers["idempotency-key"] == retry.headers["idempotency-key"]
    assert len(server.state.messages.by_id) == 1  # one message, not two


@pytest.mark.anyio
async def test_every_call_is_slow() -> None:
    async with FakeSent(latency=0.1) as server, server.client(retry=FAST_RETRY) as sent:
        started = time.monotonic()
        await sent.contacts.list()
        assert time.monotonic() - started >= 0.1


# --8<-- [end:slow]


# --8<-- [start:events]
@pytest.mark.anyio
async def test_delivery_events(server: FakeSent, sent: AsyncSent) -> None:
    events: list[dict[str, Any]] = []

    async def listener(record: dict[str, Any]) -> None:
        events.append(record)

    server.event_listeners.append(listener)
    message_id = await remind(sent, "+14155550123", "10:30")
    while await server.advance_messages():  # queued -> sent -> delivered
        pass
    assert [e["event"] for e in events] == ["message.queued", "message.sent", "message.delivered"]
    assert message_id is not None
    assert (await sent.messages.get(message_id)).status == "DELIVERED"


@pytest.mark.anyio
async def test_my_webhook_handler(server: FakeSent) -> None:
    secret = generate_secret()
    seen: list[MessageEvent] = []

    async def deliver(record: dict[str, Any]) -> None:  # sign like Sent, parse like your app
        body = json.dumps(record).encode()
        event = parse_event(body, sign(body, secret, webhook_id="wh_test"), secret)
        assert isinstance(event, MessageEvent)
        seen.append(event)

    server.event_listeners.append(deliver)
    await server.emit("message", "message.failed", {"message_id": "m1", "message_status": "FAILED"})
    assert seen[0].payload.message_status == "FAILED"


# --8<-- [end:events]


# --8<-- [start:state]
@pytest.mark.anyio
async def test_reading_and_seeding_state(server: FakeSent, sent: AsyncSent) -> None:
    message_id = await remind(sent, "+14155550123", "10:30")
    stored = server.state.messages.by_id[str(message_id)]  # the SDK's own Message model
    assert (stored.status, len(server.state.contacts.by_id)) == ("QUEUED", 1)

    server.state.me.name = "Acme Clinic"  # what GET /v3/me says about the organization
    profile_id = "880e8400-e29b-41d4-a716-446655440001"
    server.state.profiles.by_id[profile_id] = ProfileDetail(id=profile_id, name="Downtown")
    assert (await sent.me.get()).name == "Acme Clinic"
    assert (await sent.for_profile(profile_id).me.get()).name == "Downtown"


# --8<-- [end:state]


# --8<-- [start:sync]
def test_sync_code() -> None:
    with FakeSent() as server:  # in sync tests FakeSent runs on its own thread
        with sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
            contact = sent.contacts.create(phone_number="+14155550123")
        assert server.requests[-1].json() == {"phone_number": "+14155550123"}
        assert contact.phone_number == "+14155550123"


# --8<-- [end:sync]

if __name__ == "__main__":
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__]
    raise SystemExit(subprocess.call(command))  # noqa: S603 (our own interpreter and file)
