"""``client.request`` and ``client.get/post/put/patch/delete``: any /v3 endpoint, same transport."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import sent_sync
from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async.models import Message, SenderProfile
from sent_async.testing import FAST_RETRY, FakeSent

from .support import PROFILE_ID, envelope, error_envelope, reply

pytestmark = pytest.mark.anyio

if TYPE_CHECKING:  # `make typecheck` (mypy --strict: warn_return_any) checks the overloads
    # Each would be "Returning Any from function declared to return ..." if into= were untyped.

    async def _into_model(sent: AsyncSent) -> SenderProfile:
        return await sent.get("/v3/x", into=SenderProfile)

    async def _into_list(sent: AsyncSent) -> list[Message]:
        return await sent.request("GET", "/v3/x", into=list[Message])

    def _into_sync(sent: sent_sync.Sent) -> SenderProfile:
        return sent.post("/v3/x", json={}, into=SenderProfile)


async def test_plain_json_and_structured_data(client: AsyncSent) -> None:
    created = await client.post("/v3/sender-profiles", json={"name": "Acme", "short_name": "Acme"})
    assert isinstance(created, dict) and created["api_key"].startswith("sk_live_")
    pid = created["id"]
    typed = await client.get(f"/v3/sender-profiles/{pid}", into=SenderProfile)
    assert isinstance(typed, SenderProfile) and typed.name == "Acme"
    renamed = await client.patch(f"/v3/sender-profiles/{pid}", json={"name": "Acme 2"})
    assert renamed["name"] == "Acme 2"
    listed = await client.request("get", "/v3/sender-profiles", query={"page_size": 5})
    assert [p["id"] for p in listed["sender_profiles"]] == [pid]
    assert await client.delete(f"/v3/sender-profiles/{pid}") is None  # 204
    with pytest.raises(NotFoundError) as caught:  # typed errors, as for the typed calls
        await client.get(f"/v3/sender-profiles/{pid}")
    assert caught.value.code == "RESOURCE_014"


async def test_into_a_list_of_models(scripted: Any) -> None:
    rows = [{"id": PROFILE_ID, "status": "SENT"}, {"id": PROFILE_ID, "status": "DELIVERED"}]
    server = await scripted(reply(200, envelope(rows)))
    async with AsyncSent("sk_test", base_url=server.base_url) as sent:
        messages = await sent.get("/v3/messages/tomorrow", into=list[Message])
    assert [m.status for m in messages] == ["SENT", "DELIVERED"]


async def test_same_transport_headers_keys_and_retries(scripted: Any) -> None:
    busy = reply(503, error_envelope("SERVICE_001"))
    server = await scripted(busy, reply(200, envelope({"ok": True})))
    async with AsyncSent("sk_test", base_url=server.base_url, retry=FAST_RETRY) as sent:
        scoped = sent.for_profile(PROFILE_ID)
        answer = await scoped.put("/v3/things/1", json={"a": [1]}, idempotency_key="k-1")
        assert answer == {"ok": True}
        await scoped.get("/v3/things", query={"q": "x y"})
    (m1, p1, h1, b1), (m2, p2, h2, b2), (m3, p3, h3, _) = server.seen
    assert (m1, m2, p1, p2) == ("PUT", "PUT", "/v3/things/1", "/v3/things/1")  # retried
    assert h1["idempotency-key"] == h2["idempotency-key"] == "k-1" and b1 == b2
    assert json.loads(b1) == {"a": [1]} and h1["x-api-key"] == "sk_test"
    assert h1["x-profile-id"] == h3["x-profile-id"] == PROFILE_ID
    assert (m3, p3) == ("GET", "/v3/things?q=x+y") and "idempotency-key" not in h3


@pytest.mark.parametrize(
    "path",
    [
        "v3/things",
        "/v2/things",
        "/v3/",
        "https://evil.example/v3/things",
        "/v3/things?admin=1",
        "/v3/things#x",
        "/v3/../admin",
        "/v3/things/./x",
        "/v3/a//b",
        "/v3/%2e%2e/admin",
        "/v3/things%3Fadmin=1",
        "/v3/things\r\nX-Injected: 1",
        "/v3/things%0d%0aX: 1",
        "/v3/a b",
        "/v3/a\\b",
        None,
    ],
)
async def test_bad_paths_are_refused_before_sending(
    client: AsyncSent, server: FakeSent, path: str
) -> None:
    with pytest.raises(SentValidationError):
        await client.get(path)
    assert server.requests == []


async def test_bad_methods_are_refused(client: AsyncSent, server: FakeSent) -> None:
    for method in ("TRACE", "CONNECT", "GET /v3/x", None):
        with pytest.raises(SentValidationError):
            await client.request(method, "/v3/things")  # type: ignore[arg-type]
    assert server.requests == []


def test_the_sync_client_has_the_escape_hatch() -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        created = sent.post("/v3/sender-profiles", json={"name": "Acme", "short_name": "Acme"})
        assert sent.get(f"/v3/sender-profiles/{created['id']}", into=SenderProfile).name == "Acme"
        assert sent.request("DELETE", f"/v3/sender-profiles/{created['id']}") is None


async def test_unknown_paths_reach_the_server(client: AsyncSent, server: FakeSent) -> None:
    """An endpoint the SDK does not know yet is called as is (FakeSent has none: 404)."""
    with pytest.raises(NotFoundError):
        await client.get("/v3/brand-new-endpoint", query={"a": "1"})
    assert (server.requests[-1].path, server.requests[-1].query) == (
        "/v3/brand-new-endpoint",
        {"a": "1"},
    )
