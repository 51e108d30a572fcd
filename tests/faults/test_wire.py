"""Misbehaviour on the wire: proxies, cut bodies, slow and silent servers, TLS, redirects."""

from __future__ import annotations

import asyncio
import gzip
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest
from aiohttp import web

from sent_async import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    InternalServerError,
    RetryPolicy,
    SentError,
    Timeout,
)
from sent_async._errors import TLSVerificationError

from .support import API_KEY, PROFILE_ID, Raw, client, http_response, raises_sdk, serve_app

pytestmark = pytest.mark.anyio

SHORT = Timeout(connect=0.5, read=0.3, attempt=0.6, deadline=5)


async def start(raw_server, *per_connection: bytes | None, close: bool = True) -> Raw:
    """A raw server answering one request per connection from ``per_connection`` in turn."""
    queue = list(per_connection)
    holder: dict[str, Raw] = {}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raw = holder["raw"]
        while await raw.read_request(reader) is not None:
            response = queue.pop(0) if len(queue) > 1 else queue[0]
            if response is None:
                await asyncio.sleep(3600)
                return
            writer.write(response)
            await writer.drain()
            if close:
                return

    holder["raw"] = await raw_server(handle)
    return holder["raw"]


async def test_html_502_from_a_proxy(raw_server):
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    bad = http_response(502, page, {"Content-Type": "text/html"})
    raw = await start(raw_server, bad)
    async with client(raw.base_url) as sent:
        with raises_sdk(InternalServerError) as info:
            await sent.profiles.get(PROFILE_ID)
    err = info.value
    assert "502 Bad Gateway" in str(err) and err.code is None
    assert err.attempts == 3 == len(raw.requests)
    assert "<html>" not in err.message


async def test_html_502_then_success(raw_server):
    bad = http_response(502, b"<html>Bad Gateway</html>", {"Content-Type": "text/html"})
    raw = await start(raw_server, bad, http_response())
    async with client(raw.base_url) as sent:
        created = await sent.profiles.create(name="through a flaky proxy")
    assert created.id == PROFILE_ID and len(raw.requests) == 2


async def test_body_cut_mid_json(raw_server):
    full = http_response()
    cut = full[: len(full) - 20]  # Content-Length promises 20 more bytes, then EOF
    raw = await start(raw_server, cut, full)
    async with client(raw.base_url) as sent:
        profile = await sent.profiles.get(PROFILE_ID)
        assert profile.id == PROFILE_ID and len(raw.requests) == 2
        raw2 = await start(raw_server, cut)
        async with client(raw2.base_url, auto_idempotency_keys=False) as unkeyed:
            with raises_sdk(APIConnectionError) as info:
                await unkeyed.profiles.create(name="x")  # ambiguous, unkeyed: not replayed
    assert info.value.outcome == "unknown" and "cut short" in str(info.value)
    assert len(raw2.requests) == 1


async def test_chunked_body_cut_mid_json(raw_server):
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    raw = await start(raw_server, head + b'10\r\n{"success": true,\r\n')
    async with client(raw.base_url, max_retries=1) as sent:
        with raises_sdk(APIConnectionError):
            await sent.profiles.get(PROFILE_ID)
    assert len(raw.requests) == 2


def dribble(every: float):
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if await raw_holder[0].read_request(reader) is None:
            return
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9999\r\n\r\n"
        writer.write(head + b"{")
        while True:
            await asyncio.sleep(every)
            writer.write(b" ")
            await writer.drain()

    raw_holder: list[Raw] = []
    return handle, raw_holder


@pytest.mark.parametrize(("every", "low", "high"), [(0.1, 0.6, 1.0), (0.5, 0.3, 0.55)])
async def test_slow_loris(raw_server, every: float, low: float, high: float):
    """A byte every 0.1 s keeps sock_read happy, so the attempt limit (0.6 s) fires; a byte
    every 0.5 s trips the read timeout (0.3 s) first."""
    handle, holder = dribble(every)
    raw = await raw_server(handle)
    holder.append(raw)
    async with client(raw.base_url, timeout=SHORT, max_retries=0) as sent:
        started = time.monotonic()
        with raises_sdk(APITimeoutError):
            await sent.profiles.get(PROFILE_ID)
        assert low <= time.monotonic() - started < high


async def test_server_that_never_answers(raw_server):
    raw = await start(raw_server, None)
    policy = RetryPolicy(initial_delay=0.01, max_delay=0.02)
    async with client(raw.base_url, timeout=SHORT, retry=policy) as sent:
        started = time.monotonic()
        with raises_sdk(APITimeoutError) as info:
            await sent.profiles.get(PROFILE_ID)
        elapsed = time.monotonic() - started
    assert info.value.outcome == "unknown" and info.value.attempts == 3
    assert len(raw.requests) == 3 and 0.9 <= elapsed < 1.5  # 3 x read timeout (0.3 s)


async def test_the_deadline_wins_over_a_long_attempt_limit(raw_server):
    raw = await start(raw_server, None)
    timeout = Timeout(connect=1, read=30, attempt=30, deadline=0.5)
    async with client(raw.base_url, timeout=timeout) as sent:
        started = time.monotonic()
        with raises_sdk(APITimeoutError) as info:
            await sent.profiles.get(PROFILE_ID)
        assert time.monotonic() - started < 0.8
    assert "deadline" in str(info.value) and len(raw.requests) == 1


async def test_connection_refused_is_retried_even_for_an_unkeyed_post():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # bound, never listening: connections are refused
        async with client(f"http://127.0.0.1:{port}", auto_idempotency_keys=False) as sent:
            started = time.monotonic()
            with raises_sdk(APIConnectionError) as info:
                await sent.profiles.create(name="x")
            assert time.monotonic() - started < 1
    err = info.value
    assert err.outcome == "not_sent" and err.attempts == 3
    assert not isinstance(err, APITimeoutError)


async def test_garbage_instead_of_http(raw_server):
    raw = await start(raw_server, b"SSH-2.0-OpenSSH_9.6\r\n\r\n", http_response())
    async with client(raw.base_url) as sent:
        assert (await sent.profiles.get(PROFILE_ID)).id == PROFILE_ID
    assert len(raw.requests) == 2


async def test_gzip_bomb_is_stopped_at_the_size_cap(raw_server):
    bomb = gzip.compress(b"{" + b" " * (8 * 1024 * 1024))  # 8 MiB inflated, ~8 KiB on the wire
    raw = await start(raw_server, http_response(200, bomb, {"Content-Encoding": "gzip"}))
    async with client(raw.base_url, max_response_bytes=64 * 1024) as sent:
        with raises_sdk(APIResponseValidationError) as info:
            await sent.profiles.get(PROFILE_ID)
    assert "max_response_bytes" in str(info.value) and len(raw.requests) == 1


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_redirect_never_carries_the_key_elsewhere(status: int):
    thief_saw: list[dict[str, str]] = []

    async def thief(request: web.Request) -> web.Response:
        thief_saw.append(dict(request.headers))
        return web.json_response({})

    steal = web.Application()
    steal.router.add_route("*", "/{tail:.*}", thief)
    async with serve_app(steal) as thief_url:

        async def redirect(request: web.Request) -> web.Response:
            raise (
                web.HTTPFound(thief_url + "/collect?k=1")
                if status == 302
                else _redirect(status, thief_url)
            )

        api = web.Application()
        api.router.add_route("*", "/{tail:.*}", redirect)
        async with serve_app(api) as api_url, client(api_url) as sent:
            with raises_sdk(APIStatusError) as info:
                await sent.profiles.create(name="x")
    assert thief_saw == []
    assert info.value.status_code == status
    assert "redirect" in str(info.value) and API_KEY not in repr(info.value.__dict__)


def _redirect(status: int, url: str) -> web.HTTPException:
    cls = {
        301: web.HTTPMovedPermanently,
        303: web.HTTPSeeOther,
        307: web.HTTPTemporaryRedirect,
        308: web.HTTPPermanentRedirect,
    }[status]
    return cls(url + "/collect")


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a throwaway certificate")
    where = tmp_path_factory.mktemp("tls")
    cert, key = where / "cert.pem", where / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


async def test_untrusted_certificate_is_never_retried(self_signed: tuple[Path, Path]):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed)
    handshakes: list[int] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handshakes.append(1)
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    try:
        async with client(f"https://127.0.0.1:{port}") as sent:
            with raises_sdk(TLSVerificationError) as info:
                await sent.profiles.create(name="x")
    finally:
        server.close()
        await server.wait_closed()
    err = info.value
    assert isinstance(err, APIConnectionError) and isinstance(err, SentError)
    assert err.outcome == "not_sent" and err.attempts == 1
    assert "certificate" in str(err) or "TLS" in str(err)
    assert handshakes == []  # the handshake never completed, and was not tried again


async def test_connect_timeout_is_retried_and_reported_as_not_sent():
    """A listener whose accept queue is full drops new SYNs: the connect never completes."""
    with socket.socket() as full:
        full.bind(("127.0.0.1", 0))
        full.listen(0)
        fillers = []
        try:
            for _ in range(4):  # fill the accept queue (never accepted)
                s = socket.socket()
                s.setblocking(False)
                s.connect_ex(full.getsockname())
                fillers.append(s)
            await asyncio.sleep(0.05)
            url = f"http://127.0.0.1:{full.getsockname()[1]}"
            timeout = Timeout(connect=0.2, read=1, attempt=1, deadline=5)
            async with client(url, timeout=timeout, auto_idempotency_keys=False) as sent:
                started = time.monotonic()
                with raises_sdk(APITimeoutError) as info:
                    await sent.profiles.create(name="x")
                elapsed = time.monotonic() - started
        finally:
            for s in fillers:
                s.close()
    err = info.value
    assert err.outcome == "not_sent" and err.attempts == 3
    assert "connecting" in str(err) and 0.6 <= elapsed < 1.5


async def test_dns_failure_is_retried_and_reported_as_not_sent(monkeypatch: pytest.MonkeyPatch):
    lookups: list[str] = []

    async def no_dns(host: str, *args: object, **kw: object) -> list[object]:
        lookups.append(host)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", no_dns)
    async with client("https://api.sent.example", auto_idempotency_keys=False) as sent:
        with raises_sdk(APIConnectionError) as info:
            await sent.profiles.create(name="x")
    err = info.value
    assert err.outcome == "not_sent" and err.attempts == 3
    assert "DNS" in str(err) and lookups == ["api.sent.example"] * 3
