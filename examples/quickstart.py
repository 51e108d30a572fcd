"""The main job of `make demo`: onboard a tenant with sender profiles, async then sync.

It uses Sent's current API only (/v3/sender-profiles, /v3/compliance), so it prints no
DeprecationWarning. With SENT_DM_API_KEY set it talks to the real API (SENT_BASE_URL, if set,
says where) and leaves nothing behind: the create with an SMS market runs in sandbox mode (Sent
validates it, stores nothing, claims no number), the one profile it really creates has no
channels, and that profile is deleted in a ``finally`` even when a step fails. Otherwise it
starts FakeSent, the in-memory Sent server that ships with the SDK, and says so.
"""

from __future__ import annotations

import asyncio
import os
import uuid

import sent_sync
from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async.testing import FakeSent


async def async_tour(sent: AsyncSent, profile_id: str) -> None:
    print("== async client ==")
    fetched = await sent.sender_profiles.get(profile_id)
    print(f"got it back: {fetched.name} ({fetched.short_name}), created {fetched.created_at}")

    names = [p.name async for p in sent.sender_profiles.list()]  # every page
    print(f"the organization has {len(names)} sender profile(s)")

    scoped = sent.for_profile(profile_id)  # every request now carries x-profile-id
    raw = await scoped.with_raw_response.compliance.requirements(country="GB", type="ALPHANUMERIC")
    print(f"scoped call as the profile: HTTP {raw.status_code}, request_id {raw.meta.request_id}")
    try:
        scoped.sender_profiles.list()
    except SentValidationError as exc:
        print(f"refused before sending: {exc}")

    try:
        await sent.sender_profiles.get(str(uuid.uuid4()))
    except NotFoundError as exc:
        print(
            f"a missing profile is a typed error: {type(exc).__name__} "
            f"status={exc.status_code} code={exc.code} request_id={exc.request_id}"
        )


def sync_tour(api_key: str | None, base_url: str | None, profile_id: str) -> None:
    print("== sync client ==")
    with sent_sync.Sent(api_key, base_url=base_url) as sent:
        profile = sent.sender_profiles.update(profile_id, description="Sales (EMEA)")
        print(f"updated {profile.id}: description is now {profile.description!r}")
        # Any endpoint, even one this SDK has no method for yet, through the same transport:
        data = sent.get(f"/v3/sender-profiles/{profile_id}")
        print(f"client.get(...) returns plain JSON: short_name {data['short_name']!r}")
        try:
            sent.sender_profiles.get(str(uuid.uuid4()))
        except sent_sync.NotFoundError as exc:
            print(f"same typed error from sync code: {exc}")


async def tour(sent: AsyncSent, api_key: str | None, base_url: str | None) -> None:
    """Requirements, a sandbox create, one real profile for the rest, then delete it."""
    needs = await sent.compliance.requirements(country="US", type="TEN_DLC")
    print(f"US 10DLC requires {needs.requirements}")
    ghost = await sent.sender_profiles.create(
        name="Sales Team",
        short_name="SALES",
        billing={"inherit": True},  # the organization pays
        compliance={"inherit": True},  # and lends its brand and campaign
        channels={"sms": {"country": "US", "number_type": "TEN_DLC"}},
        sandbox=True,
    )
    print(f"sandbox create with an SMS market: validated, nothing stored (sample id {ghost.id})")
    name = f"sent-sdk demo {uuid.uuid4().hex[:8]}"
    profile = await sent.sender_profiles.create(
        name=name, short_name="DEMO", description="Sales", billing={"inherit": True}
    )
    assert profile.id is not None  # ids are optional in the contract; a created one has one
    key = profile.reveal_api_key()  # returned once; never in reprs, logs or errors
    print(
        f"created sender profile {profile.id} (key of {len(key or '')} chars): deleted at the end"
    )
    try:
        await async_tour(sent, profile.id)
        # The sync client runs its own event-loop thread; call it off this loop's thread so
        # a FakeSent on this loop keeps answering.
        await asyncio.to_thread(sync_tour, api_key, base_url, profile.id)
    finally:
        await sent.sender_profiles.delete(profile.id)
        print(f"deleted sender profile {profile.id}: the demo left nothing behind")


async def main() -> None:
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
