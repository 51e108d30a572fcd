"""Scoping: act for a child profile with ``for_profile`` (the ``x-profile-id`` header)."""

from __future__ import annotations

import asyncio

from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async.testing import FakeSent


async def scoped(sent: AsyncSent, server: FakeSent, profile_id: str) -> None:
    # --8<-- [start:scope]
    acme = sent.for_profile(profile_id)  # a cheap view: same pool, same session
    contact = await acme.contacts.create(phone_number="+14155550123")
    print(f"created {contact.id} for customer {contact.customer_id}")
    print("header sent:", server.requests[-1].headers["x-profile-id"])

    async for c in acme.contacts.list():  # the profile sees only its own contacts
        print("acme's contact", c.phone_number)
    # --8<-- [end:scope]

    # --8<-- [start:mistakes]
    try:
        sent.for_profile("acme")  # not a UUID: refused before any request is made
    except SentValidationError as exc:
        print("refused locally:", exc)

    stranger = sent.for_profile("9b2f1d9e-5a8c-4c7e-9f43-1b0a2d3c4e5f")
    try:
        await stranger.contacts.create(phone_number="+14155550123")
    except NotFoundError as exc:  # not a profile of this organization
        print(f"{exc.status_code} {exc.code}: {exc.message}")
    # --8<-- [end:mistakes]


async def main() -> None:
    async with FakeSent() as server, server.client() as sent:
        profile = await sent.sender_profiles.create(name="Acme", short_name="Acme")
        assert profile.id is not None
        await scoped(sent, server, profile.id)


if __name__ == "__main__":
    asyncio.run(main())
