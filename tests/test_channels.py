"""Voice numbers (``/v3/channels/voice``) through both clients against FakeSent."""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

import sent_sync
from sent_async import (
    AsyncSent,
    NotFoundError,
    SentValidationError,
    UnprocessableEntityError,
    WebhookVerificationError,
)
from sent_async.models import (
    VoiceCallbackTest,
    VoiceNumber,
    VoiceNumberCreated,
    VoiceNumberUpdateRequestStatus,
    VoiceSecret,
)
from sent_async.testing import FakeSent
from sent_async.webhooks import verify

from .support import FAST_RETRY, envelope, reply
from .test_voice import check_sent, exchange

pytestmark = pytest.mark.anyio

NUMBER = "+14155550123"
HOOK = "https://acme.example/voice"


async def test_create_get_list_update(client: AsyncSent, server: FakeSent) -> None:
    created = await client.channels.voice.create(
        callback_url=HOOK, number=NUMBER, default_for_app_calls=True, idempotency_key="vn-1"
    )
    sent = server.requests[-1]
    assert (sent.method, sent.path) == ("POST", "/v3/channels/voice")
    assert sent.json() == {"callback_url": HOOK, "number": NUMBER, "default_for_app_calls": True}
    assert sent.headers["idempotency-key"] == "vn-1"
    assert isinstance(created, VoiceNumberCreated)
    assert (created.number, created.status, created.callback_url) == (NUMBER, "ACTIVE", HOOK)
    assert created.callback_secret and created.callback_secret.startswith("whsec_")

    fetched = await client.channels.voice.get(NUMBER)
    assert server.requests[-1].path == f"/v3/channels/voice/{NUMBER}"  # '+' intact
    assert isinstance(fetched, VoiceNumber) and fetched.number == NUMBER
    assert fetched.default_for_app_calls is True
    assert [n.number for n in await client.channels.voice.list()] == [NUMBER]

    updated = await client.channels.voice.update(
        NUMBER, status=VoiceNumberUpdateRequestStatus.INACTIVE, callback_url=None
    )
    assert server.requests[-1].method == "PATCH"
    assert server.requests[-1].json() == {"status": "INACTIVE", "callback_url": None}
    assert (updated.status, updated.callback_url, updated.default_for_app_calls) == (
        "INACTIVE",
        None,
        True,
    )
    assert (await client.channels.voice.update(NUMBER, status="ACTIVE")).status == "ACTIVE"
    assert server.requests[-1].json() == {"status": "ACTIVE"}  # omitted fields stay as they are
    assert (await client.channels.voice.get(NUMBER)).callback_url is None


async def test_area_code_create_is_accepted_with_202(client: AsyncSent) -> None:
    raw = await client.with_raw_response.channels.voice.create(callback_url=HOOK, area_code="212")
    assert raw.status_code == 202
    assert raw.data.number is not None and raw.data.number.startswith("+1212")
    assert [n.number for n in await client.channels.voice.list()] == [raw.data.number]


async def test_one_default_number_for_app_calls(client: AsyncSent) -> None:
    await client.channels.voice.create(callback_url=HOOK, number=NUMBER, default_for_app_calls=True)
    await client.channels.voice.create(
        callback_url=HOOK, number="+14155550124", default_for_app_calls=True
    )
    flags = {n.number: n.default_for_app_calls for n in await client.channels.voice.list()}
    assert flags == {NUMBER: False, "+14155550124": True}


async def test_rotate_secret_replaces_the_secret(client: AsyncSent, server: FakeSent) -> None:
    created = await client.channels.voice.create(callback_url=HOOK, number=NUMBER)
    rotated = await client.channels.voice.rotate_secret(NUMBER)
    assert server.requests[-1].path == f"/v3/channels/voice/{NUMBER}/rotate-secret"
    assert server.requests[-1].json() == {}
    assert isinstance(rotated, VoiceSecret)
    assert rotated.callback_secret and rotated.callback_secret.startswith("whsec_")
    assert rotated.callback_secret != created.callback_secret
    assert rotated.callback_secret not in repr(rotated)

    # the test call is signed with the new secret, not the old one
    result = await client.channels.voice.test(NUMBER, idempotency_key="t-1")
    assert server.requests[-1].path == f"/v3/channels/voice/{NUMBER}/test"
    assert server.requests[-1].headers["idempotency-key"] == "t-1"
    assert isinstance(result, VoiceCallbackTest) and result.outcome == "ok"
    assert result.response is not None and result.response.status_code == 200
    assert result.request is not None and result.request.url == HOOK
    assert result.request.body is not None and result.request.headers is not None
    assert json.loads(result.request.body)["number"] == NUMBER
    body = result.request.body.encode()
    verify(body, result.request.headers, rotated.callback_secret)
    with pytest.raises(WebhookVerificationError, match="signature"):
        verify(body, result.request.headers, str(created.callback_secret))


async def test_sandbox_rotation_keeps_the_secret(client: AsyncSent, server: FakeSent) -> None:
    created = await client.channels.voice.create(callback_url=HOOK, number=NUMBER)
    await client.channels.voice.rotate_secret(NUMBER, sandbox=True)
    assert server.requests[-1].json() == {"sandbox": True}
    result = await client.channels.voice.test(NUMBER, sandbox=True)
    assert result.request is not None and result.request.headers is not None
    assert result.request.body is not None
    verify(result.request.body.encode(), result.request.headers, str(created.callback_secret))


async def test_secrets_never_show_in_reprs(client: AsyncSent) -> None:
    created = await client.channels.voice.create(callback_url=HOOK, number=NUMBER)
    assert created.callback_secret and created.callback_secret not in repr(created)
    assert "callback_secret" not in repr(created)
    rotated = await client.channels.voice.rotate_secret(NUMBER)
    assert rotated.callback_secret and rotated.callback_secret not in str(rotated)


async def test_unknown_and_duplicate_numbers(client: AsyncSent) -> None:
    with pytest.raises(NotFoundError) as missing:
        await client.channels.voice.get("+19995550000")
    assert missing.value.code == "RESOURCE_022"
    await client.channels.voice.create(callback_url=HOOK, number=NUMBER)
    with pytest.raises(UnprocessableEntityError):
        await client.channels.voice.create(callback_url=HOOK, number=NUMBER)


async def test_plus_is_percent_encoded_in_the_path(scripted: Any) -> None:
    number = {"number": NUMBER, "status": "ACTIVE"}
    fake = await scripted(reply(body=envelope(number)))
    async with AsyncSent("sk_test", base_url=fake.base_url, retry=FAST_RETRY) as sent:
        got = await sent.channels.voice.get(NUMBER)
        await sent.channels.voice.update(NUMBER, callback_url=HOOK)
    assert got.number == NUMBER
    assert [seen[1] for seen in fake.seen] == [
        "/v3/channels/voice/%2B14155550123"
    ] * 2  # encoded as RFC 6570 simple expansion does: a bare '+' may be read as a space


BAD: list[tuple[str, Callable[[AsyncSent], Awaitable[Any]]]] = [
    ("number", lambda c: c.channels.voice.get("4155550123")),
    ("number", lambda c: c.channels.voice.get("+1 415 555 0123")),
    ("number", lambda c: c.channels.voice.get("")),
    ("number", lambda c: c.channels.voice.update("+0415", status="ACTIVE")),
    ("number", lambda c: c.channels.voice.rotate_secret("14155550123")),
    ("number", lambda c: c.channels.voice.test("+1415555012a")),
    ("number", lambda c: c.channels.voice.create(callback_url=HOOK, number="555-0123")),
    ("callback_url", lambda c: c.channels.voice.create(callback_url="acme.example/hook")),
    ("callback_url", lambda c: c.channels.voice.update(NUMBER, callback_url="ftp://x")),
    ("status", lambda c: c.channels.voice.update(NUMBER, status="active")),
    ("status", lambda c: c.channels.voice.update(NUMBER, status="PAUSED")),
]


@pytest.mark.parametrize(("message", "call"), BAD)
async def test_bad_input_is_refused_before_sending(
    client: AsyncSent, server: FakeSent, message: str, call: Callable[[AsyncSent], Any]
) -> None:
    coroutine = call(client)
    assert inspect.isawaitable(coroutine)
    with pytest.raises(SentValidationError, match=message):
        await coroutine
    assert server.requests == []


async def test_sdk_requests_match_the_contract(client: AsyncSent, server: FakeSent) -> None:
    await client.channels.voice.create(callback_url=HOOK, number=NUMBER, sandbox=False)
    await client.channels.voice.list()
    await client.channels.voice.get(NUMBER)
    await client.channels.voice.update(NUMBER, status="INACTIVE", default_for_app_calls=None)
    await client.channels.voice.rotate_secret(NUMBER)
    await client.channels.voice.test(NUMBER)
    assert check_sent(server.requests) == 6


async def test_fakesent_answers_match_the_contract(server: FakeSent) -> None:
    body = {"callback_url": HOOK, "number": NUMBER}
    assert (await exchange(server, "POST", "/v3/channels/voice", body))[0] == 200
    picked = {"callback_url": HOOK, "area_code": "646"}
    assert (await exchange(server, "POST", "/v3/channels/voice", picked))[0] == 202
    assert (await exchange(server, "GET", "/v3/channels/voice"))[0] == 200
    base = f"/v3/channels/voice/{NUMBER}"
    assert (await exchange(server, "GET", base))[0] == 200
    assert (await exchange(server, "PATCH", base, {"status": "INACTIVE"}))[0] == 200
    assert (await exchange(server, "POST", base + "/rotate-secret", {}))[0] == 200
    status, doc = await exchange(server, "POST", base + "/test", {"sandbox": False})
    assert status == 200 and doc["data"]["outcome"] == "ok"
    # errors too
    assert (await exchange(server, "GET", "/v3/channels/voice/+19995550000"))[0] == 404
    assert (await exchange(server, "POST", "/v3/channels/voice", body))[0] == 422
    assert (
        await exchange(server, "POST", "/v3/channels/voice", {"number": NUMBER}, bad_request=True)
    )[0] == 400


def test_every_channel_call_through_the_sync_client() -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        created = sent.channels.voice.create(callback_url=HOOK, number=NUMBER)
        assert created.callback_secret and created.callback_secret.startswith("whsec_")
        assert sent.channels.voice.get(NUMBER).number == NUMBER
        assert server.requests[-1].path == f"/v3/channels/voice/{NUMBER}"
        assert [n.number for n in sent.channels.voice.list()] == [NUMBER]
        assert sent.channels.voice.update(NUMBER, status="INACTIVE").status == "INACTIVE"
        rotated = sent.channels.voice.rotate_secret(NUMBER)
        assert rotated.callback_secret != created.callback_secret
        result = sent.channels.voice.test(NUMBER)
        assert result.outcome == "ok" and result.call_id
        server.requests.clear()
        with pytest.raises(SentValidationError):
            sent.channels.voice.get("4155550123")
        with pytest.raises(SentValidationError):
            sent.channels.voice.create(callback_url="not a url")
        assert server.requests == []
