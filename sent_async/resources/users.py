"""The ``users`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncUsers(AsyncResource):
    """Users of the organization and their roles."""
