"""Verify and parse Sent webhook deliveries: pure functions, plus a small aiohttp receiver.

Sent signs each delivery like Standard Webhooks, with its own header names::

    x-webhook-id:        the *endpoint* UUID (the same on every delivery; not an event id)
    x-webhook-timestamp: unix seconds when Sent signed the request
    x-webhook-signature: v1,<base64 HMAC-SHA256 of b"{id}.{timestamp}." + raw body>
    x-webhook-event-id:  the per-event id, the same on every retry, but *not signed*

The HMAC key is the base64-decoded part of the ``whsec_...`` secret. The signature covers the
body *bytes* exactly as they arrived: ``json.dumps(json.loads(body))`` changes spacing, key
order or escapes, and the check fails. So pass ``await request.read()`` (aiohttp),
``request.body`` (Django), ``await request.body()`` (Starlette), never parsed JSON. JSON is
decoded only after the signature and the +/- ``tolerance`` time window have been checked.

Every failure raises ``WebhookVerificationError`` whose ``reason`` is one of
``missing_header``, ``invalid_timestamp``, ``timestamp_too_old``, ``timestamp_too_new``,
``no_matching_signature``, ``invalid_secret``, ``legacy_scheme_disabled``, ``invalid_payload``.
Messages never contain a secret or a signature.

    event = parse_event(body, headers, os.environ["SENT_WEBHOOK_SECRET"])
    if isinstance(event, MessageEvent) and event.event == "message.delivered": ...

``verify``, ``sign``, ``generate_secret``, ``parse_event`` and ``dedupe_key`` do no I/O;
``aiohttp_handler`` wraps them into an aiohttp.web handler with de-duplication (``DedupeStore``)
on ``dedupe_key``: what the signature covers, so a replay with a new event-id header runs once.
"""

from .._errors import WebhookVerificationError
from .events import (
    CallEvent,
    ChannelActivated,
    ChannelDeactivated,
    ChannelEvent,
    ChannelEventName,
    ChannelRemoved,
    ChannelSubmitted,
    ContactEvent,
    InboundMessageEvent,
    LinkEvent,
    MessageEvent,
    TemplateEvent,
    UnknownWebhookEvent,
    WebhookEvent,
    parse_event,
)
from .receiver import DedupeStore, MemoryDedupe, aiohttp_handler, dedupe_key
from .signing import generate_secret, sign, verify

__all__ = [
    "CallEvent",
    "ChannelActivated",
    "ChannelDeactivated",
    "ChannelEvent",
    "ChannelEventName",
    "ChannelRemoved",
    "ChannelSubmitted",
    "ContactEvent",
    "DedupeStore",
    "InboundMessageEvent",
    "LinkEvent",
    "MemoryDedupe",
    "MessageEvent",
    "TemplateEvent",
    "UnknownWebhookEvent",
    "WebhookEvent",
    "WebhookVerificationError",
    "aiohttp_handler",
    "dedupe_key",
    "generate_secret",
    "parse_event",
    "sign",
    "verify",
]
