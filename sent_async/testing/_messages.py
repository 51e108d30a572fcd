"""FakeSent handlers for ``/v3/messages``: sends become stored messages that move on demand.

``POST /v3/messages`` stores one message per (recipient, channel) with status QUEUED (SCHEDULED
when ``scheduled_at`` is given) and creates missing contacts. ``await server.advance_messages()``
moves every message one step: SCHEDULED -> QUEUED (once due) -> SENT -> DELIVERED (-> READ on
WhatsApp/RCS), or QUEUED -> FILTERED for an opted-out contact, recording a status event and an
activity and emitting the ``message.<status>`` webhook event each time.
"""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING, Any

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
    PaginationMeta,
)
from ._contacts import (
    contacts_of,
    customer_of,
    e164,
    find_by_phone,
    new_contact,
    now,
    sandboxed,
    uuid_id,
    visible,
)
from ._server import invalid, not_found

if TYPE_CHECKING:
    from ._server import FakeSent

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
}
_PRICE = {"sms": 0.0079, "mms": 0.02, "whatsapp": 0.005, "rcs": 0.006}


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
    when = request.scheduled_at
    if isinstance(when, datetime.datetime):
        if when.tzinfo is None:
            raise invalid("scheduled_at needs an explicit UTC offset", "scheduled_at")
        ahead = when - now()
        if not datetime.timedelta(minutes=1) <= ahead <= datetime.timedelta(days=30):
            raise invalid(
                "scheduled_at must be 1 minute to 30 days ahead", "scheduled_at", "VALIDATION_005"
            )


def _template(server: FakeSent, request: MessageSendRequest) -> tuple[str | None, str | None]:
    """(template_id, template_name), completed from the template store when it knows the id."""
    ref = request.template
    if ref is None or ref is UNSET:
        return None, None
    tid = ref.id if isinstance(ref.id, str) else None
    name = ref.name if isinstance(ref.name, str) else None
    stored = server.state.get("templates", {}).get(tid) if tid else None
    return tid, name or getattr(stored, "name", None)


def _sender(request: MessageSendRequest, channel: str) -> str | None:
    entries = request.channels.get(channel) if isinstance(request.channels, dict) else None
    for entry in entries or []:
        if isinstance(entry.from_, list) and entry.from_:
            return entry.from_[0]
    return None


def routes(server: FakeSent) -> list[web.RouteDef]:
    """Send, get and list activities; registers the ``advance_messages`` hook."""
    messages: dict[str, Message] = server.state.setdefault("messages", {})
    activities: dict[str, list[MessageActivity]] = server.state.setdefault("message_activities", {})
    schedule: dict[str, datetime.datetime] = server.state.setdefault("message_schedule", {})
    senders: dict[str, str | None] = server.state.setdefault("message_senders", {})

    async def record(message: Message, status: str, reason: str | None = None) -> Message:
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
        messages[mid] = message
        activities.setdefault(mid, []).append(
            MessageActivity(
                status=status,
                timestamp=stamp,
                description=description,
                reason=reason,
                from_=senders.get(mid),
                price=f"{price:.4f}" if price is not None else None,
                scheduled_at=schedule.get(mid),
            )
        )
        scheduled = schedule.get(mid) if status == "SCHEDULED" else None
        payload = MessageWebhookPayload(
            message_status=status,
            message_id=mid,
            account_id=message.customer_id,
            channel=message.channel,
            outbound_number=message.phone,
            body=message.message_body.content if message.message_body else None,
            template_id=message.template_id,
            template_name=message.template_name,
            reason=reason,
            scheduled_at=scheduled.isoformat() if scheduled else None,
            schedule_reason="Requested by sender" if scheduled else None,
            updated_at=stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        await server.emit("message", f"message.{status.lower()}", _wire(payload))
        return message

    def next_status(message: Message) -> tuple[str, str | None] | None:
        status, mid = message.status or "", str(message.id)
        if status == "SCHEDULED":
            return ("QUEUED", None) if schedule[mid] <= now() else None
        if status == "QUEUED":
            contact = contacts_of(server).get(message.contact_id or "")
            if contact is not None and contact.opt_out:
                return "FILTERED", "Recipient has opted out"
        if status == "DELIVERED" and message.channel in _READ_RECEIPTS:
            return "READ", None
        return (_NEXT[status], None) if status in _NEXT else None

    async def advance() -> int:
        changed = 0
        for message in list(messages.values()):
            step = next_status(message)
            if step is not None:
                await record(message, *step)
                changed += 1
        return changed

    server.hooks["advance_messages"] = advance

    async def send(request: web.Request) -> web.Response:
        body: MessageSendRequest = server.structure(
            await server.read_json(request), MessageSendRequest
        )
        _check(body)
        assert isinstance(body.to, list)
        owner = customer_of(server, request)
        template_id, template_name = _template(server, body)
        text = body.text if isinstance(body.text, str) else None
        media = body.media_urls if isinstance(body.media_urls, list) else []
        subject = body.subject if isinstance(body.subject, str) else None
        recipients: list[MessageSendRecipient] = []
        created: list[tuple[Contact, Message, str | None]] = []
        known: dict[str, Contact] = {}
        for phone in body.to:
            contact = known.get(phone) or find_by_phone(server, phone, owner)
            contact = known[phone] = contact or new_contact(phone, owner)
            for asked in body.channel or ["sent"]:
                auto = "mms" if media else contact.default_channel or "sms"
                channel = auto if asked == "sent" else asked
                message = Message(
                    id=str(uuid.uuid4()),
                    channel=channel,
                    contact_id=contact.id,
                    customer_id=owner,
                    created_at=now(),
                    direction="outbound",
                    phone=phone,
                    phone_international=contact.format_international,
                    region_code=contact.region_code,
                    message_body=MessageBody(
                        content=text,
                        subject=subject,
                        media=[MessageBodyMedia(url=u) for u in media],
                    ),
                    template_id=template_id,
                    template_name=template_name,
                )
                recipients.append(
                    MessageSendRecipient(
                        message_id=message.id, to=phone, channel=channel, body=text
                    )
                )
                created.append((contact, message, _sender(body, channel or "")))
        result = MessageSendResult(
            recipients=recipients,
            status="QUEUED",
            template_id=template_id,
            template_name=template_name,
        )
        if body.sandbox is True:
            return sandboxed(server.envelope(result, 202))
        for contact, message, sender in created:
            contacts_of(server).setdefault(str(contact.id), contact)
            senders[str(message.id)] = sender
            if isinstance(body.scheduled_at, datetime.datetime):
                schedule[str(message.id)] = body.scheduled_at
                await record(message, "SCHEDULED")
            else:
                await record(message, "QUEUED")
        return server.envelope(result, 202)

    def find(request: web.Request) -> Message:
        message = messages.get(uuid_id(request, "message_id"))
        if message is None or not visible(server, request, message.customer_id):
            raise not_found("RESOURCE_003", "Message")
        return message

    async def get_message(request: web.Request) -> web.Response:
        return server.envelope(find(request))

    async def list_activities(request: web.Request) -> web.Response:
        mid = str(find(request).id)
        log = list(reversed(activities.get(mid, [])))  # newest first, as Sent lists them
        meta = PaginationMeta(
            page=1, page_size=len(log), total_count=len(log), total_pages=1, has_more=False
        )
        return server.envelope(MessageActivities(activities=log, message_id=mid, pagination=meta))

    return [
        web.post("/v3/messages", send),
        web.get("/v3/messages/{message_id}", get_message),
        web.get("/v3/messages/{message_id}/activities", list_activities),
    ]


def _wire(payload: MessageWebhookPayload) -> dict[str, Any]:
    doc: dict[str, Any] = _converter.wire.unstructure(payload)
    return doc
