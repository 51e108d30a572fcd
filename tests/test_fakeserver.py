"""FakeSent as a standalone server: ``python -m sent_async.testing``, its seed file and admin API.

The server runs as a subprocess, as users run it; curl and Node's fetch drive it from outside
Python with the scripts docs/testing.md shows (examples/fakeserver/).
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sent_async.testing import DEFAULT_API_KEY, FakeSent, SeedError, apply_seed
from sent_async.testing._serve import duration, rate

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "examples" / "fakeserver"
CURL, NODE = shutil.which("curl") or "curl", shutil.which("node") or "node"
SEED = {
    "contacts": [{"phone_number": "+14155550123", "opt_out": True}],
    "templates": [{"name": "welcome", "category": "UTILITY"}],
    "profiles": [{"id": "880e8400-e29b-41d4-a716-446655440001", "name": "Downtown"}],
}


class Served:
    """A ``python -m sent_async.testing`` subprocess and the URL it printed."""

    def __init__(self, *args: str) -> None:
        command = [sys.executable, "-m", "sent_async.testing", "--port", "0", *args]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().strip()
        self.key_line = self.process.stdout.readline().strip()

    def stop(self, signum: int = signal.SIGTERM) -> tuple[int, float]:
        """Send ``signum``; the exit code and how long the process took to end."""
        started = time.monotonic()
        self.process.send_signal(signum)
        code = self.process.wait(timeout=10)
        return code, time.monotonic() - started


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(SEED))
    server = Served("--seed", str(seed), "--latency", "5ms")
    yield server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()
    for stream in (server.process.stdout, server.process.stderr):
        assert stream is not None
        stream.close()


def fetch(url: str, method: str = "GET", body: object = None) -> object:
    """One admin call with curl, its JSON answer."""
    command = [CURL, "-sS", "-X", method, url]
    if body is not None:
        command += ["-d", json.dumps(body)]
    return json.loads(subprocess.run(command, capture_output=True, check=True).stdout)


needs_curl = pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
needs_node = pytest.mark.skipif(shutil.which("node") is None, reason="needs node")


@pytest.mark.parametrize(
    "driver",
    [
        pytest.param(["bash", "drive.sh"], marks=needs_curl, id="curl"),
        pytest.param([NODE, "drive.mjs"], marks=needs_node, id="node-fetch"),
    ],
)
def test_curl_and_node_drive_the_standalone_server(served: Served, driver: list[str]) -> None:
    """Each script on its own, so a machine without Node still runs the curl one."""
    assert served.base_url.startswith("http://127.0.0.1:")
    assert served.key_line == f"api key: {DEFAULT_API_KEY}"
    program, script = driver
    done = subprocess.run(
        [shutil.which(program) or program, str(SCRIPTS / script), served.base_url, DEFAULT_API_KEY],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[1] == "DELIVERED", done.stdout
    stats = fetch(served.base_url + "/__fake/stats")
    assert stats["messages"] == {"total": 1, "by_status": {"DELIVERED": 1}}  # type: ignore[index]
    assert stats["profiles"] == 2  # type: ignore[index]  # one seeded, one by the script
    code, took = served.stop(signal.SIGTERM)
    assert (code, took < 5) == (0, True)


@needs_curl
def test_admin_api_seed_faults_requests_and_reset(served: Served) -> None:
    base, key = served.base_url, ["-H", f"x-api-key: {DEFAULT_API_KEY}"]
    contacts = subprocess.run(
        [CURL, "-sS", *key, base + "/v3/contacts"], capture_output=True, check=True
    )
    listed = json.loads(contacts.stdout)["data"]
    assert [c["opt_out"] for c in listed["contacts"]] == [True]  # seeded, as written
    assert fetch(base + "/__fake/faults", "POST", {"status": 429, "times": 1}) == {"armed": "error"}
    failed = subprocess.run(
        [CURL, "-sS", "-o", "/dev/null", "-w", "%{http_code}", *key, base + "/v3/me"],
        capture_output=True,
        check=True,
    )
    assert failed.stdout == b"429"
    log = fetch(base + "/__fake/requests?path=/v3/me")["requests"]  # type: ignore[index]
    assert [(r["method"], r["status"]) for r in log] == [("GET", 429)]
    assert log[0]["headers"]["x-api-key"] != DEFAULT_API_KEY  # masked even here
    bad = fetch(base + "/__fake/requests?limit=many")
    assert bad["error"]["code"] == "VALIDATION_001"  # type: ignore[index]
    assert fetch(base + "/__fake/reset", "POST") == {"reset": True}
    stats = fetch(base + "/__fake/stats")
    assert (stats["requests"], stats["contacts"], stats["templates"]) == (0, 0, 0)  # type: ignore[index]
    code, _ = served.stop(signal.SIGINT)
    assert code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--latency", "soon"], "not a duration"),
        (["--seed", "/nonexistent/seed.json"], "cannot read seed file"),
        (["--port", "70000"], "--port must be 0-65535"),
        (["--rate-limit", "lots"], "not a rate"),
        (["--rate-limit", "5/s", "--burst", "0"], "--burst must be >= 1"),
    ],
)
def test_bad_options_exit_2_with_a_message(args: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sent_async.testing", *args],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_durations() -> None:
    assert [duration(t) for t in ("50ms", "0.25s", "2", ".5")] == [0.05, 0.25, 2.0, 0.5]


def test_a_bad_seed_entry_names_its_place_and_stores_nothing() -> None:
    server = FakeSent()
    doc = {"contacts": [{"phone_number": "+14155550123"}, {"phone_number": "555"}]}
    with pytest.raises(SeedError, match=r"contacts\[1\]"):
        apply_seed(server.state, doc)
    assert server.state.contacts.by_id == {}
    with pytest.raises(SeedError, match="unknown seed sections"):
        apply_seed(server.state, {"contact": []})
    with pytest.raises(SeedError, match=r"templates\[0\]"):
        apply_seed(server.state, {"templates": [{"name": 5}]})


@pytest.mark.anyio
async def test_reset_keeps_the_stores_wired(server: FakeSent) -> None:
    """After a reset, sends still create contacts the messages store can see (shared stores)."""
    apply_seed(server.state, {"contacts": [{"phone_number": "+14155550123", "opt_out": True}]})
    server.fail_next(503, times=5)
    server.reset()
    assert server.state.contacts.by_id == {}
    async with server.client() as sent:
        result = await sent.messages.send(to=["+14155550123"], text="hi")  # no fault left
    (contact,) = server.state.contacts.by_id.values()
    assert server.state.messages.contacts is server.state.contacts
    assert server.state.contacts.by_id[str(contact.id)] is contact
    assert result.recipients[0].message_id in server.state.messages.by_id


def test_rate_limit_answers_429_past_the_account_limit() -> None:
    """--rate-limit 2/min --burst 2: two sends go through back to back, the next gets a 429."""
    import urllib.error
    import urllib.request

    served = Served("--rate-limit", "2/min", "--burst", "2")
    try:
        statuses: list[tuple[int, str | None]] = []
        for _ in range(3):
            request = urllib.request.Request(  # noqa: S310 - our own http://127.0.0.1 server
                served.base_url + "/v3/messages",
                data=json.dumps({"to": ["+14155550123"], "text": "hi"}).encode(),
                headers={"x-api-key": DEFAULT_API_KEY, "content-type": "application/json"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
                    statuses.append((answer.status, None))
            except urllib.error.HTTPError as error:
                statuses.append((error.code, error.headers.get("retry-after")))
        assert [s for s, _ in statuses] == [202, 202, 429]
        assert statuses[2][1] is not None
        account = fetch(served.base_url + "/__fake/account")  # what every client sent, in sum
        assert account["requests"] == {"message": 3}  # type: ignore[index]
        assert account["rate_limited"] == {"message": 1}  # type: ignore[index]
        assert account["per_recipient"] == {"+14155550123": 2}  # type: ignore[index]
        assert account["messaged_twice"] == ["+14155550123"]  # type: ignore[index]
    finally:
        code, _ = served.stop()
        for stream in (served.process.stdout, served.process.stderr):
            assert stream is not None
            stream.close()
    assert code == 0


@pytest.mark.parametrize(("text", "per_second"), [("300/min", 5.0), ("5/s", 5.0), ("1.5/sec", 1.5)])
def test_rate_option_reads_per_minute_and_per_second(text: str, per_second: float) -> None:
    assert rate(text).rate == per_second
