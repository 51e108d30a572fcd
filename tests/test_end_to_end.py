"""End to end, as a user would wire it: register a webhook with the SDK, send a message, and
receive a verified, typed event for each status change on an aiohttp receiver."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from sent_async import AsyncSent
from sent_async.testing import FakeSent, delivery_of
from sent_async.webhooks import MessageEvent, WebhookEvent, aiohttp_handler

pytestmark = pytest.mark.anyio


@pytest.fixture
async def app_url() -> AsyncIterator[tuple[str, list[WebhookEvent], list[str]]]:
    received: list[WebhookEvent] = []
    secrets: list[str] = []  # filled once the webhook exists (the secret comes from Sent)

    async def on_event(event: WebhookEvent) -> None:
        received.append(event)

    async def handle(request: web.Request) -> web.StreamResponse:
        return await aiohttp_handler(secrets, on_event)(request)

    app = web.Application()
    app.router.add_post("/hooks/sent", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/hooks/sent", received, secrets
    await runner.cleanup()


async def test_message_status_changes_arrive_as_verified_typed_events(
    server: FakeSent,
    client: AsyncSent,
    app_url: tuple[str, list[WebhookEvent], list[str]],
) -> None:
    url, received, secrets = app_url
    hook = await client.webhooks.create(
        display_name="Delivery receipts", endpoint_url=url, event_types=["message"]
    )
    assert hook.signing_secret and hook.signing_secret.startswith("whsec_")
    secrets.append(hook.signing_secret)

    sent = await client.messages.send(to=["+14155550123"], text="Your code is 123456")
    message_id = sent.recipients[0].message_id
    for _ in range(3):  # queued -> sent -> delivered (and no further on SMS)
        await server.advance_messages()
    await delivery_of(server).settle()

    statuses = [
        (e.event, e.payload.message_status, e.payload.message_id)
        for e in received
        if isinstance(e, MessageEvent)
    ]
    assert ("message.sent", "SENT", message_id) in statuses
    assert ("message.delivered", "DELIVERED", message_id) in statuses
    assert len({e.event_id for e in received}) == len(received)  # each event exactly once
    status = await client.messages.get(str(message_id))
    assert status.status == "DELIVERED"
