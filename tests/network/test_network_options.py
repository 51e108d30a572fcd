"""Network options checked before anything is sent: base_url, proxy, headers, ssl, reprs."""

from __future__ import annotations

import logging
import ssl

import pytest

from sent_async import AsyncSent, SentValidationError
from sent_async.testing import FAST_RETRY, FakeSent
from sent_sync import Sent

from .support import PROXY_PASSWORD, PROXY_USER

PROXY = f"http://{PROXY_USER}:{PROXY_PASSWORD}@proxy.corp.example:3128"


def _header(headers: object, name: str) -> str | None:
    items = dict(headers).items()  # type: ignore[call-overload]
    return next((v for k, v in items if k.lower() == name), None)


# -- base_url --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://api.sent.dm/v3", "https://api.sent.dm"),
        ("https://api.sent.dm/v3/", "https://api.sent.dm"),
        ("https://gw.corp.example/sent/v3", "https://gw.corp.example/sent"),
        ("https://gw.corp.example/sent", "https://gw.corp.example/sent"),
        ("https://api.sent.dm/v30", "https://api.sent.dm/v30"),
    ],
)
def test_trailing_v3_is_dropped(given: str, kept: str):
    assert AsyncSent("sk_test", base_url=given)._options.base_url == kept


@pytest.mark.anyio
async def test_base_url_with_v3_reaches_the_api(server: FakeSent):
    async with AsyncSent(server.api_key, base_url=server.base_url + "/v3/") as sent:
        await sent.me.get()
    assert server.requests[-1].path == "/v3/me"


@pytest.mark.parametrize(
    "url", ["http://10.0.0.7:8080", "http://gateway.internal", "http://[fd00::1]"]
)
def test_plain_http_beyond_loopback_needs_an_opt_in(url: str):
    with pytest.raises(SentValidationError, match="allow_insecure_http"):
        AsyncSent("sk_test", base_url=url)
    sent = AsyncSent("sk_test", base_url=url, allow_insecure_http=True)
    assert sent._options.base_url == url


@pytest.mark.parametrize("url", ["http://127.0.0.5:9", "http://localhost:9", "http://[::1]:9"])
def test_plain_http_to_loopback_stays_allowed(url: str):
    assert AsyncSent("sk_test", base_url=url)._options.base_url == url


def test_base_url_credentials_are_refused_and_not_echoed():
    for url in ["https://bob:hunter2-pw@api.sent.dm", "http://bob:hunter2-pw@10.1.1.1"]:
        with pytest.raises(SentValidationError) as info:
            AsyncSent("sk_test", base_url=url, allow_insecure_http=True)
        assert "hunter2-pw" not in str(info.value)


# -- proxy -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "bad",
    [
        "socks5://127.0.0.1:1080",
        "proxy.corp.example:3128",
        "http://",
        "http://proxy.corp.example:99999",
        "http://proxy.corp.example:3128/path",
        "http://proxy.corp.example:3128/?q=1",
        "http://proxy.corp.example\r\n:3128",
        42,
    ],
)
def test_bad_proxies_are_refused(bad: object):
    with pytest.raises(SentValidationError, match="proxy"):
        AsyncSent("sk_test", proxy=bad)  # type: ignore[arg-type]


def test_bad_proxy_with_credentials_does_not_echo_them():
    with pytest.raises(SentValidationError) as info:
        AsyncSent("sk_test", proxy=f"socks5://{PROXY_USER}:{PROXY_PASSWORD}@127.0.0.1:1080")
    assert PROXY_PASSWORD not in str(info.value)
    assert "***@127.0.0.1:1080" in str(info.value)


def test_proxy_credentials_never_in_reprs():
    sent = AsyncSent("sk_test", proxy=PROXY)
    shown = repr(sent) + repr(sent._options) + repr(sent.with_options(timeout=3))
    shown += repr(sent._core) + repr(Sent("sk_test", proxy=PROXY))
    assert PROXY_PASSWORD not in shown
    assert PROXY_USER not in shown
    assert "proxy='http://***@proxy.corp.example:3128'" in repr(sent)
    assert sent._options.proxy == PROXY  # kept whole for aiohttp


# -- default_headers -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "x-api-key",
        "X-Api-Key",
        "Idempotency-Key",
        "X-PROFILE-ID",
        "Content-Type",
        "Host",
        "content-length",
        "Transfer-Encoding",
        "User-Agent",
        "Proxy-Authorization",
        "Accept",
    ],
)
def test_reserved_headers_are_refused(name: str):
    with pytest.raises(SentValidationError, match="the SDK sets it itself"):
        AsyncSent("sk_test", default_headers={name: "x"})


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Tenant": "a\r\nX-Injected: 1"},
        {"X-Tenant": "a\nb"},
        {"X-Tenant": "a\x00"},
        {"X-Tenant": " padded"},
        {"X Tenant": "a"},
        {"X-Tenant:": "a"},
        {"": "a"},
        {"X-Tenant\r\n": "a"},
        {"X-Tenant": 7},
        {"X-Tenant": "a", "x-tenant": "b"},
    ],
)
def test_malformed_headers_are_refused(headers: dict[str, object]):
    with pytest.raises(SentValidationError, match="default_headers"):
        AsyncSent("sk_test", default_headers=headers)  # type: ignore[arg-type]


def test_header_values_are_never_shown():
    sent = AsyncSent("sk_test", default_headers={"X-Gateway-Token": "gw-secret-771"})
    assert "gw-secret-771" not in repr(sent) + repr(sent._options)
    assert "X-Gateway-Token" in repr(sent._options)
    with pytest.raises(SentValidationError) as info:
        AsyncSent("sk_test", default_headers={"X-Gateway-Token": "gw-secret-771\r\n"})
    assert "gw-secret-771" not in str(info.value)


@pytest.mark.anyio
async def test_default_headers_reach_the_server_and_views(
    server: FakeSent, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG, logger="sent")
    headers = {"X-Tenant": "acme", "X-Gateway-Token": "gw-secret-771"}
    async with server.client(default_headers=headers, retry=FAST_RETRY) as sent:
        await sent.me.get()
        await sent.with_options(timeout=5).me.get()
    for request in server.requests[-2:]:
        assert _header(request.headers, "x-tenant") == "acme"
        assert _header(request.headers, "x-gateway-token") == "gw-secret-771"
        assert _header(request.headers, "x-api-key") == server.api_key
    assert "gw-secret-771" not in caplog.text


# -- ssl, trace_configs, trust_env -----------------------------------------------------------
def test_ssl_must_be_a_context():
    with pytest.raises(SentValidationError, match="SSLContext"):
        AsyncSent("sk_test", ssl="/etc/ssl/certs/ca.pem")  # type: ignore[arg-type]
    ctx = ssl.create_default_context()
    assert AsyncSent("sk_test", ssl=ctx)._options.ssl is ctx


def test_trace_configs_must_be_a_list_of_trace_configs():
    import aiohttp

    for bad in [aiohttp.TraceConfig(), [object()], "x"]:
        with pytest.raises(SentValidationError, match="trace_configs"):
            AsyncSent("sk_test", trace_configs=bad)  # type: ignore[arg-type]
    config = aiohttp.TraceConfig()
    assert AsyncSent("sk_test", trace_configs=[config])._options.trace_configs == (config,)


def test_environment_is_ignored_unless_trusted(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    assert AsyncSent("sk_test")._options.trust_env is False
    assert AsyncSent("sk_test", trust_env=True)._options.trust_env is True
