"""The ``sent`` command line, run as users run it: the installed console script in a subprocess.

Commands talk to a FakeSent started here (on its own thread), so every test is offline. The
API key is a unique string that no output may contain, in success or failure. The subprocess
count is kept small (each costs a Python start-up); ``--help`` is walked in-process.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from sent_async import AsyncSent
from sent_async.cli import main
from sent_async.cli._parser import build
from sent_async.testing import FakeSent
from sent_async.webhooks import generate_secret, sign

KEY = "sk_test_cli_" + secrets.token_hex(8)
SENT = Path(sys.executable).with_name("sent")
TEMPLATE_ID = "7ba7b810-9dad-41d1-80b4-00c04fd430c8"
MISSING = "00000000-0000-4000-8000-000000000000"

pytestmark = pytest.mark.skipif(
    not SENT.exists(), reason=f"{SENT} is missing: reinstall the package (make .venv/.installed)"
)


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSent]:
    with FakeSent(api_key=KEY) as server:
        yield server


def _env(base_url: str | None, key: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SENT_")}
    env["PYTHONWARNINGS"] = "error::ResourceWarning"  # an unclosed session would show
    if base_url is not None:
        env["SENT_BASE_URL"] = base_url
    if key is not None:
        env["SENT_DM_API_KEY"] = key
    return env


def sent(
    *args: str,
    base_url: str | None = None,
    key: str | None = KEY,
    stdin: bytes = b"",
) -> subprocess.CompletedProcess[str]:
    """Run ``sent *args``; whatever happens, no traceback and no key in any output."""
    done = subprocess.run(
        [str(SENT), *args],
        input=stdin.decode(),
        env=_env(base_url, key),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    assert "Unclosed" not in output, output
    assert KEY not in output
    if key:
        assert key not in output
    return done


def ok(*args: str, base_url: str) -> str:
    done = sent(*args, base_url=base_url)
    assert done.returncode == 0, done.stderr
    return done.stdout


class InProcess:
    """``main(argv)`` in this process: cheaper than a subprocess, same code past the script."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.monkeypatch, self.capsys = monkeypatch, capsys

    def __call__(self, *args: str, base_url: str, key: str = KEY) -> tuple[int, str, str]:
        for name, value in _env(base_url, key).items():
            if name.startswith("SENT_"):
                self.monkeypatch.setenv(name, value)
        code = main(list(args))
        out, err = self.capsys.readouterr()
        assert KEY not in out + err and key not in out + err
        return code, out, err


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> InProcess:
    for name in [n for n in os.environ if n.startswith("SENT_")]:
        monkeypatch.delenv(name)
    return InProcess(monkeypatch, capsys)


# -- every command ------------------------------------------------------------------------
def test_me_as_a_listing_and_as_json(fake: FakeSent, run: InProcess) -> None:
    listing = ok("me", base_url=fake.base_url)
    assert "type" in listing and "organization" in listing
    line = next(li for li in listing.splitlines() if li.startswith("name "))
    assert line.split(None, 1)[1] == "FakeSent Organization"
    code, out, _ = run("--json", "me", base_url=fake.base_url)  # option before the command
    doc = json.loads(out)
    assert (code, doc["id"], doc["type"]) == (0, fake.organization_id, "organization")


def test_sender_profiles_create_list_get_delete(fake: FakeSent, run: InProcess) -> None:
    created = sent(
        "sender-profiles", "create", "--name", "Sales", "--short-name", "SALES", "--json",
        base_url=fake.base_url,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    made = json.loads(created.stdout)
    assert made["name"] == "Sales" and made["api_key"] == "[redacted]"  # returned once: masked
    assert "--show-api-key prints it" in created.stderr
    code, revealed, _ = run(
        "sender-profiles", "create", "--name", "Support", "--short-name", "HELP",
        "--show-api-key", base_url=fake.base_url,
    )  # fmt: skip
    (line,) = [li for li in revealed.splitlines() if li.startswith("api_key")]
    assert code == 0 and line.split()[1].startswith("sk_") and "[redacted]" not in revealed
    table = ok("sender-profiles", "list", base_url=fake.base_url).splitlines()
    assert table[0].split() == ["ID", "NAME", "SHORT_NAME", "CREATED_AT"]
    assert [row.split()[1] for row in table[1:]] == ["Support", "Sales"]  # newest first
    got = json.loads(ok("sender-profiles", "get", made["id"], "--json", base_url=fake.base_url))
    assert got["short_name"] == "SALES" and got.get("api_key") is None
    assert ok("sender-profiles", "delete", made["id"], base_url=fake.base_url).split() == [
        "id", made["id"], "deleted", "true",
    ]  # fmt: skip
    code, out, err = run("sender-profiles", "get", made["id"], base_url=fake.base_url)
    assert (code, out) == (1, "")
    assert err.startswith("error: 404 RESOURCE_") and "request_id=req_" in err


def test_messages_send_text_and_template_then_get(fake: FakeSent, run: InProcess) -> None:
    sent_doc = json.loads(
        ok(
            "messages", "send", "--to", "+14155550123", "--to", "+14155550124",
            "--text", "Your code is 123456", "--json", base_url=fake.base_url,
        )
    )  # fmt: skip
    assert [r["to"] for r in sent_doc["recipients"]] == ["+14155550123", "+14155550124"]
    code, listing, _ = run(
        "messages", "send", "--to", "+14155550123", "--template", "welcome",
        "--param", "name=Ada", "--sandbox", base_url=fake.base_url,
    )  # fmt: skip
    assert code == 0 and "template_name             welcome" in listing
    body = fake.requests[-1].json()
    assert body["template"] == {"name": "welcome", "parameters": {"name": "Ada"}}
    assert body["sandbox"] is True
    fake.call(fake.advance_messages)
    message_id = sent_doc["recipients"][0]["message_id"]
    shown = ok("messages", "get", message_id, base_url=fake.base_url)
    status = next(li for li in shown.splitlines() if li.startswith("status "))
    assert status.split() == ["status", "SENT"]


def test_templates_list_as_a_table_and_as_json(fake: FakeSent, run: InProcess) -> None:
    seed = {"templates": [{"id": TEMPLATE_ID, "name": "welcome", "category": "UTILITY"}]}
    request = urllib.request.Request(  # noqa: S310 - our own http://127.0.0.1 server
        fake.base_url + "/__fake/seed", data=json.dumps(seed).encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=10):  # noqa: S310
        pass
    table = ok("templates", "list", base_url=fake.base_url).splitlines()
    assert table[0].split() == ["ID", "NAME", "CATEGORY", "LANGUAGE", "STATUS"]
    assert table[1].split()[:3] == [TEMPLATE_ID, "welcome", "UTILITY"]
    code, out, _ = run("templates", "list", "--page-size", "5", "--json", base_url=fake.base_url)
    doc = json.loads(out)
    assert [t["id"] for t in doc["templates"]] == [TEMPLATE_ID]
    assert (code, doc["pagination"]["page_size"]) == (0, 5)


# -- exit codes ---------------------------------------------------------------------------
def test_usage_errors_exit_2_before_anything_is_sent(fake: FakeSent, run: InProcess) -> None:
    before = len(fake.requests)
    no_key = sent("me", base_url=fake.base_url, key=None)
    assert (no_key.returncode, no_key.stderr) == (
        2,
        "error: set SENT_DM_API_KEY to your API key (it is never printed)\n",
    )
    code, _, err = run("messages", "send", "--to", "555", "--text", "hi", base_url=fake.base_url)
    assert code == 2 and "E.164" in err
    code, _, err = run("sender-profiles", "get", "nope", base_url=fake.base_url)
    assert (code, err) == (2, "error: profile_id must be a UUID, got 'nope'\n")
    with pytest.raises(SystemExit) as exited:
        run("messages", "send", "--text", "hi", base_url=fake.base_url)
    assert exited.value.code == 2
    assert "the following arguments are required: --to" in run.capsys.readouterr().err
    assert len(fake.requests) == before


def test_api_errors_exit_1_and_never_show_the_key(fake: FakeSent, run: InProcess) -> None:
    wrong = "sk_test_wrong_" + secrets.token_hex(8)
    denied = sent("me", base_url=fake.base_url, key=wrong)  # sent() checks both keys are absent
    assert denied.returncode == 1
    assert denied.stderr.startswith("error: 401 AUTH_")
    assert "request_id=req_" in denied.stderr
    code, out, err = run("messages", "get", MISSING, "--json", base_url=fake.base_url)
    assert (code, out) == (1, "")
    assert "404 RESOURCE_" in err and "request_id=req_" in err


def test_a_network_fault_is_one_line_and_exit_1(run: InProcess) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, out, err = run("me", "--max-retries", "0", base_url=f"http://127.0.0.1:{port}")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("error: could not connect")


# -- webhooks verify ----------------------------------------------------------------------
def test_webhooks_verify_valid_invalid_and_tampered() -> None:
    secret = generate_secret()
    body = b'{"field":"messages","event":"message.delivered","payload":{}}'
    headers = sign(body, secret, webhook_id="6f1b2c3d-0000-4000-8000-000000000001")
    flags = [arg for name, value in headers.items() for arg in ("--header", f"{name}: {value}")]
    valid = sent("webhooks", "verify", "--secret", secret, *flags, stdin=body, key=None)
    assert (valid.returncode, valid.stdout) == (0, "valid\n")
    tampered = sent("webhooks", "verify", "--secret", secret, *flags, stdin=body + b" ", key=None)
    assert (tampered.returncode, tampered.stdout) == (1, "")
    assert tampered.stderr.startswith("invalid: no v1 signature matched")
    assert secret not in tampered.stderr
    assert headers["x-webhook-signature"] not in tampered.stderr


def test_webhooks_verify_reasons_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """The cheaper failures run in-process: a missing header, an old delivery, bad flags."""
    secret = generate_secret()
    body = b"{}"
    headers = sign(body, secret, webhook_id="w", timestamp=1)
    flags = [arg for name, value in headers.items() for arg in ("--header", f"{name}: {value}")]
    args = build().parse_args(["webhooks", "verify", "--secret", secret, *flags[2:]])
    from io import BytesIO, StringIO

    from sent_async.cli._verify import run_verify

    err = StringIO()
    assert run_verify(args, BytesIO(body), StringIO(), err) == 1
    assert err.getvalue() == "invalid: the x-webhook-id header is missing\n"
    args = build().parse_args(["webhooks", "verify", "--secret", secret, *flags])
    err = StringIO()
    assert run_verify(args, BytesIO(body), StringIO(), err) == 1
    assert "beyond the 300s tolerance" in err.getvalue()
    other = build().parse_args(["webhooks", "verify", "--secret", generate_secret(), *flags])
    err = StringIO()
    assert run_verify(other, BytesIO(body), StringIO(), err) == 1
    assert err.getvalue().startswith("invalid: no v1 signature matched")
    with pytest.raises(SystemExit) as exited:
        main(["webhooks", "verify", "--header", "no colon here"])
    assert exited.value.code == 2
    assert "a header is 'name: value'" in capsys.readouterr().err


# -- Ctrl-C and `sent fake` ---------------------------------------------------------------
def test_ctrl_c_while_waiting_on_a_slow_server_exits_130() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(20)
        base_url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        process = subprocess.Popen(
            [str(SENT), "me"],
            env=_env(base_url, KEY),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        connection, _ = listener.accept()  # the request is on its way; no answer will come
        with connection:
            connection.recv(65536)
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=20)
    assert process.returncode == 130, err
    assert (out, err) == ("", "interrupted\n")  # no traceback, no unclosed session


def test_ctrl_c_cancels_the_call_and_still_closes_the_client(
    run: InProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process, to see inside: SIGINT mid-call still runs ``aclose()`` to its end."""
    closed: list[bool] = []
    original = AsyncSent.aclose

    async def aclose(self: AsyncSent) -> None:
        await original(self)
        closed.append(True)

    monkeypatch.setattr(AsyncSent, "aclose", aclose)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(20)

        def interrupt_once_asked() -> None:
            connection, _ = listener.accept()
            with connection:
                connection.recv(65536)
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(1)  # hold the connection open past the interrupt

        thread = threading.Thread(target=interrupt_once_asked, daemon=True)
        thread.start()
        code, out, err = run("me", base_url=f"http://127.0.0.1:{listener.getsockname()[1]}")
        thread.join(10)
    assert (code, out, err, closed) == (130, "", "interrupted\n", [True])


def test_sent_fake_on_port_0_prints_its_url_serves_and_stops_on_ctrl_c() -> None:
    process = subprocess.Popen(
        [str(SENT), "fake", "--port", "0", "--api-key", KEY],
        env=_env(None, None),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and not base_url.endswith(":0")
        assert process.stdout.readline().strip() == "api key: " + KEY  # its own key, on purpose
        me = json.loads(ok("me", "--json", base_url=base_url))
        assert me["type"] == "organization"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert "Traceback" not in err and out == ""


# -- --help everywhere, in-process --------------------------------------------------------
def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    paths = list(_commands(build()))
    assert ("messages", "send") in paths and ("fake",) in paths and len(paths) >= 14
    for path in paths:
        with pytest.raises(SystemExit) as exited:
            main([*path, "--help"])
        assert exited.value.code == 0, path
        text = capsys.readouterr().out
        assert text.startswith("usage: sent" + "".join(f" {p}" for p in path)), (path, text)


def test_the_console_script_is_installed() -> None:
    done = sent("--help", key=None)
    assert done.returncode == 0
    for command in ("me", "sender-profiles", "messages", "templates", "webhooks", "fake"):
        assert f"    {command}" in done.stdout
    assert main([]) == 2  # no command: the usage, exit 2


def test_every_command_line_in_the_docs_parses() -> None:
    """docs/cli.md's ``$ sent ...`` lines are real commands: each parses, with its options."""
    from sent_async.testing._serve import _parser as serve_parser

    text = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text()
    joined = text.replace("\\\n", " ")
    lines = [line[2:].rstrip(" &") for line in joined.splitlines() if line.startswith("$ sent ")]
    assert len(lines) >= 8
    for line in lines:
        words = shlex.split(line.partition(" < ")[0])[1:]  # the shell's redirection aside
        if words[0] == "fake":
            serve_parser("sent fake").parse_args(words[1:])
        else:
            args = build().parse_args(words)
            assert hasattr(args, "func") or hasattr(args, "local"), line
