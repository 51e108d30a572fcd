"""The ``contacts`` API family: the people you message, their channels and their consent."""

from __future__ import annotations

from collections.abc import AsyncIterable, Callable, Iterable, Mapping
from typing import Any

from .. import _validate
from .._bulk.checkpoint import Checkpoint
from .._bulk.client import create_many
from .._bulk.outage import OutagePolicy
from .._bulk.pacer import RateLimit
from .._bulk.pacing import PacerFactory
from .._bulk.progress import ProgressBar
from .._bulk.report import BulkReport, ProgressSnapshot
from .._deprecation import deprecated
from .._pagination import AsyncPager
from .._types import UNSET, Unset
from ..models import (
    Contact,
    ContactCreateRequest,
    ContactMessageSummary,
    ContactsPage,
    ContactUpdateRequest,
    SandboxRequest,
)
from ._base import AsyncResource, body

_DELETE_DEPRECATED = (
    "deprecated by Sent (Aug 2026); opt the contact out instead: "
    "contacts.update(contact_id, opt_out=True)"
)


class AsyncContacts(AsyncResource):
    """Contacts: the people you message, with their channels and consent."""

    def list(
        self,
        *,
        search: str | None = None,
        channel: str | None = None,
        phone: str | None = None,
        page: int = 1,
        page_size: int | None = None,
    ) -> AsyncPager[Contact]:
        """List contacts a page at a time; iterating the result yields every contact.

        An organization key sees the contacts of all its profiles; a profile only its own.
        """
        query = {"search": search, "channel": channel, "phone": phone, "page_size": page_size}
        return AsyncPager(self._t, "/v3/contacts", ContactsPage, "contacts", query, page=page)

    async def create(
        self,
        *,
        phone_number: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Contact:
        """Create a contact from an E.164 number; Sent fills in formats, country and channels."""
        _validate.e164(phone_number, "phone_number")
        request = body(ContactCreateRequest, locals())
        return await self._t.request(
            "POST", "/v3/contacts", body=request, into=Contact, idempotency_key=idempotency_key
        )

    async def get(self, contact_id: str) -> Contact:
        """Get one contact."""
        cid = _validate.uuid(contact_id, "contact_id")
        return await self._t.request("GET", f"/v3/contacts/{cid}", into=Contact)

    async def get_message_summary(self, contact_id: str) -> ContactMessageSummary:
        """Messaging stats of one contact: counts, first/last message, per-channel scores."""
        cid = _validate.uuid(contact_id, "contact_id")
        return await self._t.request(
            "GET", f"/v3/contacts/{cid}/message-summary", into=ContactMessageSummary
        )

    async def update(
        self,
        contact_id: str,
        *,
        default_channel: str | None | Unset = UNSET,
        opt_out: bool | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Contact:
        """Change a contact's default channel or consent; omitted fields stay as they are.

        ``opt_out=True`` is how Sent wants contacts removed: later sends to them are FILTERED.
        """
        cid = _validate.uuid(contact_id, "contact_id")
        request = body(ContactUpdateRequest, locals())
        return await self._t.request(
            "PATCH",
            f"/v3/contacts/{cid}",
            body=request,
            into=Contact,
            idempotency_key=idempotency_key,
        )

    @deprecated(_DELETE_DEPRECATED)
    async def delete(
        self, contact_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> None:
        """Delete a contact. Deprecated by Sent: use ``update(contact_id, opt_out=True)``."""
        cid = _validate.uuid(contact_id, "contact_id")
        await self._t.request(
            "DELETE",
            f"/v3/contacts/{cid}",
            body=SandboxRequest(sandbox=sandbox),
            idempotency_key=idempotency_key,
        )

    async def create_many(
        self,
        items: Iterable[str | Mapping[str, Any]] | AsyncIterable[str | Mapping[str, Any]],
        *,
        sandbox: bool | Unset = UNSET,
        concurrency: int = 64,
        rate_limit: RateLimit | PacerFactory | float | None = None,
        job_id: str | None = None,
        stop_on_error: bool = False,
        max_failures: int | None = None,
        on_progress: Callable[[ProgressSnapshot], object] | None = None,
        progress_bar: ProgressBar = False,
        collect_results: bool = True,
        checkpoint: Checkpoint | None = None,
        outage: OutagePolicy | None = OutagePolicy(),
    ) -> BulkReport[Contact]:
        """Create one contact per item (a phone number, or a mapping of ``create`` arguments).

        A nightly import: with ``job_id`` a re-run after a crash creates nothing twice.
        """
        return await create_many(self, locals())
