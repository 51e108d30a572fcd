"""Sender profiles, compliance requirements and message cancel (issue #13) against FakeSent."""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

import sent_sync
from sent_async import (
    APIResponseValidationError,
    AsyncSent,
    ConflictError,
    InternalServerError,
    NotFoundError,
    SentValidationError,
)
from sent_async.models import SenderProfile
from sent_async.resources.profiles import AsyncProfileCampaigns, AsyncProfiles
from sent_async.testing import FakeSent

from .support import PROFILE_ID, envelope, rearm, reply

pytestmark = pytest.mark.anyio
ROOT = Path(__file__).resolve().parent.parent
KEY = "sk_live_0123456789abcdef0123456789abcdef"


async def test_create_get_list_update_delete(client: AsyncSent, server: FakeSent) -> None:
    created = await client.sender_profiles.create(
        name="Acme Retail",
        short_name="Acme",
        billing={"inherit": True},
        channels={"sms": {"country": "US", "number_type": "TEN_DLC"}},
        compliance={"inherit": True},
    )
    assert created.id and created.reveal_api_key(), "the key comes with the create answer"
    wire = server.requests[-1]
    assert "x-profile-id" not in wire.headers and "idempotency-key" in wire.headers
    assert wire.json()["channels"] == {"sms": {"country": "US", "number_type": "TEN_DLC"}}
    assert created.channels is not None and created.channels.sms[0].status == "PROVISIONING"

    fetched = await client.sender_profiles.get(created.id)
    assert fetched.name == "Acme Retail" and fetched.reveal_api_key() is None
    second = await client.sender_profiles.create(name="Beta", short_name="Beta")
    listed = [p async for p in client.sender_profiles.list(page_size=1)]
    assert [p.id for p in listed] == [second.id, created.id]  # newest first, both pages
    assert all(p.reveal_api_key() is None and p.compliance is None for p in listed)

    updated = await client.sender_profiles.update(created.id, description="APAC")
    assert (updated.description, updated.name) == ("APAC", "Acme Retail")
    assert server.requests[-1].json() == {"description": "APAC"}  # only what was given
    cleared = await client.sender_profiles.update(created.id, description=None)
    assert cleared.description is None and server.requests[-1].json() == {"description": None}

    await client.sender_profiles.delete(created.id)
    gone = server.requests[-1]
    assert gone.body in (b"", None) and "content-type" not in gone.headers  # facts §1.2
    with pytest.raises(NotFoundError):
        await client.sender_profiles.get(created.id)


async def test_another_organizations_profile_is_404(client: AsyncSent, server: FakeSent) -> None:
    server.state.sender_profiles.by_id[PROFILE_ID] = SenderProfile(
        id=PROFILE_ID, organization_id="00000000-0000-4000-8000-000000000000", name="Theirs"
    )
    with pytest.raises(NotFoundError) as caught:
        await client.sender_profiles.get(PROFILE_ID)
    assert caught.value.code == "RESOURCE_014"
    assert (await client.sender_profiles.list()).items == []


async def test_a_profile_view_is_refused_before_sending(
    client: AsyncSent, server: FakeSent
) -> None:
    scoped = client.for_profile(PROFILE_ID).sender_profiles
    before = len(server.requests)
    calls: list[Callable[[], Awaitable[object]]] = [
        lambda: scoped.create(name="A", short_name="Acme"),
        lambda: scoped.get(PROFILE_ID),
        lambda: scoped.update(PROFILE_ID, name="B"),
        lambda: scoped.delete(PROFILE_ID),
    ]
    for call in calls:
        with pytest.raises(SentValidationError, match="x-profile-id"):
            await call()
    with pytest.raises(SentValidationError, match="for_profile"):
        scoped.list()
    assert len(server.requests) == before


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"sandbox": True},
        {"name": None},
        {"name": " "},
        {"short_name": None},
        {"short_name": "x"},
    ],
)
async def test_bad_updates_are_refused_before_sending(
    client: AsyncSent, server: FakeSent, changes: dict[str, object]
) -> None:
    before = len(server.requests)
    with pytest.raises(SentValidationError):
        await client.sender_profiles.update(PROFILE_ID, **changes)  # type: ignore[arg-type]
    assert len(server.requests) == before


async def test_the_api_key_stays_secret(
    client: AsyncSent, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="sent.bodies")
    profile = await client.sender_profiles.create(name="Acme", short_name="Acme")
    key = profile.reveal_api_key()
    assert key and key not in repr(profile) and key not in str(profile)
    assert "sender-profiles" in caplog.text and key not in caplog.text  # logged, masked


async def test_the_api_key_stays_out_of_errors(scripted: Any) -> None:
    bad = envelope({"id": PROFILE_ID, "api_key": KEY, "created_at": "not a date"})
    server = await scripted(reply(200, bad))
    async with AsyncSent("sk_test", base_url=server.base_url, max_retries=0) as sent:
        with pytest.raises(APIResponseValidationError) as caught:
            await sent.sender_profiles.create(name="Acme", short_name="Acme")
    error = caught.value
    assert "created_at" in str(error)
    assert KEY not in str(error) and KEY not in repr(error) and KEY not in str(error.body)


def test_the_sync_client_has_the_same_calls() -> None:
    with FakeSent() as server, sent_sync.Sent(server.api_key, base_url=server.base_url) as sent:
        created = sent.sender_profiles.create(name="Acme", short_name="Acme")
        assert created.id and created.reveal_api_key()
        assert [p.id for p in sent.sender_profiles.list()] == [created.id]
        assert sent.sender_profiles.update(created.id, name="Acme 2").name == "Acme 2"
        sent.sender_profiles.delete(created.id)
        reqs = sent.compliance.requirements(country="GB", type="alphanumeric")
        assert (reqs.country, reqs.type, reqs.required) == ("GB", "ALPHANUMERIC", False)
        assert sent.get("/v3/sender-profiles")["sender_profiles"] == []
        later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
        queued = sent.messages.send(to="+14155550123", text="hi", scheduled_at=later)
        mid = str(queued.recipients[0].message_id)
        assert sent.messages.cancel(mid).status == "CANCELLED"


# -- compliance requirements -------------------------------------------------------------------
async def test_requirements_per_country_and_type(client: AsyncSent, server: FakeSent) -> None:
    reqs = await client.compliance.requirements(country="us", type="10dlc")
    assert server.requests[-1].query == {"channel": "sms", "country": "US", "type": "10DLC"}
    assert reqs.required is True and "brand.legal_name" in reqs.requirements
    assert reqs.setup[0]["path"] == "/v3/channels/sms"
    with pytest.raises(InternalServerError) as caught:  # 501 "not yet", and not retried
        await client.compliance.requirements(country="US", type="LOCAL", channel="whatsapp")
    assert caught.value.status_code == 501 and caught.value.attempts == 1


@pytest.mark.parametrize(
    "args",
    [
        {"country": "USA", "type": "LOCAL"},
        {"country": "", "type": "LOCAL"},
        {"country": "US", "type": "LANDLINE"},
        {"country": "US", "type": "LOCAL", "channel": "voice"},
    ],
)
async def test_bad_requirements_queries_are_refused(
    client: AsyncSent, server: FakeSent, args: dict[str, str]
) -> None:
    with pytest.raises(SentValidationError):
        await client.compliance.requirements(**args)
    assert server.requests == []


# -- message cancel ----------------------------------------------------------------------------
async def test_cancel_a_scheduled_message(client: AsyncSent, server: FakeSent) -> None:
    later = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)
    sent = await client.messages.send(to="+14155550123", text="hi", scheduled_at=later)
    mid = str(sent.recipients[0].message_id)
    cancelled = await client.messages.cancel(mid)
    assert cancelled.status == "CANCELLED" and str(cancelled.id) == mid
    again = await client.messages.cancel(mid)
    assert again == cancelled  # 200 with the same message
    fired = [e for e in server.events if e.get("event") == "message.cancelled"]
    assert len(fired) == 1 and fired[0]["payload"]["scheduled_at"]
    assert await server.advance_messages() == 0  # terminal: it never goes out

    now = await client.messages.send(to="+14155550123", text="now")
    with pytest.raises(ConflictError) as caught:
        await client.messages.cancel(str(now.recipients[0].message_id))
    assert caught.value.code == "BUSINESS_006"
    with pytest.raises(SentValidationError):
        await client.messages.cancel("not-a-uuid")


# -- the product on the current API -------------------------------------------------------------
def test_make_demo_prints_no_deprecation_warning() -> None:
    """``make demo`` runs examples/quickstart.py: offline, every warning shown, none printed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENT_")}
    env["PYTHONWARNINGS"] = "always"
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Warning" not in done.stderr, done.stderr[-2000:]
    assert "the demo left nothing behind" in done.stdout


@pytest.mark.parametrize(
    ("method", "replacement"),
    [
        (AsyncProfiles.create, "client.sender_profiles.create(...)"),
        (AsyncProfiles.get, "client.sender_profiles.get(...)"),
        (AsyncProfiles.list, "client.sender_profiles.list(...)"),
        (AsyncProfiles.update, "client.sender_profiles.update(...)"),
        (AsyncProfiles.delete, "client.sender_profiles.delete(...)"),
        (AsyncProfileCampaigns.create, "client.channels.sms.campaigns.create(...)"),
    ],
)
def test_legacy_profile_warnings_name_the_replacement(method: Any, replacement: str) -> None:
    assert f"use {replacement}" in method.__deprecated__


async def test_the_legacy_warning_is_shown_with_its_replacement(client: AsyncSent) -> None:
    rearm(AsyncProfiles.list)
    with pytest.warns(DeprecationWarning, match=r"use client\.sender_profiles\.list\(\.\.\.\)"):
        await client.profiles.list()
