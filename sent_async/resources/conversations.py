"""The ``conversations`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncConversations(AsyncResource):
    """Conversations: message threads with a contact."""
