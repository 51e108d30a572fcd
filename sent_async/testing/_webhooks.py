"""FakeSent handlers for ``/v3/webhooks``: stateful webhooks, event types, delivery log.

Webhooks live in ``server.state["webhooks"]`` (id -> ``Webhook``) and their delivery logs in
``server.state["webhook_events"]``; ``_delivery`` sends the events. Choices where Sent's docs
are silent: the ``signing_secret`` is shown only by create and rotate-secret (null elsewhere);
a PUT replaces the configuration, so omitted optional fields return to their defaults;
re-enabling a webhook resets ``consecutive_failures``; a webhook is visible only in the scope
(``x-profile-id`` or the organization) that created it; the delivery log lists newest first.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs
from aiohttp import web

from .._types import UNSET
from ..models import (
    PaginationCursors,
    PaginationMeta,
    Webhook,
    WebhookCreateRequest,
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
from ._delivery import Delivery, family, now
from ._server import invalid, not_found

if TYPE_CHECKING:
    from ._server import FakeSent

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


def _page(request: web.Request, items: list[Any]) -> tuple[list[Any], PaginationMeta]:
    try:
        page = int(request.query.get("page", "1"))
        size = int(request.query.get("page_size", "20"))
    except ValueError:
        raise invalid("page and page_size must be integers", "page") from None
    if page < 1 or not 1 <= size <= 100:
        raise invalid("page must be >= 1 and page_size 1-100", "page", "VALIDATION_005")
    chunk = items[(page - 1) * size : page * size]
    meta = PaginationMeta(
        page=page,
        page_size=size,
        total_count=len(items),
        total_pages=math.ceil(len(items) / size),
        has_more=page * size < len(items),
        cursors=PaginationCursors(),
    )
    return chunk, meta


def _test_record(event_type: str, account_id: str) -> dict[str, Any]:
    """A contract-shaped sample event for ``webhooks.test``."""
    fam = family(event_type)
    sub = event_type.partition(".")[2]
    stamp = now().strftime("%Y-%m-%dT%H:%M:%SZ")
    sample = str(uuid.uuid4())
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
    return {**record, "request_id": "req_" + uuid.uuid4().hex[:12]}


def routes(server: FakeSent) -> list[web.RouteDef]:
    """The ``/v3/webhooks`` handlers; also installs event delivery on ``server``."""
    delivery = Delivery(server)
    delivery.install(server._app)  # FakeSent builds its app before asking for routes
    hooks = delivery.hooks
    logs = delivery.log

    def scope(request: web.Request) -> str:
        return request.headers.get("x-profile-id") or server.organization_id

    def find(request: web.Request) -> Webhook:
        wid = request.match_info["id"]
        try:
            uuid.UUID(wid)
        except ValueError:
            raise invalid("The webhook id is not a valid UUID", "id", "VALIDATION_003") from None
        hook = hooks.get(wid)
        if hook is None or hook.customer_id != scope(request):
            raise not_found("RESOURCE_008", "Webhook")
        return hook

    def shown(hook: Webhook) -> Webhook:
        return attrs.evolve(hook, signing_secret=None)

    async def list_webhooks(request: web.Request) -> web.Response:
        mine = [h for h in hooks.values() if h.customer_id == scope(request)]
        active = request.query.get("is_active")
        if active is not None:
            mine = [h for h in mine if h.is_active is (active.lower() == "true")]
        search = request.query.get("search", "").lower()
        mine = [h for h in mine if search in f"{h.display_name} {h.endpoint_url}".lower()]
        chunk, meta = _page(request, [shown(h) for h in mine])
        return server.envelope(WebhooksPage(webhooks=chunk, pagination=meta))

    async def create_webhook(request: web.Request) -> web.Response:
        body = server.structure(await server.read_json(request), WebhookCreateRequest)
        stamp = now()
        hook = Webhook(
            id=str(uuid.uuid4()),
            customer_id=scope(request),
            is_active=True,
            consecutive_failures=0,
            signing_secret=generate_secret(),
            created_at=stamp,
            updated_at=stamp,
            **_configuration(body),
        )
        if body.sandbox is not True:
            hooks[str(hook.id)] = hook
            logs[str(hook.id)] = {}
        return server.envelope(hook)

    async def list_event_types(request: web.Request) -> web.Response:
        return server.envelope(catalog())

    async def get_webhook(request: web.Request) -> web.Response:
        return server.envelope(shown(find(request)))

    async def update_webhook(request: web.Request) -> web.Response:
        hook = find(request)
        body = server.structure(await server.read_json(request), WebhookUpdateRequest)
        updated = attrs.evolve(hook, updated_at=now(), **_configuration(body))
        if body.sandbox is not True:
            hooks[str(hook.id)] = updated
        return server.envelope(shown(updated))

    async def delete_webhook(request: web.Request) -> web.Response:
        hook = find(request)
        body = await server.read_json(request)
        if body.get("sandbox") is not True:
            del hooks[str(hook.id)]
            logs.pop(str(hook.id), None)
        return web.Response(status=204)

    async def list_events(request: web.Request) -> web.Response:
        hook = find(request)
        rows = list(reversed(logs.get(str(hook.id), {}).values()))
        search = request.query.get("search", "").lower()
        rows = [r for r in rows if search in f"{r.event_type} {r.delivery_status} {r.id}".lower()]
        chunk, meta = _page(request, rows)
        return server.envelope(WebhookEventsPage(events=chunk, pagination=meta))

    async def rotate_secret(request: web.Request) -> web.Response:
        hook = find(request)
        body = await server.read_json(request)
        secret = generate_secret()
        if body.get("sandbox") is not True:  # the old secret stops signing at once
            hooks[str(hook.id)] = attrs.evolve(hook, signing_secret=secret, updated_at=now())
        return server.envelope(WebhookSecret(signing_secret=secret))

    async def test_webhook(request: web.Request) -> web.Response:
        hook = find(request)
        body = server.structure(await server.read_json(request), WebhookTestRequest)
        event_type = "message.delivered" if body.event_type is UNSET else body.event_type
        _check_names([event_type], "event_type")
        if body.sandbox is True:
            return server.envelope(WebhookTestResult(success=True, message="Sandbox: not sent"))
        record = _test_record(event_type, str(hook.customer_id))
        return server.envelope(await delivery.test(hook, record))

    async def toggle_status(request: web.Request) -> web.Response:
        hook = find(request)
        body = server.structure(await server.read_json(request), WebhookToggleStatusRequest)
        if not isinstance(body.is_active, bool):
            raise invalid("is_active is required", "is_active", "VALIDATION_004")
        changes: dict[str, Any] = {"is_active": body.is_active, "updated_at": now()}
        if body.is_active and not hook.is_active:
            changes["consecutive_failures"] = 0
        updated = attrs.evolve(hook, **changes)
        if body.sandbox is not True:
            hooks[str(hook.id)] = updated
        return server.envelope(shown(updated))

    return [
        web.get("/v3/webhooks", list_webhooks),
        web.post("/v3/webhooks", create_webhook),
        web.get("/v3/webhooks/event-types", list_event_types),
        web.get("/v3/webhooks/{id}", get_webhook),
        web.put("/v3/webhooks/{id}", update_webhook),
        web.delete("/v3/webhooks/{id}", delete_webhook),
        web.get("/v3/webhooks/{id}/events", list_events),
        web.post("/v3/webhooks/{id}/rotate-secret", rotate_secret),
        web.post("/v3/webhooks/{id}/test", test_webhook),
        web.patch("/v3/webhooks/{id}/toggle-status", toggle_status),
    ]


__all__ = ["FAMILIES", "catalog", "routes"]
