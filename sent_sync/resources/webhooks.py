# Generated from sent_async/resources/webhooks.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/webhooks.py``."""

from __future__ import annotations

from sent_async.resources.webhooks import AsyncWebhooks
from sent_sync._portal import SyncResource


class Webhooks(SyncResource):
    """Webhook endpoints that receive signed event deliveries."""

    _inner: AsyncWebhooks
