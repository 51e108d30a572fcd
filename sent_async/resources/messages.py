"""The ``messages`` API family: send, then follow a message's status and activity log.

A send is accepted (202), not delivered: each (recipient, channel) pair becomes its own message
whose status moves on later (QUEUED, SENT, DELIVERED, or FAILED/FILTERED/BLOCKED), visible via
``get()``, ``list_activities()`` and the ``message.*`` webhooks.
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from typing import Any

from .. import _validate
from .._bulk.checkpoint import Checkpoint
from .._bulk.client import send_many
from .._bulk.outage import OutagePolicy
from .._bulk.pacer import RateLimit
from .._bulk.pacing import PacerFactory
from .._bulk.progress import ProgressBar
from .._bulk.report import BulkReport, ProgressSnapshot
from .._converter import inputs, parse_datetime
from .._errors import SentValidationError
from .._types import UNSET, Unset
from ..models import (
    Message,
    MessageActivities,
    MessageChannelInput,
    MessageSendRequest,
    MessageSendResult,
    MessageTemplateRefInput,
)
from ._base import AsyncResource, body

CHANNELS = frozenset({"sent", "sms", "whatsapp", "rcs", "mms"})
"""Values Sent documents for ``channel``; "sent" lets Sent pick (the default)."""
_SENDER_CHANNELS = CHANNELS - {"sent"}
_CHANNEL_KEYS = {"from": "from_", "from_": "from_", "country": "country", "strategy": "strategy"}
_MAX_SCHEDULE_AHEAD = datetime.timedelta(days=30)


def _recipients(to: str | Sequence[str]) -> list[str]:
    """``to`` as a list of E.164 numbers; a single string is one recipient."""
    if not isinstance(to, Sequence):
        raise SentValidationError("to must be a phone number or a list of them")
    numbers = [to] if isinstance(to, str) else list(to)
    if not numbers:
        raise SentValidationError("to must name at least one recipient")
    return [_validate.e164(n, f"to[{i}]") for i, n in enumerate(numbers)]


def _content(text: object, template: object) -> Any:
    """Something to send: ``text``, or a ``template`` that names its ``id`` or ``name``."""
    if template in (None, UNSET):
        if text in (None, UNSET):
            raise SentValidationError("pass text= (free-form) or template= (id or name)")
        return template
    ref = _template_ref(template)
    if ref.id in (None, UNSET) and ref.name in (None, UNSET):
        raise SentValidationError("template needs its 'id' or its 'name'")
    return ref


def _template_ref(template: object) -> MessageTemplateRefInput:
    if isinstance(template, MessageTemplateRefInput):
        return template
    if not isinstance(template, Mapping):
        raise SentValidationError("template must be a MessageTemplateRefInput or a dict")
    unknown = set(template) - {"id", "name", "parameters"}
    if unknown:
        raise SentValidationError(f"template has unknown keys: {sorted(unknown)}")
    return MessageTemplateRefInput(**template)


def _channel_list(channel: object, media_urls: object) -> Any:
    if channel in (None, UNSET):
        return channel
    if isinstance(channel, str):
        channel = [channel]
    names = list(channel)  # type: ignore[call-overload]
    bad = [c for c in names if c not in CHANNELS]
    if bad:
        raise SentValidationError(f"unknown channel {bad[0]!r}; use one of {sorted(CHANNELS)}")
    if "mms" in names and not media_urls:
        raise SentValidationError("channel 'mms' needs media_urls")
    return names


def _channel_inputs(channels: object) -> Any:
    """Senders per channel, e.g. ``{"sms": [{"from": ["+1..."]}]}``; numbers must be E.164."""
    if channels in (None, UNSET):
        return channels
    if not isinstance(channels, Mapping):
        raise SentValidationError("channels must map a channel name to a list of senders")
    out: dict[str, list[dict[str, Any]]] = {}
    for name, entries in channels.items():
        if name not in _SENDER_CHANNELS:
            raise SentValidationError(
                f"channels key {name!r} is not one of {sorted(_SENDER_CHANNELS)}"
            )
        out[name] = [_channel_input(entry, name) for entry in entries]
    return out


def _channel_input(entry: object, name: str) -> dict[str, Any]:
    """One sender entry as the snake_case dict ``body()`` turns into MessageChannelInput."""
    if isinstance(entry, MessageChannelInput):
        entry = inputs.unstructure(entry)
    if not isinstance(entry, Mapping):
        raise SentValidationError(f"channels[{name!r}] entries must be MessageChannelInput or dict")
    unknown = set(entry) - set(_CHANNEL_KEYS)
    if unknown:
        raise SentValidationError(f"channels[{name!r}] has unknown keys: {sorted(unknown)}")
    plain = {_CHANNEL_KEYS[k]: v for k, v in entry.items()}
    senders = plain.get("from_")
    if senders is not None:
        if isinstance(senders, str) or not isinstance(senders, Sequence):
            raise SentValidationError(f"channels[{name!r}] 'from' must be a list of numbers")
        plain["from_"] = [_validate.e164(n, f"channels[{name!r}] sender") for n in senders]
    return plain


def _schedule(scheduled_at: object) -> Any:
    """Timezone-aware, in the future, at most 30 days ahead (Sent refuses anything else)."""
    if scheduled_at in (None, UNSET):
        return scheduled_at
    if isinstance(scheduled_at, str):
        try:
            scheduled_at = parse_datetime(scheduled_at)
        except ValueError:
            raise SentValidationError("scheduled_at is not an ISO 8601 date-time") from None
    if not isinstance(scheduled_at, datetime.datetime):
        raise SentValidationError("scheduled_at must be a datetime")
    if scheduled_at.tzinfo is None or scheduled_at.utcoffset() is None:
        raise SentValidationError("scheduled_at must be timezone-aware (e.g. tzinfo=UTC)")
    now = datetime.datetime.now(datetime.timezone.utc)
    if scheduled_at <= now:
        raise SentValidationError("scheduled_at is in the past")
    if scheduled_at > now + _MAX_SCHEDULE_AHEAD:
        raise SentValidationError("scheduled_at may be at most 30 days ahead")
    return scheduled_at


def _request(
    to: Any,
    text: Any,
    template: Any,
    channel: Any,
    channels: Any,
    media_urls: Any,
    subject: Any,
    scheduled_at: Any,
    sandbox: Any,
) -> MessageSendRequest:
    """``send``'s arguments checked one by one, as the request (or the first mistake)."""
    to = _recipients(to)
    template = _content(text, template)
    channel = _channel_list(channel, media_urls)
    channels = _channel_inputs(channels)
    scheduled_at = _schedule(scheduled_at)
    if isinstance(media_urls, str):
        media_urls = [media_urls]
    elif isinstance(media_urls, Sequence):
        media_urls = list(media_urls)
    return body(MessageSendRequest, locals())


_TEMPLATE_KEYS = frozenset({"id", "name", "parameters"})
_TEXT = frozenset({str, type(None), type(UNSET)})


def _common_request(
    to: Any, text: Any, template: Any, subject: Any, sandbox: Any
) -> MessageSendRequest | None:
    """The request for the usual shapes, in one pass: numbers as a string, list or tuple of
    strings, ``text``, a template dict or ref, nothing else. None for anything else, which
    ``_request`` then checks in full; when this returns a request, ``_request`` returns an
    equal one (tests/test_messages.py compares them over generated inputs)."""
    if to.__class__ is str:
        numbers = [to]
    elif to.__class__ is list or to.__class__ is tuple:
        numbers = list(to)
    else:
        return None
    if not numbers:
        return None
    for number in numbers:
        if number.__class__ is not str or not _validate.is_e164(number):
            return None
    if template.__class__ is dict and template.keys() <= _TEMPLATE_KEYS:
        template = MessageTemplateRefInput(**template)
    if template.__class__ is MessageTemplateRefInput:
        if template.id in (None, UNSET) and template.name in (None, UNSET):
            return None
    elif (template is not UNSET and template is not None) or text.__class__ is not str:
        return None
    if text.__class__ not in _TEXT or subject.__class__ not in _TEXT:
        return None
    if sandbox.__class__ is not bool and sandbox is not UNSET:
        return None
    return MessageSendRequest(
        to=numbers, text=text, template=template, subject=subject, sandbox=sandbox
    )


class AsyncMessages(AsyncResource):
    """Send SMS/WhatsApp messages and read their status and activities."""

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
    ) -> MessageSendResult:
        """Queue a message to each number in ``to``: billed per message, one per channel.

        Accepted (202) is not delivered: follow ``get()`` or the ``message.*`` webhooks. Send
        ``text`` or a ``template`` (by ``id`` or ``name``, with ``parameters``).
        ``scheduled_at`` needs a timezone and must lie in the next 30 days.
        """
        request = None
        if channel is UNSET and channels is UNSET and media_urls is UNSET and scheduled_at is UNSET:
            request = _common_request(to, text, template, subject, sandbox)
        if request is None:  # every other shape, and every mistake, is checked in full
            request = _request(
                to, text, template, channel, channels, media_urls, subject, scheduled_at, sandbox
            )
        return await self._t.request(
            "POST",
            "/v3/messages",
            body=request,
            into=MessageSendResult,
            idempotency_key=idempotency_key,
        )

    async def get(self, message_id: str) -> Message:
        """Get one message: its status, status ``events``, price and body.

        Right after a send, a 404 may only mean the message is not readable yet.
        """
        mid = _validate.uuid(message_id, "message_id")
        return await self._t.request("GET", f"/v3/messages/{mid}", into=Message)

    async def cancel(self, message_id: str, *, idempotency_key: str | None = None) -> Message:
        """Cancel a SCHEDULED message: it becomes CANCELLED (terminal) and is returned.

        Any other state is 409 ``BUSINESS_006`` (a ConflictError); cancelling an already
        cancelled message answers 200 with the same message (spec/sent-current-api-facts.md §6).
        """
        mid = _validate.uuid(message_id, "message_id")
        return await self._t.request(
            "POST", f"/v3/messages/{mid}/cancel", into=Message, idempotency_key=idempotency_key
        )

    async def list_activities(self, message_id: str) -> MessageActivities:
        """The activity log of one message, newest first (one response, no paging)."""
        mid = _validate.uuid(message_id, "message_id")
        return await self._t.request(
            "GET", f"/v3/messages/{mid}/activities", into=MessageActivities
        )

    async def send_many(
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
        return await send_many(self, locals())
