"""FakeSent's ``/v3/conversations``: stored messages grouped per contact (no state of its own).

A conversation is the thread with one contact; its id is the contact's id (the id of any of
its messages is accepted too). ``GET /v3/conversations`` lists each conversation as
its latest message (most recent conversation first); ``GET /v3/conversations/{id}`` pages
through that conversation's messages, newest first.
"""

from __future__ import annotations

from aiohttp import web

from ..models import ConversationsPage, Message
from ._support import envelope, not_found, page_of, state_of, visible

routes = web.RouteTableDef()


def newest_first(request: web.Request) -> list[Message]:
    stored = state_of(request).messages.by_id.values()
    return [m for m in reversed(stored) if visible(request, m.customer_id)]


@routes.get("/v3/conversations")
async def list_conversations(request: web.Request) -> web.Response:
    latest: dict[str, Message] = {}
    for message in newest_first(request):
        latest.setdefault(message.contact_id or "", message)
    items, pagination = page_of(request, list(latest.values()))
    return envelope(ConversationsPage(messages=items, pagination=pagination))


@routes.get("/v3/conversations/{conversation_id}")
async def list_messages(request: web.Request) -> web.Response:
    state, cid = state_of(request), request.match_info["conversation_id"]
    if cid in state.messages.by_id:  # a message id stands for the conversation it belongs to
        cid = state.messages.by_id[cid].contact_id or cid
    thread = [m for m in newest_first(request) if m.contact_id == cid]
    contact = state.contacts.by_id.get(cid)
    if not thread and (contact is None or not visible(request, contact.customer_id)):
        raise not_found("RESOURCE_001", "Conversation")
    items, pagination = page_of(request, thread)
    return envelope(ConversationsPage(messages=items, pagination=pagination))
