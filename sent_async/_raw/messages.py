# Generated from sent_async/resources/messages.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/messages.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Message,
    MessageActivities,
    MessageChannelInput,
    MessageSendResult,
    MessageTemplateRefInput,
)
from sent_async.resources.messages import AsyncMessages


class AsyncMessagesWithRawResponse:
    """AsyncMessages whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncMessages) -> None:
        self._inner = inner

    async def send(
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
    ) -> RawResponse[MessageSendResult]:
        """Queue a message to each number in ``to``: billed per message, one per channel.

        Accepted (202) is not delivered: follow ``get()`` or the ``message.*`` webhooks. Send
        ``text`` or a ``template`` (by ``id`` or ``name``, with ``parameters``).
        ``scheduled_at`` needs a timezone and must lie in the next 30 days.
        """
        return await capture_raw(
            self._inner.send(
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

    async def get(self, message_id: str) -> RawResponse[Message]:
        """Get one message: its status, status ``events``, price and body.

        Right after a send, a 404 may only mean the message is not readable yet.
        """
        return await capture_raw(self._inner.get(message_id))

    async def list_activities(self, message_id: str) -> RawResponse[MessageActivities]:
        """The activity log of one message, newest first (one response, no paging)."""
        return await capture_raw(self._inner.list_activities(message_id))
