"""Hand-written: the sync face of bulk jobs (the async runner does the work)."""

from __future__ import annotations

from typing import Any

from sent_async._bulk import AsyncBulk
from sent_sync._portal import Portal


class Bulk:
    """Sync twin of AsyncBulk."""

    def __init__(self, inner: AsyncBulk, portal: Portal, client: Any = None) -> None:
        self._inner = inner
        self._portal = portal
        self._client = client

    def __repr__(self) -> str:
        return "<Bulk>"
