"""The one place that talks HTTP: headers, idempotency, timeouts, retries, logging.

A ``Core`` (``core.py``) belongs to one root client and is shared by its views
(``for_profile``, ``with_options``): one aiohttp session, one pool of connection slots, one
retry budget and one rate-limit gate. A ``Transport`` is a core plus the options of one view;
resources hold one and call ``request``.

One logical call: the body is serialised once and an Idempotency-Key attached once; then each
attempt waits for its slot in the client's rate limit (``pace.py``, when one is set), the 429
gate and a connection slot, and only then starts its own clock (so time spent queued never
causes a timeout); failures are classified and retried per ``retry.decide``; the whole call
is bounded by ``Timeout.deadline``.

Logging (``logging.getLogger("sent")``): DEBUG, one line per attempt with method, path (never
the query), status or failure, attempt, elapsed seconds and request id; INFO, one line per
retry. Headers and bodies are never logged there. Redacted JSON bodies go to the separate
``sent.bodies`` logger, which stays quiet unless its level is set to DEBUG explicitly.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, overload

import anyio
import attrs

from .. import _converter, _validate
from .._errors import (
    APIResponseValidationError,
    APIStatusError,
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
from .multipart import Form
from .retry import IDEMPOTENT_METHODS, Phase, decide, pause_after_429
from .slots import SlotTimeout

__all__ = ["Core", "Transport", "user_agent"]

T = TypeVar("T")
log = logging.getLogger("sent")
body_log = logging.getLogger("sent.bodies")
if body_log.level == logging.NOTSET:
    body_log.setLevel(logging.INFO)  # opt-in: DEBUG on "sent" alone never logs bodies

_BODY_LOG_LIMIT = 2048
_LOOP_TIME = asyncio.BaseEventLoop.time


@attrs.frozen
class Transport:
    """A core plus one view's options; resources call ``request`` and nothing else."""

    core: Core
    options: ClientOptions
    call_type: ClassVar[type[_Call]]
    """What ``request`` builds per call: ``_Call``; sent_async/instrumentation swaps in its own."""

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
        call = self.call_type(self, method, path, into, body, query, idempotency_key)  # prepare
        core, opts = self.core, self.options
        task = core.enter()
        try:
            while True:
                if not call.admit_now():  # admit: the 429 gate, then a connection slot
                    await call.admit()
                try:  # (plain calls, not ``async with``: two coroutines fewer per attempt)
                    started = call.next_attempt()
                    try:  # exchange
                        answer = await exchange(
                            call.session, method, call.url, call.payload, call.headers,
                            call.params, opts, call.deadline - started,
                        )  # fmt: skip
                    except AttemptFailed as failed:
                        core.check_open()  # closed under us: say so, never retry
                        error, phase = call.no_answer(failed, started)
                    except TooLarge as large:
                        raise call.too_large(large.status) from None
                    else:
                        doc = call.decode(answer, started)
                        if _envelope.succeeded(answer.status, doc):  # classify
                            return call.success(answer, doc)
                        error, phase = call.failure(answer, doc), "post_send"
                finally:
                    call.release()
                if call.still_limited and core.pace is not None:  # the fleet pauses too
                    await core.pace.rate_limited(method, path, core.gate.closed_for())
                await anyio.sleep(call.decide(error, phase))  # raises error when not retrying
                core.check_open()
        except asyncio.CancelledError:
            core.closed_under(task)  # aclose() ended this call: ClientClosedError
            raise
        finally:
            core.leave(task)


class _Call:
    """One logical call: what every attempt sends, and admission to the wire per attempt.

    ``admit_now`` (or, when that cannot, ``admit``) waits for the 429 gate and a connection
    slot, held for one attempt until ``release``. The gate is checked again once the slot is
    held, so calls already queued for a slot when a 429 arrives do not slip through the pause.
    The probe (the first call after a pause) reports back on release whether it was rate
    limited again.
    """

    __slots__ = (
        "clock", "context", "core", "deadline", "headers", "into", "key", "limiter", "options",
        "params", "payload", "probe", "replay_safe", "session", "spent", "still_limited", "url",
    )  # fmt: skip

    def __init__(
        self,
        transport: Transport,
        method: str,
        path: str,
        into: Any,
        body: Any,
        query: Mapping[str, Any] | None,
        idempotency_key: str | None,
    ) -> None:
        opts = self.options = transport.options
        self.core, self.into = transport.core, into
        key = None
        if method not in ("GET", "HEAD"):
            if idempotency_key is not None:
                key = _validate.idempotency_key(idempotency_key)
            elif opts.auto_idempotency_keys:
                key = new_key()
        headers: dict[str, str] = {}
        if opts.profile_id is not None:
            headers["x-profile-id"] = opts.profile_id
        if key is not None:
            headers["idempotency-key"] = key
        payload = None
        if isinstance(body, Form):  # encoded once by multipart.encode, boundary and all
            payload, headers["content-type"] = body.content, body.content_type
        elif body is not None:
            # Serialised once: every retry sends these exact bytes with the same key.
            payload = _converter.to_json(body)
            headers["content-type"] = "application/json"
        self.key, self.headers, self.payload = key, headers, payload
        self.params = _query(query) if query else None
        self.replay_safe = method in IDEMPOTENT_METHODS or key is not None
        self.context: dict[str, Any] = {
            "method": method,
            "path": path,
            "idempotency_key": key,
            "attempts": 0,
        }
        self.url = opts.base_url + path
        self.session, self.limiter = self.core.session()
        loop_time = asyncio.get_running_loop().time  # what anyio.current_time() reads
        # asyncio's own loops read time.monotonic() in a Python method: call it directly.
        plain = getattr(loop_time, "__func__", None) is _LOOP_TIME
        self.clock = time.monotonic if plain else loop_time
        self.deadline = self.clock() + opts.timeout.deadline
        self.spent = 0
        self.probe = self.still_limited = False
        if payload and body_log.isEnabledFor(logging.DEBUG):
            _log_body("request", method, path, payload, self.core.known_secrets)

    def next_attempt(self) -> float:
        """Count the attempt (retries say so in a header); its clock starts now."""
        context = self.context
        context["attempts"] += 1
        if context["attempts"] > 1:
            self.headers["x-sent-retry-count"] = str(context["attempts"] - 1)
        return self.clock()

    def decode(self, answer: Answer, started: float) -> Any:
        """The body as JSON (None when it is not JSON), logged at DEBUG."""
        doc = _envelope.decode(answer.body)
        context = self.context
        if log.isEnabledFor(logging.DEBUG):
            request_id = _envelope.request_id_of(doc, answer.headers)
            _log_attempt(context, str(answer.status), started, request_id)
        if answer.body and body_log.isEnabledFor(logging.DEBUG):
            _log_body(
                "response", context["method"], context["path"], answer.body, self.core.known_secrets
            )
        return doc

    def success(self, answer: Answer, doc: Any) -> Any:
        """Validated data of a successful answer (also captured for ``with_raw_response``)."""
        core, status = self.core, answer.status
        data = _envelope.read(status, answer.body, doc, self.into, self.context, core.known_secrets)
        budget = core.budget
        if self.spent or budget.tokens < budget.capacity:  # else a full bucket stays full
            budget.succeeded(self.spent)
        sink = _raw_capture.get()
        if sink is not None:
            sink.append(
                RawResponse(
                    data=data,
                    meta=_envelope.meta_of(doc),
                    status_code=status,
                    headers=answer.headers,
                    idempotency_key=self.key,
                )
            )
        return data

    def failure(self, answer: Answer, doc: Any) -> APIStatusError:
        """The status error for a failed answer; a transient 429 pauses the whole client."""
        error = _envelope.status_error(
            answer.status, answer.headers, answer.body, doc, self.context, self.core.known_secrets
        )
        if answer.status == 429:
            pause = pause_after_429(self.options.retry, error.code, error.retry_after)
            if pause is not None:
                self.core.gate.close(pause)
                self.still_limited = True
        return error

    def no_answer(self, failed: AttemptFailed, started: float) -> tuple[SentError, Phase]:
        """The error for an attempt that got no HTTP answer, and the phase it failed in."""
        _log_attempt(self.context, f"failed: {failed.detail}", started, None)
        return connection_error(failed, self.context), failed.phase

    def too_large(self, status: int) -> APIResponseValidationError:
        return APIResponseValidationError(
            f"the response is larger than max_response_bytes ({self.options.max_response_bytes})",
            status_code=status,
            **self.context,
        )

    def decide(self, error: SentError, phase: Phase) -> float:
        """The delay before the next attempt; raises ``error`` when there is none."""
        status = error if isinstance(error, APIStatusError) else None
        decision = decide(
            self.options.retry,
            retry_number=self.context["attempts"],
            replay_safe=self.replay_safe,
            phase=phase,
            status=status.status_code if status else None,
            code=status.code if status else None,
            retry_after=status.retry_after if status else None,
            should_retry=status.headers.get("x-should-retry") if status else None,
            remaining=self.deadline - self.clock(),
        )
        cost = self.core.budget.spend(isinstance(error, APITimeoutError)) if decision.retry else 0
        context = self.context
        if not cost:
            why = "retry budget exhausted" if decision.retry else decision.reason
            log.debug(
                "giving up on %s %s after %d attempt(s): %s",
                context["method"], context["path"], context["attempts"], why,
            )  # fmt: skip
            raise error
        self.spent += cost
        log.info(
            "retrying %s %s (attempt %d, %s) in %.2fs, idempotency_key=%s, request_id=%s",
            context["method"], context["path"], context["attempts"] + 1, decision.reason,
            decision.delay, self.key, getattr(error, "request_id", None),
        )  # fmt: skip
        return decision.delay

    def admit_now(self) -> bool:
        """Take a free slot without waiting when nothing holds calls back (the common case);
        False: ``admit`` must wait."""
        core = self.core
        self.probe = self.still_limited = False
        return (
            core.pace is None
            and core.gate.is_open()
            and not core.closed
            and self.limiter.try_take()
        )

    async def admit(self) -> None:
        """Wait for this call's pace slot (``rate_limit=``), the 429 gate and a connection slot."""
        gate, core = self.core.gate, self.core
        if core.pace is not None:  # AsyncSent(rate_limit=...): this call's slot in its tier
            await self._pace()
            if gate.is_open() and not core.closed and self.limiter.try_take():
                return
        while True:
            if not gate.is_open():
                await self._wait_for_gate()
            core.check_open()
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
            if verdict is not None and not core.closed:
                self.probe = verdict
                return
            self.limiter.give_back()
            core.check_open()

    async def _pace(self) -> None:
        assert self.core.pace is not None
        context = self.context
        patience = self.deadline - self.clock()
        if not await self.core.pace.acquire(context["method"], context["path"], patience):
            raise APITimeoutError(
                "timed out waiting for the client's rate limit (rate_limit=)",
                outcome="not_sent",
                **context,
            )
        self.core.check_open()

    async def _wait_for_gate(self) -> None:
        gate = self.core.gate
        if gate.is_open():
            return
        remaining = self.deadline - anyio.current_time()
        patience = remaining - min(self.options.retry.min_attempt_time, remaining / 2)
        try:
            await gate.wait(patience)
        except GateClosed as closed:
            raise RateLimitError(
                "rate limited: the client is paused by a 429 longer than this call's "
                "deadline allows",
                status_code=429,
                retry_after=closed.wait,
                **self.context,
            ) from None

    def release(self) -> None:
        """The attempt is over: its slot goes to the next call."""
        self.limiter.give_back()
        if self.probe:
            self.core.gate.probe_done(self.still_limited)


Transport.call_type = _Call


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


def _log_body(kind: str, method: str, path: str, raw: bytes, known: tuple[str, ...]) -> None:
    """One redacted body on the opt-in ``sent.bodies`` logger (callers check it is enabled)."""
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


def new_key() -> str:
    """A fresh Idempotency-Key: a random (version 4) UUID, in its usual 36-character form.

    Same value space as ``str(uuid.uuid4())`` at about 60% of its cost: every POST makes one.
    """
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
