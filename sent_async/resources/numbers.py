"""The ``numbers`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncNumbers(AsyncResource):
    """Phone number intelligence (carrier, line type, validity)."""
