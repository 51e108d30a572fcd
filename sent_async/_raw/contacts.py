# Generated from sent_async/resources/contacts.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/contacts.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Contact,
    ContactMessageSummary,
)
from sent_async.resources.contacts import AsyncContacts


class AsyncContactsWithRawResponse:
    """AsyncContacts whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncContacts) -> None:
        self._inner = inner

    async def create(
        self,
        *,
        phone_number: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[Contact]:
        """Create a contact from an E.164 number; Sent fills in formats, country and channels."""
        return await capture_raw(
            self._inner.create(
                phone_number=phone_number, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    async def get(self, contact_id: str) -> RawResponse[Contact]:
        """Get one contact."""
        return await capture_raw(self._inner.get(contact_id))

    async def get_message_summary(self, contact_id: str) -> RawResponse[ContactMessageSummary]:
        """Messaging stats of one contact: counts, first/last message, per-channel scores."""
        return await capture_raw(self._inner.get_message_summary(contact_id))

    async def update(
        self,
        contact_id: str,
        *,
        default_channel: str | None | Unset = UNSET,
        opt_out: bool | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[Contact]:
        """Change a contact's default channel or consent; omitted fields stay as they are.

        ``opt_out=True`` is how Sent wants contacts removed: later sends to them are FILTERED.
        """
        return await capture_raw(
            self._inner.update(
                contact_id,
                default_channel=default_channel,
                opt_out=opt_out,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def delete(
        self, contact_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> RawResponse[None]:
        """Delete a contact. Deprecated by Sent: use ``update(contact_id, opt_out=True)``."""
        return await capture_raw(
            self._inner.delete(contact_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )
