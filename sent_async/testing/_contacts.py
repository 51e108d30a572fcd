"""FakeSent handlers for ``/v3/contacts``: stateful, scoped by ``x-profile-id``, paged.

Also the helpers the messages and conversations handlers share: the contact store, scoping
(an organization key sees every profile's records, a profile only its own) and paging.
"""

from __future__ import annotations

import datetime
import math
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from aiohttp import web

from .. import _validate
from .._errors import SentValidationError
from .._types import UNSET
from ..models import (
    Contact,
    ContactChannelScore,
    ContactCreateRequest,
    ContactMessageSummary,
    ContactsPage,
    ContactUpdateRequest,
    Message,
    PaginationCursors,
    PaginationMeta,
)
from ._server import invalid, not_found

if TYPE_CHECKING:
    from ._server import FakeSent

T = TypeVar("T")
DEFAULT_PAGE_SIZE = 20
SUCCESS = frozenset({"DELIVERED", "READ"})
FAILURE = frozenset({"FAILED", "FILTERED", "BLOCKED"})
# Calling code -> ISO region, enough for realistic-looking contacts (longest prefix wins).
_REGIONS = {"1": "US", "44": "GB", "33": "FR", "49": "DE", "34": "ES", "39": "IT", "61": "AU"}


def now() -> datetime.datetime:
    """The current time, in UTC."""
    return datetime.datetime.now(datetime.timezone.utc)


def customer_of(server: FakeSent, request: web.Request) -> str:
    """Who owns what this request creates: the profile in x-profile-id, else the organization."""
    return request.headers.get("x-profile-id") or server.organization_id


def visible(server: FakeSent, request: web.Request, customer_id: str | None) -> bool:
    """Whether the request's key may see a record owned by ``customer_id``."""
    scope = request.headers.get("x-profile-id")
    return scope is None or scope == customer_id


def e164(value: object, field: str) -> str:
    """An E.164 number, or 400 VALIDATION_002 as Sent answers."""
    try:
        return _validate.e164(value, field)
    except SentValidationError as exc:
        raise invalid(str(exc), field, "VALIDATION_002") from None


def uuid_id(request: web.Request, name: str) -> str:
    """A UUID path value, or 400 VALIDATION_003 ("Malformed UUID") as Sent answers."""
    value = request.match_info[name]
    try:
        uuid.UUID(value)
    except ValueError:
        raise invalid(f"{name} is not a valid UUID", name, "VALIDATION_003") from None
    return value


def page_of(request: web.Request, items: Sequence[T]) -> tuple[list[T], PaginationMeta]:
    """Slice ``items`` by the ``page``/``page_size`` query (1-based; 20 per page by default)."""
    try:
        page = int(request.query.get("page", "1"))
        size = int(request.query.get("page_size", str(DEFAULT_PAGE_SIZE)))
    except ValueError:
        raise invalid("page and page_size must be integers", "page") from None
    if page < 1 or size < 1:
        raise invalid("page and page_size must be at least 1", "page", "VALIDATION_005")
    total = len(items)
    meta = PaginationMeta(
        page=page,
        page_size=size,
        total_count=total,
        total_pages=math.ceil(total / size),
        has_more=page * size < total,
        cursors=PaginationCursors(before=None, after=None),
    )
    return list(items[(page - 1) * size : page * size]), meta


def new_contact(phone: str, customer_id: str) -> Contact:
    """A contact as Sent shapes one: formats, region, channels, consent."""
    digits = phone[1:]
    code = next((c for c in sorted(_REGIONS, key=len, reverse=True) if digits.startswith(c)), "")
    rest = digits[len(code) :] if code else digits
    if code == "1" and len(rest) == 10:
        national = f"({rest[:3]}) {rest[3:6]}-{rest[6:]}"
        international = f"+1 {rest[:3]}-{rest[3:6]}-{rest[6:]}"
        rfc = "tel:" + international.replace(" ", "-")
    else:
        national, international, rfc = rest, f"+{code} {rest}".replace("+ ", "+"), f"tel:{phone}"
    stamp = now()
    return Contact(
        id=str(uuid.uuid4()),
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


def contacts_of(server: FakeSent) -> dict[str, Contact]:
    """The contact store: id -> Contact."""
    store: dict[str, Contact] = server.state.setdefault("contacts", {})
    return store


def find_by_phone(server: FakeSent, phone: str, customer_id: str) -> Contact | None:
    """The contact ``customer_id`` holds for ``phone``, if any."""
    return next(
        (
            c
            for c in contacts_of(server).values()
            if c.phone_number == phone and c.customer_id == customer_id
        ),
        None,
    )


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


def sandboxed(response: web.Response) -> web.Response:
    """Sent marks sandbox answers with ``X-Sandbox: true``."""
    response.headers["X-Sandbox"] = "true"
    return response


def routes(server: FakeSent) -> list[web.RouteDef]:
    """Create, read, list (paged, filtered), update and (deprecated) delete contacts."""
    contacts = contacts_of(server)

    def find(request: web.Request) -> Contact:
        contact = contacts.get(uuid_id(request, "contact_id"))
        if contact is None or not visible(server, request, contact.customer_id):
            raise not_found("RESOURCE_001", "Contact")
        return contact

    def matches(contact: Contact, query: Any) -> bool:
        search, phone, channel = query.get("search"), query.get("phone"), query.get("channel")
        texts = (contact.phone_number, contact.format_national, contact.format_international)
        return (
            (not search or any(search in (t or "") for t in texts))
            and (not phone or phone.lstrip("+") in (contact.phone_number or ""))
            and (not channel or channel in (contact.available_channels or "").split(","))
        )

    async def list_contacts(request: web.Request) -> web.Response:
        mine = [
            c
            for c in contacts.values()
            if visible(server, request, c.customer_id) and matches(c, request.query)
        ]
        items, meta = page_of(request, mine)
        return server.envelope(ContactsPage(contacts=items, pagination=meta))

    async def create_contact(request: web.Request) -> web.Response:
        body: ContactCreateRequest = server.structure(
            await server.read_json(request), ContactCreateRequest
        )
        phone = e164(body.phone_number, "phone_number")
        owner = customer_of(server, request)
        existing = find_by_phone(server, phone, owner)
        if body.sandbox is True:
            return sandboxed(server.envelope(existing or new_contact(phone, owner)))
        if existing is None:
            existing = new_contact(phone, owner)
            contacts[str(existing.id)] = existing
        return server.envelope(existing)

    async def get_contact(request: web.Request) -> web.Response:
        return server.envelope(find(request))

    async def message_summary(request: web.Request) -> web.Response:
        contact = find(request)
        stored: dict[str, Message] = server.state.setdefault("messages", {})
        return server.envelope(summary(str(contact.id), list(stored.values())))

    async def update_contact(request: web.Request) -> web.Response:
        contact = find(request)
        body: ContactUpdateRequest = server.structure(
            await server.read_json(request), ContactUpdateRequest
        )
        changes = {
            name: getattr(body, name)
            for name in ("default_channel", "opt_out")
            if getattr(body, name) is not UNSET
        }
        updated = attrs.evolve(contact, **changes, updated_at=now())
        if body.sandbox is True:
            return sandboxed(server.envelope(updated))
        contacts[str(contact.id)] = updated
        return server.envelope(updated)

    async def delete_contact(request: web.Request) -> web.Response:
        contact = find(request)
        if (await server.read_json(request)).get("sandbox") is True:
            return sandboxed(web.Response(status=204))
        del contacts[str(contact.id)]
        return web.Response(status=204)

    one = "/v3/contacts/{contact_id}"
    return [
        web.get("/v3/contacts", list_contacts),
        web.post("/v3/contacts", create_contact),
        web.get(one, get_contact),
        web.patch(one, update_contact),
        web.delete(one, delete_contact),
        web.get(one + "/message-summary", message_summary),
    ]
