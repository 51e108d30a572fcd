"""Webhooks: verify a delivery's signature and parse it into a typed event (no I/O)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping, Sequence

from sent_async.webhooks import (
    ContactEvent,
    MessageEvent,
    WebhookVerificationError,
    generate_secret,
    parse_event,
    sign,
    verify,
)


# --8<-- [start:handle]
def handle_delivery(body: bytes, headers: Mapping[str, str], secret: str | Sequence[str]) -> int:
    """What your endpoint does with a POST from Sent; returns the HTTP status to answer."""
    try:
        event = parse_event(body, headers, secret)  # verifies first, then decodes
    except WebhookVerificationError as exc:
        print("rejected:", exc.reason)
        return 400
    if isinstance(event, MessageEvent):
        print(f"{event.event}: {event.payload.message_id} is {event.payload.message_status}")
    elif isinstance(event, ContactEvent):
        print(f"{event.event}: contact {event.payload.contact_id} opt_out={event.payload.opt_out}")
    else:
        print(f"{type(event).__name__}: {event.field}/{event.event}")
    print("dedupe on event id", event.event_id)
    return 200


# --8<-- [end:handle]


def main() -> None:
    # --8<-- [start:simulate]
    secret = generate_secret()  # in production: the endpoint's signing_secret from Sent
    body = json.dumps(
        {
            "field": "message",
            "event": "message.delivered",
            "timestamp": "2026-11-25T10:00:00Z",
            "request_id": "req_123",
            "payload": {"message_id": str(uuid.uuid4()), "message_status": "DELIVERED"},
        }
    ).encode()
    headers = sign(body, secret, webhook_id=str(uuid.uuid4()), event_id=str(uuid.uuid4()))
    assert handle_delivery(body, headers, secret) == 200
    # --8<-- [end:simulate]

    # --8<-- [start:failures]
    reserialized = json.dumps(json.loads(body), indent=2).encode()  # same JSON, other bytes
    assert handle_delivery(reserialized, headers, secret) == 400  # no_matching_signature

    stale = sign(body, secret, webhook_id="wh", timestamp=int(time.time()) - 3600)
    assert handle_delivery(body, stale, secret) == 400  # timestamp_too_old (5 min tolerance)

    assert handle_delivery(body, headers, generate_secret()) == 400  # another secret
    # --8<-- [end:failures]

    # --8<-- [start:rotation]
    old, new = secret, generate_secret()
    verify(body, headers, [new, old])  # during a rotation, accept either secret
    # --8<-- [end:rotation]


if __name__ == "__main__":
    main()
