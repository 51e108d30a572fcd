"""Webhook verification, typed events, and the aiohttp receiver over real local sockets."""

from __future__ import annotations

import base64
import contextlib
import datetime
import hashlib
import hmac
import importlib.util
import io
import json
import pathlib
import time
from collections.abc import AsyncIterator, Callable
from types import ModuleType
from typing import Any
from wsgiref.util import setup_testing_defaults

import aiohttp
import anyio
import pytest
from aiohttp import web
from hypothesis import given, settings
from hypothesis import strategies as st
from multidict import CIMultiDict, CIMultiDictProxy

from sent_async.models import ChannelCompliance, InboundMessageMedia
from sent_async.webhooks import (
    CallEvent,
    ChannelEvent,
    ContactEvent,
    InboundMessageEvent,
    LinkEvent,
    MemoryDedupe,
    MessageEvent,
    TemplateEvent,
    UnknownWebhookEvent,
    WebhookEvent,
    WebhookVerificationError,
    aiohttp_handler,
    dedupe_key,
    generate_secret,
    parse_event,
    sign,
    verify,
)

KEY = bytes(range(32))
SECRET = "whsec_" + base64.b64encode(KEY).decode()
OLD_SECRET = "whsec_" + base64.b64encode(b"old-key-" * 4).decode()
WEBHOOK_ID = "0b9c3f7e-3d7a-4b8e-9c61-5a2f0d1e4c77"
NOW = 1_780_000_000
MESSAGE = {
    "field": "message",
    "event": "message.delivered",
    "timestamp": "2026-05-28T20:26:40Z",
    "request_id": "req_1",
    "payload": {"message_id": "m_1", "message_status": "DELIVERED", "channel": "sms"},
}
BODY = json.dumps(MESSAGE, separators=(",", ":")).encode()


def signed(body: bytes = BODY, secret: str = SECRET, ts: int = NOW) -> dict[str, str]:
    return sign(body, secret, webhook_id=WEBHOOK_ID, timestamp=ts)


def reason_of(body: bytes, headers: dict[str, str], secret: Any = SECRET, **kw: Any) -> str | None:
    try:
        verify(body, headers, secret, now=NOW, **kw)
    except WebhookVerificationError as exc:
        return exc.reason
    return None


def test_sign_is_the_documented_construction() -> None:
    mac = hmac.new(KEY, f"{WEBHOOK_ID}.{NOW}.".encode() + BODY, hashlib.sha256).digest()
    assert signed() == {
        "x-webhook-id": WEBHOOK_ID,
        "x-webhook-timestamp": str(NOW),
        "x-webhook-signature": "v1," + base64.b64encode(mac).decode(),
    }
    assert sign(BODY, SECRET, webhook_id="w", event_id="evt_1")["x-webhook-event-id"] == "evt_1"


def test_generate_secret() -> None:
    secret = generate_secret()
    assert secret.startswith("whsec_") and len(base64.b64decode(secret[6:])) == 32
    assert secret != generate_secret()
    assert reason_of(BODY, signed(secret=secret), secret) is None


def _with(name: str, value: str) -> dict[str, str]:
    return {**signed(), name: value}


def _without(name: str) -> dict[str, str]:
    return {k: v for k, v in signed().items() if k != name}


SIG = signed()["x-webhook-signature"]
OTHER_SIG = signed(secret=OLD_SECRET)["x-webhook-signature"]
LEGACY = "sha256=" + hmac.new(SECRET.encode(), BODY, hashlib.sha256).hexdigest()
LEGACY_DECODED_KEY = "sha256=" + hmac.new(KEY, BODY, hashlib.sha256).hexdigest()
LEGACY_PLAIN = "sha256=" + hmac.new(b"plain", BODY, hashlib.sha256).hexdigest()
NO_MATCH, MISSING, BAD_SECRET = "no_matching_signature", "missing_header", "invalid_secret"
LEGACY_ON: dict[str, Any] = {"allow_legacy": True}


def case(
    name: str,
    expected: str | None,
    *,
    body: bytes = BODY,
    headers: dict[str, str] | None = None,
    secret: Any = SECRET,
    kwargs: dict[str, Any] | None = None,
) -> Any:
    headers = signed() if headers is None else headers
    return pytest.param(body, headers, secret, kwargs or {}, expected, id=name)


CASES = [
    case("valid", None),
    case("tampered body", NO_MATCH, body=BODY.replace(b"DELIVERED", b"FAILED")),
    case("tampered timestamp", NO_MATCH, headers=_with("x-webhook-timestamp", str(NOW + 1))),
    case("tampered webhook id", NO_MATCH, headers=_with("x-webhook-id", "other")),
    case("at the tolerance edge", None, headers=signed(ts=NOW - 300)),
    case("expired", "timestamp_too_old", headers=signed(ts=NOW - 301)),
    case("future", "timestamp_too_new", headers=signed(ts=NOW + 301)),
    case(
        "own tolerance", "timestamp_too_old", headers=signed(ts=NOW - 20), kwargs={"tolerance": 10}
    ),
    case("wrong secret", NO_MATCH, secret=OLD_SECRET),
    case("rotation: new signed", None, secret=[OLD_SECRET, SECRET]),
    case(
        "rotation: old signed", None, headers=signed(secret=OLD_SECRET), secret=[OLD_SECRET, SECRET]
    ),
    case("rotation: tuple", None, secret=(SECRET,)),
    case("several signatures", None, headers=_with("x-webhook-signature", f"{OTHER_SIG} {SIG}")),
    case("unknown version", None, headers=_with("x-webhook-signature", f"v2,{SIG[3:]} {SIG}")),
    case("only unknown version", NO_MATCH, headers=_with("x-webhook-signature", f"v2,{SIG[3:]}")),
    case("missing signature", MISSING, headers=_without("x-webhook-signature")),
    case("missing id", MISSING, headers=_without("x-webhook-id")),
    case("missing timestamp", MISSING, headers=_without("x-webhook-timestamp")),
    case("blank signature", MISSING, headers=_with("x-webhook-signature", "  ")),
    case("no headers", MISSING, headers={}),
    case(
        "timestamp not a number", "invalid_timestamp", headers=_with("x-webhook-timestamp", "1e9")
    ),
    case("timestamp in ms", "invalid_timestamp", headers=signed(ts=NOW * 1000)),
    case("upper-case names", None, headers={k.upper(): v for k, v in signed().items()}),
    case("title-case names", None, headers={k.title(): v for k, v in signed().items()}),
    case("re-serialized body", NO_MATCH, body=json.dumps(json.loads(BODY)).encode()),
    case("secret with a newline", None, secret=SECRET + "\n"),
    case("legacy disabled", "legacy_scheme_disabled", headers=_with("x-webhook-signature", LEGACY)),
    case("legacy: secret string", None, headers={"X-Webhook-Signature": LEGACY}, kwargs=LEGACY_ON),
    case(
        "legacy: decoded key",
        None,
        headers={"x-webhook-signature": LEGACY_DECODED_KEY},
        kwargs=LEGACY_ON,
    ),
    case(
        "legacy: plain secret",
        None,
        headers={"x-webhook-signature": LEGACY_PLAIN},
        secret="plain",
        kwargs=LEGACY_ON,
    ),
    case(
        "legacy: tampered",
        NO_MATCH,
        body=b"{}",
        headers={"x-webhook-signature": LEGACY},
        kwargs=LEGACY_ON,
    ),
    case(
        "legacy: bad hex", NO_MATCH, headers={"x-webhook-signature": "sha256=zz"}, kwargs=LEGACY_ON
    ),
    case("v1 with legacy on", None, kwargs=LEGACY_ON),
    case("plain secret, no legacy", BAD_SECRET, secret="plain"),
    case("raw base64 secret", BAD_SECRET, secret=SECRET[6:]),
    case("bad base64 secret", BAD_SECRET, secret="whsec_!!!"),
    case("empty whsec_", BAD_SECRET, secret="whsec_"),
    case("empty secret", BAD_SECRET, secret=""),
    case("no secrets", BAD_SECRET, secret=[]),
    case("one bad secret in a list", BAD_SECRET, secret=[SECRET, "whsec_%%"]),
]


@pytest.mark.parametrize(("body", "headers", "secret", "kwargs", "expected"), CASES)
def test_verify(
    body: bytes, headers: dict[str, str], secret: Any, kwargs: dict[str, Any], expected: str | None
) -> None:
    assert reason_of(body, headers, secret, **kwargs) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "v1",
        "v1,",
        "v1,!!!notbase64",
        "v1,abc,def",
        "garbage",
        ",",
        "v1,\u00e9\u00e9",
        "v1 v1 ,",
        "v1,YWJj",
        "v1,=",
        "sha256",
        "v1,A====",
    ],
)
def test_malformed_signature_entries_only_fail_verification(bad: str) -> None:
    assert reason_of(BODY, _with("x-webhook-signature", bad)) == NO_MATCH
    good_too = _with("x-webhook-signature", f"{bad} {SIG}")
    assert reason_of(BODY, good_too) is None


@settings(database=None, max_examples=200, deadline=None)
@given(signature=st.text(), stamp=st.text(), webhook_id=st.text(), body=st.binary())
def test_arbitrary_headers_raise_only_verification_errors(
    signature: str, stamp: str, webhook_id: str, body: bytes
) -> None:
    headers = {
        "x-webhook-signature": signature,
        "x-webhook-timestamp": stamp,
        "x-webhook-id": webhook_id,
    }
    for legacy in (False, True):
        with contextlib.suppress(WebhookVerificationError):
            parse_event(body, headers, SECRET, allow_legacy=legacy, now=NOW)


def test_aiohttp_headers_and_current_time() -> None:
    headers = CIMultiDictProxy(CIMultiDict(signed(ts=NOW)))
    verify(BODY, headers, SECRET, now=NOW)
    fresh = sign(BODY, SECRET, webhook_id=WEBHOOK_ID)
    verify(BODY, fresh, SECRET)  # now defaults to the clock


def test_text_instead_of_bytes_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="raw request body bytes"):
        verify(BODY.decode(), signed(), SECRET)  # type: ignore[arg-type]


def test_secrets_and_signatures_never_in_errors() -> None:
    texts = []
    for param in CASES:
        body, headers, secret, kwargs, expected = param.values
        if expected is not None:
            with pytest.raises(WebhookVerificationError) as info:
                verify(body, headers, secret, now=NOW, **kwargs)
            texts.append(str(info.value) + repr(info.value) + repr(info.value.args))
    text = "\n".join(texts)
    for needle in (
        SECRET,
        SECRET[6:],
        OLD_SECRET[6:],
        SIG[3:],
        OTHER_SIG[3:],
        LEGACY[7:],
        KEY.hex(),
        "plain",
    ):
        assert needle not in text


# --- parse_event ----------------------------------------------------------------------------


def parse(doc: Any, extra: dict[str, str] | None = None) -> WebhookEvent:
    body = json.dumps(doc).encode()
    return parse_event(body, {**signed(body), **(extra or {})}, SECRET, now=NOW)


def test_message_event() -> None:
    event = parse(MESSAGE, {"X-Webhook-Event-ID": "evt_1"})  # any case
    assert isinstance(event, MessageEvent)
    assert event.payload.message_status == "DELIVERED" and event.payload.message_id == "m_1"
    assert (event.field, event.event, event.request_id, event.event_id) == (
        "message",
        "message.delivered",
        "req_1",
        "evt_1",
    )
    assert event.timestamp == datetime.datetime(
        2026, 5, 28, 20, 26, 40, tzinfo=datetime.timezone.utc
    )
    assert event.raw == MESSAGE


FAMILIES: list[tuple[dict[str, Any], type[WebhookEvent], Callable[[Any], bool]]] = [
    (
        {
            "field": "message",
            "event": "message.received",
            "payload": {
                "inbound_number": "+15550001",
                "received_at": "2026-05-28T20:26:40Z",
                "text": "hi",
                "media": [{"url": "https://x.example/a.jpg", "size_bytes": 10}],
            },
        },
        InboundMessageEvent,
        lambda p: (
            p.text == "hi"
            and isinstance(p.media[0], InboundMessageMedia)
            and p.media[0].size_bytes == 10
        ),
    ),
    (
        {
            "field": "templates",
            "payload": {"status": "APPROVED", "whatsapp_template_id": "w1", "template_name": "otp"},
        },
        TemplateEvent,
        lambda p: p.status == "APPROVED" and p.template_name == "otp",
    ),
    (
        {
            "field": "contact",
            "event": "contact.opt_out",
            "payload": {
                "opt_out": True,
                "source": "keyword",
                "from": "+15550001",
                "contact_id": "c1",
            },
        },
        ContactEvent,
        lambda p: p.opt_out is True and p.from_ == "+15550001",
    ),
    (
        {
            "field": "call",
            "event": "call.completed",
            "payload": {"call_id": "call_1", "duration_seconds": 42, "price": 0.01},
        },
        CallEvent,
        lambda p: p.duration_seconds == 42 and p.price == 0.01,
    ),
    (
        {
            "field": "channels",
            "event": "channel.live",
            "payload": {"country": "US", "status": "ACTIVE", "compliance": {"brand": {"id": "b1"}}},
        },
        ChannelEvent,
        lambda p: isinstance(p.compliance, ChannelCompliance) and p.country == "US",
    ),
    (
        {"event": "link.clicked", "payload": {"record_id": "r1", "status_code": 302}},
        LinkEvent,
        lambda p: p.record_id == "r1" and p.status_code == 302,
    ),
]


@pytest.mark.parametrize(
    ("doc", "cls", "check"), FAMILIES, ids=[c.__name__ for _, c, _ in FAMILIES]
)
def test_each_family_is_typed(
    doc: dict[str, Any], cls: type[WebhookEvent], check: Callable[[Any], bool]
) -> None:
    event = parse(doc)
    assert type(event) is cls
    assert check(event.payload)  # type: ignore[attr-defined]


def test_pre_may_2026_envelope_names() -> None:
    event = parse(
        {
            "field": "message",
            "sub_type": "message.failed",
            "value": {"message_status": "FAILED", "reason_code": "E1"},
        }
    )
    assert isinstance(event, MessageEvent) and event.event == "message.failed"
    assert event.payload.reason_code == "E1"
    inbound = parse(
        {
            "field": "message",
            "sub_type": "received",
            "value": {"inbound_number": "+1", "received_at": "2026-05-28T20:26:40Z"},
        }
    )
    assert isinstance(inbound, InboundMessageEvent)


@pytest.mark.parametrize(
    "doc",
    [
        {"field": "billing", "event": "billing.low_balance", "payload": {"balance": 1}},
        {"event": "something"},
        {},
        {"field": "message", "event": "message.sent", "payload": {"no_status": True}},
        {"field": "message", "payload": ["not", "an", "object"]},
        {"field": 7, "timestamp": "yesterday", "event": ["x"]},
    ],
)
def test_unknown_or_unfit_events_are_kept_raw(doc: dict[str, Any]) -> None:
    event = parse(doc)
    assert type(event) is UnknownWebhookEvent and event.raw == doc
    assert event.event_id is None


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'"text"', b"\xff\xfe", b"[" * 100_000])
def test_verified_body_that_is_not_a_json_object(body: bytes) -> None:
    with pytest.raises(WebhookVerificationError) as info:
        parse_event(body, signed(body), SECRET, now=NOW)
    assert info.value.reason == "invalid_payload"
    with pytest.raises(WebhookVerificationError) as info:  # nothing is parsed before verifying
        parse_event(body, signed(), SECRET, now=NOW)
    assert info.value.reason == "no_matching_signature"


# --- the aiohttp receiver, over real sockets ----------------------------------------------


@contextlib.asynccontextmanager
async def serve(handler: Any) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post("/hook", handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    finally:
        await runner.cleanup()


async def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=headers) as response,
    ):
        return response.status, await response.json()


class Recorder:
    def __init__(self, failures: int = 0) -> None:
        self.events: list[WebhookEvent] = []
        self.failures = failures

    async def __call__(self, event: WebhookEvent) -> None:
        self.events.append(event)
        if self.failures:
            self.failures -= 1
            raise RuntimeError("database down")


@pytest.mark.anyio
async def test_receiver_valid_then_duplicate() -> None:
    on_event = Recorder()
    async with serve(aiohttp_handler(SECRET, on_event)) as url:
        first = sign(BODY, SECRET, webhook_id=WEBHOOK_ID, event_id="evt_1")
        assert await post(url, BODY, first) == (200, {"ok": True})
        assert await post(url, BODY, first) == (200, {"ok": True, "duplicate": True})
        retry = sign(
            BODY,
            SECRET,
            webhook_id=WEBHOOK_ID,
            event_id="evt_1",
            timestamp=int(first["x-webhook-timestamp"]) + 60,
        )  # re-signed retry
        assert await post(url, BODY, retry) == (200, {"ok": True, "duplicate": True})
        body_2 = json.dumps({**MESSAGE, "request_id": "req_2"}).encode()
        other = sign(body_2, SECRET, webhook_id=WEBHOOK_ID, event_id="evt_2")
        assert await post(url, body_2, other) == (200, {"ok": True})
    assert [e.event_id for e in on_event.events] == ["evt_1", "evt_2"]
    assert isinstance(on_event.events[0], MessageEvent)


@pytest.mark.anyio
async def test_receiver_replay_with_a_forged_event_id_runs_once() -> None:
    """x-webhook-event-id is not signed: changing or dropping it must not make a new event."""
    on_event = Recorder()
    captured = sign(BODY, SECRET, webhook_id=WEBHOOK_ID, event_id="evt_1")
    async with serve(aiohttp_handler(SECRET, on_event)) as url:
        assert await post(url, BODY, captured) == (200, {"ok": True})
        forged = {**captured, "x-webhook-event-id": "evt_forged"}
        assert await post(url, BODY, forged) == (200, {"ok": True, "duplicate": True})
        stripped = {k: v for k, v in captured.items() if k != "x-webhook-event-id"}
        assert await post(url, BODY, stripped) == (200, {"ok": True, "duplicate": True})
    assert len(on_event.events) == 1


@pytest.mark.anyio
async def test_receiver_keys_on_the_endpoint_too() -> None:
    """The same body signed for two endpoints (x-webhook-id is signed) is two deliveries."""
    on_event = Recorder()
    async with serve(aiohttp_handler(SECRET, on_event)) as url:
        for endpoint in (WEBHOOK_ID, "5d1c6a0e-0000-4000-8000-000000000002"):
            assert await post(url, BODY, sign(BODY, SECRET, webhook_id=endpoint)) == (
                200,
                {"ok": True},
            )
    assert len(on_event.events) == 2


def test_dedupe_key_covers_what_the_signature_covers() -> None:
    headers = sign(BODY, SECRET, webhook_id=WEBHOOK_ID, timestamp=NOW, event_id="evt_1")
    key = dedupe_key(BODY, headers)
    later = sign(BODY, SECRET, webhook_id=WEBHOOK_ID, timestamp=NOW + 60, event_id="evt_9")
    assert dedupe_key(BODY, later) == key  # a re-signed retry, whatever its event-id header
    assert dedupe_key(BODY + b" ", headers) != key
    assert dedupe_key(BODY, {**headers, "x-webhook-id": "other"}) != key
    legacy = {"x-webhook-signature": "sha256=00", "x-webhook-id": "ignored: not signed"}
    assert dedupe_key(BODY, legacy) == dedupe_key(BODY, {**legacy, "x-webhook-id": "x"})


@pytest.mark.anyio
async def test_receiver_without_event_id_dedupes_on_the_body() -> None:
    on_event = Recorder()
    async with serve(aiohttp_handler([OLD_SECRET, SECRET], on_event)) as url:
        for ts_shift in (0, 30):
            headers = sign(
                BODY, SECRET, webhook_id=WEBHOOK_ID, timestamp=int(time.time()) + ts_shift
            )
            assert (await post(url, BODY, headers))[0] == 200
    assert len(on_event.events) == 1


@pytest.mark.anyio
async def test_receiver_rejects_bad_signatures_without_echoing_secrets() -> None:
    on_event = Recorder()
    async with serve(aiohttp_handler(SECRET, on_event)) as url:
        headers = sign(BODY, OLD_SECRET, webhook_id=WEBHOOK_ID, event_id="evt_1")
        status, answer = await post(url, BODY, headers)
        assert (status, answer) == (400, {"ok": False, "reason": "no_matching_signature"})
        status, answer = await post(url, b"{}", {})
        assert (status, answer) == (400, {"ok": False, "reason": "missing_header"})
    assert on_event.events == []
    assert SECRET[6:] not in json.dumps(answer)


@pytest.mark.anyio
async def test_receiver_failure_answers_500_and_the_retry_is_processed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    on_event = Recorder(failures=1)
    async with serve(aiohttp_handler(SECRET, on_event)) as url:
        headers = sign(BODY, SECRET, webhook_id=WEBHOOK_ID, event_id="evt_1")
        assert await post(url, BODY, headers) == (500, {"ok": False, "reason": "handler_error"})
        assert await post(url, BODY, headers) == (200, {"ok": True})
        assert await post(url, BODY, headers) == (200, {"ok": True, "duplicate": True})
    assert len(on_event.events) == 2
    assert "on_event failed" in caplog.text and SECRET not in caplog.text


@pytest.mark.anyio
async def test_receiver_concurrent_duplicate_while_in_flight() -> None:
    started, release = anyio.Event(), anyio.Event()
    calls = 0

    async def slow(_: WebhookEvent) -> None:
        nonlocal calls
        calls += 1
        started.set()
        await release.wait()

    results: list[tuple[int, Any]] = []
    headers = sign(BODY, SECRET, webhook_id=WEBHOOK_ID, event_id="evt_1")
    async with serve(aiohttp_handler(SECRET, slow)) as url:

        async def first() -> None:
            results.append(await post(url, BODY, headers))

        async with anyio.create_task_group() as tg:
            tg.start_soon(first)
            await started.wait()
            assert await post(url, BODY, headers) == (409, {"ok": False, "reason": "in_progress"})
            release.set()
    assert results == [(200, {"ok": True})] and calls == 1


def test_receiver_refuses_a_bad_secret_up_front() -> None:
    with pytest.raises(WebhookVerificationError) as info:
        aiohttp_handler("not-a-secret", Recorder())
    assert info.value.reason == "invalid_secret"


@pytest.mark.anyio
async def test_memory_dedupe_is_bounded_lru() -> None:
    store = MemoryDedupe(max_entries=2)
    assert [await store.seen(k) for k in ("a", "b", "a")] == [False, False, True]
    assert await store.seen("c") is False  # evicts "b", the least recently used
    assert await store.seen("a") is True
    assert await store.seen("b") is False
    await store.forget("b")
    assert await store.seen("b") is False
    with pytest.raises(ValueError, match="max_entries"):
        MemoryDedupe(max_entries=0)


# --- examples -------------------------------------------------------------------------------

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"


def load_example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_aiohttp_example_imports() -> None:
    module = load_example("webhook_receiver_aiohttp")
    assert callable(module.main)
    assert isinstance(module.make_app([SECRET]), web.Application)


def test_wsgi_example_answers_in_process() -> None:
    module = load_example("webhook_receiver_wsgi")
    assert callable(module.main)
    app = module.make_app([SECRET])
    fresh = sign(BODY, SECRET, webhook_id=WEBHOOK_ID)

    def call(headers: dict[str, str]) -> tuple[str, Any]:
        environ: dict[str, Any] = {
            "REQUEST_METHOD": "POST",
            "CONTENT_LENGTH": str(len(BODY)),
            "wsgi.input": io.BytesIO(BODY),
        }
        environ.update({"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()})
        setup_testing_defaults(environ)
        statuses: list[str] = []
        chunks = app(environ, lambda status, _headers: statuses.append(status))
        return statuses[0], json.loads(b"".join(chunks))

    assert call(fresh) == ("200 OK", {"ok": True})
    assert call({}) == ("400 Bad Request", {"ok": False, "reason": "missing_header"})
