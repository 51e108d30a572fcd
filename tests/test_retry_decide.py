"""The retry decision as a table: method x status x phase x API code -> retry or not, and why.

Each row is one rule of docs/errors.md and docs/idempotency.md (the retry rules):
pre-send failures are always retried; post-send ones and retryable statuses only when a replay
is safe (an idempotent method, or an Idempotency-Key attached); 409 only for CONFLICT_001;
429 LIMIT_001 never; ``x-should-retry`` wins either way but never makes a replay unsafe.
"""

from __future__ import annotations

import math

import pytest

from sent_async import RetryPolicy
from sent_async._transport.retry import IDEMPOTENT_METHODS, Phase, decide, pause_after_429

POLICY = RetryPolicy()

# (method, keyed, phase, status, code, x-should-retry) -> (retry?, words of the reason)
ROWS: list[tuple[str, bool, Phase, int | None, str | None, str | None, bool, str]] = [
    # statuses that are retried when a replay is safe
    *[("GET", False, "post_send", s, None, None, True, f"status {s}") for s in (408, 429)],
    *[("GET", False, "post_send", s, None, None, True, f"status {s}") for s in (500, 502)],
    *[("GET", False, "post_send", s, None, None, True, f"status {s}") for s in (503, 504)],
    *[("POST", True, "post_send", s, None, None, True, f"status {s}") for s in (408, 429, 500)],
    *[("POST", True, "post_send", s, None, None, True, f"status {s}") for s in (502, 503, 504)],
    ("DELETE", False, "post_send", 503, None, None, True, "status 503"),
    ("PUT", False, "post_send", 500, None, None, True, "status 500"),
    # ... and not when it is not (a POST or PATCH without a key could run twice)
    *[("POST", False, "post_send", s, None, None, False, "not replay-safe") for s in (429, 500)],
    *[("POST", False, "post_send", s, None, None, False, "not replay-safe") for s in (503, 504)],
    ("PATCH", False, "post_send", 502, None, None, False, "not replay-safe"),
    # 409: only the "same key still in flight" conflict is worth a retry
    ("POST", True, "post_send", 409, "CONFLICT_001", None, True, "status 409"),
    ("POST", True, "post_send", 409, "CONFLICT_002", None, False, "409 is not retryable"),
    ("GET", False, "post_send", 409, None, None, False, "409 is not retryable"),
    # 429 with a non-transient code: waiting cannot help
    ("GET", False, "post_send", 429, "LIMIT_001", None, False, "LIMIT_001 is not transient"),
    ("POST", True, "post_send", 429, "LIMIT_001", None, False, "LIMIT_001 is not transient"),
    # other 4xx: never
    *[("GET", False, "post_send", s, None, None, False, "not retryable") for s in (400, 401)],
    *[("GET", False, "post_send", s, None, None, False, "not retryable") for s in (403, 404)],
    *[("POST", True, "post_send", s, None, None, False, "not retryable") for s in (400, 422)],
    ("GET", False, "post_send", 501, None, None, False, "501 is not retryable"),
    # the server's word wins, but never makes an unsafe replay safe
    ("GET", False, "post_send", 503, None, "false", False, "x-should-retry: false"),
    ("POST", True, "post_send", 400, None, "true", True, "status 400"),
    ("GET", False, "post_send", 429, "LIMIT_001", "true", True, "status 429"),
    ("POST", False, "post_send", 400, None, "true", False, "not replay-safe"),
    # no HTTP answer: before sending, always; after, only when replay-safe
    ("POST", False, "pre_send", None, None, None, True, "connection failure"),
    ("PATCH", False, "pre_send", None, None, None, True, "connection failure"),
    ("GET", False, "post_send", None, None, None, True, "connection failure"),
    ("POST", True, "post_send", None, None, None, True, "connection failure"),
    ("POST", False, "post_send", None, None, None, False, "outcome unknown"),
    # local failures (TLS, a request that cannot be built): never
    ("GET", False, "local", None, None, None, False, "local error"),
    ("POST", True, "local", None, None, None, False, "local error"),
]


def _id(row: tuple[object, ...]) -> str:
    method, keyed, phase, status, code, should = row[:6]
    parts = [str(method) + ("+key" if keyed else ""), str(phase), str(status or "no-answer")]
    parts += [str(x) for x in (code, should and f"should={should}") if x]
    return "-".join(parts)


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_retry_decision_table(
    row: tuple[str, bool, Phase, int | None, str | None, str | None, bool, str],
):
    method, keyed, phase, status, code, should, retry, why = row
    decision = decide(
        POLICY,
        retry_number=1,
        replay_safe=method in IDEMPOTENT_METHODS or keyed,
        phase=phase,
        status=status,
        code=code,
        should_retry=should,
    )
    assert decision.retry is retry
    assert why in decision.reason
    if retry:
        assert 0.25 <= decision.delay <= 0.5  # retry 1: U(0.5, 1) x 0.5 s


@pytest.mark.parametrize(
    ("retry_number", "retry_after", "remaining", "retry", "why"),
    [
        (3, None, math.inf, False, "retries exhausted"),  # max_retries=2: 3 attempts in all
        (2, None, math.inf, True, "status 503"),
        (1, 60.0, math.inf, True, "status 503"),  # the cap is inclusive
        (1, 60.5, math.inf, False, "Retry-After exceeds"),
        (1, 5.0, 4.0, False, "Retry-After exceeds"),  # longer than the deadline leaves
        (1, 3.0, 3.5, False, "deadline too close"),  # no attempt with < min_attempt_time left
        (1, None, 1.2, False, "deadline too close"),
    ],
)
def test_retry_after_budget_and_deadline(
    retry_number: int, retry_after: float | None, remaining: float, retry: bool, why: str
):
    decision = decide(
        POLICY,
        retry_number=retry_number,
        replay_safe=True,
        phase="post_send",
        status=503,
        retry_after=retry_after,
        remaining=remaining,
    )
    assert (decision.retry, why in decision.reason) == (retry, True), decision
    if retry and retry_after is not None:  # never earlier than asked, jitter <= 10% (max 1 s)
        assert retry_after <= decision.delay <= retry_after + min(1.0, 0.1 * retry_after)


def test_429_gate_pause():
    assert pause_after_429(POLICY, None, 12.0) == 12.0
    assert pause_after_429(POLICY, "BUSINESS_002", 600.0) == POLICY.max_retry_after
    assert pause_after_429(POLICY, "LIMIT_001", 5.0) is None  # not a rate: pausing cannot help
    pause = pause_after_429(POLICY, None, None)  # no Retry-After: one back-off step
    assert pause is not None and 0.25 <= pause <= 0.5
