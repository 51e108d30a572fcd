"""FakeSent's admin API under ``/__fake/``: drive the fake from tests written in any language.

Served by FakeSent only (it is a test server): no API key, not recorded in the request log,
never delayed or failed by injected faults. The routes are listed in docs/testing.md
("FakeSent as a server for any language") and by ``GET /__fake/``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .._redact import redact
from ._seed import SeedError, apply_seed
from ._support import ApiFailure, error_response, invalid, read_json

if TYPE_CHECKING:
    from ._server import FakeSent, RecordedRequest

PREFIX = "/__fake/"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
SERVER: web.AppKey[FakeSent] = web.AppKey("fakesent_server")
routes = web.RouteTableDef()
ROUTES = {
    "GET /__fake/": "this list",
    "POST /__fake/reset": "forget all state, logs, events, faults and idempotency replays",
    "POST /__fake/seed": "preload contacts, templates and profiles (the --seed format)",
    "POST /__fake/messages/advance": 'move messages one status on; {"settle": true}: to the end',
    "POST /__fake/templates/review": "approve every template pending review",
    "POST /__fake/faults": "inject a fault: error (default), drop or delay",
    "DELETE /__fake/faults": "disarm every injected fault and delay",
    "PUT /__fake/latency": 'set the latency of every request: {"seconds": 0.05}',
    "GET /__fake/requests": "the recorded API requests (?method=&path=&limit=)",
    "GET /__fake/events": "the webhook events emitted",
    "GET /__fake/stats": "counts: requests by route and status, records by family",
    "GET /__fake/account": "the account's counts (server.stats): per tier, per key, per recipient",
}


async def serve(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Run an admin handler, answering failures in Sent's error envelope."""
    try:
        return await handler(request)
    except ApiFailure as failure:
        return error_response(failure)
    except web.HTTPException as exc:
        code = "RESOURCE_404" if exc.status == 404 else "VALIDATION_001"
        return error_response(ApiFailure(exc.status, code, exc.reason))


def _answer(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status)


def _number(doc: dict[str, Any], name: str, default: float | None = None) -> float:
    value = doc.get(name, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise invalid(f"{name} must be a number >= 0", name)
    return float(value)


def _times(doc: dict[str, Any]) -> int:
    times = doc.get("times", 1)
    if isinstance(times, bool) or not isinstance(times, int) or times < 1:
        raise invalid("times must be an integer >= 1", "times")
    return times


@routes.get("/__fake/")
async def index(request: web.Request) -> web.Response:
    server = request.app[SERVER]
    return _answer({"fakesent": True, "base_url": server.base_url, "routes": ROUTES})


@routes.post("/__fake/reset")
async def reset(request: web.Request) -> web.Response:
    request.app[SERVER].reset()
    return _answer({"reset": True})


@routes.post("/__fake/seed")
async def seed(request: web.Request) -> web.Response:
    try:
        counts = apply_seed(request.app[SERVER].state, await read_json(request))
    except SeedError as exc:
        raise invalid(str(exc), "seed") from None
    return _answer({"seeded": counts})


@routes.post("/__fake/messages/advance")
async def advance_messages(request: web.Request) -> web.Response:
    server, doc = request.app[SERVER], await read_json(request)
    if doc.get("settle") is True:
        total = 0
        while changed := await server.advance_messages():
            total += changed
        return _answer({"changed": total})
    return _answer({"changed": await server.advance_messages()})


@routes.post("/__fake/templates/review")
async def review_templates(request: web.Request) -> web.Response:
    return _answer({"changed": await request.app[SERVER].review_templates()})


@routes.post("/__fake/faults")
async def add_fault(request: web.Request) -> web.Response:
    server, doc = request.app[SERVER], await read_json(request)
    kind = doc.get("type", "error")
    if kind == "drop":
        server.drop_next_response(_times(doc))
    elif kind == "delay":
        until_removed = doc.get("times") is None
        server.delay_next(
            _number(doc, "seconds"),
            times=None if until_removed else _times(doc),
            method=_optional(doc, "method"),
            path=_optional(doc, "path"),
        )
    elif kind == "error":
        _add_error(server, doc)
    else:
        raise invalid("type must be error, drop or delay", "type")
    return _answer({"armed": kind}, 201)


def _add_error(server: FakeSent, doc: dict[str, Any]) -> None:
    status = doc.get("status", 503)
    if isinstance(status, bool) or not isinstance(status, int) or not 400 <= status <= 599:
        raise invalid("status must be an HTTP error status (400-599)", "status")
    headers = doc.get("headers") or {}
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise invalid("headers must be an object of strings", "headers")
    server.fail_next(
        status,
        _optional(doc, "code") or "INTERNAL_005",
        message=_optional(doc, "message") or "Injected failure",
        times=_times(doc),
        method=_optional(doc, "method"),
        path=_optional(doc, "path"),
        headers=headers,
    )


def _optional(doc: dict[str, Any], name: str) -> str | None:
    value = doc.get(name)
    if value is not None and not isinstance(value, str):
        raise invalid(f"{name} must be a string", name)
    return value


@routes.delete("/__fake/faults")
async def clear_faults(request: web.Request) -> web.Response:
    request.app[SERVER].clear_faults()
    return _answer({"cleared": True})


@routes.put("/__fake/latency")
async def set_latency(request: web.Request) -> web.Response:
    server = request.app[SERVER]
    server.latency = _number(await read_json(request), "seconds")
    return _answer({"seconds": server.latency})


@routes.get("/__fake/requests")
async def list_requests(request: web.Request) -> web.Response:
    server, query = request.app[SERVER], request.query
    status = {id(x.request): x.status for x in server.exchanges}
    chosen = [
        r
        for r in server.requests
        if query.get("method", r.method).upper() == r.method and query.get("path", r.path) == r.path
    ]
    limit = query.get("limit")
    if limit is not None:
        if not limit.isdigit():
            raise invalid("limit must be an integer >= 0", "limit")
        chosen = chosen[-int(limit) :] if int(limit) else []
    return _answer({"requests": [_recorded(r, status.get(id(r))) for r in chosen]})


def _recorded(recorded: RecordedRequest, status: int | None) -> dict[str, Any]:
    """One request as JSON: headers with secrets masked, the body as JSON when it is JSON."""
    try:
        body: Any = recorded.json()
    except ValueError:
        body = recorded.body.decode("utf-8", "replace")
    return {
        "method": recorded.method,
        "path": recorded.path,
        "query": dict(recorded.query),
        "headers": redact(dict(recorded.headers)),
        "body": body,
        "status": status,
    }


@routes.get("/__fake/events")
async def list_events(request: web.Request) -> web.Response:
    return web.json_response({"events": request.app[SERVER].events}, dumps=_dumps)


def _dumps(data: Any) -> str:
    return json.dumps(data, default=str)


@routes.get("/__fake/stats")
async def stats(request: web.Request) -> web.Response:
    server = request.app[SERVER]
    state = server.state
    routes_seen = Counter(f"{r.method} {r.path}" for r in server.requests)
    statuses = Counter(str(x.status) for x in server.exchanges)
    messages = Counter(str(m.status) for m in state.messages.by_id.values())
    return _answer(
        {
            "requests": len(server.requests),
            "by_route": dict(routes_seen),
            "by_status": dict(statuses),
            "events": len(server.events),
            "messages": {"total": len(state.messages.by_id), "by_status": dict(messages)},
            "contacts": len(state.contacts.by_id),
            "templates": len(state.templates.by_id),
            "profiles": len(state.profiles.by_id),
            "webhooks": len(state.webhooks.by_id),
        }
    )


@routes.get("/__fake/account")
async def account(request: web.Request) -> web.Response:
    """``server.stats`` for tests in other processes: what several workers sent, in total."""
    stats = request.app[SERVER].stats
    return _answer(
        {
            "requests": dict(stats.requests),
            "rate_limited": dict(stats.rate_limited),
            "max_in_window": {tier: stats.max_in_window(tier) for tier in stats.accepted},
            "per_key": dict(stats.per_key),
            "per_recipient": dict(stats.per_recipient),
            "messaged_twice": stats.messaged_twice(),
        }
    )
