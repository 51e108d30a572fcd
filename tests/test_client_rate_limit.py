"""AsyncSent(rate_limit=...) paces every call per Sent tier; FakeSent(rate_limit=...) enforces
an account limit per tier and counts per key and per recipient."""

from __future__ import annotations

import anyio
import pytest

from sent_async import APITimeoutError, AsyncSent, RateLimit, RateLimitError, SentValidationError
from sent_async.resources._tiers import tier_of
from sent_async.testing import FAST_RETRY, FakeSent

PHONE = "+14155550123"
NO_RETRY = FAST_RETRY.__class__(initial_delay=0.01, max_delay=0.05, max_retries=0)


@pytest.mark.parametrize(
    ("method", "path", "tier"),
    [
        ("POST", "/v3/messages", "message"),
        ("GET", "/v3/messages", "standard"),
        ("GET", "/v3/messages/abc", "standard"),
        ("POST", "/v3/contacts", "standard"),
        ("POST", "/v3/users", "sensitive"),
        ("POST", "/v3/webhooks/w1/rotate-secret", "sensitive"),
        ("POST", "/v3/webhooks/w1/test", "sensitive"),
        ("POST", "/v3/profiles/p1/complete", "sensitive"),
        ("GET", "/v3/users", "standard"),
    ],
)
def test_tier_of(method: str, path: str, tier: str):
    assert tier_of(method, path) == tier


def test_a_bad_rate_limit_is_refused_before_anything_is_sent():
    with pytest.raises(SentValidationError):
        AsyncSent("sk_test_x", rate_limit=5)  # type: ignore[arg-type]
    assert AsyncSent("sk_test_x")._core.pace is None  # no limit: the transport skips pacing


async def _send_many(sent: AsyncSent, n: int, prefix: str = "k") -> list[RateLimitError]:
    """``n`` concurrent sends; the 429s they ended with."""
    limited: list[RateLimitError] = []

    async def one(i: int) -> None:
        try:
            await sent.messages.send(to=PHONE, text=f"hi {i}", idempotency_key=f"{prefix}-{i}")
        except RateLimitError as exc:
            limited.append(exc)

    async with anyio.create_task_group() as tg:
        for i in range(n):
            tg.start_soon(one, i)
    return limited


@pytest.mark.anyio
async def test_fakesent_answers_429_past_its_account_limit():
    async with FakeSent(rate_limit=RateLimit(per_second=10, burst=3)) as server:
        async with server.client(retry=NO_RETRY) as sent:
            limited = await _send_many(sent, 10)
        assert limited and limited[0].code == "BUSINESS_002"
        assert limited[0].retry_after is not None and limited[0].retry_after >= 1
        assert server.stats.rate_limited["message"] >= 1
        assert server.stats.max_in_window("message") <= 3


@pytest.mark.anyio
async def test_the_client_limit_paces_message_sends_with_no_429():
    limit = RateLimit(per_second=20)
    async with FakeSent(rate_limit=RateLimit(per_second=20, burst=3)) as server:
        async with server.client(retry=NO_RETRY, rate_limit=limit) as sent:
            started = anyio.current_time()
            assert await _send_many(sent, 30) == []
            elapsed = anyio.current_time() - started
            # other tiers are not held back by the message tier (200/min, burst 50)
            got_me = anyio.current_time()
            for _ in range(10):
                await sent.me.get()
            assert anyio.current_time() - got_me < 1.0
        stats = server.stats
        assert stats.rate_limited["message"] == 0
        assert stats.requests["message"] == 30
        assert 1.3 < elapsed < 4
        assert stats.max_in_window("message") <= 20 + 1
        assert stats.per_key["k-0"] == 1
        assert stats.per_recipient[PHONE] == 30
        assert stats.messaged_twice() == [PHONE]


@pytest.mark.anyio
async def test_views_share_the_client_limit():
    async with FakeSent(rate_limit=RateLimit(per_second=10, burst=2)) as server:
        async with server.client(retry=NO_RETRY, rate_limit=RateLimit(per_second=10)) as sent:
            view = sent.with_options(timeout=20)
            async with anyio.create_task_group() as tg:
                tg.start_soon(_send_many, sent, 8)
                tg.start_soon(_send_many, view, 8, "v")
        assert server.stats.rate_limited["message"] == 0


@pytest.mark.anyio
async def test_a_pacing_wait_past_the_deadline_is_a_timeout_nothing_sent():
    from sent_async import Timeout

    async with FakeSent() as server:
        limit = RateLimit(per_minute=6)  # one call per 10 s
        timeout = Timeout(deadline=0.5)
        async with server.client(retry=NO_RETRY, rate_limit=limit, timeout=timeout) as sent:
            await sent.messages.send(to=PHONE, text="first")
            with pytest.raises(APITimeoutError) as caught:
                await sent.messages.send(to=PHONE, text="second")
        assert caught.value.outcome == "not_sent"
        assert server.stats.requests["message"] == 1


@pytest.mark.anyio
async def test_a_429_slows_the_local_tier_down():
    async with FakeSent() as server:
        server.fail_next(429, "BUSINESS_002", headers={"Retry-After": "1"}, path="/v3/messages")
        async with server.client(retry=FAST_RETRY, rate_limit=RateLimit(per_second=50)) as sent:
            started = anyio.current_time()
            await sent.messages.send(to=PHONE, text="retried after the pause")
            assert anyio.current_time() - started >= 0.9
            pacer = sent._core.pace._pacers["message"]  # type: ignore[union-attr]
            assert pacer.pauses == 1 and pacer.rate == 25


def test_the_sync_client_takes_a_rate_limit():
    from sent_sync import Sent

    with FakeSent(rate_limit=RateLimit(per_second=10, burst=2)) as server:
        limit = RateLimit(per_second=10)
        with Sent(server.api_key, base_url=server.base_url, rate_limit=limit) as sent:
            for i in range(6):
                sent.messages.send(to=PHONE, text=f"hi {i}")
        assert server.stats.rate_limited["message"] == 0
        assert server.stats.requests["message"] == 6
