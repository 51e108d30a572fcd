# Generated from sent_async/resources/messages.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/messages.py``."""

from __future__ import annotations

from sent_async.resources.messages import AsyncMessages
from sent_sync._portal import SyncResource


class Messages(SyncResource):
    """Send SMS/WhatsApp messages and read their status and activities."""

    _inner: AsyncMessages
