"""FakeSent's ``/v3/webhooks`` family: stateful webhooks, event types, delivery log.

Webhooks live in ``state.webhooks.by_id`` (id -> ``Webhook``), their delivery logs in
``state.webhooks.log`` and the delivery knobs in ``state.webhooks.delivery``; ``_delivery``
sends the events. Choices where Sent's docs are silent: the ``signing_secret`` is shown only
by create and rotate-secret (null elsewhere); a PUT replaces the configuration, so omitted
optional fields return to their defaults; re-enabling a webhook resets
``consecutive_failures``; a webhook is visible only in the scope (``x-profile-id`` or the
organization) that created it; the delivery log lists newest first; ``page_size`` is 1-100.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import attrs
from aiohttp import web

from .._types import UNSET
from ..models import (
    Webhook,
    WebhookCreateRequest,
    WebhookEventRecord,
    WebhookEventsPage,
    WebhookEventType,
    WebhookEventTypeList,
    WebhookSecret,
    WebhooksPage,
    WebhookTestRequest,
    WebhookTestResult,
    WebhookToggleStatusRequest,
    WebhookUpdateRequest,
)
from ..webhooks import generate_secret
from ._delivery import DELIVERY, DeliveryConfig, family
from ._support import (
    customer_of,
    envelope,
    invalid,
    is_sandbox,
    new_id,
    no_content,
    not_found,
    now,
    page_of,
    parse,
    request_id,
    state_of,
    uuid_id,
    zulu,
)

routes = web.RouteTableDef()
MAX_PAGE_SIZE = 100


@attrs.define(eq=False)
class Webhooks:
    """Webhooks (id -> Webhook), their delivery logs (id -> row id -> row) and delivery knobs."""

    by_id: dict[str, Webhook] = attrs.Factory(dict)
    log: dict[str, dict[str, WebhookEventRecord]] = attrs.Factory(dict)
    delivery: DeliveryConfig = attrs.Factory(DeliveryConfig)


FAMILIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "message": (
        "Messages",
        "Outbound message status changes, and inbound messages (message.received)",
        (
            "queued",
            "routed",
            "sent",
            "delivered",
            "read",
            "failed",
            "scheduled",
            "filtered",
            "blocked",
            "cancelled",
            "received",
        ),
    ),
    "templates": ("Templates", "WhatsApp template review status changes", ()),
    "contact": (
        "Contacts",
        "Opt-in, opt-out, help and custom keyword signals",
        ("opt_in", "opt_out", "help", "custom_keyword"),
    ),
    "channel": ("Channels", "A channel's provisioning or compliance status in a market", ()),
    "call": ("Calls", "Voice call progress", ("answered", "completed", "failed")),
    "link": ("Links", "Tracked link activity", ("clicked", "downloaded")),
}
"""Event families and sub-events (facts file, section 6); templates carry no sub-event."""
_KNOWN = {family(name): subs for name, (_, _, subs) in FAMILIES.items()}
_DEFAULTS = {"retry_count": 3, "timeout_seconds": 30, "event_filters": None}


def catalog() -> WebhookEventTypeList:
    """What ``GET /v3/webhooks/event-types`` answers: each family with its sub-events."""
    types = [
        WebhookEventType(
            name=name,
            display_name=title,
            event_type=name,
            description=text,
            is_active=True,
            sub_types=[
                WebhookEventType(
                    name=f"{name}.{sub}",
                    display_name=f"{title[:-1]} {sub.replace('_', ' ')}",
                    event_type=name,
                    is_active=True,
                )
                for sub in subs
            ],
        )
        for name, (title, text, subs) in FAMILIES.items()
    ]
    return WebhookEventTypeList(event_types=types, pagination=None)


def _check_names(names: Sequence[str], field: str) -> None:
    for name in names:
        head, dot, tail = name.partition(".")
        subs = _KNOWN.get(family(head))
        if subs is None or (dot and subs and tail not in subs):
            raise invalid(f"Unknown event type: {name}", field, "VALIDATION_006")


def _configuration(body: Any) -> dict[str, Any]:
    """The stored fields of a create/PUT body, with Sent's rules and defaults."""
    for name in ("display_name", "endpoint_url"):
        if not isinstance(getattr(body, name), str) or not getattr(body, name).strip():
            raise invalid(f"{name} is required", name, "VALIDATION_004")
    parts = urlsplit(body.endpoint_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise invalid("endpoint_url must be an absolute http(s) URL", "endpoint_url")
    if body.event_types is UNSET or not body.event_types:
        raise invalid("event_types is required", "event_types", "VALIDATION_004")
    _check_names(body.event_types, "event_types")
    for name, low, high in (("retry_count", 1, 5), ("timeout_seconds", 5, 120)):
        value = getattr(body, name)
        if value is not UNSET and not low <= value <= high:
            raise invalid(f"{name} must be between {low} and {high}", name, "VALIDATION_005")
    given = {
        name: getattr(body, name)
        for name in ("display_name", "endpoint_url", "event_types", *_DEFAULTS)
        if getattr(body, name) is not UNSET
    }
    return {**_DEFAULTS, **given}


def _test_record(event_type: str, account_id: str) -> dict[str, Any]:
    """A contract-shaped sample event for ``webhooks.test``."""
    fam = family(event_type)
    sub = event_type.partition(".")[2]
    stamp = zulu(now())
    sample = new_id()
    payloads: dict[str, dict[str, Any]] = {
        "message": {
            "message_status": (sub or "delivered").upper(),
            "message_id": sample,
            "account_id": account_id,
            "channel": "sms",
            "outbound_number": "+14155550123",
            "body": "This is a test event from Sent",
            "updated_at": stamp,
        },
        "template": {"status": "APPROVED", "whatsapp_template_id": sample, "channel": "whatsapp"},
        "contact": {"opt_out": sub == "opt_out", "source": "keyword", "contact_id": sample},
        "channel": {"country": "US", "channel": "sms", "status": "active"},
        "call": {"call_id": sample, "channel": "voice", "updated_at": stamp},
        "link": {"record_id": sample, "link_kind": "short_link", "occurred_at": stamp},
    }
    payload = payloads[fam]
    if event_type == "message.received":
        payload = {
            "inbound_number": "+14155550123",
            "outbound_number": "+14155550100",
            "received_at": stamp,
            "text": "This is a test event from Sent",
            "message_id": sample,
            "channel": "sms",
            "account_id": account_id,
        }
    record = {"field": event_type.partition(".")[0], "timestamp": stamp, "payload": payload}
    if sub:
        record["event"] = event_type
    return {**record, "request_id": request_id()}


def find(request: web.Request) -> Webhook:
    hook = state_of(request).webhooks.by_id.get(uuid_id(request, "id"))
    if hook is None or hook.customer_id != customer_of(request):
        raise not_found("RESOURCE_008", "Webhook")
    return hook


def shown(hook: Webhook) -> Webhook:
    return attrs.evolve(hook, signing_secret=None)


def _store(request: web.Request, hook: Webhook) -> None:
    state_of(request).webhooks.by_id[str(hook.id)] = hook


@routes.get("/v3/webhooks")
async def list_webhooks(request: web.Request) -> web.Response:
    owner = customer_of(request)
    mine = [h for h in state_of(request).webhooks.by_id.values() if h.customer_id == owner]
    active = request.query.get("is_active")
    if active is not None:
        mine = [h for h in mine if h.is_active is (active.lower() == "true")]
    search = request.query.get("search", "").lower()
    mine = [h for h in mine if search in f"{h.display_name} {h.endpoint_url}".lower()]
    chunk, pagination = page_of(request, [shown(h) for h in mine], max_size=MAX_PAGE_SIZE)
    return envelope(WebhooksPage(webhooks=chunk, pagination=pagination))


@routes.post("/v3/webhooks")
async def create_webhook(request: web.Request) -> web.Response:
    body = await parse(request, WebhookCreateRequest)
    stamp = now()
    hook = Webhook(
        id=new_id(),
        customer_id=customer_of(request),
        is_active=True,
        consecutive_failures=0,
        signing_secret=generate_secret(),
        created_at=stamp,
        updated_at=stamp,
        **_configuration(body),
    )
    if body.sandbox is not True:
        _store(request, hook)
        state_of(request).webhooks.log[str(hook.id)] = {}
    return envelope(hook)


@routes.get("/v3/webhooks/event-types")  # before /v3/webhooks/{id}: routes match in order
async def list_event_types(request: web.Request) -> web.Response:
    return envelope(catalog())


@routes.get("/v3/webhooks/{id}")
async def get_webhook(request: web.Request) -> web.Response:
    return envelope(shown(find(request)))


@routes.put("/v3/webhooks/{id}")
async def update_webhook(request: web.Request) -> web.Response:
    hook = find(request)
    body = await parse(request, WebhookUpdateRequest)
    updated = attrs.evolve(hook, updated_at=now(), **_configuration(body))
    if body.sandbox is not True:
        _store(request, updated)
    return envelope(shown(updated))


@routes.delete("/v3/webhooks/{id}")
async def delete_webhook(request: web.Request) -> web.Response:
    hook = find(request)
    if await request.read():  # the contract declares no body here; Prism refuses one
        raise invalid("DELETE /v3/webhooks/{id} takes no request body")
    store = state_of(request).webhooks
    del store.by_id[str(hook.id)]
    store.log.pop(str(hook.id), None)
    return no_content()


@routes.get("/v3/webhooks/{id}/events")
async def list_events(request: web.Request) -> web.Response:
    hook = find(request)
    rows = list(reversed(state_of(request).webhooks.log.get(str(hook.id), {}).values()))
    search = request.query.get("search", "").lower()
    rows = [r for r in rows if search in f"{r.event_type} {r.delivery_status} {r.id}".lower()]
    chunk, pagination = page_of(request, rows, max_size=MAX_PAGE_SIZE)
    return envelope(WebhookEventsPage(events=chunk, pagination=pagination))


@routes.post("/v3/webhooks/{id}/rotate-secret")
async def rotate_secret(request: web.Request) -> web.Response:
    hook = find(request)
    secret = generate_secret()
    if not await is_sandbox(request):  # the old secret stops signing at once
        _store(request, attrs.evolve(hook, signing_secret=secret, updated_at=now()))
    return envelope(WebhookSecret(signing_secret=secret))


@routes.post("/v3/webhooks/{id}/test")
async def test_webhook(request: web.Request) -> web.Response:
    hook = find(request)
    body = await parse(request, WebhookTestRequest)
    event_type = "message.delivered" if body.event_type is UNSET else body.event_type
    _check_names([event_type], "event_type")
    if body.sandbox is True:
        return envelope(WebhookTestResult(success=True, message="Sandbox: not sent"))
    record = _test_record(event_type, str(hook.customer_id))
    return envelope(await request.app[DELIVERY].test(hook, record))


@routes.patch("/v3/webhooks/{id}/toggle-status")
async def toggle_status(request: web.Request) -> web.Response:
    hook = find(request)
    body = await parse(request, WebhookToggleStatusRequest)
    if not isinstance(body.is_active, bool):
        raise invalid("is_active is required", "is_active", "VALIDATION_004")
    changes: dict[str, Any] = {"is_active": body.is_active, "updated_at": now()}
    if body.is_active and not hook.is_active:
        changes["consecutive_failures"] = 0
    updated = attrs.evolve(hook, **changes)
    if body.sandbox is not True:
        _store(request, updated)
    return envelope(shown(updated))


__all__ = ["FAMILIES", "Webhooks", "catalog", "routes"]
