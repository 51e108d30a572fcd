# Generated from sent_async/_raw/webhooks.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/webhooks.py``."""

from __future__ import annotations

from sent_async._raw.webhooks import AsyncWebhooksWithRawResponse
from sent_sync._portal import SyncResource


class WebhooksWithRawResponse(SyncResource):
    """Webhooks whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncWebhooksWithRawResponse
