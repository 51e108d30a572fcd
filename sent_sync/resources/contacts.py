# Generated from sent_async/resources/contacts.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/contacts.py``."""

from __future__ import annotations

from sent_async.resources.contacts import AsyncContacts
from sent_sync._portal import SyncResource


class Contacts(SyncResource):
    """Contacts: the people you message, with their channels and consent."""

    _inner: AsyncContacts
