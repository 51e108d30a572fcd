"""Bad input is refused with a typed error before anything reaches the network."""

from __future__ import annotations

import pytest

from sent_async import AsyncSent, SentValidationError
from sent_async.testing import FakeSent

from .support import PROFILE_ID

pytestmark = pytest.mark.anyio

BAD_IDS = [
    "",
    "not-a-uuid",
    "../users",
    "a/b",
    "%2e%2e",
    PROFILE_ID + "\r\nX-Evil: 1",
    " " + PROFILE_ID,
    PROFILE_ID + "/",
    "..",
    PROFILE_ID[:-1],
]


@pytest.mark.parametrize("bad", BAD_IDS)
async def test_bad_path_ids_send_nothing(client: AsyncSent, server: FakeSent, bad: str):
    calls = [
        client.profiles.get(bad),
        client.profiles.update(bad, name="x"),
        client.profiles.delete(bad),
        client.profiles.complete(bad, web_hook_url="https://x.example"),
        client.profiles.campaigns.list(bad),
        client.profiles.campaigns.delete(PROFILE_ID, bad),
    ]
    for call in calls:
        with pytest.raises(SentValidationError):
            await call
    assert server.requests == []


@pytest.mark.parametrize("bad", BAD_IDS)
def test_bad_profile_scope_is_refused(bad: str):
    sent = AsyncSent("sk_test", base_url="http://127.0.0.1:1")
    with pytest.raises(SentValidationError, match="profile_id"):
        sent.for_profile(bad)


@pytest.mark.parametrize("key", ["", "   ", "sk_test\r\nX-Evil: 1", "sk\x00", " sk_test"])
def test_bad_api_keys(key: str, monkeypatch: pytest.MonkeyPatch):
    with pytest.raises(SentValidationError) as info:
        AsyncSent(key)
    assert key.strip() == "" or key.strip() not in str(info.value)


def test_missing_api_key_names_the_env_var(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SENT_DM_API_KEY", raising=False)
    with pytest.raises(SentValidationError, match="SENT_DM_API_KEY"):
        AsyncSent()


def test_env_configuration(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SENT_DM_API_KEY", "sk_from_env")
    monkeypatch.setenv("SENT_BASE_URL", "https://sandbox.sent.example/")
    sent = AsyncSent()
    assert sent._options.api_key == "sk_from_env"
    assert sent._options.base_url == "https://sandbox.sent.example"
    assert "sk_from_env" not in repr(sent) + repr(sent._options)


@pytest.mark.parametrize(
    "url",
    [
        "http://api.sent.dm",
        "ftp://127.0.0.1",
        "https://user:pw@api.sent.dm",
        "api.sent.dm",
        "https://api.sent.dm/?x=1",
        "https://api.sent.dm\r\n",
    ],
)
def test_bad_base_urls(url: str):
    with pytest.raises(SentValidationError):
        AsyncSent("sk_test", base_url=url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost", "https://x.example"])
def test_good_base_urls(url: str):
    assert AsyncSent("sk_test", base_url=url)._options.base_url == url


def test_bad_options():
    with pytest.raises(SentValidationError):
        AsyncSent("sk_test", max_connections=0)
    with pytest.raises(ValueError, match="timeout"):
        AsyncSent("sk_test", timeout=0)
