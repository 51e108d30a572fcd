# Generated from sent_async/_raw/messages.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/messages.py``."""

from __future__ import annotations

from sent_async._raw.messages import AsyncMessagesWithRawResponse
from sent_sync._portal import SyncResource


class MessagesWithRawResponse(SyncResource):
    """Messages whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncMessagesWithRawResponse
