# Generated from sent_async/resources/contacts.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/contacts.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.contacts import AsyncContacts


class AsyncContactsWithRawResponse:
    """AsyncContacts whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncContacts) -> None:
        self._inner = inner
