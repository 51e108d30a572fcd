"""The main job of `make demo`: onboard a tenant with sender profiles, async then sync.

With SENT_DM_API_KEY set it talks to the real API (and creates a real sender profile, in
sandbox mode where the API allows it); otherwise it starts FakeSent, the in-memory Sent server
that ships with the SDK, and says so. It uses Sent's current API only (/v3/sender-profiles,
/v3/compliance), so it prints no DeprecationWarning.
"""

from __future__ import annotations

import asyncio
import datetime
import os
import uuid

import sent_sync
from sent_async import AsyncSent, NotFoundError, SentValidationError
from sent_async.testing import FakeSent


async def async_tour(sent: AsyncSent) -> str:
    print("== async client ==")
    needs = await sent.compliance.requirements(country="US", type="TEN_DLC")
    print(f"US 10DLC requires {needs.requirements} (pattern {needs.sender_id_pattern})")

    profile = await sent.sender_profiles.create(
        name="Sales Team",
        short_name="SALES",
        description="Sales department",
        billing={"inherit": True},  # the organization pays
        compliance={"inherit": True},  # and lends its brand and campaign
        channels={"sms": {"country": "US", "number_type": "TEN_DLC"}},
    )
    assert profile.id is not None  # ids are optional in the contract; a created one has one
    key = profile.reveal_api_key()  # shown once, never in repr, logs or errors
    print(f"created sender profile {profile.id} ({profile.name}); key of {len(key or '')} chars")

    fetched = await sent.sender_profiles.get(profile.id)
    markets = fetched.channels.sms if fetched.channels else []
    shown = [(m.country, str(m.number_type), str(m.status)) for m in markets]
    print(f"got it back: SMS markets {shown}")

    names = [p.name async for p in sent.sender_profiles.list()]  # every page
    print(f"the organization has {len(names)} sender profile(s): {names}")

    scoped = sent.for_profile(profile.id)  # every request now carries x-profile-id
    later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
    sent_msg = await scoped.messages.send(to="+14155550123", text="See you!", scheduled_at=later)
    message_id = str(sent_msg.recipients[0].message_id)
    raw = await scoped.with_raw_response.messages.cancel(message_id)
    print(f"scheduled, then cancelled as the profile: {raw.data.status}, HTTP {raw.status_code}")
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
    return profile.id


def sync_tour(api_key: str | None, base_url: str | None, profile_id: str) -> None:
    print("== sync client ==")
    with sent_sync.Sent(api_key, base_url=base_url) as sent:
        profile = sent.sender_profiles.update(profile_id, description="Sales (EMEA)")
        print(f"updated {profile.id}: description is now {profile.description!r}")
        print(f"sender profiles: {[p.name for p in sent.sender_profiles.list()]}")
        # Any endpoint, even one this SDK has no method for yet, through the same transport:
        data = sent.get(f"/v3/sender-profiles/{profile_id}")
        print(f"client.get(...) returns plain JSON: short_name {data['short_name']!r}")
        try:
            sent.sender_profiles.get(str(uuid.uuid4()))
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
