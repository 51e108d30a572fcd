"""``with_raw_response``: every call has a raw twin (lists and nested views too), async and sync,
each keeping its signature, validation and deprecation warning, and answering ``RawResponse``."""

from __future__ import annotations

import inspect
import warnings
from collections.abc import Iterator
from typing import Any

import anyio
import pytest

from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async._pagination import AsyncPage
from sent_async._response import RawResponse
from sent_async.resources._base import AsyncResource
from sent_async.resources.profiles import AsyncProfiles
from sent_async.testing import FakeSent
from sent_sync import Sent
from sent_sync._portal import Page, SyncResource
from sent_sync.resources.profiles import Profiles

from .support import FAST_RETRY, rearm

PHONES = [f"+1415555020{i}" for i in range(5)]
MISSING_ID = "00000000-0000-4000-8000-000000000000"
NO_RAW = {"send_many", "create_many"}  # many requests each: one raw response would mislead


@pytest.fixture
def fake() -> Iterator[FakeSent]:
    with FakeSent() as server:
        yield server


def _calls(resource: object) -> dict[str, str]:
    """Public members of a resource: name -> "call" (coroutine or paged list) or "view"."""
    out = {}
    for name, member in inspect.getmembers(type(resource)):
        if name.startswith("_") or name in NO_RAW | {"aclose", "with_raw_response", "bulk"}:
            continue
        paged = inspect.isfunction(member) and "AsyncPager[" in member.__annotations__["return"]
        if inspect.iscoroutinefunction(member) or paged:
            if not isinstance(resource, AsyncSent | Sent):  # client.request & co.: no raw twin
                out[name] = "call"
        elif isinstance(getattr(resource, name), AsyncResource | SyncResource):
            out[name] = "view"
    return out


def _walk(plain: object, raw: object, sync_plain: object, sync_raw: object) -> int:
    """Check every raw twin under one resource (and its nested views); return how many."""
    checked = 0
    for name, kind in _calls(plain).items():
        if kind == "view":
            args = (getattr(x, name) for x in (plain, raw, sync_plain, sync_raw))
            checked += _walk(*args)
            continue
        for base, twin in ((plain, raw), (sync_plain, sync_raw)):
            method, mirror = getattr(base, name), getattr(twin, name)
            where = f"{type(twin).__name__}.{name}"
            assert inspect.signature(mirror).parameters == inspect.signature(method).parameters
            assert inspect.getdoc(mirror) == inspect.getdoc(method), where
        assert inspect.iscoroutinefunction(getattr(raw, name)), name
        assert not inspect.iscoroutinefunction(getattr(sync_raw, name)), name
        checked += 1
    return checked


@pytest.mark.anyio
async def test_every_call_has_a_raw_twin_with_its_signature(
    client: AsyncSent, server: FakeSent
) -> None:
    with Sent(server.api_key, base_url=server.base_url) as sent:
        checked = _walk(client, client.with_raw_response, sent, sent.with_raw_response)
    assert checked >= 60  # every call of every API family, nested ones included


@pytest.mark.anyio
async def test_async_list_answers_the_first_page(client: AsyncSent, fake_phones: None) -> None:
    raw = await client.with_raw_response.contacts.list(page_size=2)
    assert isinstance(raw, RawResponse) and isinstance(raw.data, AsyncPage)
    assert raw.status_code == 200 and raw.request_id
    assert [c.phone_number for c in raw.data.items] == PHONES[:2]
    assert raw.data.pagination is not None and raw.data.pagination.has_more
    assert [c.phone_number async for c in raw.data] == PHONES  # later pages as usual


def test_sync_list_and_nested_views(fake: FakeSent) -> None:
    with Sent(fake.api_key, base_url=fake.base_url, retry=FAST_RETRY) as sent:
        for phone in PHONES:
            sent.contacts.create(phone_number=phone)
        raw = sent.with_raw_response.contacts.list(page_size=2)
        assert isinstance(raw.data, Page) and raw.status_code == 200
        assert [c.phone_number for c in raw.data.items] == PHONES[:2]
        assert [c.phone_number for c in raw.data] == PHONES
        calls = sent.with_raw_response.voice.calls.list(status="in_progress")
        call_id = calls.data.items[0].id
        assert call_id is not None
        participants = sent.with_raw_response.voice.calls.participants.list(call_id)
        assert participants.status_code == 200 and isinstance(participants.data, list)
        created = sent.with_raw_response.channels.voice.create(
            callback_url="https://hooks.example/voice", area_code="212"
        )
        assert created.status_code == 202 and created.data.number
        assert created.idempotency_key == fake.requests[-1].headers["idempotency-key"]


@pytest.mark.anyio
async def test_async_nested_views(client: AsyncSent) -> None:
    calls = await client.with_raw_response.voice.calls.list(status="in_progress")
    call_id = calls.data.items[0].id
    assert call_id is not None
    participants = await client.with_raw_response.voice.calls.participants.list(call_id)
    assert participants.status_code == 200 and participants.data
    assert participants.request_id != calls.request_id  # each call its own response
    assert client.with_raw_response.voice.calls is client.with_raw_response.voice.calls


@pytest.mark.anyio
async def test_concurrent_raw_calls_keep_their_own_responses(client: AsyncSent) -> None:
    ids = [(await client.contacts.create(phone_number=p)).id for p in PHONES[:4]]
    got: dict[str, RawResponse[Any]] = {}

    async def fetch(contact_id: str) -> None:
        got[contact_id] = await client.with_raw_response.contacts.get(contact_id)

    async with anyio.create_task_group() as tg:
        for contact_id in ids:
            assert contact_id is not None
            tg.start_soon(fetch, contact_id)
    assert {k: v.data.id for k, v in got.items()} == {i: i for i in ids}
    assert len({v.request_id for v in got.values()}) == len(ids)


@pytest.mark.anyio
async def test_bad_input_is_refused_before_sending(client: AsyncSent, server: FakeSent) -> None:
    before = len(server.requests)
    with pytest.raises(SentValidationError):
        await client.with_raw_response.contacts.get("../../v3/me")
    with pytest.raises(SentValidationError):
        await client.with_raw_response.contacts.list(page_size=0)
    assert len(server.requests) == before


@pytest.mark.anyio
async def test_errors_are_raised_as_by_the_plain_call(client: AsyncSent, server: FakeSent) -> None:
    server.fail_next(503, times=1)  # retried: only the answer that succeeded is captured
    me = await client.with_raw_response.me.get()
    assert me.status_code == 200 and server.requests[-1].headers.get("x-sent-retry-count") == "1"
    with pytest.raises(NotFoundError):
        await client.with_raw_response.contacts.get(MISSING_ID)


@pytest.mark.anyio
async def test_async_raw_call_warns_like_the_plain_call(client: AsyncSent) -> None:
    with warnings.catch_warnings():  # create warns once per process: maybe not here
        warnings.simplefilter("ignore", DeprecationWarning)
        profile = await client.profiles.create(name="Raw")
    assert profile.id
    rearm(AsyncProfiles.get)
    with pytest.warns(DeprecationWarning, match=r"AsyncProfiles\.get: deprecated by Sent") as w:
        raw = await client.with_raw_response.profiles.get(profile.id)
    assert raw.data.id == profile.id and raw.status_code == 200
    assert len(w) == 1 and w[0].filename == __file__  # points at the caller's line
    rearm(AsyncProfiles.get)
    with pytest.warns(DeprecationWarning, match="AsyncProfiles.get") as plain:
        await client.profiles.get(profile.id)
    assert plain[0].filename == __file__ and str(plain[0].message) == str(w[0].message)


def test_sync_raw_call_warns_like_the_plain_call(fake: FakeSent) -> None:
    with Sent(fake.api_key, base_url=fake.base_url, retry=FAST_RETRY) as sent:
        with warnings.catch_warnings():  # create warns once per process: maybe not here
            warnings.simplefilter("ignore", DeprecationWarning)
            profile = sent.profiles.create(name="Raw sync")
        assert profile.id
        rearm(Profiles.get)
        with pytest.warns(DeprecationWarning, match=r"^Profiles\.get: deprecated by Sent") as w:
            raw = sent.with_raw_response.profiles.get(profile.id)
        assert raw.data.id == profile.id and raw.status_code == 200
        assert len(w) == 1 and w[0].filename == __file__
        rearm(Profiles.get)
        with pytest.warns(DeprecationWarning, match="Profiles.get") as plain:
            sent.profiles.get(profile.id)
        assert plain[0].filename == __file__ and str(plain[0].message) == str(w[0].message)


@pytest.fixture
async def fake_phones(client: AsyncSent) -> None:
    for phone in PHONES:
        await client.contacts.create(phone_number=phone)
