# Generated from sent_async/_raw/conversations.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/conversations.py``."""

from __future__ import annotations

from sent_async._raw.conversations import AsyncConversationsWithRawResponse
from sent_sync._portal import SyncResource


class ConversationsWithRawResponse(SyncResource):
    """Conversations whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncConversationsWithRawResponse
