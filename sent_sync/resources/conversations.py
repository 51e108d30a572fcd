# Generated from sent_async/resources/conversations.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/conversations.py``."""

from __future__ import annotations

from sent_async.models import Message
from sent_async.resources.conversations import AsyncConversations
from sent_sync._portal import Page, SyncResource


class Conversations(SyncResource):
    """Conversations: message threads with a contact."""

    _inner: AsyncConversations

    def list(self, *, page: int = 1, page_size: int | None = None) -> Page[Message]:
        """List conversations, each shown as its latest message; iterate for every page."""
        return Page(
            self._portal,
            self._portal.call(self._inner.list(page=page, page_size=page_size).first_page),
        )

    def list_messages(
        self, conversation_id: str, *, page: int = 1, page_size: int | None = None
    ) -> Page[Message]:
        """The messages of one conversation, both directions; iterate for every page."""
        return Page(
            self._portal,
            self._portal.call(
                self._inner.list_messages(
                    conversation_id, page=page, page_size=page_size
                ).first_page
            ),
        )
