# Generated from sent_async/_raw/contacts.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/contacts.py``."""

from __future__ import annotations

from sent_async._raw.contacts import AsyncContactsWithRawResponse
from sent_sync._portal import SyncResource


class ContactsWithRawResponse(SyncResource):
    """Contacts whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncContactsWithRawResponse
