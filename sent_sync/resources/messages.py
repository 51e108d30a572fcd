# Generated from sent_async/resources/messages.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/messages.py``."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from sent_async._bulk.checkpoint import Checkpoint
from sent_async._bulk.outage import OutagePolicy
from sent_async._bulk.pacer import RateLimit
from sent_async._bulk.pacing import PacerFactory
from sent_async._bulk.progress import ProgressBar
from sent_async._bulk.report import BulkReport, ProgressSnapshot
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Message,
    MessageActivities,
    MessageChannelInput,
    MessageSendResult,
    MessageTemplateRefInput,
)
from sent_async.resources.messages import AsyncMessages
from sent_sync._portal import SyncResource


class Messages(SyncResource):
    """Send SMS/WhatsApp messages and read their status and activities."""

    _inner: AsyncMessages

    def send(
        self,
        *,
        to: str | Sequence[str],
        text: str | None | Unset = UNSET,
        template: MessageTemplateRefInput | Mapping[str, Any] | None | Unset = UNSET,
        channel: str | Sequence[str] | None | Unset = UNSET,
        channels: Mapping[str, Sequence[MessageChannelInput | Mapping[str, Any]]]
        | None
        | Unset = UNSET,
        media_urls: Sequence[str] | None | Unset = UNSET,
        subject: str | None | Unset = UNSET,
        scheduled_at: datetime.datetime | str | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> MessageSendResult:
        """Queue a message to each number in ``to``: billed per message, one per channel.

        Accepted (202) is not delivered: follow ``get()`` or the ``message.*`` webhooks. Send
        ``text`` or a ``template`` (by ``id`` or ``name``, with ``parameters``).
        ``scheduled_at`` needs a timezone and must lie in the next 30 days.
        """
        return self._portal.call(
            partial(
                self._inner.send,
                to=to,
                text=text,
                template=template,
                channel=channel,
                channels=channels,
                media_urls=media_urls,
                subject=subject,
                scheduled_at=scheduled_at,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def get(self, message_id: str) -> Message:
        """Get one message: its status, status ``events``, price and body.

        Right after a send, a 404 may only mean the message is not readable yet.
        """
        return self._portal.call(partial(self._inner.get, message_id))

    def cancel(self, message_id: str, *, idempotency_key: str | None = None) -> Message:
        """Cancel a SCHEDULED message: it becomes CANCELLED (terminal) and is returned.

        Any other state is 409 ``BUSINESS_006`` (a ConflictError); cancelling an already
        cancelled message answers 200 with the same message (spec/sent-current-api-facts.md §6).
        """
        return self._portal.call(
            partial(self._inner.cancel, message_id, idempotency_key=idempotency_key)
        )

    def list_activities(self, message_id: str) -> MessageActivities:
        """The activity log of one message, newest first (one response, no paging)."""
        return self._portal.call(partial(self._inner.list_activities, message_id))

    def send_many(
        self,
        items: Iterable[str | Mapping[str, Any]] | AsyncIterable[str | Mapping[str, Any]],
        *,
        text: str | None | Unset = UNSET,
        template: MessageTemplateRefInput | Mapping[str, Any] | None | Unset = UNSET,
        channel: str | Sequence[str] | None | Unset = UNSET,
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
    ) -> BulkReport[MessageSendResult]:
        """Send one message per item (a phone number, or a mapping of ``send`` arguments).

        Billed per message. With ``job_id`` a re-run never sends an item twice (Sent keeps
        keys 24 h). Runs on ``client.bulk``; see it for streaming results and cancellation.
        """
        return self._portal.call(
            partial(
                self._inner.send_many,
                items,
                text=text,
                template=template,
                channel=channel,
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
