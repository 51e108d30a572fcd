# Generated from sent_async/resources/conversations.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/conversations.py``."""

from __future__ import annotations

from sent_async.resources.conversations import AsyncConversations
from sent_sync._portal import SyncResource


class Conversations(SyncResource):
    """Conversations: message threads with a contact."""

    _inner: AsyncConversations
