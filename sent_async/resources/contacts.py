"""The ``contacts`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncContacts(AsyncResource):
    """Contacts: the people you message, with their channels and consent."""
