"""Webhooks end to end: register an endpoint, receive signed events with aiohttp_handler.

FakeSent plays Sent: it stores the webhook, and signs and POSTs each event to the endpoint.
"""

from __future__ import annotations

import asyncio
import socket

from aiohttp import web

from sent_async import AsyncSent
from sent_async.testing import FakeSent, delivery_of
from sent_async.webhooks import MessageEvent, WebhookEvent, aiohttp_handler

received: list[str] = []


# --8<-- [start:receiver]
async def on_event(event: WebhookEvent) -> None:
    """Called once per event (duplicates are dropped); raise to make Sent retry it."""
    if isinstance(event, MessageEvent):
        received.append(f"{event.event} {event.payload.message_status}")


def make_app(secret: str) -> web.Application:
    app = web.Application()
    app.router.add_post("/webhooks/sent", aiohttp_handler(secret, on_event))
    return app


# --8<-- [end:receiver]


async def register(sent: AsyncSent, url: str) -> str:
    # --8<-- [start:register]
    hook = await sent.webhooks.create(
        display_name="Delivery receipts",
        endpoint_url=url,
        event_types=["message"],  # families, or single events such as "message.delivered"
    )
    assert hook.signing_secret is not None  # shown now: store it with your receiver's config
    return hook.signing_secret
    # --8<-- [end:register]


async def main() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))  # the receiver's address, known before it starts
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/webhooks/sent"
    async with FakeSent() as server, server.client() as sent:
        secret = await register(sent, url)
        runner = web.AppRunner(make_app(secret))
        await runner.setup()
        await web.SockSite(runner, listener).start()
        try:
            await sent.messages.send(to=["+14155550123"], text="hi")
            while await server.advance_messages():  # queued -> sent -> delivered
                pass
            await delivery_of(server).settle()  # wait until FakeSent delivered every event
        finally:
            await runner.cleanup()
    print("\n".join(received))
    assert received[-1] == "message.delivered DELIVERED"


if __name__ == "__main__":
    asyncio.run(main())
