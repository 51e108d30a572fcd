"""`make demo` with an API key leaves nothing behind: run against FakeSent as if it were Sent.

The demo is pointed at FakeSent through SENT_DM_API_KEY and SENT_BASE_URL (its real-API
path), then FakeSent's state is checked: no profile the demo created is left, even when a
step after the create fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sent_async.testing import FakeSent

DEMO = Path(__file__).resolve().parent.parent / "examples" / "quickstart.py"


@pytest.fixture
def fake() -> Iterator[FakeSent]:
    with FakeSent() as server:
        yield server


def run_demo(fake: FakeSent) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENT_")}
    env.update(SENT_DM_API_KEY=fake.api_key, SENT_BASE_URL=fake.base_url)
    return subprocess.run(
        [sys.executable, str(DEMO)], env=env, capture_output=True, text=True, timeout=60
    )


def test_demo_with_a_key_cleans_up(fake: FakeSent) -> None:
    before = set(fake.state.sender_profiles.by_id)
    done = run_demo(fake)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        set(fake.state.sender_profiles.by_id) == before
    )  # the sandbox create stored nothing either
    assert f"talking to {fake.base_url}" in done.stdout
    assert "the demo left nothing behind" in done.stdout
    created = [r for r in fake.requests if (r.method, r.path) == ("POST", "/v3/sender-profiles")]
    assert [r.json().get("sandbox") for r in created] == [True, None]  # with a market: sandbox
    assert "channels" not in created[1].json()  # the real one claims no number
    assert not [r for r in fake.requests if r.path.startswith("/v3/profiles")]  # current API


def test_demo_deletes_its_profile_when_a_step_fails(fake: FakeSent) -> None:
    before = set(fake.state.sender_profiles.by_id)
    fake.fail_next(400, "VALIDATION_001", method="PATCH")  # the sync update fails
    done = run_demo(fake)
    assert done.returncode != 0 and "BadRequestError" in done.stderr
    assert set(fake.state.sender_profiles.by_id) == before
    assert "deleted sender profile" in done.stdout
