"""Secrets (API key, card data, WhatsApp token, webhook secrets) never leave the wire.

The ``hygiene`` fixture already fails any test whose DEBUG log (bodies included) shows one;
these scenarios push secrets through every path that could show them.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from aiohttp import web

from sent_async import APIResponseValidationError, BadRequestError
from sent_async.testing import FakeSent

from .support import (
    ACCESS_TOKEN,
    API_KEY,
    CARD,
    CVC,
    SECRETS,
    SIGNING_SECRET,
    client,
    envelope,
    raises_sdk,
    serve_app,
)

pytestmark = pytest.mark.anyio

PAYMENT = {"card_number": CARD, "cvc": CVC, "expiry": "12/30", "zip_code": "94104"}
WEBHOOK_ID = "9a0e8400-e29b-41d4-a716-446655440009"


async def test_secrets_in_requests_and_responses_stay_out_of_logs_and_reprs(caplog):
    async with FakeSent(api_key=API_KEY) as fake, client(fake.base_url) as sent:
        profile = await sent.profiles.create(
            name="Secretive", billing_model="profile", payment_details=PAYMENT
        )
        hook = await sent.webhooks.create(
            display_name="hook", endpoint_url="https://example.com/h", event_types=["message"]
        )
        rotated = await sent.webhooks.rotate_secret(str(hook.id))
        wire = fake.requests[0].json()
        shown = repr(profile) + repr(hook) + repr(rotated) + repr(sent) + repr(sent._options)
    assert wire["payment_details"]["card_number"] == CARD  # it did go over the wire
    generated = [hook.signing_secret, rotated.signing_secret]
    assert all(generated)
    for secret in [*SECRETS, *generated]:
        assert secret not in caplog.text and secret not in shown  # type: ignore[operator]
    bodies = [r.getMessage() for r in caplog.records if r.name == "sent.bodies"]
    assert any("POST /v3/profiles request body" in b and "[redacted]" in b for b in bodies)
    assert any("signing_secret" in b and "[redacted]" in b for b in bodies)


async def test_an_error_echoing_the_request_shows_no_secret():
    async def echo(request: web.Request) -> web.Response:
        sent_body = await request.json()
        doc = {
            "success": False,
            "data": None,
            "error": {"code": "VALIDATION_001", "message": "bad", "details": sent_body},
            "meta": {"request_id": "req_echo"},
        }
        headers = {"x-echo-api-key": request.headers["x-api-key"], "set-cookie": "s=" + API_KEY}
        return web.json_response(doc, status=400, headers=headers)

    app = web.Application()
    app.router.add_post("/v3/profiles", echo)
    account = {"access_token": ACCESS_TOKEN, "waba_id": "1234"}
    async with serve_app(app) as url, client(url) as sent:
        with raises_sdk(BadRequestError) as info:
            await sent.profiles.create(
                name="x",
                billing_model="profile",
                payment_details=PAYMENT,
                whatsapp_business_account=account,
            )
    err = info.value
    shown = str(err) + repr(err) + repr(err.__dict__) + json.dumps(err.body, default=str)
    assert err.request_id == "req_echo"
    for secret in SECRETS:
        assert secret not in shown


@pytest.mark.parametrize(
    "data",
    [
        {"id": WEBHOOK_ID, "signing_secret": {"oops": SIGNING_SECRET}},
        {"id": WEBHOOK_ID, "signing_secret": SIGNING_SECRET, "created_at": "MARKER-2026"},
    ],
)
async def test_a_malformed_response_is_reported_without_quoting_values(data: dict[str, Any]):
    async def answer(request: web.Request) -> web.Response:
        return web.json_response(envelope(data))

    app = web.Application()
    app.router.add_get("/v3/webhooks/{id}", answer)
    async with serve_app(app) as url, client(url) as sent:
        with raises_sdk(APIResponseValidationError) as info:
            await sent.webhooks.get(WEBHOOK_ID)
    err = info.value
    shown = str(err) + repr(err) + repr(err.__dict__) + repr(err.__cause__) + repr(err.__context__)
    assert "data." in str(err)  # the path of the bad field is named, its value is not
    assert "MARKER" not in str(err) and "oops" not in str(err)
    for secret in SECRETS:
        assert secret not in shown


async def test_debug_lines_say_what_happened_without_the_query(caplog):
    async with FakeSent(api_key=API_KEY) as fake, client(fake.base_url) as sent:
        fake.fail_next(503, method="GET")
        await sent.contacts.list(search="+14155550123", page_size=5).fetch(1)
    lines = [r for r in caplog.records if r.name == "sent" and r.levelno == logging.DEBUG]
    attempts = [r for r in lines if hasattr(r, "sent_attempt")]
    assert [(r.sent_method, r.sent_path, r.sent_outcome, r.sent_attempt) for r in attempts] == [
        ("GET", "/v3/contacts", "503", 1),
        ("GET", "/v3/contacts", "200", 2),
    ]
    assert all(r.sent_elapsed >= 0 and r.sent_request_id for r in attempts)
    retry = [r for r in caplog.records if r.levelno == logging.INFO]
    assert len(retry) == 1 and "retrying GET /v3/contacts" in retry[0].getMessage()
    assert "14155550123" not in caplog.text and "search" not in caplog.text
