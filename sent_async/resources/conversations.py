"""The ``conversations`` API family: the message threads between you and each contact."""

from __future__ import annotations

from .. import _validate
from .._pagination import AsyncPager
from ..models import ConversationsPage, Message
from ._base import AsyncResource


class AsyncConversations(AsyncResource):
    """Conversations: message threads with a contact."""

    def list(self, *, page: int = 1, page_size: int | None = None) -> AsyncPager[Message]:
        """List conversations, each shown as its latest message; iterate for every page."""
        return AsyncPager(
            self._t,
            "/v3/conversations",
            ConversationsPage,
            "messages",
            {"page_size": page_size},
            page=page,
        )

    def list_messages(
        self, conversation_id: str, *, page: int = 1, page_size: int | None = None
    ) -> AsyncPager[Message]:
        """The messages of one conversation, both directions; iterate for every page."""
        cid = _validate.path_id(conversation_id, "conversation_id")
        return AsyncPager(
            self._t,
            f"/v3/conversations/{cid}",
            ConversationsPage,
            "messages",
            {"page_size": page_size},
            page=page,
        )
