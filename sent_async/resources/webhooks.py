"""The ``webhooks`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncWebhooks(AsyncResource):
    """Webhook endpoints that receive signed event deliveries."""
