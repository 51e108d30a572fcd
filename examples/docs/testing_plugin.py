"""The pytest plugin's fixtures in use: no conftest, nothing to set up (``pytest this_file.py``).

sent-sdk registers the plugin with pytest when it is installed. Run directly, this file runs
itself under pytest, which is how the docs test suite checks it.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import sent_sync
from sent_async import AsyncSent
from sent_async.testing import FakeSent


# --8<-- [start:code]
# The code under test: yours, not the SDK's.
async def remind(sent: AsyncSent, phone: str, when: str) -> str | None:
    result = await sent.messages.send(to=[phone], text=f"Reminder: your appointment is at {when}")
    return result.recipients[0].message_id


# --8<-- [end:code]


# --8<-- [start:anyio]
@pytest.mark.anyio  # anyio's pytest plugin, installed with anyio
async def test_remind(sent_fake: FakeSent, sent_client: AsyncSent) -> None:
    message_id = await remind(sent_client, "+14155550123", "10:30")
    assert sent_fake.requests[-1].json()["to"] == ["+14155550123"]
    while await sent_fake.advance_messages():  # QUEUED -> SENT -> DELIVERED
        pass
    assert message_id is not None
    assert (await sent_client.messages.get(message_id)).status == "DELIVERED"


@pytest.mark.anyio
async def test_remind_retries_an_outage(sent_fake: FakeSent, sent_client: AsyncSent) -> None:
    sent_fake.fail_next(503, times=2)  # FAST_RETRY: the retries take milliseconds
    assert await remind(sent_client, "+14155550123", "10:30") is not None
    assert len(sent_fake.requests) == 3


# --8<-- [end:anyio]


# --8<-- [start:sync]
def test_sync_code(sent_fake_sync: FakeSent, sent_sync_client: sent_sync.Sent) -> None:
    contact = sent_sync_client.contacts.create(phone_number="+14155550123")
    assert contact.phone_number == "+14155550123"
    assert sent_fake_sync.requests[-1].json() == {"phone_number": "+14155550123"}


# --8<-- [end:sync]

if __name__ == "__main__":
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__]
    raise SystemExit(subprocess.call(command))  # noqa: S603 (our own interpreter and file)
