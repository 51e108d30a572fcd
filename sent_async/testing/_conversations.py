"""FakeSent handlers for ``/v3/conversations``: stored messages grouped per contact.

A conversation is the thread with one contact; its id is the contact's id (the id of any of
its messages is accepted too). ``GET /v3/conversations`` lists each conversation as
its latest message (most recent conversation first); ``GET /v3/conversations/{id}`` pages
through that conversation's messages, newest first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from ..models import ConversationsPage, Message
from ._contacts import contacts_of, page_of, visible
from ._server import not_found

if TYPE_CHECKING:
    from ._server import FakeSent


def routes(server: FakeSent) -> list[web.RouteDef]:
    """List conversations and the messages of one, both paged."""
    messages: dict[str, Message] = server.state.setdefault("messages", {})

    def newest_first(request: web.Request) -> list[Message]:
        return [m for m in reversed(messages.values()) if visible(server, request, m.customer_id)]

    async def list_conversations(request: web.Request) -> web.Response:
        latest: dict[str, Message] = {}
        for message in newest_first(request):
            latest.setdefault(message.contact_id or "", message)
        items, meta = page_of(request, list(latest.values()))
        return server.envelope(ConversationsPage(messages=items, pagination=meta))

    async def list_messages(request: web.Request) -> web.Response:
        cid = request.match_info["conversation_id"]
        if cid in messages:  # a message id stands for the conversation it belongs to
            cid = messages[cid].contact_id or cid
        thread = [m for m in newest_first(request) if m.contact_id == cid]
        contact = contacts_of(server).get(cid)
        if not thread and (contact is None or not visible(server, request, contact.customer_id)):
            raise not_found("RESOURCE_001", "Conversation")
        items, meta = page_of(request, thread)
        return server.envelope(ConversationsPage(messages=items, pagination=meta))

    return [
        web.get("/v3/conversations", list_conversations),
        web.get("/v3/conversations/{conversation_id}", list_messages),
    ]
