"""The main job of `make demo`: sender profiles end to end, async then sync.

With SENT_DM_API_KEY set it talks to the real API (and creates a real profile, in sandbox
mode where the API allows it); otherwise it starts FakeSent, the in-memory Sent server that
ships with the SDK, and says so.
"""

from __future__ import annotations

import asyncio
import os
import uuid

import sent_sync
from sent_async import AsyncSent, NotFoundError
from sent_async.testing import FakeSent

BRAND = {
    "contact": {"name": "John Smith", "business_name": "Acme Corp", "email": "ops@acme.example"},
    "business": {"legal_name": "Acme Corporation LLC", "country": "US"},
    "compliance": {
        "brand_relationship": "SMALL_ACCOUNT",
        "vertical": "PROFESSIONAL",
        "destination_countries": [{"id": "US", "is_main": True}],
    },
}


async def async_tour(sent: AsyncSent) -> str:
    print("== async client ==")
    profile = await sent.profiles.create(
        name="Sales Team", short_name="SALES", description="Sales department", brand=BRAND
    )
    print(f"created profile {profile.id} ({profile.name}, status {profile.status})")

    assert profile.id is not None  # ids are optional in the contract; a created one has one
    fetched = await sent.profiles.get(profile.id)
    brand = fetched.brand
    vertical = brand.compliance.vertical if brand and brand.compliance else None
    print(
        f"got it back: brand contact {brand.contact.name if brand and brand.contact else '-'},"
        f" vertical {vertical}"
    )

    listed = await sent.profiles.list()
    print(f"the organization has {len(listed.profiles)} profile(s)")

    scoped = sent.for_profile(profile.id)  # every request now carries x-profile-id
    raw = await scoped.with_raw_response.profiles.get(profile.id)
    print(
        f"scoped call as the child profile: HTTP {raw.status_code}, "
        f"request_id {raw.meta.request_id}"
    )

    try:
        await sent.profiles.get(str(uuid.uuid4()))
    except NotFoundError as exc:
        print(
            f"a missing profile is a typed error: {type(exc).__name__} "
            f"status={exc.status_code} code={exc.code} request_id={exc.request_id}"
        )
    return profile.id


def sync_tour(api_key: str | None, base_url: str | None, profile_id: str) -> None:
    print("== sync client ==")
    with sent_sync.Sent(api_key, base_url=base_url) as sent:
        profile = sent.profiles.update(profile_id, description="Sales (EMEA)")
        print(f"updated {profile.id}: description is now {profile.description!r}")
        print(f"profiles: {[p.name for p in sent.profiles.list().profiles]}")
        try:
            sent.profiles.get(str(uuid.uuid4()))
        except sent_sync.NotFoundError as exc:
            print(f"same typed error from sync code: {exc}")


async def main() -> None:
    if os.environ.get("SENT_DM_API_KEY"):
        print("SENT_DM_API_KEY is set: talking to the real Sent API")
        async with AsyncSent() as sent:
            profile_id = await async_tour(sent)
        sync_tour(None, None, profile_id)
        return
    print("SENT_DM_API_KEY is not set: using FakeSent, the in-memory Sent server (no network)")
    async with FakeSent() as server:
        async with server.client() as sent:
            profile_id = await async_tour(sent)
        # The sync client runs its own event loop thread; call it off this loop's thread so
        # the fake server (on this loop) keeps answering.
        await asyncio.to_thread(sync_tour, server.api_key, server.base_url, profile_id)


if __name__ == "__main__":
    asyncio.run(main())
