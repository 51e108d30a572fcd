"""``ssl=``: a private CA (a corporate one, or a gateway's) trusted through an SSLContext."""

from __future__ import annotations

import anyio.to_thread
import pytest

from sent_async import AsyncSent, TLSVerificationError
from sent_sync import Sent

from .support import LocalCA, make_ca, tls_fake


@pytest.mark.anyio
async def test_private_ca_fails_by_default_and_works_with_ssl_context(test_ca: LocalCA):
    async with tls_fake(test_ca) as (fake, url):
        async with AsyncSent(fake.api_key, base_url=url) as sent:
            with pytest.raises(TLSVerificationError) as info:
                await sent.me.get()
        assert info.value.outcome == "not_sent"
        assert info.value.attempts == 1  # never retried
        assert fake.requests == []
        async with AsyncSent(fake.api_key, base_url=url, ssl=test_ca.client_context()) as sent:
            me = await sent.me.get()
        assert me.id is not None
        assert [r.path for r in fake.requests] == ["/v3/me"]


@pytest.mark.anyio
async def test_a_context_trusting_another_ca_still_refuses(
    test_ca: LocalCA, tmp_path_factory: pytest.TempPathFactory
):
    other = make_ca(tmp_path_factory.mktemp("other"))
    async with tls_fake(test_ca) as (fake, url):
        async with AsyncSent(fake.api_key, base_url=url, ssl=other.client_context()) as sent:
            with pytest.raises(TLSVerificationError):
                await sent.me.get()
        assert fake.requests == []


@pytest.mark.anyio
async def test_sync_client_takes_the_same_context(test_ca: LocalCA):
    async with tls_fake(test_ca) as (fake, url):
        ctx = test_ca.client_context()

        def call() -> str:
            with Sent(fake.api_key, base_url=url, ssl=ctx) as sent:
                return str(sent.me.get().id)

        assert await anyio.to_thread.run_sync(call)
        assert fake.requests[-1].path == "/v3/me"
