"""FakeSent's ``/v3/messages`` family: sends become stored messages that move on demand.

``POST /v3/messages`` stores one message per (recipient, channel) with status QUEUED (SCHEDULED
when ``scheduled_at`` is given) and creates missing contacts. ``await server.advance_messages()``
moves every message one step: SCHEDULED -> QUEUED (once due) -> SENT -> DELIVERED (-> READ on
WhatsApp/RCS), or QUEUED -> FILTERED for an opted-out contact, recording a status event and an
activity and emitting the ``message.<status>`` webhook event each time.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
from aiohttp import web

from .. import _converter
from .._types import UNSET
from ..models import (
    Contact,
    Message,
    MessageActivities,
    MessageActivity,
    MessageBody,
    MessageBodyMedia,
    MessageSendRecipient,
    MessageSendRequest,
    MessageSendResult,
    MessageStatusEvent,
    MessageWebhookPayload,
)
from ._contacts import Contacts, new_contact
from ._support import (
    ApiFailure,
    Emit,
    customer_of,
    e164,
    envelope,
    invalid,
    new_id,
    not_found,
    now,
    one_page,
    parse,
    sandboxed,
    state_of,
    uuid_id,
    visible,
    zulu,
)

routes = web.RouteTableDef()
CHANNELS = frozenset({"sent", "sms", "whatsapp", "rcs", "mms"})
_NEXT = {"QUEUED": "SENT", "SENT": "DELIVERED"}
_READ_RECEIPTS = frozenset({"whatsapp", "rcs"})
_DESCRIBE = {
    "SCHEDULED": "Scheduled for later delivery",
    "QUEUED": "Accepted and queued",
    "SENT": "Submitted to the provider",
    "DELIVERED": "Delivered to the handset",
    "READ": "Read by the recipient",
    "FILTERED": "Not sent: the contact has opted out",
    "CANCELLED": "Cancelled by the sender before release",
}
_PRICE = {"sms": 0.0079, "mms": 0.02, "whatsapp": 0.005, "rcs": 0.006}


@attrs.define(eq=False)
class Messages:
    """Stored messages, their activity logs, schedules and senders; moves them on demand."""

    contacts: Contacts = attrs.field(repr=False)
    emit: Emit = attrs.field(repr=False)
    by_id: dict[str, Message] = attrs.Factory(dict)
    activities: dict[str, list[MessageActivity]] = attrs.Factory(dict)
    schedule: dict[str, datetime.datetime] = attrs.Factory(dict)
    senders: dict[str, str | None] = attrs.Factory(dict)

    async def record(self, message: Message, status: str, reason: str | None = None) -> Message:
        """Move ``message`` to ``status``: event, activity, store, webhook."""
        stamp, mid = now(), str(message.id)
        description = _DESCRIBE.get(status)
        event = MessageStatusEvent(
            status=status, timestamp=stamp, description=description, reason=reason
        )
        price = _PRICE.get(message.channel or "") if status == "SENT" else message.price
        message = attrs.evolve(
            message, status=status, events=[*message.events, event], reason=reason, price=price
        )
        self.by_id[mid] = message
        self.activities.setdefault(mid, []).append(
            MessageActivity(
                status=status,
                timestamp=stamp,
                description=description,
                reason=reason,
                from_=self.senders.get(mid),
                price=f"{price:.4f}" if price is not None else None,
                scheduled_at=self.schedule.get(mid),
            )
        )
        payload = self._payload(message, reason, stamp)
        await self.emit("message", f"message.{status.lower()}", payload)
        return message

    def _payload(
        self, message: Message, reason: str | None, stamp: datetime.datetime
    ) -> dict[str, Any]:
        """The ``message.<status>`` webhook payload for ``message`` as it now stands."""
        status = str(message.status)
        kept = status in ("SCHEDULED", "CANCELLED")  # message.cancelled carries scheduled_at
        scheduled = self.schedule.get(str(message.id)) if kept else None
        payload = MessageWebhookPayload(
            message_status=status,
            message_id=str(message.id),
            account_id=message.customer_id,
            channel=message.channel,
            outbound_number=message.phone,
            body=message.message_body.content if message.message_body else None,
            template_id=message.template_id,
            template_name=message.template_name,
            reason=reason,
            scheduled_at=scheduled.isoformat() if scheduled else None,
            schedule_reason="Requested by sender" if scheduled else None,
            updated_at=zulu(stamp),
        )
        doc: dict[str, Any] = _converter.wire.unstructure(payload)
        return doc

    def next_status(self, message: Message) -> tuple[str, str | None] | None:
        """Where ``message`` goes on the next ``advance()``, with a reason; None to stay."""
        status, mid = message.status or "", str(message.id)
        if status == "SCHEDULED":
            return ("QUEUED", None) if self.schedule[mid] <= now() else None
        if status == "QUEUED" and self.contacts.opted_out(message.contact_id):
            return "FILTERED", "Recipient has opted out"
        if status == "DELIVERED" and message.channel in _READ_RECEIPTS:
            return "READ", None
        return (_NEXT[status], None) if status in _NEXT else None

    async def advance(self) -> int:
        """Move every message one status forward; how many changed."""
        changed = 0
        for message in list(self.by_id.values()):
            step = self.next_status(message)
            if step is not None:
                await self.record(message, *step)
                changed += 1
        return changed


def _check(request: MessageSendRequest) -> None:
    """The request rules Sent documents, answered with its 400 codes."""
    if request.to is UNSET or not request.to:
        raise invalid("to is required", "to", "VALIDATION_004")
    for number in request.to:
        e164(number, "to")
    template = request.template
    if template in (None, UNSET):
        if request.text in (None, UNSET):
            raise invalid("Send text or a template", "text", "VALIDATION_004")
    elif template.id in (None, UNSET) and template.name in (None, UNSET):
        raise invalid("template needs its id or its name", "template", "VALIDATION_004")
    channels = request.channel or []
    if any(c not in CHANNELS for c in channels):
        raise invalid("Unknown channel", "channel", "VALIDATION_006")
    if "mms" in channels and not request.media_urls:
        raise invalid("channel mms needs media_urls", "media_urls")
    _check_schedule(request.scheduled_at)


def _check_schedule(when: object) -> None:
    if isinstance(when, datetime.datetime):
        if when.tzinfo is None:
            raise invalid("scheduled_at needs an explicit UTC offset", "scheduled_at")
        ahead = when - now()
        if not datetime.timedelta(minutes=1) <= ahead <= datetime.timedelta(days=30):
            raise invalid(
                "scheduled_at must be 1 minute to 30 days ahead", "scheduled_at", "VALIDATION_005"
            )


def _template(request: web.Request, body: MessageSendRequest) -> tuple[str | None, str | None]:
    """(template_id, template_name), completed from the template store when it knows the id."""
    ref = body.template
    if ref is None or ref is UNSET:
        return None, None
    tid = ref.id if isinstance(ref.id, str) else None
    name = ref.name if isinstance(ref.name, str) else None
    stored = state_of(request).templates.by_id.get(tid) if tid else None
    return tid, name or getattr(stored, "name", None)


def _sender(request: MessageSendRequest, channel: str) -> str | None:
    entries = request.channels.get(channel) if isinstance(request.channels, dict) else None
    for entry in entries or []:
        if isinstance(entry.from_, list) and entry.from_:
            return entry.from_[0]
    return None


@attrs.define
class _Draft:
    """What one send asks for, worked out before anything is stored."""

    body: MessageSendRequest
    owner: str
    template: tuple[str | None, str | None]
    recipients: list[MessageSendRecipient] = attrs.Factory(list)
    created: list[tuple[Contact, Message, str | None]] = attrs.Factory(list)

    def add(self, contact: Contact, phone: str, asked: str) -> None:
        """One message to ``phone`` on channel ``asked`` ("sent" lets Sent pick)."""
        body = self.body
        text = body.text if isinstance(body.text, str) else None
        media = body.media_urls if isinstance(body.media_urls, list) else []
        auto = "mms" if media else contact.default_channel or "sms"
        channel = auto if asked == "sent" else asked
        message = Message(
            id=new_id(),
            channel=channel,
            contact_id=contact.id,
            customer_id=self.owner,
            created_at=now(),
            direction="outbound",
            phone=phone,
            phone_international=contact.format_international,
            region_code=contact.region_code,
            message_body=MessageBody(
                content=text,
                subject=body.subject if isinstance(body.subject, str) else None,
                media=[MessageBodyMedia(url=u) for u in media],
            ),
            template_id=self.template[0],
            template_name=self.template[1],
        )
        self.recipients.append(
            MessageSendRecipient(message_id=message.id, to=phone, channel=channel, body=text)
        )
        self.created.append((contact, message, _sender(body, channel or "")))


def _draft(request: web.Request, body: MessageSendRequest) -> _Draft:
    """Every message of a send, with its contact (found, or new and not yet stored)."""
    assert isinstance(body.to, list)
    draft = _Draft(body=body, owner=customer_of(request), template=_template(request, body))
    known: dict[str, Contact] = {}
    for phone in body.to:
        found = known.get(phone) or state_of(request).contacts.find_by_phone(phone, draft.owner)
        contact = known[phone] = found or new_contact(phone, draft.owner)
        for asked in body.channel or ["sent"]:
            draft.add(contact, phone, asked)
    return draft


@routes.post("/v3/messages")
async def send(request: web.Request) -> web.Response:
    body = await parse(request, MessageSendRequest)
    _check(body)
    draft = _draft(request, body)
    result = MessageSendResult(
        recipients=draft.recipients,
        status="QUEUED",
        template_id=draft.template[0],
        template_name=draft.template[1],
    )
    if body.sandbox is True:
        return sandboxed(envelope(result, 202))
    state = state_of(request)
    for contact, message, sender in draft.created:
        state.contacts.add(contact)
        state.messages.senders[str(message.id)] = sender
        if isinstance(body.scheduled_at, datetime.datetime):
            state.messages.schedule[str(message.id)] = body.scheduled_at
            await state.messages.record(message, "SCHEDULED")
        else:
            await state.messages.record(message, "QUEUED")
    return envelope(result, 202)


def find(request: web.Request) -> Message:
    message = state_of(request).messages.by_id.get(uuid_id(request, "message_id"))
    if message is None or not visible(request, message.customer_id):
        raise not_found("RESOURCE_003", "Message")
    return message


@routes.get("/v3/messages/{message_id}")
async def get_message(request: web.Request) -> web.Response:
    return envelope(find(request))


@routes.get("/v3/messages/{message_id}/activities")
async def list_activities(request: web.Request) -> web.Response:
    mid = str(find(request).id)
    log = list(reversed(state_of(request).messages.activities.get(mid, [])))  # newest first
    return envelope(
        MessageActivities(activities=log, message_id=mid, pagination=one_page(len(log)))
    )


@routes.post("/v3/messages/{message_id}/cancel")
async def cancel_message(request: web.Request) -> web.Response:
    """SCHEDULED -> CANCELLED (webhook once); again: 200, same message; else 409 BUSINESS_006."""
    message = find(request)
    if message.status == "CANCELLED":
        return envelope(message)
    if message.status != "SCHEDULED":
        raise ApiFailure(
            409, "BUSINESS_006", f"Only a SCHEDULED message can be cancelled, not {message.status}"
        )
    return envelope(await state_of(request).messages.record(message, "CANCELLED"))
