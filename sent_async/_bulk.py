"""Bulk jobs: run one SDK call per item over a large input, bounded and resumable."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._client import AsyncSent


class AsyncBulk:
    """Runs many calls with bounded concurrency (see ``client.bulk``)."""

    def __init__(self, client: AsyncSent) -> None:
        self._client = client

    def __repr__(self) -> str:
        return "<AsyncBulk>"
