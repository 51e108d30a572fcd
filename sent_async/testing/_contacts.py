"""FakeSent's ``/v3/contacts`` family: the contact store and its handlers (scoped, paged).

Messages create missing contacts and read their opt-out through ``state.contacts``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
from aiohttp import web

from .._types import UNSET
from ..models import (
    Contact,
    ContactChannelScore,
    ContactCreateRequest,
    ContactMessageSummary,
    ContactsPage,
    ContactUpdateRequest,
    Message,
)
from ._support import (
    customer_of,
    e164,
    envelope,
    is_sandbox,
    new_id,
    no_content,
    not_found,
    now,
    page_of,
    parse,
    sandboxed,
    state_of,
    uuid_id,
    visible,
)

routes = web.RouteTableDef()
SUCCESS = frozenset({"DELIVERED", "READ"})
FAILURE = frozenset({"FAILED", "FILTERED", "BLOCKED"})
# Calling code -> ISO region, enough for realistic-looking contacts (longest prefix wins).
_REGIONS = {"1": "US", "44": "GB", "33": "FR", "49": "DE", "34": "ES", "39": "IT", "61": "AU"}


def _formats(phone: str) -> tuple[str, str, str, str]:
    """(calling code, national, international, RFC 3966) forms of an E.164 number."""
    digits = phone[1:]
    code = next((c for c in sorted(_REGIONS, key=len, reverse=True) if digits.startswith(c)), "")
    rest = digits[len(code) :] if code else digits
    if code == "1" and len(rest) == 10:
        international = f"+1 {rest[:3]}-{rest[3:6]}-{rest[6:]}"
        national, rfc = (
            f"({rest[:3]}) {rest[3:6]}-{rest[6:]}",
            "tel:" + international.replace(" ", "-"),
        )
        return code, national, international, rfc
    return code, rest, f"+{code} {rest}".replace("+ ", "+"), f"tel:{phone}"


def new_contact(phone: str, customer_id: str) -> Contact:
    """A contact as Sent shapes one: formats, region, channels, consent."""
    code, national, international, rfc = _formats(phone)
    stamp = now()
    return Contact(
        id=new_id(),
        phone_number=phone,
        format_e164=phone,
        format_international=international,
        format_national=national,
        format_rfc=rfc,
        country_code=_REGIONS.get(code),
        region_code=_REGIONS.get(code),
        available_channels="sms,whatsapp",
        default_channel="sms",
        opt_out=False,
        is_inherited=False,
        customer_id=customer_id,
        created_at=stamp,
        updated_at=stamp,
    )


@attrs.define(eq=False)
class Contacts:
    """The contact store: id -> Contact."""

    by_id: dict[str, Contact] = attrs.Factory(dict)

    def find_by_phone(self, phone: str, customer_id: str) -> Contact | None:
        """The contact ``customer_id`` holds for ``phone``, if any."""
        return next(
            (
                c
                for c in self.by_id.values()
                if c.phone_number == phone and c.customer_id == customer_id
            ),
            None,
        )

    def add(self, contact: Contact) -> None:
        """Store ``contact`` unless one with its id is there already."""
        self.by_id.setdefault(str(contact.id), contact)

    def opted_out(self, contact_id: str | None) -> bool:
        contact = self.by_id.get(contact_id or "")
        return contact is not None and bool(contact.opt_out)


def summary(contact_id: str, messages: Sequence[Message]) -> ContactMessageSummary:
    """Counts, first/last message time and per-channel delivery scores of one contact."""
    mine = [m for m in messages if m.contact_id == contact_id]
    stamps = [m.created_at for m in mine if m.created_at is not None]
    channels = sorted({m.channel for m in mine if m.channel})
    return ContactMessageSummary(
        contact_id=contact_id,
        message_count=len(mine),
        first_message_at=min(stamps, default=None),
        last_message_at=max(stamps, default=None),
        channels_used=channels,
        channel_scores=[
            ContactChannelScore(
                channel=channel,
                success_score=sum(m.channel == channel and m.status in SUCCESS for m in mine),
                fail_score=sum(m.channel == channel and m.status in FAILURE for m in mine),
            )
            for channel in channels
        ],
    )


def find(request: web.Request) -> Contact:
    contact = state_of(request).contacts.by_id.get(uuid_id(request, "contact_id"))
    if contact is None or not visible(request, contact.customer_id):
        raise not_found("RESOURCE_001", "Contact")
    return contact


def _matches(contact: Contact, query: Mapping[str, str]) -> bool:
    search, phone, channel = query.get("search"), query.get("phone"), query.get("channel")
    texts = (contact.phone_number, contact.format_national, contact.format_international)
    return (
        (not search or any(search in (t or "") for t in texts))
        and (not phone or phone.lstrip("+") in (contact.phone_number or ""))
        and (not channel or channel in (contact.available_channels or "").split(","))
    )


@routes.get("/v3/contacts")
async def list_contacts(request: web.Request) -> web.Response:
    stored = state_of(request).contacts.by_id.values()
    mine = [c for c in stored if visible(request, c.customer_id) and _matches(c, request.query)]
    items, pagination = page_of(request, mine)
    return envelope(ContactsPage(contacts=items, pagination=pagination))


@routes.post("/v3/contacts")
async def create_contact(request: web.Request) -> web.Response:
    body = await parse(request, ContactCreateRequest)
    phone = e164(body.phone_number, "phone_number")
    owner, contacts = customer_of(request), state_of(request).contacts
    existing = contacts.find_by_phone(phone, owner)
    if body.sandbox is True:
        return sandboxed(envelope(existing or new_contact(phone, owner)))
    if existing is None:
        existing = new_contact(phone, owner)
        contacts.add(existing)
    return envelope(existing)


@routes.get("/v3/contacts/{contact_id}")
async def get_contact(request: web.Request) -> web.Response:
    return envelope(find(request))


@routes.patch("/v3/contacts/{contact_id}")
async def update_contact(request: web.Request) -> web.Response:
    contact = find(request)
    body = await parse(request, ContactUpdateRequest)
    changes = {
        name: getattr(body, name)
        for name in ("default_channel", "opt_out")
        if getattr(body, name) is not UNSET
    }
    updated = attrs.evolve(contact, **changes, updated_at=now())
    if body.sandbox is True:
        return sandboxed(envelope(updated))
    state_of(request).contacts.by_id[str(contact.id)] = updated
    return envelope(updated)


@routes.delete("/v3/contacts/{contact_id}")
async def delete_contact(request: web.Request) -> web.Response:
    contact = find(request)
    if await is_sandbox(request):
        return sandboxed(no_content())
    del state_of(request).contacts.by_id[str(contact.id)]
    return no_content()


@routes.get("/v3/contacts/{contact_id}/message-summary")
async def message_summary(request: web.Request) -> web.Response:
    contact = find(request)
    messages = state_of(request).messages.by_id.values()
    return envelope(summary(str(contact.id), list(messages)))
