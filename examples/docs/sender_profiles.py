"""Sender profiles, compliance requirements, message cancel and ``client.request`` (current API)."""

from __future__ import annotations

import asyncio
import datetime

from sent_async import AsyncSent, ConflictError, SentValidationError
from sent_async.models import SenderProfile
from sent_async.testing import FakeSent


async def onboard(sent: AsyncSent) -> str:
    # --8<-- [start:requirements]
    needs = await sent.compliance.requirements(country="US", type="TEN_DLC")  # channel="sms"
    print("still owed:", needs.requirements)  # e.g. ['brand.legal_name', ...]
    print("then call:", [(step["method"], step["path"]) for step in needs.setup])
    # --8<-- [end:requirements]

    # --8<-- [start:create]
    profile = await sent.sender_profiles.create(
        name="Acme Retail",
        short_name="Acme",  # the SMS sender id: 3-11 letters, digits or spaces
        billing={"inherit": True},  # the organization pays
        compliance={"inherit": True},  # and lends its brand and campaign
        channels={"sms": {"country": "US", "number_type": "TEN_DLC"}},
        idempotency_key="onboard-acme-retail",  # a retry never creates a second profile
    )
    assert profile.id is not None
    tenant_key = profile.reveal_api_key()  # returned once, by create only: store it now
    assert tenant_key is not None
    assert tenant_key not in repr(profile)  # never in reprs, logs or errors
    # --8<-- [end:create]
    return profile.id


async def manage(sent: AsyncSent, profile_id: str) -> None:
    # --8<-- [start:manage]
    profile = await sent.sender_profiles.get(profile_id)  # with channels and compliance
    print(profile.name, [m.status for m in (profile.channels.sms if profile.channels else [])])

    async for each in sent.sender_profiles.list(page_size=50):  # newest first, every page
        print(each.id, each.name)

    # Omitted fields stay; None clears description; name/short_name cannot be cleared.
    await sent.sender_profiles.update(profile_id, name="Acme Retail (APAC)", description=None)

    try:
        await sent.sender_profiles.update(profile_id)  # nothing to change
    except SentValidationError as exc:
        print("refused locally:", exc)
    try:
        await sent.for_profile(profile_id).sender_profiles.get(profile_id)
    except SentValidationError as exc:  # these calls act on the organization itself
        print("refused locally:", exc)
    # --8<-- [end:manage]


async def cancel(sent: AsyncSent) -> None:
    # --8<-- [start:cancel]
    later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2)
    result = await sent.messages.send(to="+14155550123", text="Reminder", scheduled_at=later)
    message_id = str(result.recipients[0].message_id)
    message = await sent.messages.cancel(message_id)  # SCHEDULED -> CANCELLED
    print(message.status)
    await sent.messages.cancel(message_id)  # again: 200, the same message, no second webhook

    sent_now = await sent.messages.send(to="+14155550123", text="Now")
    try:
        await sent.messages.cancel(str(sent_now.recipients[0].message_id))
    except ConflictError as exc:  # only a SCHEDULED message can be cancelled
        print(exc.code)  # BUSINESS_006
    # --8<-- [end:cancel]


async def escape_hatch(sent: AsyncSent, profile_id: str) -> None:
    # --8<-- [start:request]
    # Plain JSON (the envelope's data), through the same transport as every typed call:
    data = await sent.get(f"/v3/sender-profiles/{profile_id}")
    print(data["short_name"])

    # Or structured into a model (or list[Model]) with the SDK's converter:
    profile = await sent.get(f"/v3/sender-profiles/{profile_id}", into=SenderProfile)
    print(profile.name)

    # Any method: auth, x-profile-id of the view, Idempotency-Key, retries and typed errors apply.
    renamed = await sent.request(
        "PATCH",
        f"/v3/sender-profiles/{profile_id}",
        json={"description": "Flagship stores"},
        idempotency_key="rename-acme-1",
    )
    print(renamed["description"])

    try:
        await sent.get("/v3/sender-profiles?page=2")  # a query goes in query=..., not the path
    except SentValidationError as exc:
        print("refused locally:", exc)
    # --8<-- [end:request]

    # --8<-- [start:delete]
    await sent.sender_profiles.delete(profile_id)  # 204; its numbers go back to Sent
    # --8<-- [end:delete]


async def main() -> None:
    async with FakeSent() as server, server.client() as sent:
        profile_id = await onboard(sent)
        await manage(sent, profile_id)
        await cancel(sent)
        await escape_hatch(sent, profile_id)


if __name__ == "__main__":
    asyncio.run(main())
