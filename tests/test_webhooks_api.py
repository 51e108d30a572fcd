"""Every webhooks call through the async and the sync client against FakeSent (real sockets)."""

from __future__ import annotations

import datetime
import http.server
import logging
import threading
from typing import Any

import pytest

import sent_sync
from sent_async import AsyncSent, BadRequestError, NotFoundError, SentValidationError
from sent_async.models import (
    Webhook,
    WebhookEventRecord,
    WebhookEventTypeList,
    WebhookSecret,
    WebhookSenderProfileInput,
    WebhookTestResult,
)
from sent_async.testing import FakeSent

from .support import FAST_RETRY

URL = "https://hooks.acme.example/sent"
MISSING = "00000000-0000-4000-8000-000000000000"
CONFIG: dict[str, Any] = {
    "display_name": "Order updates",
    "endpoint_url": URL,
    "event_types": ["message", "templates"],
}


@pytest.mark.anyio
async def test_create_get_update_toggle_rotate_delete(client: AsyncSent, server: FakeSent):
    created = await client.webhooks.create(
        **CONFIG,
        event_filters={"message": ("delivered", "failed")},
        retry_count=5,
        timeout_seconds=10,
        idempotency_key="create-hook-1",
    )
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", "/v3/webhooks")
    assert sent.headers["idempotency-key"] == "create-hook-1"
    assert sent.json() == {
        "display_name": "Order updates",
        "endpoint_url": URL,
        "event_types": ["message", "templates"],
        "event_filters": {"message": ["delivered", "failed"]},
        "retry_count": 5,
        "timeout_seconds": 10,
    }
    assert isinstance(created, Webhook) and created.id is not None
    assert (created.is_active, created.consecutive_failures, created.retry_count) == (True, 0, 5)
    assert isinstance(created.created_at, datetime.datetime)
    secret = created.signing_secret
    assert secret is not None and secret.startswith("whsec_")
    assert secret not in repr(created)  # repr=False on the generated model

    fetched = await client.webhooks.get(created.id)
    assert server.requests[-1].path == f"/v3/webhooks/{created.id}"
    assert fetched.signing_secret is None  # shown once, at creation (and on rotation)
    assert fetched.event_filters == {"message": ["delivered", "failed"]}

    updated = await client.webhooks.update(
        created.id, display_name="Renamed", endpoint_url=URL + "/v2", event_types=["message"]
    )
    put = server.requests[-1]
    assert (put.method, put.json()) == (
        "PUT",
        {"display_name": "Renamed", "endpoint_url": URL + "/v2", "event_types": ["message"]},
    )
    assert (updated.display_name, updated.endpoint_url) == ("Renamed", URL + "/v2")
    # PUT replaces: what was not sent returns to its default
    assert (updated.retry_count, updated.timeout_seconds, updated.event_filters) == (3, 30, None)

    off = await client.webhooks.toggle_status(created.id, is_active=False)
    assert server.requests[-1].method == "PATCH"
    assert server.requests[-1].path == f"/v3/webhooks/{created.id}/toggle-status"
    assert server.requests[-1].json() == {"is_active": False}
    assert off.is_active is False
    assert (await client.webhooks.get(created.id)).is_active is False

    rotated = await client.webhooks.rotate_secret(created.id)
    assert server.requests[-1].path == f"/v3/webhooks/{created.id}/rotate-secret"
    assert isinstance(rotated, WebhookSecret)
    assert rotated.signing_secret and rotated.signing_secret.startswith("whsec_")
    assert rotated.signing_secret != secret
    assert rotated.signing_secret not in repr(rotated)
    assert server.state.webhooks.by_id[created.id].signing_secret == rotated.signing_secret

    await client.webhooks.delete(created.id)
    deleted = server.requests[-1]
    assert (deleted.method, deleted.body) == ("DELETE", b"")  # the contract gives it no body
    assert "content-type" not in deleted.headers
    with pytest.raises(NotFoundError) as info:
        await client.webhooks.get(created.id)
    assert info.value.code == "RESOURCE_008"


@pytest.mark.anyio
async def test_nested_sender_profile_as_dict_or_model(client: AsyncSent, server: FakeSent):
    await client.webhooks.create(**CONFIG, sender_profile={"event_types": ["message"]})
    as_dict = server.requests[-1].json()
    model = WebhookSenderProfileInput(event_types=["message"])
    await client.webhooks.create(**CONFIG, sender_profile=model)
    assert server.requests[-1].json() == as_dict
    assert as_dict["sender_profile"] == {"event_types": ["message"]}


@pytest.mark.anyio
async def test_list_event_types(client: AsyncSent, server: FakeSent):
    types = await client.webhooks.list_event_types()
    assert server.requests[-1].path == "/v3/webhooks/event-types"
    assert isinstance(types, WebhookEventTypeList)
    names = [t.name for t in types.event_types]
    assert names[:3] == ["message", "templates", "contact"]
    message = types.event_types[0]
    subs = [s.name for s in message.sub_types]
    assert {"message.delivered", "message.failed", "message.received"} <= set(subs)
    assert all(s.event_type == "message" for s in message.sub_types)


@pytest.mark.anyio
async def test_list_pages_through_every_webhook(client: AsyncSent, server: FakeSent):
    ids = [
        (await client.webhooks.create(**{**CONFIG, "display_name": f"hook {n}"})).id
        for n in range(7)
    ]
    start = len(server.requests)
    first = await client.webhooks.list(page_size=3)
    assert [w.id for w in first.items] == ids[:3]
    assert first.has_next_page and first.pagination and first.pagination.total_count == 7
    assert server.requests[-1].query == {"page": "1", "page_size": "3"}

    seen = [w.id async for w in client.webhooks.list(page_size=3)]
    assert seen == ids
    pages = [r.query["page"] for r in server.requests[start + 1 :]]
    assert pages == ["1", "2", "3"]  # three pages, then has_more is false

    third = await client.webhooks.list(page=3, page_size=3)
    assert [w.id for w in third.items] == ids[6:] and not third.has_next_page
    assert all(w.signing_secret is None for w in third.items)


@pytest.mark.anyio
async def test_list_filters(client: AsyncSent, server: FakeSent):
    a = await client.webhooks.create(**{**CONFIG, "display_name": "Billing alerts"})
    b = await client.webhooks.create(**{**CONFIG, "display_name": "Delivery"})
    await client.webhooks.toggle_status(str(b.id), is_active=False)
    active = await client.webhooks.list(is_active=True)
    assert server.requests[-1].query == {"is_active": "true", "page": "1"}
    assert [w.id for w in active.items] == [a.id]
    found = await client.webhooks.list(search="deliv")
    assert server.requests[-1].query == {"search": "deliv", "page": "1"}
    assert [w.id for w in found.items] == [b.id]


@pytest.mark.anyio
async def test_list_events_pages_newest_first(client: AsyncSent, server: FakeSent):
    hook = await client.webhooks.create(**CONFIG)  # not loopback: every attempt fails at once
    assert hook.id is not None
    results = [await client.webhooks.test(hook.id) for _ in range(7)]
    assert {r.success for r in results} == {False}
    rows = server.state.webhooks.log[hook.id]
    first = await client.webhooks.list_events(hook.id, page_size=3)
    assert server.requests[-1].path == f"/v3/webhooks/{hook.id}/events"
    assert [r.id for r in first.items] == list(reversed(rows))[:3]
    every = [r async for r in client.webhooks.list_events(hook.id, page_size=3)]
    assert [r.id for r in every] == list(reversed(rows))
    assert [r.query["page"] for r in server.requests[-3:]] == ["1", "2", "3"]
    row = every[0]
    assert isinstance(row, WebhookEventRecord)
    assert (row.delivery_status, row.delivery_attempts, row.event_type) == (
        "failed",
        1,
        "message.delivered",
    )
    assert row.error_message and "loopback" in row.error_message
    found = await client.webhooks.list_events(hook.id, search=str(row.id))
    assert server.requests[-1].query["search"] == str(row.id)
    assert [r.id for r in found.items] == [row.id]


@pytest.mark.anyio
async def test_test_request_and_sandbox(client: AsyncSent, server: FakeSent):
    hook = await client.webhooks.create(**CONFIG)
    assert hook.id is not None
    result = await client.webhooks.test(hook.id, event_type="contact.opt_out", sandbox=True)
    assert server.requests[-1].json() == {"event_type": "contact.opt_out", "sandbox": True}
    assert isinstance(result, WebhookTestResult) and result.success is True
    assert server.state.webhooks.log[hook.id] == {}  # sandbox: nothing delivered
    with pytest.raises(BadRequestError) as info:
        await client.webhooks.test(hook.id, event_type="message.teleported")
    assert info.value.code == "VALIDATION_006"


@pytest.mark.anyio
async def test_sandbox_writes_change_nothing(client: AsyncSent, server: FakeSent):
    ghost = await client.webhooks.create(**CONFIG, sandbox=True)
    assert ghost.id is not None and ghost.id not in server.state.webhooks.by_id
    hook = await client.webhooks.create(**CONFIG)
    assert hook.id is not None and hook.signing_secret
    await client.webhooks.toggle_status(hook.id, is_active=False, sandbox=True)
    await client.webhooks.rotate_secret(hook.id, sandbox=True)
    assert server.requests[-1].json() == {"sandbox": True}
    kept = server.state.webhooks.by_id[hook.id]
    assert (kept.is_active, kept.signing_secret) == (True, hook.signing_secret)
    with pytest.raises(TypeError):  # no sandbox mode: the contract gives the DELETE no body
        await client.webhooks.delete(hook.id, sandbox=True)  # type: ignore[call-arg]
    assert hook.id in server.state.webhooks.by_id


@pytest.mark.anyio
async def test_scoped_to_the_profile_that_created_it(client: AsyncSent, server: FakeSent):
    profile = await client.profiles.create(name="Tenant")
    assert profile.id is not None
    scoped = client.for_profile(profile.id)
    hook = await scoped.webhooks.create(**CONFIG)
    assert server.requests[-1].headers["x-profile-id"] == profile.id
    assert hook.id is not None and hook.customer_id == profile.id
    assert (await scoped.webhooks.get(hook.id)).id == hook.id
    with pytest.raises(NotFoundError):
        await client.webhooks.get(hook.id)
    assert (await client.webhooks.list()).items == []


@pytest.mark.anyio
async def test_server_rules_match_the_client_rules(client: AsyncSent, server: FakeSent):
    """FakeSent refuses what the SDK would have caught, for callers that bypass it."""
    hook = await client.webhooks.create(**CONFIG)
    bad = [
        ({"display_name": "x", "endpoint_url": URL}, "VALIDATION_004"),
        ({**CONFIG, "retry_count": 9}, "VALIDATION_005"),
        ({**CONFIG, "timeout_seconds": 1}, "VALIDATION_005"),
        ({**CONFIG, "event_types": ["nonsense"]}, "VALIDATION_006"),
        ({**CONFIG, "endpoint_url": "ftp://x"}, "VALIDATION_001"),
    ]
    transport = client._transport
    for body, code in bad:
        with pytest.raises(BadRequestError) as info:
            await transport.request("POST", "/v3/webhooks", body=body, into=None)
        assert info.value.code == code, body
    with pytest.raises(BadRequestError) as info:
        await transport.request("GET", "/v3/webhooks/not-a-uuid", into=None)
    assert info.value.code == "VALIDATION_003"
    assert list(server.state.webhooks.by_id) == [hook.id]


BAD_CALLS: list[tuple[str, dict[str, Any], str]] = [
    ("create", {**CONFIG, "endpoint_url": "hooks.acme.example/sent"}, "absolute http"),
    ("create", {**CONFIG, "endpoint_url": "ftp://acme.example/x"}, "absolute http"),
    ("create", {**CONFIG, "endpoint_url": "https://acme.example/a b"}, "absolute http"),
    ("create", {**CONFIG, "endpoint_url": "https:///path-only"}, "absolute http"),
    ("create", {**CONFIG, "display_name": " "}, "display_name"),
    ("create", {**CONFIG, "event_types": "message"}, "list of strings"),
    ("create", {**CONFIG, "event_types": []}, "at least one"),
    ("create", {**CONFIG, "event_types": ["message", ""]}, "non-blank"),
    ("create", {**CONFIG, "retry_count": 0}, "retry_count"),
    ("create", {**CONFIG, "retry_count": 6}, "retry_count"),
    ("create", {**CONFIG, "retry_count": True}, "retry_count"),
    ("create", {**CONFIG, "timeout_seconds": 4}, "timeout_seconds"),
    ("create", {**CONFIG, "timeout_seconds": 121}, "timeout_seconds"),
    ("create", {**CONFIG, "event_filters": {"message": "delivered"}}, "list of strings"),
    ("create", {**CONFIG, "event_filters": ["message"]}, "mapping"),
    ("get", {"webhook_id": "not-a-uuid"}, "webhook_id"),
    ("get", {"webhook_id": ""}, "webhook_id"),
    ("update", {"webhook_id": MISSING, **CONFIG, "timeout_seconds": 500}, "timeout_seconds"),
    ("update", {"webhook_id": "../x", **CONFIG}, "webhook_id"),
    ("delete", {"webhook_id": "x"}, "webhook_id"),
    ("list_events", {"webhook_id": "x"}, "webhook_id"),
    ("list_events", {"webhook_id": MISSING, "page": 0}, "page"),
    ("list", {"page_size": 0}, "page_size"),
    ("rotate_secret", {"webhook_id": "x"}, "webhook_id"),
    ("test", {"webhook_id": MISSING, "event_type": ""}, "event_type"),
    ("toggle_status", {"webhook_id": MISSING, "is_active": "yes"}, "is_active"),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("method", "kwargs", "message"), BAD_CALLS)
async def test_bad_input_never_reaches_the_server(
    client: AsyncSent, server: FakeSent, method: str, kwargs: dict[str, Any], message: str
):
    call = getattr(client.webhooks, method)
    args = [kwargs.pop("webhook_id")] if "webhook_id" in kwargs else []
    with pytest.raises(SentValidationError, match=message):
        await _invoke(call, *args, **kwargs)
    assert server.requests == []


async def _invoke(call: Any, *args: Any, **kwargs: Any) -> None:
    """Call a method; await it when it is a coroutine (paged lists check before returning)."""
    result = call(*args, **kwargs)
    if hasattr(result, "__await__"):
        await result


@pytest.mark.anyio
async def test_secret_never_logged(
    client: AsyncSent, server: FakeSent, caplog: pytest.LogCaptureFixture
):
    with caplog.at_level(logging.DEBUG):
        hook = await client.webhooks.create(**CONFIG)
        assert hook.id is not None
        rotated = await client.webhooks.rotate_secret(hook.id)
        await client.webhooks.test(hook.id)
    assert hook.signing_secret and rotated.signing_secret
    assert hook.signing_secret not in caplog.text
    assert rotated.signing_secret not in caplog.text


def test_every_call_through_the_sync_client():
    with (
        FakeSent() as server,
        sent_sync.Sent(server.api_key, base_url=server.base_url, retry=FAST_RETRY) as sent,
    ):
        created = sent.webhooks.create(**CONFIG, retry_count=2)
        assert created.id is not None and created.signing_secret
        assert server.requests[-1].json()["retry_count"] == 2
        assert sent.webhooks.get(created.id).display_name == "Order updates"
        updated = sent.webhooks.update(
            created.id, display_name="Sync", endpoint_url=URL, event_types=["contact"]
        )
        assert (updated.display_name, updated.event_types) == ("Sync", ["contact"])
        assert sent.webhooks.toggle_status(created.id, is_active=False).is_active is False
        assert sent.webhooks.toggle_status(created.id, is_active=True).is_active is True
        types = sent.webhooks.list_event_types()
        assert "templates" in [t.name for t in types.event_types]
        rotated = sent.webhooks.rotate_secret(created.id)
        assert rotated.signing_secret not in (None, created.signing_secret)
        result = sent.webhooks.test(created.id, event_type="message.read")
        assert result.success is False  # not a loopback host: FakeSent will not call it
        assert server.requests[-1].json() == {"event_type": "message.read"}
        for _ in range(6):
            sent.webhooks.create(**CONFIG)

        start = len(server.requests)
        page = sent.webhooks.list(page_size=3)
        assert len(page.items) == 3 and page.has_next_page
        assert len(list(page)) == 7
        assert [r.query["page"] for r in server.requests[start:]] == ["1", "2", "3"]

        for _ in range(6):
            sent.webhooks.test(created.id)
        start = len(server.requests)
        events = list(sent.webhooks.list_events(created.id, page_size=3))
        assert len(events) == 7 and all(e.delivery_status == "failed" for e in events)
        assert [r.query["page"] for r in server.requests[start:]] == ["1", "2", "3"]

        sent.webhooks.delete(created.id)
        assert server.requests[-1].body == b""
        with pytest.raises(sent_sync.NotFoundError):
            sent.webhooks.get(created.id)
        with pytest.raises(sent_sync.SentValidationError):
            sent.webhooks.create(**{**CONFIG, "retry_count": 10})


def test_sync_client_test_delivery_to_a_plain_http_server():
    hits: list[tuple[dict[str, str], bytes]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"]))
            hits.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        with (
            FakeSent() as server,
            sent_sync.Sent(server.api_key, base_url=server.base_url, retry=FAST_RETRY) as sent,
        ):
            hook = sent.webhooks.create(
                display_name="sync",
                endpoint_url=f"http://127.0.0.1:{httpd.server_address[1]}/hook",
                event_types=["message"],
            )
            assert hook.id is not None
            result = sent.webhooks.test(hook.id, event_type="message.sent")
            assert (result.success, result.message) == (True, "Test event delivered (HTTP 204)")
    finally:
        httpd.shutdown()
        httpd.server_close()
    ((headers, body),) = hits
    event = sent_sync.webhooks.parse_event(body, headers, str(hook.signing_secret))
    assert isinstance(event, sent_sync.webhooks.MessageEvent)
    assert (event.event, event.payload.message_status) == ("message.sent", "SENT")
