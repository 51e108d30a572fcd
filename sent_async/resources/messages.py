"""The ``messages`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncMessages(AsyncResource):
    """Send SMS/WhatsApp messages and read their status and activities."""
