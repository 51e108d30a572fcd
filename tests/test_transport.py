"""Retries, idempotency, errors and limits of the core transport, against real local servers."""

from __future__ import annotations

import asyncio
import json
import logging
import pickle
import time

import pytest
from aiohttp import web

from sent_async import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncSent,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetryPolicy,
    Timeout,
    UnprocessableEntityError,
)
from sent_async._loop_thread import LoopThread
from sent_async.testing import FakeSent

from .support import FAST_RETRY, PROFILE_ID, envelope, error_envelope, reply

pytestmark = pytest.mark.anyio


def make(base_url: str, **kw: object) -> AsyncSent:
    kw.setdefault("retry", FAST_RETRY)
    return AsyncSent("sk_test_key", base_url=base_url, **kw)  # type: ignore[arg-type]


async def test_503_then_200_retries_with_same_key_and_bytes(client: AsyncSent, server: FakeSent):
    server.fail_next(503, "INTERNAL_005", method="POST")
    profile = await client.profiles.create(name="Retry me", brand=None)
    assert profile.id is not None
    assert profile.name == "Retry me"
    first, second = server.requests[-2:]
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert first.body == second.body == b'{"brand":null,"name":"Retry me"}'
    assert "x-sent-retry-count" not in first.headers
    assert second.headers["x-sent-retry-count"] == "1"


async def test_caller_idempotency_key_is_used_and_validated(client: AsyncSent, server: FakeSent):
    await client.profiles.create(name="Keyed", idempotency_key="job-42_item-7")
    assert server.requests[-1].headers["idempotency-key"] == "job-42_item-7"
    for bad in ["", "has space", "a\r\nX-Evil: 1", "x" * 256, "émoji"]:
        with pytest.raises(ValueError, match="idempotency_key"):
            await client.profiles.create(name="Keyed", idempotency_key=bad)
    assert len(server.requests) == 1


async def test_get_carries_no_idempotency_key(client: AsyncSent, server: FakeSent):
    await client.profiles.list()
    assert "idempotency-key" not in server.requests[-1].headers


async def test_post_whose_answer_is_lost_creates_exactly_one_profile(
    client: AsyncSent, server: FakeSent
):
    server.drop_next_response()
    created = await client.profiles.create(name="Exactly once")
    assert created.id is not None
    assert [p.id for p in (await client.profiles.list()).profiles] == [created.id]
    posts = [r for r in server.requests if r.method == "POST"]
    assert (
        len(posts) == 2
        and posts[0].headers["idempotency-key"] == posts[1].headers["idempotency-key"]
    )


async def test_without_keys_an_ambiguous_post_is_not_retried(server: FakeSent):
    async with server.client(retry=FAST_RETRY, auto_idempotency_keys=False) as sent:
        server.drop_next_response()
        with pytest.raises(APIConnectionError) as info:
            await sent.profiles.create(name="Maybe")
    assert info.value.outcome == "unknown"
    assert info.value.attempts == 1
    assert len([r for r in server.requests if r.method == "POST"]) == 1


async def test_429_retry_after_seconds_is_honoured(scripted):
    srv = await scripted(
        reply(429, error_envelope("BUSINESS_002"), {"Retry-After": "1"}), reply(200)
    )
    async with make(srv.base_url) as sent:
        started = time.monotonic()
        await sent.profiles.get(PROFILE_ID)
        elapsed = time.monotonic() - started
    assert len(srv.seen) == 2
    assert 1.0 <= elapsed < 2.5


async def test_429_retry_after_over_the_cap_raises_at_once(scripted):
    srv = await scripted(reply(429, error_envelope("BUSINESS_002"), {"Retry-After": "120"}))
    async with make(srv.base_url) as sent:
        started = time.monotonic()
        with pytest.raises(RateLimitError) as info:
            await sent.profiles.get(PROFILE_ID)
    assert time.monotonic() - started < 1
    assert info.value.retry_after == 120 and info.value.code == "BUSINESS_002"
    assert len(srv.seen) == 1


async def test_429_pauses_the_whole_client(scripted):
    srv = await scripted(
        reply(429, error_envelope("BUSINESS_002"), {"Retry-After": "1"}), reply(200)
    )
    async with make(srv.base_url, max_connections=1) as sent:
        await sent.profiles.get(PROFILE_ID)
        started = time.monotonic()
        await sent.profiles.get(PROFILE_ID)  # the gate has opened: no extra wait
        assert time.monotonic() - started < 0.5


async def test_non_transient_429_is_not_retried(scripted):
    srv = await scripted(reply(429, error_envelope("LIMIT_001"), {"Retry-After": "1"}))
    async with make(srv.base_url) as sent:
        with pytest.raises(RateLimitError):
            await sent.profiles.get(PROFILE_ID)
    assert len(srv.seen) == 1


async def test_status_error_headers_are_case_insensitive_picklable_and_masked(scripted):
    key = "sk_live_HEADERS_key_123"
    headers = {"Retry-After": "120", "X-Echo": f"key={key}", "Set-Cookie": "session=abc"}
    srv = await scripted(reply(429, error_envelope("BUSINESS_002"), headers))
    async with AsyncSent(key, base_url=srv.base_url, retry=FAST_RETRY) as sent:
        with pytest.raises(RateLimitError) as info:
            await sent.profiles.get(PROFILE_ID)
    exc = info.value
    assert exc.headers.get("retry-after") == exc.headers["RETRY-AFTER"] == "120"
    assert "retry-after" in exc.headers and exc.retry_after == 120
    copy = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own bytes
    assert type(copy) is RateLimitError and str(copy) == str(exc)
    assert copy.headers.get("retry-after") == "120" and copy.code == "BUSINESS_002"
    shown = repr(exc.headers) + repr(copy.headers) + str(dict(exc.headers))
    assert key not in shown and "session=abc" not in shown


@pytest.mark.parametrize(("code", "attempts"), [("RESOURCE_007", 1), ("CONFLICT_001", 2)])
async def test_409_only_retried_when_the_key_is_in_flight(scripted, code, attempts):
    srv = await scripted(reply(409, error_envelope(code)), reply(200))
    async with make(srv.base_url) as sent:
        if attempts == 1:
            with pytest.raises(ConflictError):
                await sent.profiles.delete(PROFILE_ID)
        else:
            await sent.profiles.delete(PROFILE_ID)
    assert len(srv.seen) == attempts


async def test_x_should_retry_false_wins(scripted):
    srv = await scripted(reply(503, error_envelope("INTERNAL_005"), {"x-should-retry": "false"}))
    async with make(srv.base_url) as sent:
        with pytest.raises(InternalServerError):
            await sent.profiles.get(PROFILE_ID)
    assert len(srv.seen) == 1


@pytest.mark.parametrize(
    ("status", "cls", "attempts"),
    [
        (400, BadRequestError, 1),
        (401, AuthenticationError, 1),
        (403, PermissionDeniedError, 1),
        (404, NotFoundError, 1),
        (409, ConflictError, 1),
        (422, UnprocessableEntityError, 1),
        (418, APIStatusError, 1),
        (500, InternalServerError, 3),
        (502, InternalServerError, 3),
    ],
)
async def test_status_error_classes(scripted, status, cls, attempts):
    srv = await scripted(reply(status, error_envelope("SOME_001", "it failed")))
    async with make(srv.base_url) as sent:
        with pytest.raises(cls) as info:
            await sent.profiles.get(PROFILE_ID)
    err = info.value
    assert type(err) is cls
    assert (err.status_code, err.code, err.message, err.request_id) == (
        status,
        "SOME_001",
        "it failed",
        "req_err",
    )
    assert err.attempts == attempts == len(srv.seen)


async def test_html_502_from_a_proxy_is_a_status_error(scripted):
    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    srv = await scripted(reply(502, raw=page))
    async with make(srv.base_url, max_retries=0) as sent:
        with pytest.raises(InternalServerError) as info:
            await sent.profiles.get(PROFILE_ID)
    assert "502 Bad Gateway" in str(info.value)
    assert info.value.code is None


async def test_success_false_in_a_2xx_raises(scripted):
    srv = await scripted(reply(200, error_envelope("BUSINESS_003", "no balance")))
    async with make(srv.base_url) as sent:
        with pytest.raises(APIStatusError) as info:
            await sent.profiles.get(PROFILE_ID)
    assert info.value.code == "BUSINESS_003" and info.value.status_code == 200


@pytest.mark.parametrize("body", [b"[]", b"not json", b'{"data": {}}', b'{"success": "yes"}'])
async def test_2xx_that_is_not_an_envelope(scripted, body):
    srv = await scripted(reply(200, raw=body))
    async with make(srv.base_url) as sent:
        with pytest.raises(APIResponseValidationError):
            await sent.profiles.get(PROFILE_ID)


async def test_2xx_with_data_of_the_wrong_shape_names_the_field(scripted):
    srv = await scripted(reply(200, envelope({"id": PROFILE_ID, "created_at": 12})))
    async with make(srv.base_url) as sent:
        with pytest.raises(APIResponseValidationError, match=r"created_at") as info:
            await sent.profiles.get(PROFILE_ID)
    assert info.value.status_code == 200


async def test_unknown_fields_and_enum_values_are_kept_lenient(scripted):
    data = {
        "id": PROFILE_ID,
        "brand_new_field": 1,
        "brand": {"compliance": {"vertical": "SPACE_TOURISM", "destination_countries": None}},
    }
    srv = await scripted(reply(200, envelope(data)))
    async with make(srv.base_url) as sent:
        profile = await sent.profiles.get(PROFILE_ID)
    assert profile.brand is not None and profile.brand.compliance is not None
    assert profile.brand.compliance.vertical == "SPACE_TOURISM"
    assert profile.brand.compliance.destination_countries == []


async def test_connection_refused_is_retried_then_reported_as_not_sent():
    async with make("http://127.0.0.1:9") as sent:
        with pytest.raises(APIConnectionError) as info:
            await sent.profiles.create(name="x")
    assert info.value.outcome == "not_sent" and info.value.attempts == 3
    assert not isinstance(info.value, APITimeoutError)


async def test_read_timeout(scripted):
    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.Response()

    srv = await scripted(slow)
    async with make(srv.base_url, timeout=0.2) as sent:
        with pytest.raises(APITimeoutError) as info:
            await sent.profiles.get(PROFILE_ID)
    assert info.value.outcome == "unknown" and len(srv.seen) == 3


async def test_deadline_bounds_the_whole_call(scripted):
    async def slow(_: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.Response()

    srv = await scripted(slow)
    async with make(srv.base_url, timeout=Timeout(attempt=0.6, deadline=1.0)) as sent:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await sent.profiles.get(PROFILE_ID)
    assert time.monotonic() - started < 1.5
    assert len(srv.seen) == 1  # no new attempt with less than a second left


async def test_redirects_are_not_followed(scripted):
    elsewhere = await scripted(reply(200))
    srv = await scripted(reply(302, raw=b"", headers={"Location": elsewhere.base_url + "/steal"}))
    async with make(srv.base_url) as sent:
        with pytest.raises(APIStatusError) as info:
            await sent.profiles.get(PROFILE_ID)
    assert info.value.status_code == 302
    assert elsewhere.seen == []


async def test_response_size_cap(scripted):
    srv = await scripted(reply(200, envelope({"id": "x" * 5000})))
    async with make(srv.base_url, max_response_bytes=1000) as sent:
        with pytest.raises(APIResponseValidationError, match="max_response_bytes"):
            await sent.profiles.get(PROFILE_ID)


async def test_retry_budget_stops_retries_client_wide(scripted):
    srv = await scripted(reply(503, error_envelope("INTERNAL_005")))
    async with make(srv.base_url, retry=RetryPolicy(initial_delay=0.01, budget=5)) as sent:
        with pytest.raises(InternalServerError):
            await sent.profiles.get(PROFILE_ID)
        assert len(srv.seen) == 2  # one retry paid for, then the bucket was empty
        with pytest.raises(InternalServerError):
            await sent.profiles.get(PROFILE_ID)
        assert len(srv.seen) == 3


async def test_headers_on_the_wire(client: AsyncSent, server: FakeSent):
    await client.profiles.list()
    headers = server.requests[-1].headers
    assert headers["x-api-key"] == server.api_key
    assert headers["user-agent"].startswith("sent-sdk/") and "aiohttp/" in headers["user-agent"]


async def test_raw_response(client: AsyncSent, server: FakeSent):
    created = await client.with_raw_response.profiles.create(name="Raw")
    assert created.data.id is not None
    assert created.status_code == 200
    assert created.data.name == "Raw"
    assert created.meta.request_id == created.headers["x-request-id"] == created.request_id
    assert created.idempotency_key == server.requests[-1].headers["idempotency-key"]
    deleted = await client.with_raw_response.profiles.delete(created.data.id)
    assert deleted.status_code == 204 and deleted.data is None


async def test_use_after_close(server: FakeSent):
    sent = server.client()
    await sent.profiles.list()
    await sent.aclose()
    await sent.aclose()  # idempotent
    assert sent.is_closed
    with pytest.raises(ClientClosedError):
        await sent.profiles.list()


def test_client_is_bound_to_its_first_loop():
    with FakeSent() as server:
        sent = server.client()
        home = LoopThread("home")
        portal = home.start()
        try:
            portal.call(sent.profiles.list)
            with pytest.raises(ClientClosedError, match="event loop"):
                asyncio.run(sent.profiles.list())
        finally:
            portal.call(sent.aclose)
            home.stop()


async def test_no_secret_in_logs_reprs_or_errors(caplog, scripted):
    key = "sk_live_SECRET_key_123"
    card = {"card_number": "4111111111111111", "cvc": "987", "expiry": "12/30", "zip_code": "94104"}
    ikey = "profile-create-1"  # a random UUID key could hold "987" and fail this test by chance
    srv = await scripted(reply(500, error_envelope("INTERNAL_001")), reply(200))
    caplog.set_level(logging.DEBUG, logger="sent")
    async with AsyncSent(key, base_url=srv.base_url, retry=FAST_RETRY) as sent:
        await sent.profiles.create(name="P", payment_details=card, idempotency_key=ikey)
        text = repr(sent) + repr(sent._options) + repr(sent._core)
    srv.steps[:] = [reply(400, error_envelope("VALIDATION_001"))]
    async with AsyncSent(key, base_url=srv.base_url) as sent:
        with pytest.raises(BadRequestError) as info:
            await sent.profiles.create(name="P", payment_details=card, idempotency_key=ikey)
        text += str(info.value) + repr(info.value) + repr(info.value.headers)
    text += caplog.text
    assert "retrying POST /v3/profiles" in caplog.text  # the log exists...
    for secret in (key, "4111111111111111", "987"):
        assert secret not in text  # ...and never shows a secret
    assert json.loads(srv.seen[-1][3])["payment_details"] == card  # sent only on the wire


def test_new_keys_are_version_4_uuids_and_never_repeat():
    import uuid

    from sent_async._transport.call import new_key

    keys = [new_key() for _ in range(2000)]
    assert len(set(keys)) == len(keys)
    for key in keys[:200]:
        parsed = uuid.UUID(key)
        assert (str(parsed), parsed.version, parsed.variant) == (key, 4, uuid.RFC_4122)
