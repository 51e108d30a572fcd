"""Bad input is refused locally, with a ValueError-kind SentValidationError, sending nothing."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from sent_async import AsyncSent, SentValidationError
from sent_async.testing import FakeSent

from .support import API_KEY, CARD, PROFILE_ID

pytestmark = pytest.mark.anyio

NOW = datetime.datetime.now(datetime.timezone.utc)
PAYMENT = {"card_number": CARD, "cvc": "123", "expiry": "12/30", "zip_code": "94104"}
Call = Callable[[AsyncSent], Awaitable[Any]]

BAD_CALLS: dict[str, Call] = {
    "non-UUID id": lambda s: s.profiles.get("not-a-uuid"),
    "empty id": lambda s: s.profiles.get(""),
    "dot-dot id": lambda s: s.voice.calls.get(".."),
    "slash in id": lambda s: s.voice.calls.get("a/b"),
    "encoded traversal": lambda s: s.voice.calls.get("%2e%2e"),
    "CR/LF in id": lambda s: s.profiles.get(PROFILE_ID + "\r\nX-Evil: 1"),
    "CR/LF in idempotency key": lambda s: s.profiles.create(
        name="x", idempotency_key="k\r\nX-Evil: 1"
    ),
    "idempotency key too long": lambda s: s.profiles.create(name="x", idempotency_key="k" * 256),
    "idempotency key with a space": lambda s: s.profiles.create(name="x", idempotency_key="a b"),
    "non-E.164 recipient": lambda s: s.messages.send(to="0044 20 7946 0000", text="hi"),
    "E.164 without plus": lambda s: s.messages.send(to="14155550123", text="hi"),
    "non-E.164 contact": lambda s: s.contacts.create(phone_number="+0123"),
    "naive scheduled_at": lambda s: s.messages.send(
        to="+14155550123", text="hi", scheduled_at=datetime.datetime(2030, 1, 1)
    ),
    "scheduled_at in the past": lambda s: s.messages.send(
        to="+14155550123", text="hi", scheduled_at=NOW - datetime.timedelta(hours=1)
    ),
    "scheduled_at too far ahead": lambda s: s.messages.send(
        to="+14155550123", text="hi", scheduled_at=NOW + datetime.timedelta(days=400)
    ),
    "payment_details with organization billing": lambda s: s.profiles.create(
        name="x", billing_model="organization", payment_details=PAYMENT
    ),
    "brand with inherit_tcr_brand": lambda s: s.profiles.create(
        name="x", inherit_tcr_brand=True, brand={"contact": {"name": "J"}}
    ),
}


@pytest.mark.parametrize("case", list(BAD_CALLS))
async def test_bad_call_is_refused_before_sending(case: str):
    async with FakeSent(api_key=API_KEY) as fake, fake.client() as sent:
        with pytest.raises(SentValidationError) as info:
            await BAD_CALLS[case](sent)
        assert fake.requests == []
    assert isinstance(info.value, ValueError)
    assert CARD not in str(info.value) and API_KEY not in str(info.value)


BAD_CLIENTS: dict[str, dict[str, Any]] = {
    "empty API key": {"api_key": ""},
    "blank API key": {"api_key": "   "},
    "API key with CR/LF": {"api_key": "sk_live\r\nX-Evil: 1"},
    "plain http to a remote host": {"base_url": "http://api.sent.dm"},
    "plain http to a look-alike host": {"base_url": "http://127.0.0.1.evil.example"},
    "credentials in base_url": {"base_url": "https://user:pw@api.sent.dm"},
    "no scheme": {"base_url": "api.sent.dm"},
}


@pytest.mark.parametrize("case", list(BAD_CLIENTS))
def test_bad_client_settings_are_refused(case: str):
    kw = {"api_key": API_KEY, **BAD_CLIENTS[case]}
    with pytest.raises(SentValidationError) as info:
        AsyncSent(**kw)
    assert API_KEY not in str(info.value)


@pytest.mark.parametrize("bad", ["", "not-a-uuid", PROFILE_ID + "\n", "../" + PROFILE_ID])
def test_bad_profile_scope_is_refused(bad: str):
    with pytest.raises(SentValidationError):
        AsyncSent(API_KEY, base_url="http://127.0.0.1:1").for_profile(bad)


async def test_a_malformed_nested_input_is_a_validation_error():
    async with FakeSent(api_key=API_KEY) as fake, fake.client() as sent:
        with pytest.raises(SentValidationError) as info:
            await sent.profiles.create(
                name="x", billing_model="profile", payment_details={"card_number": CARD}
            )
        assert fake.requests == []
    assert CARD not in str(info.value) and "payment_details.cvc" in str(info.value)


@pytest.mark.parametrize("payment", [{**PAYMENT, "cvc": ["123"]}, "4111 1111 1111 1111"])
async def test_a_wrongly_typed_nested_input_is_a_validation_error(payment: Any):
    async with FakeSent(api_key=API_KEY) as fake, fake.client() as sent:
        with pytest.raises(SentValidationError):
            await sent.profiles.create(name="x", billing_model="profile", payment_details=payment)
        assert fake.requests == []
