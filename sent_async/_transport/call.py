"""The one place that talks HTTP: headers, idempotency, timeouts, retries, logging.

A ``Core`` (``_core.py``) belongs to one root client and is shared by its views
(``for_profile``, ``with_options``): one aiohttp session, one pool of connection slots, one
retry budget and one rate-limit gate. A ``Transport`` is a core plus the options of one view;
resources hold one and call ``request``.

One logical call: the body is serialised once and an Idempotency-Key attached once; then each
attempt waits for the rate-limit gate, then for a connection slot, and only then starts its own
clock (so time spent queued never causes a timeout); failures are classified and retried per
``_retry.decide``; the whole call is bounded by ``Timeout.deadline``.

Logging (``logging.getLogger("sent")``): DEBUG, one line per attempt with method, path (never
the query), status or failure, attempt, elapsed seconds and request id; INFO, one line per
retry. Headers and bodies are never logged there. Redacted JSON bodies go to the separate
``sent.bodies`` logger, which stays quiet unless its level is set to DEBUG explicitly.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Mapping
from typing import Any, TypeVar, overload

import anyio
import attrs

from .. import _converter, _validate
from .._errors import (
    APIResponseValidationError,
    APITimeoutError,
    RateLimitError,
    SentError,
)
from .._options import ClientOptions
from .._redact import redact
from .._response import RAW_CAPTURE as _raw_capture
from .._response import RawResponse
from .._types import UNSET
from . import envelope as _envelope
from .core import Core, user_agent
from .gate import GateClosed
from .http import Answer, AttemptFailed, TooLarge, connection_error, exchange
from .retry import IDEMPOTENT_METHODS, NON_TRANSIENT_CODES, Phase, decide
from .slots import Slots, SlotTimeout

__all__ = ["Core", "Transport", "user_agent"]

T = TypeVar("T")
log = logging.getLogger("sent")
body_log = logging.getLogger("sent.bodies")
if body_log.level == logging.NOTSET:
    body_log.setLevel(logging.INFO)  # opt-in: DEBUG on "sent" alone never logs bodies

_BODY_LOG_LIMIT = 2048


@attrs.frozen
class Transport:
    """A core plus one view's options; resources call ``request`` and nothing else."""

    core: Core
    options: ClientOptions

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        into: type[T],
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> T: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        into: None = None,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> None: ...

    async def request(
        self,
        method: str,
        path: str,
        *,
        into: Any = None,
        body: Any = None,
        query: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> Any:
        """Send one logical call (with retries) and return its unwrapped, structured data."""
        opts, core = self.options, self.core
        key = None
        if method not in ("GET", "HEAD"):
            if idempotency_key is not None:
                key = _validate.idempotency_key(idempotency_key)
            elif opts.auto_idempotency_keys:
                key = str(uuid.uuid4())
        headers: dict[str, str] = {}
        if opts.profile_id is not None:
            headers["x-profile-id"] = opts.profile_id
        if key is not None:
            headers["idempotency-key"] = key
        payload = None
        if body is not None:
            # Serialised once: every retry sends these exact bytes with the same key.
            payload = json.dumps(_converter.wire.unstructure(body), separators=(",", ":")).encode()
            headers["content-type"] = "application/json"
        params = _query(query) if query else None
        replay_safe = method in IDEMPOTENT_METHODS or key is not None
        context: dict[str, Any] = {
            "method": method,
            "path": path,
            "idempotency_key": key,
            "attempts": 0,
        }
        url = opts.base_url + path
        policy = opts.retry
        session, limiter = core.session()
        clock = asyncio.get_running_loop().time  # the clock anyio.current_time() reads, directly
        deadline = clock() + opts.timeout.deadline
        _log_body("request", method, path, payload, core.known_secrets)
        spent = 0
        while True:
            status: int | None = None
            answer: Answer | None = None
            phase: Phase = "post_send"
            timed_out = False
            error: SentError
            async with _Admission(self, limiter, deadline, context) as slot:
                context["attempts"] += 1
                if context["attempts"] > 1:
                    headers["x-sent-retry-count"] = str(context["attempts"] - 1)
                started = clock()
                try:
                    answer = await exchange(
                        session, method, url, payload, headers, params, opts, deadline
                    )
                except AttemptFailed as failed:
                    core.check_open()  # closed under us: say so, never retry
                    phase, timed_out = failed.phase, failed.timeout
                    error = connection_error(failed, context)
                    _log_attempt(context, f"failed: {failed.detail}", started, None)
                except TooLarge as large:
                    raise APIResponseValidationError(
                        "the response is larger than max_response_bytes "
                        f"({opts.max_response_bytes})",
                        status_code=large.status,
                        **context,
                    ) from None
                if answer is not None:
                    status = answer.status
                    doc = _envelope.decode(answer.body)
                    if log.isEnabledFor(logging.DEBUG):
                        request_id = _envelope.request_id_of(doc, answer.headers)
                        _log_attempt(context, str(status), started, request_id)
                    _log_body("response", method, path, answer.body, core.known_secrets)
                    if 200 <= status < 300 and not (
                        isinstance(doc, dict) and doc.get("success") is False
                    ):
                        core.budget.succeeded(spent)
                        return _success(answer, doc, into, key, context, core.known_secrets)
                    error = _envelope.status_error(
                        status, answer.headers, answer.body, doc, context, core.known_secrets
                    )
                    if status == 429 and getattr(error, "code", None) not in NON_TRANSIENT_CODES:
                        pause = error.retry_after
                        core.gate.close(
                            min(pause, policy.max_retry_after)
                            if pause is not None
                            else policy.backoff(1)
                        )
                        slot.still_limited = True
            decision = decide(
                policy,
                retry_number=context["attempts"],
                replay_safe=replay_safe,
                phase=phase,
                status=status,
                code=getattr(error, "code", None),
                headers=answer.headers if answer is not None else None,
                remaining=deadline - clock(),
            )
            cost = core.budget.spend(timed_out) if decision.retry else 0
            if not decision.retry or not cost:
                if decision.retry_after is not None and isinstance(error, RateLimitError):
                    error.retry_after = decision.retry_after
                log.debug(
                    "giving up on %s %s after %d attempt(s): %s",
                    method,
                    path,
                    context["attempts"],
                    "retry budget exhausted" if decision.retry else decision.reason,
                )
                raise error
            spent += cost
            log.info(
                "retrying %s %s (attempt %d, %s) in %.2fs, idempotency_key=%s, request_id=%s",
                method,
                path,
                context["attempts"] + 1,
                decision.reason,
                decision.delay,
                key,
                getattr(error, "request_id", None),
            )
            await anyio.sleep(decision.delay)
            core.check_open()


class _Admission:
    """Wait for the 429 gate and a connection slot; hold the slot for one attempt.

    The gate is checked again once the slot is held, so calls already queued for a slot when
    a 429 arrives do not slip through the pause. The probe (the first call after a pause)
    reports back on exit whether it was rate limited again (``still_limited``).
    """

    __slots__ = ("context", "core", "deadline", "limiter", "options", "probe", "still_limited")

    def __init__(
        self,
        transport: Transport,
        limiter: Slots,
        deadline: float,
        context: dict[str, Any],
    ) -> None:
        self.core, self.options = transport.core, transport.options
        self.limiter, self.deadline, self.context = limiter, deadline, context
        self.probe = False
        self.still_limited = False

    async def __aenter__(self) -> _Admission:
        gate = self.core.gate
        # The common case (no pause, a free slot) takes it without waiting.
        if gate.is_open() and not self.core.closed and self.limiter.try_take():
            return self
        while True:
            try:
                if not gate.is_open():
                    remaining = self.deadline - anyio.current_time()
                    patience = remaining - min(self.options.retry.min_attempt_time, remaining / 2)
                    await gate.wait(patience)
            except GateClosed as closed:
                raise RateLimitError(
                    "rate limited: the client is paused by a 429 longer than this call's "
                    "deadline allows",
                    status_code=429,
                    retry_after=closed.wait,
                    **self.context,
                ) from None
            self.core.check_open()
            try:
                await self.limiter.take(self.deadline)
            except SlotTimeout:
                raise APITimeoutError(
                    "timed out waiting for a free connection slot "
                    f"(max_connections={self.options.max_connections})",
                    outcome="not_sent",
                    **self.context,
                ) from None
            verdict = gate.admit()
            if verdict is not None and not self.core.closed:
                self.probe = verdict
                return self
            self.limiter.give_back()
            self.core.check_open()

    async def __aexit__(self, *exc: object) -> None:
        self.limiter.give_back()
        if self.probe:
            self.core.gate.probe_done(self.still_limited)


def _success(
    answer: Answer,
    doc: Any,
    into: Any,
    key: str | None,
    context: dict[str, Any],
    known: tuple[str, ...],
) -> Any:
    status = answer.status
    data = (
        _envelope.data_of(doc, into, status=status, context=context, known=known)
        if (status != 204 and answer.body)
        else None
    )
    sink = _raw_capture.get()
    if sink is not None:
        sink.append(
            RawResponse(
                data=data,
                meta=_envelope.meta_of(doc),
                status_code=status,
                headers=answer.headers,
                idempotency_key=key,
            )
        )
    return data


def _log_attempt(
    context: dict[str, Any], outcome: str, started: float, request_id: str | None
) -> None:
    if not log.isEnabledFor(logging.DEBUG):
        return
    elapsed = anyio.current_time() - started
    log.debug(
        "%s %s -> %s (attempt %d, %.3fs, request_id=%s)",
        context["method"],
        context["path"],
        outcome,
        context["attempts"],
        elapsed,
        request_id,
        extra={
            "sent_method": context["method"],
            "sent_path": context["path"],
            "sent_outcome": outcome,
            "sent_attempt": context["attempts"],
            "sent_elapsed": elapsed,
            "sent_request_id": request_id,
        },
    )


def _log_body(kind: str, method: str, path: str, raw: bytes | None, known: tuple[str, ...]) -> None:
    if not raw or not body_log.isEnabledFor(logging.DEBUG):
        return
    doc = _envelope.decode(raw)
    text = json.dumps(redact(doc, known)) if doc is not None else f"<{len(raw)} bytes, not JSON>"
    if len(text) > _BODY_LOG_LIMIT:
        text = text[:_BODY_LOG_LIMIT] + "...(truncated)"
    body_log.debug("%s %s %s body: %s", method, path, kind, text)


def _query(query: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    for name, value in query.items():
        if value is None or value is UNSET:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        out[name] = str(value.value if hasattr(value, "value") else value)
    return out
