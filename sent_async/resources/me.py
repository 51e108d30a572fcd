"""The ``me`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncMe(AsyncResource):
    """Who the API key belongs to (organization, user or profile)."""
