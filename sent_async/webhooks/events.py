"""Typed webhook events: the envelope plus one attrs class per event family.

``parse_event`` verifies first and decodes JSON only afterwards. Routing is by ``field`` (the
family; "templates" and "template" alike), then by the prefix of ``event``.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import cattrs

from .._converter import parse_datetime, wire
from .._errors import WebhookVerificationError
from .._types import StrEnum
from ..models import (
    CallWebhookPayload,
    ChannelStatus,
    ChannelWebhookPayload,
    ContactWebhookPayload,
    InboundMessageWebhookPayload,
    LinkWebhookPayload,
    MessageWebhookPayload,
    TemplateWebhookPayload,
)
from .signing import lower_headers, verify

log = logging.getLogger("sent")


@attrs.frozen(kw_only=True)
class WebhookEvent:
    """A verified delivery's envelope; match on the subclass to get a typed ``payload``.

    ``event`` is ``None`` for families without sub-events (templates). ``timestamp`` is when
    Sent emitted the event, not when the change happened. ``raw`` is the decoded JSON.
    """

    field: str | None = None
    event: str | None = None
    timestamp: datetime.datetime | None = None
    request_id: str | None = None
    event_id: str | None = None
    raw: dict[str, Any] = attrs.field(factory=dict, repr=False)


@attrs.frozen(kw_only=True)
class MessageEvent(WebhookEvent):
    """An outbound message changed status (``message.sent``, ``.delivered``, ``.failed``, ...).

    ``payload.channel`` is the channel actually used, after any fallback.
    """

    payload: MessageWebhookPayload


@attrs.frozen(kw_only=True)
class InboundMessageEvent(WebhookEvent):
    """A contact messaged one of your numbers (``message.received``).

    ``payload.inbound_number`` is the contact and ``outbound_number`` is your number.
    """

    payload: InboundMessageWebhookPayload


@attrs.frozen(kw_only=True)
class TemplateEvent(WebhookEvent):
    """A WhatsApp template changed status (family ``templates``).

    These carry no ``event``: branch on ``payload.status``.
    """

    payload: TemplateWebhookPayload


@attrs.frozen(kw_only=True)
class ContactEvent(WebhookEvent):
    """A contact opted in or out, or asked for help (``contact.opt_out``, ...).

    Sent states the signal, so there is no need to match keywords in inbound text.
    """

    payload: ContactWebhookPayload


@attrs.frozen(kw_only=True)
class CallEvent(WebhookEvent):
    """A voice call moved on (``call.answered``, ``call.completed``, ...).

    ``duration_seconds`` and ``price`` come only with ``call.completed``, ``reason`` with
    ``call.failed``; they are ``None`` otherwise.
    """

    payload: CallWebhookPayload


class ChannelEventName(StrEnum):
    """The ``channel.*`` events Sent documents (spec/sent-current-api-facts.md §5)."""

    SUBMITTED = "channel.submitted"
    ACTIVATED = "channel.activated"
    DEACTIVATED = "channel.deactivated"
    REMOVED = "channel.removed"


@attrs.frozen(kw_only=True)
class ChannelEvent(WebhookEvent):
    """A channel's provisioning or compliance status changed for one market.

    Known names parse to a subclass (``ChannelActivated``, ...); other ``channel.*`` names stay
    ``ChannelEvent``. Branch on ``status`` (stable): the name and the status can differ.
    """

    payload: ChannelWebhookPayload

    @property
    def status(self) -> ChannelStatus | str | None:
        """The market's status now: a ``ChannelStatus`` when known, else the string as sent."""
        status = self.payload.status
        return ChannelStatus(status) if status in _CHANNEL_STATUSES else status

    @property
    def market(self) -> tuple[str, str | None]:
        """(country, number_type): the market the event is about, as ``channels.sms.get`` takes."""
        return self.payload.country, self.payload.number_type


@attrs.frozen(kw_only=True)
class ChannelSubmitted(ChannelEvent):
    """Sent filed the registration for review; a resubmission of a live market keeps ACTIVE."""


@attrs.frozen(kw_only=True)
class ChannelActivated(ChannelEvent):
    """The market can send: ``payload.sender_value`` is a live sender."""


@attrs.frozen(kw_only=True)
class ChannelDeactivated(ChannelEvent):
    """The market had a working sender and no longer has (before Oct 2026, removals too)."""


@attrs.frozen(kw_only=True)
class ChannelRemoved(ChannelEvent):
    """The market was removed (since Oct 2026; earlier removals came as deactivated)."""


@attrs.frozen(kw_only=True)
class LinkEvent(WebhookEvent):
    """A tracked link was used (``link.clicked``, ``link.downloaded``).

    ``payload.message_id`` ties it to the message that carried the link.
    """

    payload: LinkWebhookPayload


@attrs.frozen(kw_only=True)
class UnknownWebhookEvent(WebhookEvent):
    """A verified event this SDK version cannot type; read ``raw``.

    Also used when a known family's payload does not fit its model, so nothing is dropped.
    """


_Route = tuple[Callable[..., WebhookEvent], type[Any]]
_FAMILIES: dict[str, _Route] = {
    "message": (MessageEvent, MessageWebhookPayload),
    "template": (TemplateEvent, TemplateWebhookPayload),
    "contact": (ContactEvent, ContactWebhookPayload),
    "call": (CallEvent, CallWebhookPayload),
    "channel": (ChannelEvent, ChannelWebhookPayload),
    "link": (LinkEvent, LinkWebhookPayload),
}
_INBOUND: _Route = (InboundMessageEvent, InboundMessageWebhookPayload)
_CHANNEL_EVENTS: dict[str, type[ChannelEvent]] = {
    ChannelEventName.SUBMITTED: ChannelSubmitted,
    ChannelEventName.ACTIVATED: ChannelActivated,
    ChannelEventName.DEACTIVATED: ChannelDeactivated,
    ChannelEventName.REMOVED: ChannelRemoved,
}
_CHANNEL_STATUSES = frozenset(s.value for s in ChannelStatus)


def _route(field: str | None, event: str | None) -> _Route | None:
    """``field`` first ("templates" and "template" alike), then the prefix of ``event``."""
    prefix = event.partition(".")[0] if event and "." in event else None
    for name in (field, prefix):
        family = name.lower().removesuffix("s") if name else ""
        if family in _FAMILIES:
            inbound = family == "message" and event in ("message.received", "received")
            if family == "channel" and event in _CHANNEL_EVENTS:
                return _CHANNEL_EVENTS[event], ChannelWebhookPayload
            return _INBOUND if inbound else _FAMILIES[family]
    return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _timestamp(value: object) -> datetime.datetime | None:
    try:
        return parse_datetime(value)
    except ValueError:
        return None  # still readable in ``raw``


def parse_event(
    payload: bytes,
    headers: Mapping[str, str],
    secret: str | Sequence[str],
    *,
    tolerance: int = 300,
    now: float | None = None,
    allow_legacy: bool = False,
) -> WebhookEvent:
    """Verify a delivery (see ``verify``), then decode it into a typed ``WebhookEvent``.

    Unknown families and payloads that do not fit give ``UnknownWebhookEvent``, never an
    error. Reads both ``event`` and its pre-May-2026 name ``sub_type``, ``payload`` and ``value``.
    """
    verify(payload, headers, secret, tolerance=tolerance, now=now, allow_legacy=allow_legacy)
    try:
        raw = json.loads(payload)
    except (ValueError, RecursionError):
        raw = None
    if not isinstance(raw, dict):
        raise WebhookVerificationError("invalid_payload", "the body is not a JSON object")
    event = _text(raw.get("event")) or _text(raw.get("sub_type"))
    envelope: dict[str, Any] = {
        "field": _text(raw.get("field")),
        "event": event,
        "timestamp": _timestamp(raw.get("timestamp")),
        "request_id": _text(raw.get("request_id")),
        "event_id": lower_headers(headers).get("x-webhook-event-id", "").strip() or None,
        "raw": raw,
    }
    body = raw.get("payload")
    if not isinstance(body, dict):
        body = raw.get("value")  # the name in Sent's plugin examples
    route = _route(envelope["field"], event)
    if route is not None and isinstance(body, dict):
        cls, model = route
        try:
            return cls(payload=wire.structure(body, model), **envelope)
        except (cattrs.BaseValidationError, ValueError, TypeError, KeyError):
            log.warning(
                "a %s webhook payload did not fit %s", event or raw.get("field"), model.__name__
            )
    return UnknownWebhookEvent(**envelope)
