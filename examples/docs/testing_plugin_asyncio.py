"""The pytest plugin's fixtures under pytest-asyncio (``pip install pytest-asyncio``), not anyio.

Run directly, this file runs itself under pytest, which is how the docs test suite checks it.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from sent_async import AsyncSent
from sent_async.testing import FakeSent


# --8<-- [start:asyncio]
@pytest.mark.asyncio  # pytest-asyncio, strict mode (its default) or auto mode
async def test_welcome(sent_fake: FakeSent, sent_client: AsyncSent) -> None:
    await sent_client.messages.send(to=["+14155550123"], text="Welcome!")
    assert await sent_fake.advance_messages() == 1
    (message,) = sent_fake.state.messages.by_id.values()
    assert message.status == "SENT"


# --8<-- [end:asyncio]

if __name__ == "__main__":
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__]
    raise SystemExit(subprocess.call(command))  # noqa: S603 (our own interpreter and file)
