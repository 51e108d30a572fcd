"""Hand-written: the sync half of sent-sdk's pytest plugin (entry point ``pytest11``).

``sent_fake_sync`` (FakeSent on a loop thread of its own) and ``sent_sync_client`` (a
``sent_sync.Sent`` bound to it, retrying with ``FAST_RETRY``), the twins of the async fixtures in
``sent_async.testing.pytest_plugin``. Every pytest run loads this module, so it imports the SDK
only when a fixture is used. See docs/testing.md, "The pytest plugin".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import sent_sync
    from sent_async.testing import FakeSent


@pytest.fixture
def sent_fake_sync() -> Iterator[FakeSent]:
    """A running FakeSent on a loop thread of its own, for sync tests (fresh per test)."""
    from sent_async.testing import FakeSent

    with FakeSent() as fake:
        yield fake


@pytest.fixture
def sent_sync_client(sent_fake_sync: FakeSent) -> Iterator[sent_sync.Sent]:
    """A ``sent_sync.Sent`` bound to ``sent_fake_sync``, retrying with ``FAST_RETRY``."""
    import sent_sync
    from sent_async.testing import FAST_RETRY

    with sent_sync.Sent(
        sent_fake_sync.api_key, base_url=sent_fake_sync.base_url, retry=FAST_RETRY
    ) as client:
        yield client
