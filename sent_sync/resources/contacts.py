# Generated from sent_async/resources/contacts.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/contacts.py``."""

from __future__ import annotations

from collections.abc import AsyncIterable, Callable, Iterable, Mapping
from functools import partial
from typing import Any

from sent_async._bulk.checkpoint import Checkpoint
from sent_async._bulk.outage import OutagePolicy
from sent_async._bulk.pacer import RateLimit
from sent_async._bulk.pacing import PacerFactory
from sent_async._bulk.progress import ProgressBar
from sent_async._bulk.report import BulkReport, ProgressSnapshot
from sent_async._deprecation import deprecated
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Contact,
    ContactMessageSummary,
)
from sent_async.resources.contacts import _DELETE_DEPRECATED, AsyncContacts
from sent_sync._portal import Page, SyncResource


class Contacts(SyncResource):
    """Contacts: the people you message, with their channels and consent."""

    _inner: AsyncContacts

    def list(
        self,
        *,
        search: str | None = None,
        channel: str | None = None,
        phone: str | None = None,
        page: int = 1,
        page_size: int | None = None,
    ) -> Page[Contact]:
        """List contacts a page at a time; iterating the result yields every contact.

        An organization key sees the contacts of all its profiles; a profile only its own.
        """
        return Page(
            self._portal,
            self._portal.call(
                self._inner.list(
                    search=search, channel=channel, phone=phone, page=page, page_size=page_size
                ).first_page
            ),
        )

    def create(
        self,
        *,
        phone_number: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Contact:
        """Create a contact from an E.164 number; Sent fills in formats, country and channels."""
        return self._portal.call(
            partial(
                self._inner.create,
                phone_number=phone_number,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def get(self, contact_id: str) -> Contact:
        """Get one contact."""
        return self._portal.call(partial(self._inner.get, contact_id))

    def get_message_summary(self, contact_id: str) -> ContactMessageSummary:
        """Messaging stats of one contact: counts, first/last message, per-channel scores."""
        return self._portal.call(partial(self._inner.get_message_summary, contact_id))

    def update(
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
        return self._portal.call(
            partial(
                self._inner.update,
                contact_id,
                default_channel=default_channel,
                opt_out=opt_out,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    @deprecated(_DELETE_DEPRECATED)
    def delete(
        self, contact_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> None:
        """Delete a contact. Deprecated by Sent: use ``update(contact_id, opt_out=True)``."""
        return self._portal.call(
            partial(
                self._inner.delete, contact_id, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    def create_many(
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
        return self._portal.call(
            partial(
                self._inner.create_many,
                items,
                sandbox=sandbox,
                concurrency=concurrency,
                rate_limit=rate_limit,
                job_id=job_id,
                stop_on_error=stop_on_error,
                max_failures=max_failures,
                on_progress=on_progress,
                progress_bar=progress_bar,
                collect_results=collect_results,
                checkpoint=checkpoint,
                outage=outage,
            )
        )
