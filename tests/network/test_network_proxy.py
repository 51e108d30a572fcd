"""``proxy=`` and ``trust_env=True`` through a real tinyproxy: plain http, CONNECT, credentials.

The proxy's password must never reach a repr, a log record or an error, whatever fails.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
import pytest

from sent_async import APIConnectionError, APIStatusError, AsyncSent, SentError
from sent_async.testing import FAST_RETRY, FakeSent
from sent_sync import Sent

from ..support import error_envelope, reply
from .support import PROXY_PASSWORD, PROXY_USER, LocalCA, Tinyproxy, free_port, tls_fake

StartProxy = Callable[..., Tinyproxy]
PROXY_VARS = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "NETRC"]


def _header(headers: object, name: str) -> str | None:
    items = dict(headers).items()  # type: ignore[call-overload]
    return next((v for k, v in items if k.lower() == name), None)


def _assert_not_leaked(caplog: pytest.LogCaptureFixture, *shown: object) -> None:
    """Neither the password nor its user appear in the objects' str/repr or any log record."""
    texts = [str(x) + repr(x) for x in shown]
    for record in caplog.records:
        texts.append(record.getMessage())
        texts.extend(repr(v) for v in vars(record).values())
    blob = "\n".join(texts)
    assert PROXY_PASSWORD not in blob
    assert f"//{PROXY_USER}" not in blob  # no URL with its userinfo


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.mark.anyio
async def test_plain_http_goes_through_the_proxy(server: FakeSent, tinyproxy: StartProxy):
    proxy = tinyproxy()
    async with server.client(proxy=proxy.url) as sent:
        await sent.me.get()
    assert "tinyproxy" in (_header(server.requests[-1].headers, "via") or "")
    port = server.base_url.rsplit(":", 1)[1]
    assert f"GET http://127.0.0.1:{port}/v3/me" in proxy.log_text()  # absolute-form
    await proxy.idle()


@pytest.mark.anyio
async def test_https_goes_through_a_connect_tunnel(test_ca: LocalCA, tinyproxy: StartProxy):
    proxy = tinyproxy()
    async with tls_fake(test_ca) as (fake, url):
        options: dict[str, Any] = {
            "base_url": url,
            "ssl": test_ca.client_context(),
            "proxy": proxy.url,
        }
        async with AsyncSent(fake.api_key, **options) as sent:
            await sent.me.get()
        await proxy.idle()
        assert fake.requests[-1].path == "/v3/me"
        assert _header(fake.requests[-1].headers, "via") is None  # the tunnel is opaque
    assert f"CONNECT 127.0.0.1:{url.rsplit(':', 1)[1]}" in proxy.log_text()


@pytest.mark.anyio
async def test_proxy_credentials_work_and_are_never_shown(
    server: FakeSent,
    test_ca: LocalCA,
    tinyproxy: StartProxy,
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.DEBUG, logger="sent")
    proxy = tinyproxy(auth=True)
    with_auth = proxy.url_with(PROXY_USER, PROXY_PASSWORD)
    async with server.client(proxy=with_auth) as sent:
        await sent.me.get()
        plain_client = sent
    assert "tinyproxy" in (_header(server.requests[-1].headers, "via") or "")
    await proxy.idle()
    assert _header(server.requests[-1].headers, "proxy-authorization") is None
    async with tls_fake(test_ca) as (fake, url):
        ctx = test_ca.client_context()
        async with AsyncSent(fake.api_key, base_url=url, ssl=ctx, proxy=with_auth) as sent:
            await sent.me.get()
            assert _header(fake.requests[-1].headers, "proxy-authorization") is None
            _assert_not_leaked(caplog, sent, sent._options, plain_client)
        await proxy.idle()
    assert caplog.records  # the DEBUG lines were there to check
    await proxy.idle()


@pytest.mark.anyio
async def test_refused_proxy_credentials_are_not_echoed(
    server: FakeSent,
    test_ca: LocalCA,
    tinyproxy: StartProxy,
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.DEBUG, logger="sent")
    proxy = tinyproxy(auth=True)
    wrong = proxy.url_with(PROXY_USER, PROXY_PASSWORD + "-expired")
    async with server.client(proxy=wrong, retry=FAST_RETRY) as sent:
        with pytest.raises(APIStatusError) as plain:  # the proxy's own answer, over http
            await sent.me.get()
    assert plain.value.status_code in (401, 407)
    async with tls_fake(test_ca) as (fake, url):
        ctx = test_ca.client_context()
        options: dict[str, Any] = {"base_url": url, "ssl": ctx, "proxy": wrong, "retry": FAST_RETRY}
        async with AsyncSent(fake.api_key, **options) as sent:
            with pytest.raises(APIConnectionError, match="proxy refused the tunnel") as tunnel:
                await sent.me.get()
        assert fake.requests == []
    assert tunnel.value.outcome == "not_sent"
    _assert_not_leaked(caplog, plain.value, tunnel.value, plain.value.__cause__)
    assert not server.requests  # nothing went past the proxy


@pytest.mark.anyio
async def test_unreachable_or_failing_proxy_is_a_typed_error_without_credentials(
    server: FakeSent,
    test_ca: LocalCA,
    tinyproxy: StartProxy,
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.DEBUG, logger="sent")
    dead = f"http://{PROXY_USER}:{PROXY_PASSWORD}@127.0.0.1:{free_port()}"
    async with server.client(proxy=dead, retry=FAST_RETRY) as sent:
        with pytest.raises(APIConnectionError, match="could not connect to the proxy") as refused:
            await sent.me.get()
    assert refused.value.outcome == "not_sent"
    assert refused.value.attempts == FAST_RETRY.max_retries + 1
    # A working proxy whose target is down: it answers the CONNECT with an error.
    proxy = tinyproxy(auth=True)
    with_auth = proxy.url_with(PROXY_USER, PROXY_PASSWORD)
    down = f"https://127.0.0.1:{free_port()}"
    ctx = test_ca.client_context()
    async with AsyncSent("sk_test", base_url=down, ssl=ctx, proxy=with_auth, retry=FAST_RETRY) as s:
        with pytest.raises(APIConnectionError, match="proxy refused the tunnel") as failed:
            await s.me.get()
    errors: list[SentError] = [refused.value, failed.value]
    _assert_not_leaked(caplog, *errors)
    assert len(caplog.records) >= 2


@pytest.mark.anyio
async def test_trust_env_uses_https_proxy_and_no_proxy(
    test_ca: LocalCA, tinyproxy: StartProxy, clean_env: pytest.MonkeyPatch
):
    proxy = tinyproxy()
    async with tls_fake(test_ca) as (fake, url):
        connect = f"CONNECT 127.0.0.1:{url.rsplit(':', 1)[1]}"
        options: dict[str, Any] = {"base_url": url, "ssl": test_ca.client_context()}
        clean_env.setenv("HTTPS_PROXY", proxy.url)
        async with AsyncSent(fake.api_key, **options) as sent:  # not trusted: ignored
            await sent.me.get()
        assert connect not in proxy.log_text()
        async with AsyncSent(fake.api_key, trust_env=True, **options) as sent:
            await sent.me.get()
        assert proxy.log_text().count(connect) == 1
        clean_env.setenv("NO_PROXY", "127.0.0.1")
        async with AsyncSent(fake.api_key, trust_env=True, **options) as sent:
            await sent.me.get()
        assert proxy.log_text().count(connect) == 1  # bypassed: went direct
        await proxy.idle()
        assert len(fake.requests) == 3


@pytest.mark.anyio
async def test_trust_env_reads_proxy_credentials_from_netrc(
    test_ca: LocalCA,
    tinyproxy: StartProxy,
    clean_env: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.DEBUG, logger="sent")
    proxy = tinyproxy(auth=True)
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {PROXY_USER} password {PROXY_PASSWORD}\n")
    netrc.chmod(0o600)
    clean_env.setenv("HTTPS_PROXY", proxy.url)  # no credentials in the variable
    clean_env.setenv("NETRC", str(netrc))
    async with tls_fake(test_ca) as (fake, url):
        ctx = test_ca.client_context()
        async with AsyncSent(fake.api_key, base_url=url, ssl=ctx, trust_env=True) as sent:
            await sent.me.get()
            _assert_not_leaked(caplog, sent, sent._options)
        await proxy.idle()
        assert fake.requests[-1].path == "/v3/me"


@pytest.mark.anyio
async def test_sync_client_through_an_authenticating_proxy(server: FakeSent, tinyproxy: StartProxy):
    proxy = tinyproxy(auth=True)
    with_auth = proxy.url_with(PROXY_USER, PROXY_PASSWORD)

    def call() -> str:
        with Sent(server.api_key, base_url=server.base_url, proxy=with_auth) as sent:
            assert PROXY_PASSWORD not in repr(sent)
            return str(sent.me.get().id)

    assert await anyio.to_thread.run_sync(call)
    assert "tinyproxy" in (_header(server.requests[-1].headers, "via") or "")
    await proxy.idle()


@pytest.mark.anyio
async def test_a_proxy_page_echoing_the_password_is_masked(
    scripted: Callable[..., Any], caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG, logger="sent")
    page = error_envelope("PROXY_AUTH", f"bad credentials {PROXY_USER}:{PROXY_PASSWORD}")
    proxy = await scripted(reply(407, page))  # answers the absolute-form request itself
    with_auth = proxy.base_url.replace("http://", f"http://{PROXY_USER}:{PROXY_PASSWORD}@")
    async with AsyncSent("sk_test", base_url="http://127.0.0.1:9", proxy=with_auth) as sent:
        with pytest.raises(APIStatusError) as info:
            await sent.me.get()
    assert info.value.status_code == 407
    assert proxy.seen[0][1] == "/v3/me"
    _assert_not_leaked(caplog, info.value, getattr(info.value, "body", None))
