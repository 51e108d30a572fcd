"""Contacts through both clients against FakeSent: lifecycle, paging, summary, deprecation."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

import sent_sync
from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async.models import Contact, ContactMessageSummary
from sent_async.resources.contacts import AsyncContacts
from sent_async.testing import FakeSent
from sent_sync.resources.contacts import Contacts

from .support import rearm
from .test_messages import MISSING_ID, advance, contract_errors, raw

pytestmark = pytest.mark.anyio

PHONES = [f"+1415555010{i}" for i in range(5)]


async def test_create_get_update_list(client: AsyncSent, server: FakeSent) -> None:
    created = await client.contacts.create(phone_number="+14155550123")
    assert isinstance(created, Contact) and created.id
    assert (created.phone_number, created.format_e164, created.region_code) == (
        "+14155550123",
        "+14155550123",
        "US",
    )
    assert created.format_national == "(415) 555-0123"
    assert created.opt_out is False
    sent = server.requests[-1]
    assert (sent.method, sent.path, sent.json()) == (
        "POST",
        "/v3/contacts",
        {"phone_number": "+14155550123"},
    )
    assert sent.headers["idempotency-key"]

    assert await client.contacts.get(created.id) == created
    assert server.requests[-1].path == f"/v3/contacts/{created.id}"

    updated = await client.contacts.update(created.id, opt_out=True)
    assert updated.opt_out is True and updated.default_channel == "sms"
    patch = server.requests[-1]
    assert (patch.method, patch.json()) == ("PATCH", {"opt_out": True})  # omitted stays as is
    cleared = await client.contacts.update(created.id, default_channel=None)
    assert server.requests[-1].json() == {"default_channel": None}  # None clears
    assert (cleared.default_channel, cleared.opt_out) == (None, True)

    listed = await client.contacts.list()
    assert [c.id for c in listed.items] == [created.id]
    assert listed.items[0].opt_out is True


async def test_creating_an_existing_number_returns_that_contact(client: AsyncSent) -> None:
    first = await client.contacts.create(phone_number="+14155550123")
    again = await client.contacts.create(phone_number="+14155550123")
    assert again.id == first.id
    assert len((await client.contacts.list()).items) == 1


async def test_list_iterates_every_page(client: AsyncSent, server: FakeSent) -> None:
    for phone in PHONES:
        await client.contacts.create(phone_number=phone)
    server.requests.clear()

    seen = [c.phone_number async for c in client.contacts.list(page_size=2)]
    assert seen == PHONES
    assert [r.query for r in server.requests] == [
        {"page_size": "2", "page": "1"},
        {"page_size": "2", "page": "2"},
        {"page_size": "2", "page": "3"},
    ]

    server.requests.clear()
    first = await client.contacts.list(page_size=2)  # awaiting gives one page, one request
    assert len(server.requests) == 1
    assert [c.phone_number for c in first.items] == PHONES[:2]
    assert first.has_next_page and first.pagination is not None
    assert (first.pagination.total_count, first.pagination.total_pages) == (5, 3)
    last = await client.contacts.list(page_size=2, page=3)
    assert [c.phone_number for c in last.items] == PHONES[4:]
    assert not last.has_next_page and await last.next_page() is None


async def test_list_filters_go_on_the_query(client: AsyncSent, server: FakeSent) -> None:
    for phone in [*PHONES[:2], "+447700900123"]:
        await client.contacts.create(phone_number=phone)
    page = await client.contacts.list(search="7700", channel="sms", phone="+4477")
    assert server.requests[-1].query == {
        "search": "7700",
        "channel": "sms",
        "phone": "+4477",
        "page": "1",
    }
    assert [c.phone_number for c in page.items] == ["+447700900123"]
    assert (await client.contacts.list(channel="rcs")).items == []


async def test_list_response_matches_the_contract(client: AsyncSent, server: FakeSent) -> None:
    await client.contacts.create(phone_number=PHONES[0])
    status, doc = await raw(server, "GET", "/v3/contacts?page_size=1")
    assert status == 200 and contract_errors("ContactsPageEnvelope", doc) == []
    assert doc["data"]["pagination"]["has_more"] is False


async def test_message_summary_counts_stored_messages(client: AsyncSent, server: FakeSent) -> None:
    contact = await client.contacts.create(phone_number=PHONES[0])
    assert contact.id
    empty = await client.contacts.get_message_summary(contact.id)
    assert isinstance(empty, ContactMessageSummary)
    assert (empty.message_count, empty.channels_used, empty.first_message_at) == (0, [], None)
    assert server.requests[-1].path == f"/v3/contacts/{contact.id}/message-summary"

    await client.messages.send(to=PHONES[0], text="a", channel=["sms", "whatsapp"])
    await client.messages.send(to=[PHONES[0], PHONES[1]], text="b", channel="sms")
    await server.advance_messages()
    await server.advance_messages()
    summary = await client.contacts.get_message_summary(contact.id)
    assert summary.contact_id == contact.id
    assert summary.message_count == 3
    assert summary.channels_used == ["sms", "whatsapp"]
    assert [(s.channel, s.success_score, s.fail_score) for s in summary.channel_scores] == [
        ("sms", 2, 0),
        ("whatsapp", 1, 0),
    ]
    assert summary.first_message_at and summary.last_message_at
    assert summary.first_message_at <= summary.last_message_at
    status, doc = await raw(server, "GET", f"/v3/contacts/{contact.id}/message-summary")
    assert status == 200
    assert contract_errors("ContactMessageSummaryEnvelope", doc) == []


async def test_unknown_contact_is_404(client: AsyncSent) -> None:
    for call in (
        client.contacts.get(MISSING_ID),
        client.contacts.get_message_summary(MISSING_ID),
        client.contacts.update(MISSING_ID, opt_out=True),
    ):
        with pytest.raises(NotFoundError) as info:
            await call
        assert info.value.code == "RESOURCE_001"


async def test_sandbox_writes_change_nothing(client: AsyncSent, server: FakeSent) -> None:
    dry = await client.with_raw_response.contacts.create(phone_number=PHONES[0], sandbox=True)
    assert dry.headers.get("X-Sandbox") == "true" and dry.data.phone_number == PHONES[0]
    assert server.requests[-1].json() == {"phone_number": PHONES[0], "sandbox": True}
    assert (await client.contacts.list()).items == []
    real = await client.contacts.create(phone_number=PHONES[0])
    assert real.id
    preview = await client.contacts.update(real.id, opt_out=True, sandbox=True)
    assert preview.opt_out is True
    assert (await client.contacts.get(real.id)).opt_out is False


async def test_profile_keys_see_only_their_contacts(client: AsyncSent) -> None:
    profile = await client.profiles.create(name="Child")
    assert profile.id
    scoped = client.for_profile(profile.id)
    mine = await scoped.contacts.create(phone_number=PHONES[0])
    theirs = await client.contacts.create(phone_number=PHONES[1])
    assert mine.customer_id == profile.id and theirs.customer_id != profile.id
    assert [c.id for c in (await scoped.contacts.list()).items] == [mine.id]
    assert {c.id for c in (await client.contacts.list()).items} == {mine.id, theirs.id}
    assert theirs.id
    with pytest.raises(NotFoundError):
        await scoped.contacts.get(theirs.id)


async def test_delete_is_deprecated_and_sends_a_body(client: AsyncSent, server: FakeSent) -> None:
    contact = await client.contacts.create(phone_number=PHONES[0])
    assert contact.id
    reason = AsyncContacts.delete.__deprecated__  # type: ignore[attr-defined]
    assert "deprecated by Sent" in reason and "opt_out=True" in reason

    rearm(AsyncContacts.delete)
    with pytest.warns(DeprecationWarning, match=r"AsyncContacts\.delete: deprecated by Sent") as w:
        await client.contacts.delete(contact.id)
    assert w[0].filename == __file__  # points at the caller's line
    sent = server.requests[-1]
    assert (sent.method, sent.path, sent.json()) == (
        "DELETE",
        f"/v3/contacts/{contact.id}",
        {"sandbox": False},  # Sent refuses DELETEs without a body
    )
    with pytest.raises(NotFoundError):
        await client.contacts.get(contact.id)

    with warnings.catch_warnings(record=True) as later:
        warnings.simplefilter("always")
        with pytest.raises(NotFoundError):
            await client.contacts.delete(contact.id)
    assert later == []  # once per method, not once per call


async def test_sandbox_delete_keeps_the_contact(client: AsyncSent, server: FakeSent) -> None:
    contact = await client.contacts.create(phone_number=PHONES[0])
    assert contact.id
    await client.contacts.delete(contact.id, sandbox=True)
    assert server.requests[-1].json() == {"sandbox": True}
    assert (await client.contacts.get(contact.id)).id == contact.id


@pytest.mark.parametrize("bad", ["4155550123", "+0123", "+1 415 555 0123", "", None])
async def test_bad_phone_numbers_are_refused_locally(
    client: AsyncSent, server: FakeSent, bad: Any
) -> None:
    with pytest.raises(SentValidationError, match="phone_number"):
        await client.contacts.create(phone_number=bad)
    assert server.requests == []


@pytest.mark.parametrize("bad", ["not-a-uuid", "../../v3/me", "", f"{MISSING_ID}/.."])
async def test_bad_contact_ids_are_refused_locally(
    client: AsyncSent, server: FakeSent, bad: str
) -> None:
    for call in (
        lambda: client.contacts.get(bad),
        lambda: client.contacts.get_message_summary(bad),
        lambda: client.contacts.update(bad, opt_out=True),
        lambda: client.contacts.delete(bad),
    ):
        with pytest.raises(SentValidationError, match="contact_id"):
            await call()
    assert server.requests == []


@pytest.mark.parametrize("kwargs", [{"page": 0}, {"page_size": 0}, {"page": True}, {"page": "2"}])
async def test_bad_paging_is_refused_locally(
    client: AsyncSent, server: FakeSent, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(SentValidationError, match="page"):
        client.contacts.list(**kwargs)
    assert server.requests == []


async def test_fakesent_answers_bad_input_like_sent(server: FakeSent) -> None:
    status, doc = await raw(server, "POST", "/v3/contacts", {"phone_number": "0800"})
    assert (status, doc["error"]["code"]) == (400, "VALIDATION_002")
    status, doc = await raw(server, "GET", "/v3/contacts/not-a-uuid")
    assert (status, doc["error"]["code"]) == (400, "VALIDATION_003")
    status, doc = await raw(server, "GET", "/v3/contacts?page=0")
    assert (status, doc["error"]["code"]) == (400, "VALIDATION_005")


def test_sync_client_lifecycle_and_paging() -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        ids = [sent.contacts.create(phone_number=p).id for p in PHONES]
        assert all(ids)
        contact_id = str(ids[0])
        assert sent.contacts.get(contact_id).phone_number == PHONES[0]
        assert sent.contacts.update(contact_id, default_channel="whatsapp").default_channel == (
            "whatsapp"
        )
        assert server.requests[-1].json() == {"default_channel": "whatsapp"}
        sent.messages.send(to=PHONES[0], text="hi")
        advance(server)
        summary = sent.contacts.get_message_summary(contact_id)
        assert (summary.message_count, summary.channels_used) == (1, ["whatsapp"])

        before = len(server.requests)
        pager = sent.contacts.list(page_size=2)
        assert len(server.requests) == before + 1  # the first page, fetched by the call
        assert [c.phone_number for c in pager.items] == PHONES[:2] and pager.has_next_page
        assert [c.phone_number for c in pager] == PHONES
        assert len(server.requests) == before + 3  # one request per page, not per item
        assert [r.query.get("page") for r in server.requests[before:]] == ["1", "2", "3"]

        rearm(Contacts.delete)
        with pytest.warns(DeprecationWarning, match=r"Contacts\.delete: deprecated by Sent"):
            sent.contacts.delete(contact_id)
        assert server.requests[-1].json() == {"sandbox": False}
        with pytest.raises(NotFoundError):
            sent.contacts.get(contact_id)
        with pytest.raises(SentValidationError):
            sent.contacts.get("../../v3/me")
        with pytest.raises(SentValidationError):
            sent.contacts.list(page=0)
        assert [c.phone_number for c in sent.contacts.list()] == PHONES[1:]
