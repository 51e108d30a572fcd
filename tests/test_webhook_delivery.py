"""FakeSent delivers signed events to registered webhooks: end to end over 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import anyio
import attrs
import pytest
from aiohttp import web

from sent_async import AsyncSent
from sent_async import webhooks as wh
from sent_async.models import ContactWebhookEvent, MessageWebhookEvent, Webhook
from sent_async.models import WebhookEventRecord as Row
from sent_async.testing import FakeSent
from sent_async.testing._delivery import Delivery, delivery_of
from sent_async.webhooks import MessageEvent, WebhookEvent, aiohttp_handler, verify

from .support import FAST_RETRY

pytestmark = pytest.mark.anyio

DELIVERED = {
    "message_id": "5f0e8b1c-2d3a-4e5f-8a9b-0c1d2e3f4a5b",
    "message_status": "DELIVERED",
    "account_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "channel": "sms",
    "outbound_number": "+14155550123",
    "template_id": "7c1e4b8a-9f3d-4a1e-8b2c-3d4e5f6a7b8c",
    "template_name": "order_shipped",
    "body": "Your order shipped",
    "updated_at": "2026-03-11T21:50:50Z",
}
FAILED = {**DELIVERED, "message_status": "FAILED", "reason_code": "DELIVERY_003"}


@attrs.define
class Receiver:
    """A local endpoint: answers the scripted statuses first, then verifies like a real app."""

    url: str = ""
    script: list[int] = attrs.Factory(list)
    hits: list[tuple[dict[str, str], bytes]] = attrs.Factory(list)
    events: list[WebhookEvent] = attrs.Factory(list)
    gate: asyncio.Event | None = None
    handler: Callable[[web.Request], Any] | None = None

    def accept(self, secret: str | None) -> None:
        assert secret is not None
        self.handler = aiohttp_handler(secret, self._on_event)

    async def _on_event(self, event: WebhookEvent) -> None:
        self.events.append(event)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.hits.append(({k.lower(): v for k, v in request.headers.items()}, body))
        if self.gate is not None:
            await self.gate.wait()
        if self.script:
            return web.Response(status=self.script.pop(0), text="nope")
        if self.handler is None:
            return web.json_response({"ok": True})
        response: web.StreamResponse = await self.handler(request)
        return response


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    rec = Receiver()
    app = web.Application()
    app.router.add_post("/hooks/{name}", rec.handle)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    rec.url = f"http://127.0.0.1:{port}/hooks/"
    yield rec
    if rec.gate is not None:
        rec.gate.set()
    await runner.cleanup()


@pytest.fixture
def delivery(server: FakeSent) -> Delivery:
    server.state.webhooks.delivery.backoff = 0.0  # retries at once, keep tests fast
    return delivery_of(server)


async def register(client: AsyncSent, receiver: Receiver, name: str = "a", **kw: Any) -> Webhook:
    config: dict[str, Any] = {"display_name": name, "event_types": ["message"], **kw}
    hook = await client.webhooks.create(endpoint_url=receiver.url + name, **config)
    receiver.accept(hook.signing_secret)
    assert hook.id is not None
    return hook


async def log_of(client: AsyncSent, hook: Webhook) -> list[Row]:
    """The webhook's whole delivery log, through the SDK (newest first)."""
    return [row async for row in client.webhooks.list_events(str(hook.id))]


def outcome(row: Row) -> tuple[str | None, int | None, int | None]:
    return row.delivery_status, row.delivery_attempts, row.http_status_code


async def wait_for(condition: Callable[[], bool]) -> None:
    with anyio.fail_after(5):
        while not condition():
            await asyncio.sleep(0.005)


async def test_emitted_event_arrives_verified_once(
    client: AsyncSent, server: FakeSent, receiver: Receiver, delivery: Delivery
):
    hook = await register(client, receiver)
    await server.emit("message", "message.delivered", DELIVERED)
    await delivery.settle()

    assert len(receiver.events) == 1
    event = receiver.events[0]
    assert isinstance(event, MessageEvent) and event.event == "message.delivered"
    assert event.payload.message_status == "DELIVERED"
    assert event.payload.outbound_number == "+14155550123"
    headers, body = receiver.hits[0]
    assert json.loads(body) == server.events[-1]  # the body is the event record itself
    assert headers["x-webhook-id"] == hook.id
    assert headers["x-webhook-event-type"] == "message"
    assert headers["content-type"] == "application/json"
    assert abs(int(headers["x-webhook-timestamp"]) - time.time()) < 5

    (row,) = await log_of(client, hook)
    assert row.id == event.event_id == headers["x-webhook-event-id"]
    assert outcome(row) == ("delivered", 1, 200)
    assert isinstance(row.event_data, MessageWebhookEvent)
    assert row.event_data.payload == event.payload
    assert row.processing_started_at and row.processing_completed_at
    after = await client.webhooks.get(str(hook.id))
    assert after.last_successful_delivery_at and after.last_delivery_attempt_at
    assert after.consecutive_failures == 0


async def test_non_2xx_is_retried_with_the_same_event_id(
    client: AsyncSent, server: FakeSent, receiver: Receiver, delivery: Delivery
):
    hook = await register(client, receiver, retry_count=2)
    receiver.script = [500, 503]
    await server.emit("message", "message.delivered", DELIVERED)
    await delivery.settle()

    assert len(receiver.hits) == 3 and len(receiver.events) == 1
    assert len({h["x-webhook-event-id"] for h, _ in receiver.hits}) == 1  # stable across retries
    assert len({body for _, body in receiver.hits}) == 1  # the same bytes every time
    for headers, body in receiver.hits:
        verify(body, headers, str(hook.signing_secret))
    (row,) = await log_of(client, hook)
    assert outcome(row) == ("delivered", 3, 200)


async def test_backoff_doubles_and_the_log_shows_retrying(
    client: AsyncSent, server: FakeSent, receiver: Receiver
):
    server.state.webhooks.delivery.backoff = 0.1
    hook = await register(client, receiver, retry_count=2)
    receiver.script = [500, 500]
    started = time.monotonic()
    await server.emit("message", "message.delivered", DELIVERED)
    await wait_for(lambda: len(receiver.hits) == 1)
    await asyncio.sleep(0.02)
    (row,) = await log_of(client, hook)
    assert (row.delivery_status, row.http_status_code, row.error_message) == (
        "retrying",
        500,
        "HTTP 500",
    )
    await delivery_of(server).settle()
    assert time.monotonic() - started >= 0.1 + 0.2  # 0.1 s, then twice that
    assert len(receiver.hits) == 3 and len(receiver.events) == 1


async def test_exhausted_retries_mark_the_event_failed(
    client: AsyncSent, server: FakeSent, receiver: Receiver, delivery: Delivery
):
    hook = await register(client, receiver, retry_count=1)
    receiver.script = [500, 500]
    await server.emit("message", "message.failed", FAILED)
    await delivery.settle()

    assert len(receiver.hits) == 2 and receiver.events == []
    (row,) = await log_of(client, hook)
    assert (row.delivery_status, row.delivery_attempts) == ("failed", 2)
    assert (row.http_status_code, row.error_message, row.response_body) == (500, "HTTP 500", "nope")
    assert (await client.webhooks.get(str(hook.id))).consecutive_failures == 1

    await server.emit("message", "message.delivered", DELIVERED)  # a success resets the count
    await delivery.settle()
    assert (await client.webhooks.get(str(hook.id))).consecutive_failures == 0


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


async def test_ten_failed_events_disable_the_webhook(
    client: AsyncSent, server: FakeSent, delivery: Delivery
):
    hook = await client.webhooks.create(
        display_name="down",
        endpoint_url=f"http://127.0.0.1:{closed_port()}/x",
        event_types=["message"],
        retry_count=1,
    )
    assert hook.id is not None
    for n in range(10):
        await server.emit("message", "message.delivered", DELIVERED)
        await delivery.settle()
        assert (await client.webhooks.get(hook.id)).is_active is (n < 9)
    after = await client.webhooks.get(hook.id)
    assert (after.is_active, after.consecutive_failures) == (False, 10)
    rows = await log_of(client, hook)
    assert len(rows) == 10
    assert {(r.delivery_status, r.delivery_attempts) for r in rows} == {("failed", 2)}
    assert all(r.error_message and r.error_message.startswith("connection failed") for r in rows)

    await server.emit("message", "message.delivered", DELIVERED)  # disabled: not even logged
    await delivery.settle()
    assert len(await log_of(client, hook)) == 10

    again = await client.webhooks.toggle_status(hook.id, is_active=True)
    assert (again.is_active, again.consecutive_failures) == (True, 0)


async def test_timeout_counts_as_a_failure(
    client: AsyncSent, server: FakeSent, receiver: Receiver, delivery: Delivery
):
    hook = await register(client, receiver, retry_count=1)
    # Sent's minimum timeout_seconds is 5; FakeSent's delivery knob caps it to keep this fast.
    server.state.webhooks.delivery.max_timeout = 0.1
    receiver.gate = asyncio.Event()  # the receiver never answers in time
    await server.emit("message", "message.delivered", DELIVERED)
    await delivery.settle()
    receiver.gate.set()
    (row,) = await log_of(client, hook)
    assert outcome(row) == ("failed", 2, None)
    assert row.error_message == "timed out after 0.1s"


async def test_rotation_signs_with_the_new_secret_at_once(
    client: AsyncSent, server: FakeSent, receiver: Receiver
):
    server.state.webhooks.delivery.backoff = 0.2
    hook = await register(client, receiver, retry_count=1)
    old = str(hook.signing_secret)
    receiver.script = [500]
    await server.emit("message", "message.delivered", DELIVERED)
    await wait_for(lambda: len(receiver.hits) == 1)
    new = str((await client.webhooks.rotate_secret(str(hook.id))).signing_secret)
    receiver.accept(new)
    await delivery_of(server).settle()  # the retry, after the rotation

    (first, _), (retry, body) = receiver.hits
    verify(body, first, old)
    verify(body, retry, new)
    with pytest.raises(wh.WebhookVerificationError) as info:
        verify(body, retry, old)
    assert info.value.reason == "no_matching_signature"
    assert len(receiver.events) == 1


async def test_only_subscribed_events_are_delivered(
    client: AsyncSent, server: FakeSent, receiver: Receiver, delivery: Delivery
):
    failures = await register(client, receiver, "failures", event_filters={"message": ["failed"]})
    delivered = await register(client, receiver, "delivered", event_types=["message.delivered"])
    contacts = await register(client, receiver, "contacts", event_types=["contacts"])
    await server.emit("message", "message.delivered", DELIVERED)
    await server.emit("message", "message.failed", FAILED)
    await server.emit("contact", "contact.opt_out", {"opt_out": True, "source": "keyword"})
    await delivery.settle()
    got = {(h["x-webhook-id"], json.loads(b)["event"]) for h, b in receiver.hits}
    assert got == {
        (failures.id, "message.failed"),
        (delivered.id, "message.delivered"),
        (contacts.id, "contact.opt_out"),
    }


async def test_disabled_or_deleted_webhooks_receive_nothing(
    client: AsyncSent, server: FakeSent, receiver: Receiver, delivery: Delivery
):
    off = await register(client, receiver, "off")
    gone = await register(client, receiver, "gone")
    await client.webhooks.toggle_status(str(off.id), is_active=False)
    await client.webhooks.delete(str(gone.id))
    await server.emit("message", "message.delivered", DELIVERED)
    await delivery.settle()
    result = await client.webhooks.test(str(off.id))
    assert (result.success, result.message) == (False, "The webhook is disabled")
    assert receiver.hits == []
    assert await log_of(client, off) == []


async def test_deleting_during_retries_stops_them(
    client: AsyncSent, server: FakeSent, receiver: Receiver
):
    server.state.webhooks.delivery.backoff = 0.1
    hook = await register(client, receiver, retry_count=3)
    receiver.script = [500, 500, 500]
    await server.emit("message", "message.delivered", DELIVERED)
    await wait_for(lambda: len(receiver.hits) == 1)
    await client.webhooks.delete(str(hook.id))
    await delivery_of(server).settle()
    assert len(receiver.hits) == 1


@pytest.mark.parametrize(
    ("event_type", "kind"),
    [
        ("message.delivered", MessageEvent),
        ("message.received", wh.InboundMessageEvent),
        ("templates", wh.TemplateEvent),
        ("contact.opt_out", wh.ContactEvent),
        ("call.completed", wh.CallEvent),
        ("channel", wh.ChannelEvent),
        ("link.clicked", wh.LinkEvent),
    ],
)
async def test_webhooks_test_delivers_a_signed_sample(
    client: AsyncSent,
    server: FakeSent,
    receiver: Receiver,
    event_type: str,
    kind: type[WebhookEvent],
):
    hook = await register(client, receiver)
    result = await client.webhooks.test(str(hook.id), event_type=event_type)
    assert (result.success, result.message) == (True, "Test event delivered (HTTP 200)")
    (event,) = receiver.events  # delivered before the call returned
    assert type(event) is kind
    assert event.event_id == receiver.hits[0][0]["x-webhook-event-id"]
    if "." in event_type:
        assert event.event == event_type


async def test_webhooks_test_is_not_retried(
    client: AsyncSent, server: FakeSent, receiver: Receiver, delivery: Delivery
):
    hook = await register(client, receiver, retry_count=5)
    receiver.script = [500]
    result = await client.webhooks.test(str(hook.id))
    await delivery.settle()
    assert (result.success, result.message) == (False, "Test event failed: HTTP 500")
    assert len(receiver.hits) == 1
    after = await client.webhooks.get(str(hook.id))
    assert (after.consecutive_failures, after.is_active) == (0, True)
    (row,) = await log_of(client, hook)
    assert (row.delivery_status, row.delivery_attempts) == ("failed", 1)


async def test_emit_does_not_wait_and_stop_cancels_cleanly(
    receiver: Receiver, caplog: pytest.LogCaptureFixture
):
    receiver.gate = asyncio.Event()  # the receiver hangs
    async with FakeSent() as server, server.client(retry=FAST_RETRY) as client:
        await register(client, receiver)
        with anyio.fail_after(1):
            await server.emit("message", "message.delivered", DELIVERED)
        await wait_for(lambda: len(receiver.hits) == 1)
        delivery = delivery_of(server)
    assert delivery._tasks == set() and delivery._session is None
    assert "Task was destroyed" not in caplog.text
    await server.emit("message", "message.delivered", DELIVERED)  # stopped: nothing is sent
    assert len(receiver.hits) == 1


async def test_delivery_log_types_non_message_events(
    client: AsyncSent, server: FakeSent, receiver: Receiver, delivery: Delivery
):
    hook = await register(client, receiver, event_types=["contact"])
    await server.emit("contact", "contact.opt_out", {"opt_out": True, "source": "keyword"})
    await delivery.settle()
    (row,) = await log_of(client, hook)
    assert isinstance(row.event_data, ContactWebhookEvent)
