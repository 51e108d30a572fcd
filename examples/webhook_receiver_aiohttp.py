"""Receive Sent webhooks with aiohttp on http://127.0.0.1:8080/webhooks/sent.

    SENT_WEBHOOK_SECRET=whsec_... python examples/webhook_receiver_aiohttp.py

During a secret rotation put both secrets in the variable, separated by a space. The handler
verifies the signature over the raw body, drops duplicate deliveries and answers 200 once
on_event returns; keep on_event quick (queue slow work), Sent waits at most 30 s by default.
"""

from __future__ import annotations

import os
import sys

from aiohttp import web

from sent_async.webhooks import (
    ContactEvent,
    InboundMessageEvent,
    MessageEvent,
    WebhookEvent,
    aiohttp_handler,
)


async def on_event(event: WebhookEvent) -> None:
    """Route one verified event; raising here answers 500 and Sent retries the delivery."""
    if isinstance(event, MessageEvent):
        print(f"{event.event}: message {event.payload.message_id} {event.payload.message_status}")
    elif isinstance(event, InboundMessageEvent):
        print(f"inbound from {event.payload.inbound_number}: {event.payload.text!r}")
    elif isinstance(event, ContactEvent):
        print(f"{event.event}: contact {event.payload.contact_id} opt_out={event.payload.opt_out}")
    else:
        print(f"{type(event).__name__} {event.field}/{event.event}")


def make_app(secrets: list[str]) -> web.Application:
    """The aiohttp application, with the webhook route; separate from main() for tests."""
    app = web.Application()
    app.router.add_post("/webhooks/sent", aiohttp_handler(secrets, on_event))
    return app


def main() -> None:
    """Read the secret(s) from SENT_WEBHOOK_SECRET and serve until interrupted."""
    secrets = os.environ.get("SENT_WEBHOOK_SECRET", "").split()
    if not secrets:
        sys.exit("set SENT_WEBHOOK_SECRET to the endpoint's whsec_... signing secret")
    web.run_app(make_app(secrets), host="127.0.0.1", port=8080)


if __name__ == "__main__":
    main()
