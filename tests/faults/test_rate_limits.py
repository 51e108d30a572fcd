"""429s in every form, the client-wide pause, 503 storms and the retry budget."""

from __future__ import annotations

import asyncio
import email.utils
import json
import time
from collections import Counter
from typing import Any

import pytest
from aiohttp import web
from multidict import CIMultiDict

from sent_async import ConflictError, InternalServerError, RateLimitError, RetryPolicy, Timeout
from sent_async._transport.retry import parse_retry_after

from .support import (
    PROFILE_ID,
    Ledger,
    client,
    envelope,
    error_envelope,
    raises_sdk,
    sdk_only,
    serve_app,
)

pytestmark = pytest.mark.anyio


def limited(headers: dict[str, str], code: str = "BUSINESS_002") -> web.Response:
    return web.json_response(error_envelope(code), status=429, headers=headers)


def ok() -> web.Response:
    return web.json_response(envelope({"id": PROFILE_ID}))


class Script:
    """Answers GET /v3/profiles/{id} from ``answers`` in turn (the last one repeats)."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.times: list[float] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.times.append(time.monotonic())
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        result: web.Response = answer() if callable(answer) else answer
        return result


async def run_script(script: Script, **kw: Any) -> tuple[Any, float]:
    app = web.Application()
    app.router.add_get("/v3/profiles/{id}", script.handle)
    async with serve_app(app) as url, client(url, **kw) as sent:
        started = time.monotonic()
        try:
            result: Any = await sent.profiles.get(PROFILE_ID)
        except Exception as exc:
            result = exc
        return result, time.monotonic() - started


NOW = 1_790_000_000.0  # a fixed clock for the HTTP-date forms


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"Retry-After": "1.5"}, 1.5),
        ({"retry-after-ms": "250", "Retry-After": "9"}, 0.25),
        ({"Retry-After": email.utils.formatdate(NOW + 30, usegmt=True)}, 30.0),
        ({"Retry-After": email.utils.formatdate(NOW + 30).replace("+0000", "-0000")}, 30.0),
        ({"Retry-After": email.utils.formatdate(NOW - 30, usegmt=True)}, 0.0),
        ({"Retry-After": "-3"}, 0.0),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "Fri, 31 Dec 99999 23:59:59 GMT"}, None),
        ({"Retry-After": "nan"}, None),
        ({"retry-after-ms": "x"}, None),
        ({}, None),
    ],
)
def test_every_retry_after_form(headers: dict[str, str], expected: float | None):
    got = parse_retry_after(CIMultiDict(headers), now=NOW)
    assert got == (pytest.approx(expected) if expected is not None else None)


async def test_retry_after_seconds():
    script = Script(lambda: limited({"Retry-After": "1"}), ok)
    profile, elapsed = await run_script(script)
    assert profile.id == PROFILE_ID
    assert len(script.times) == 2 and 1.0 <= script.times[1] - script.times[0] < 1.5
    assert elapsed < 1.6


async def test_retry_after_http_date():
    def dated() -> web.Response:
        when = email.utils.formatdate(time.time() + 2, usegmt=True)
        return limited({"Retry-After": when})

    script = Script(dated, ok)
    profile, _ = await run_script(script)
    assert profile.id == PROFILE_ID
    gap = script.times[1] - script.times[0]
    assert 1.0 <= gap < 2.6  # HTTP-dates have one-second resolution


@pytest.mark.parametrize("header", [{"Retry-After": "120"}, {"Retry-After": "61"}])
async def test_retry_after_over_the_cap_raises_at_once(header: dict[str, str]):
    script = Script(lambda: limited(header), ok)
    error, elapsed = await run_script(script)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == float(header["Retry-After"]) and error.attempts == 1
    assert len(script.times) == 1 and elapsed < 0.5


async def test_retry_after_longer_than_the_deadline_raises_at_once():
    script = Script(lambda: limited({"Retry-After": "5"}), ok)
    error, elapsed = await run_script(script, timeout=Timeout(deadline=3))
    assert isinstance(error, RateLimitError) and error.retry_after == 5
    assert len(script.times) == 1 and elapsed < 0.5


async def test_429_forever_is_bounded_by_the_deadline():
    script = Script(lambda: limited({"retry-after-ms": "200"}))
    policy = RetryPolicy(max_retries=100, min_attempt_time=0.1)
    error, elapsed = await run_script(script, retry=policy, timeout=Timeout(deadline=1.2))
    assert isinstance(error, RateLimitError)
    assert error.retry_after is not None and error.retry_after <= 0.2
    assert 4 <= len(script.times) <= 6 and error.attempts == len(script.times)
    assert 0.8 <= elapsed < 1.3


async def test_non_transient_429_is_not_retried_and_does_not_pause_the_client():
    script = Script(lambda: limited({"Retry-After": "30"}, code="LIMIT_001"), ok)
    app = web.Application()
    app.router.add_get("/v3/profiles/{id}", script.handle)
    async with serve_app(app) as url, client(url) as sent:
        with raises_sdk(RateLimitError) as info:
            await sent.profiles.get(PROFILE_ID)
        assert info.value.code == "LIMIT_001"
        started = time.monotonic()
        await sent.profiles.get(PROFILE_ID)  # no 30 s pause for an account-level limit
        assert time.monotonic() - started < 0.3


async def test_one_429_pauses_a_thousand_tasks_and_a_probe_goes_first():
    """1,000 concurrent calls; the API is rate limited for its first 0.3 s."""
    opened_at: float | None = None
    arrivals: list[tuple[float, int]] = []
    answered: list[float] = []
    start: float | None = None

    async def handle(request: web.Request) -> web.Response:
        nonlocal opened_at, start
        now = time.monotonic()
        start = now if start is None else start
        if now - start < 0.3:
            arrivals.append((now, 429))
            left = int((0.3 - (now - start)) * 1000) + 1
            return limited({"retry-after-ms": str(left)})
        arrivals.append((now, 200))
        if opened_at is None:
            opened_at = now
            await asyncio.sleep(0.05)  # the probe takes a while: nobody may pass meanwhile
        answered.append(time.monotonic())
        return ok()

    app = web.Application()
    app.router.add_get("/v3/profiles/{id}", handle)
    async with serve_app(app) as url, client(url, max_connections=100) as sent:
        calls = [sent.profiles.get(PROFILE_ID) for _ in range(1000)]
        results = await asyncio.gather(*calls, return_exceptions=True)
    assert sdk_only(results) == []  # every call succeeded
    limited_count = sum(1 for _, status in arrivals if status == 429)
    assert limited_count <= 110  # the first wave (100 slots) only: the queue waited
    after = sorted(t for t, status in arrivals if status == 200)
    assert len(after) == 1000
    assert after[1] >= answered[0]  # the probe went alone; the rest came after its answer
    per_ms = Counter(int(t * 1000) for t in after[1:])
    assert max(per_ms.values()) <= 25  # spread out, not a stampede in one millisecond


async def test_503_storm_under_200_concurrent_sends(ledger: Ledger):
    """A dead API: the retry budget caps the total, and nothing is created twice."""
    ledger.plan = ["503"] * 10_000
    policy = RetryPolicy(initial_delay=0.01, max_delay=0.02, budget=500)
    async with client(ledger.base_url, retry=policy) as sent:
        calls = [sent.profiles.create(name=f"n{i}") for i in range(200)]
        results = await asyncio.gather(*calls, return_exceptions=True)
        assert sent._core.budget.tokens < 5
    errors = sdk_only(results)
    assert len(errors) == 200 and all(isinstance(e, InternalServerError) for e in errors)
    assert len(ledger.posts()) == 200 + 500 // 5  # one retry per 5 tokens, then none
    assert ledger.records == {}


async def test_503_storm_that_clears_loses_and_duplicates_nothing(ledger: Ledger):
    ledger.plan = ["503"] * 150 + ["ok", "503"] * 40
    async with client(ledger.base_url) as sent:
        calls = [sent.profiles.create(name=f"n{i}") for i in range(200)]
        results = await asyncio.gather(*calls, return_exceptions=True)
    errors = sdk_only(results)
    created = [r for r in results if not isinstance(r, BaseException)]
    names = [r["name"] for r in ledger.records.values()]
    assert len(names) == len(set(names)) == len(created)  # no duplicates, none lost
    assert {p.name for p in created} == set(names)
    assert all(isinstance(e, InternalServerError) for e in errors)
    keys = Counter(p[2]["idempotency-key"] for p in ledger.posts())
    assert len(keys) == 200  # one key per logical send, reused by its retries
    assert all(json.loads(p[3])["name"] for p in ledger.posts())


@pytest.mark.parametrize(("keyed", "attempts"), [(True, 2), (False, 1)])
async def test_x_should_retry_true_still_needs_a_replay_safe_request(keyed: bool, attempts: int):
    seen: list[str] = []

    async def handle(request: web.Request) -> web.Response:
        seen.append(request.headers.get("idempotency-key", ""))
        if len(seen) == 1:
            doc = error_envelope("CONFLICT_009", "busy")
            return web.json_response(doc, status=409, headers={"x-should-retry": "true"})
        return ok()

    app = web.Application()
    app.router.add_post("/v3/profiles", handle)
    async with serve_app(app) as url, client(url, auto_idempotency_keys=keyed) as sent:
        if keyed:
            await sent.profiles.create(name="x")
        else:
            with raises_sdk(ConflictError) as info:
                await sent.profiles.create(name="x")
            assert info.value.attempts == 1 and info.value.idempotency_key is None
    assert len(seen) == attempts and len(set(seen)) == 1
