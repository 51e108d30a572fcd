"""The ``templates`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncTemplates(AsyncResource):
    """Message templates (WhatsApp and multi-channel), with review status."""
