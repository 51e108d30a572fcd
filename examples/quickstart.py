"""The main job of `make demo`: sender profiles end to end, async then sync.

With SENT_DM_API_KEY set it talks to the real API (SENT_BASE_URL, if set, says where) and
leaves nothing behind: the branded create runs in sandbox mode (Sent validates it, stores
nothing, files no TCR brand), the one profile it really creates has no brand, and that
profile is deleted in a ``finally`` even when a step fails. Otherwise it starts FakeSent, the
in-memory Sent server that ships with the SDK, and says so.
"""

from __future__ import annotations

import asyncio
import os
import uuid
import warnings

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


async def async_tour(sent: AsyncSent, profile_id: str) -> None:
    print("== async client ==")
    fetched = await sent.profiles.get(profile_id)
    print(f"got it back: {fetched.name} ({fetched.short_name}), status {fetched.status}")

    listed = await sent.profiles.list()
    print(f"the organization has {len(listed.profiles)} profile(s)")

    scoped = sent.for_profile(profile_id)  # every request now carries x-profile-id
    raw = await scoped.with_raw_response.profiles.get(profile_id)
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


async def tour(sent: AsyncSent, api_key: str | None, base_url: str | None) -> None:
    """Sandbox create, one real profile for the reads and the update, then delete it."""
    ghost = await sent.profiles.create(
        name="Sales Team", short_name="SALES", brand=BRAND, sandbox=True
    )
    print(f"sandbox create with a brand: validated, nothing stored (sample id {ghost.id})")
    name = f"sent-sdk demo {uuid.uuid4().hex[:8]}"
    profile = await sent.profiles.create(name=name, short_name="DEMO", description="Sales")
    assert profile.id is not None  # ids are optional in the contract; a created one has one
    print(f"created profile {profile.id} ({profile.name}): it is deleted at the end")
    try:
        await async_tour(sent, profile.id)
        # The sync client runs its own event-loop thread; call it off this loop's thread so
        # a FakeSent on this loop keeps answering.
        await asyncio.to_thread(sync_tour, api_key, base_url, profile.id)
    finally:
        await sent.profiles.delete(profile.id)
        print(f"deleted profile {profile.id}: the demo left nothing behind")


async def main() -> None:
    print("(/v3/profiles is deprecated by Sent in favour of /v3/sender-profiles but still served;")
    print(" the SDK warns once per method, which this demo silences)")
    warnings.filterwarnings("ignore", message=".*deprecated by Sent", category=DeprecationWarning)
    if os.environ.get("SENT_DM_API_KEY"):
        where = os.environ.get("SENT_BASE_URL") or "the real Sent API"
        print(f"SENT_DM_API_KEY is set: talking to {where}")
        async with AsyncSent() as sent:
            await tour(sent, None, None)
        return
    print("SENT_DM_API_KEY is not set: using FakeSent, the in-memory Sent server (no network)")
    async with FakeSent() as server, server.client() as sent:
        await tour(sent, server.api_key, server.base_url)


if __name__ == "__main__":
    asyncio.run(main())
