# Generated from sent_async/resources/templates.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/templates.py``."""

from __future__ import annotations

from sent_async.resources.templates import AsyncTemplates
from sent_sync._portal import SyncResource


class Templates(SyncResource):
    """Message templates (WhatsApp and multi-channel), with review status."""

    _inner: AsyncTemplates
