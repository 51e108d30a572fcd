"""Migrating from sentdm: the same tasks, written with sent_async."""

from __future__ import annotations

import asyncio
import os
import warnings

from sent_async import AsyncSent, NotFoundError, RetryPolicy, Timeout
from sent_async.testing import FakeSent

warnings.filterwarnings("ignore", ".*deprecated by Sent", DeprecationWarning)


async def migrated(sent: AsyncSent, profile_id: str) -> None:
    # --8<-- [start:calls]
    acme = sent.for_profile(profile_id)  # instead of x_profile_id=... on every call
    sent_result = await acme.messages.send(  # returns the data: no `.data` to unwrap
        to=["+14155550123"], text="Hello", idempotency_key="welcome-42"
    )
    message_id = sent_result.recipients[0].message_id
    assert message_id is not None
    message = await acme.messages.get(message_id)  # was messages.retrieve_status(...)
    activities = await acme.messages.list_activities(message_id)  # was retrieve_activities
    me = await sent.me.get()  # was me.retrieve()
    print(message.status, len(activities.activities), me.name)

    raw = await sent.with_raw_response.me.get()  # the envelope's meta, status and headers
    print(raw.status_code, raw.meta.request_id)

    async for contact in acme.contacts.list(page_size=50):  # pages fetched as you go
        print(contact.phone_number)
    # --8<-- [end:calls]

    # --8<-- [start:errors]
    try:
        await acme.contacts.get("00000000-0000-4000-8000-000000000000")  # was retrieve(...)
    except NotFoundError as exc:  # the class names are sentdm's
        print(exc.status_code, exc.code, exc.request_id)  # plus code, doc_url, attempts...
    # --8<-- [end:errors]


def construct() -> AsyncSent:
    # --8<-- [start:client]
    # sentdm: AsyncSent(api_key=..., timeout=httpx.Timeout(60, connect=5), max_retries=2)
    return AsyncSent(  # api_key defaults to SENT_DM_API_KEY, as before
        timeout=Timeout(connect=5, read=30, attempt=60, deadline=120),
        retry=RetryPolicy(max_retries=2),
        max_connections=100,
    )
    # --8<-- [end:client]


async def main() -> None:
    async with FakeSent() as server, server.client() as sent:
        profile = await sent.profiles.create(name="Acme")
        assert profile.id is not None
        await migrated(sent, profile.id)
    os.environ["SENT_DM_API_KEY"] = "sk_test_only_constructed"  # constructed, never used
    await construct().aclose()


if __name__ == "__main__":
    asyncio.run(main())
