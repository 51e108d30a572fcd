"""Conversations through both clients against FakeSent: threads per contact, paged."""

from __future__ import annotations

from typing import Any

import pytest

import sent_sync
from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async.models import Message
from sent_async.testing import FakeSent

from .test_messages import MISSING_ID, contract_errors, raw

pytestmark = pytest.mark.anyio

ADA, BOB, CY = "+14155550101", "+14155550102", "+14155550103"


async def _chat(client: AsyncSent) -> dict[str, str]:
    """Ada gets 3 messages, Bob and Cy one each (Cy last); returns phone -> contact id."""
    for phone, text in [(ADA, "1"), (BOB, "2"), (ADA, "3"), (ADA, "4"), (CY, "5")]:
        await client.messages.send(to=phone, text=text)
    return {str(c.phone_number): str(c.id) for c in (await client.contacts.list()).items}


async def test_list_gives_each_conversation_as_its_latest_message(
    client: AsyncSent, server: FakeSent
) -> None:
    contacts = await _chat(client)
    page = await client.conversations.list()
    assert (server.requests[-1].path, server.requests[-1].query) == (
        "/v3/conversations",
        {"page": "1"},
    )
    assert all(isinstance(m, Message) for m in page.items)
    latest = [(m.phone, m.message_body.content if m.message_body else None) for m in page.items]
    assert latest == [(CY, "5"), (ADA, "4"), (BOB, "2")]  # most recent conversation first
    assert page.items[1].contact_id == contacts[ADA]
    assert not page.has_next_page
    status, doc = await raw(server, "GET", "/v3/conversations")
    assert status == 200 and contract_errors("ConversationsPageEnvelope", doc) == []


async def test_list_messages_pages_through_one_thread(client: AsyncSent, server: FakeSent) -> None:
    contacts = await _chat(client)
    server.requests.clear()
    texts = [
        m.message_body.content if m.message_body else None
        async for m in client.conversations.list_messages(contacts[ADA], page_size=1)
    ]
    assert texts == ["4", "3", "1"]  # newest first
    assert [(r.path, r.query) for r in server.requests] == [
        (f"/v3/conversations/{contacts[ADA]}", {"page_size": "1", "page": str(n)})
        for n in (1, 2, 3)
    ]
    first = await client.conversations.list_messages(contacts[ADA], page_size=1)
    assert len(first.items) == 1 and first.has_next_page
    assert first.pagination is not None and first.pagination.total_count == 3
    # a message id also names the conversation it belongs to
    by_message = await client.conversations.list_messages(str(first.items[0].id))
    assert [m.id for m in by_message.items] == [
        m.id async for m in client.conversations.list_messages(contacts[ADA])
    ]
    status, doc = await raw(server, "GET", f"/v3/conversations/{contacts[ADA]}?page_size=2")
    assert status == 200
    assert contract_errors("ConversationsPageEnvelope", doc) == []
    assert doc["data"]["pagination"]["has_more"] is True


async def test_list_iterates_across_pages(client: AsyncSent, server: FakeSent) -> None:
    await _chat(client)
    server.requests.clear()
    phones = [m.phone async for m in client.conversations.list(page_size=1)]
    assert phones == [CY, ADA, BOB]
    assert [r.query["page"] for r in server.requests] == ["1", "2", "3"]
    second = await client.conversations.list(page_size=1, page=2)
    assert [m.phone for m in second.items] == [ADA]


async def test_statuses_show_in_threads(client: AsyncSent, server: FakeSent) -> None:
    contacts = await _chat(client)
    await server.advance_messages()
    thread = await client.conversations.list_messages(contacts[BOB])
    assert [(m.status, m.direction) for m in thread.items] == [("SENT", "outbound")]


async def test_a_contact_without_messages_has_an_empty_thread(client: AsyncSent) -> None:
    contact = await client.contacts.create(phone_number=ADA)
    assert contact.id
    assert (await client.conversations.list_messages(contact.id)).items == []
    assert (await client.conversations.list()).items == []


async def test_unknown_conversation_is_404(client: AsyncSent) -> None:
    with pytest.raises(NotFoundError) as info:
        await client.conversations.list_messages(MISSING_ID)
    assert info.value.status_code == 404


@pytest.mark.parametrize("bad", ["", "../../v3/me", "a/b", "..", "%2e%2e", " x", 7])
async def test_bad_conversation_ids_are_refused_locally(
    client: AsyncSent, server: FakeSent, bad: Any
) -> None:
    with pytest.raises(SentValidationError, match="conversation_id"):
        client.conversations.list_messages(bad)
    assert server.requests == []


@pytest.mark.parametrize("kwargs", [{"page": 0}, {"page_size": -1}, {"page_size": 2.5}])
async def test_bad_paging_is_refused_locally(
    client: AsyncSent, server: FakeSent, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(SentValidationError, match="page"):
        client.conversations.list(**kwargs)
    with pytest.raises(SentValidationError, match="page"):
        client.conversations.list_messages(MISSING_ID, **kwargs)
    assert server.requests == []


def test_sync_client_lists_and_iterates() -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        for phone in (ADA, BOB, CY):
            sent.messages.send(to=phone, text="hi")
        sent.messages.send(to=ADA, text="again")
        before = len(server.requests)
        first = sent.conversations.list(page_size=1)
        assert len(server.requests) == before + 1 and first.has_next_page
        assert [m.phone for m in first] == [ADA, CY, BOB]
        assert len(server.requests) == before + 3  # one request per page

        ada = str(first.items[0].contact_id)
        before = len(server.requests)
        texts = [
            m.message_body.content if m.message_body else None
            for m in sent.conversations.list_messages(ada, page_size=1)
        ]
        assert texts == ["again", "hi"]
        assert [r.query["page"] for r in server.requests[before:]] == ["1", "2"]
        with pytest.raises(SentValidationError):
            sent.conversations.list_messages("../x")
        with pytest.raises(NotFoundError):
            sent.conversations.list_messages(MISSING_ID)
