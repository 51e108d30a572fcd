"""Spans and metrics per call and per attempt; imported only once telemetry is on for a client.

A client with telemetry on gets ``TracedTransport`` instead of ``Transport`` (chosen when its
resources are built, so a call with telemetry off runs the plain transport and pays nothing).
``TracedTransport.request`` opens the call's span around the whole call; ``TracedCall`` (the
transport's ``_Call`` with hooks at the attempt boundaries) opens one child span per attempt
and keeps it current while the request is on the wire, so aiohttp's own instrumentation
(``trace_configs=``) nests under it. What is recorded is listed in docs/observability.md;
bodies, headers, the key, ids and phone numbers in paths, and error messages never are.
"""

from __future__ import annotations

import functools
import re
import time
from contextvars import ContextVar, Token
from typing import Any
from urllib.parse import urlsplit

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.metrics import MeterProvider
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, TracerProvider

from .._transport.call import Transport, _Call
from .._transport.envelope import request_id_of
from .._transport.http import Answer, AttemptFailed
from .._transport.retry import Phase
from .._version import __version__
from ._routes import match

SCOPE = "sent_async"
"""The instrumentation scope (tracer and meter name) of every span and metric."""

_CURRENT: ContextVar[_Record | None] = ContextVar("sent_telemetry_call", default=None)


class Telemetry:
    """The tracer and instruments of one client (shared by its views); either may be off."""

    def __init__(self, tracers: TracerProvider | None, meters: MeterProvider | None) -> None:
        self.tracer = tracers.get_tracer(SCOPE, __version__) if tracers is not None else None
        self.metered = meters is not None
        if meters is None:
            return
        meter = meters.get_meter(SCOPE, __version__)
        self.calls = meter.create_counter(
            "sent.client.calls", unit="{call}", description="Logical calls, retries included"
        )
        self.attempts = meter.create_counter(
            "sent.client.attempts", unit="{attempt}", description="HTTP attempts made by calls"
        )
        self.retries = meter.create_counter(
            "sent.client.retries", unit="{retry}", description="Attempts that were retries"
        )
        self.pauses = meter.create_counter(
            "sent.client.rate_limit.pauses",
            unit="{pause}",
            description="429 answers that paused every call of the client",
        )
        self.duration = meter.create_histogram(
            "sent.client.call.duration",
            unit="s",
            description="Duration of logical calls, queueing, retries and back-off included",
        )

    def transport(self, core: Any, options: Any) -> Transport:
        """The transport a resource of this client uses."""
        return TracedTransport(core, options)


@functools.lru_cache(maxsize=64)
def _server(base_url: str) -> tuple[str, int]:
    """``server.address`` and ``server.port`` of a base URL (a few per program)."""
    parts = urlsplit(base_url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


class _Record:
    """What one call has recorded so far: its span, the open attempt's span, the outcome."""

    __slots__ = (
        "attempt", "attempt_token", "attempts", "attrs", "error_type", "key_present", "op",
        "request_id", "span", "started", "status", "telemetry", "token",
    )  # fmt: skip

    def __init__(self, telemetry: Telemetry, method: str, path: str, base_url: str) -> None:
        self.telemetry = telemetry
        route = match(method, path)
        host, port = _server(base_url)
        attrs: dict[str, Any] = {
            "http.request.method": method,
            "server.address": host,
            "server.port": port,
        }
        if route is not None:
            attrs["url.template"] = route[1]
        self.op = route[0] if route is not None else "request"
        self.attrs = attrs
        self.attempts = 0
        self.status: int | None = None
        self.request_id: str | None = None
        self.error_type: str | None = None
        self.key_present = False
        self.attempt: Span | None = None
        self.attempt_token: Token[Any] | None = None
        self.span: Span | None = None
        self.token: Token[Any] | None = None
        tracer = telemetry.tracer
        if tracer is not None:
            self.span = tracer.start_span("sent." + self.op, kind=SpanKind.CLIENT, attributes=attrs)
            self.token = otel_context.attach(trace.set_span_in_context(self.span))
        self.started = time.perf_counter()

    def attempt_begin(self, number: int) -> None:
        """An attempt goes on the wire: its span is current until it ends."""
        self.attempts = number
        tracer = self.telemetry.tracer
        if tracer is None:
            return
        attrs = dict(self.attrs)
        if number > 1:
            attrs["http.request.resend_count"] = number - 1
        template = attrs.get("url.template")
        name = f"{attrs['http.request.method']} {template}" if template else "sent.attempt"
        self.attempt = tracer.start_span(name, kind=SpanKind.INTERNAL, attributes=attrs)
        self.attempt_token = otel_context.attach(trace.set_span_in_context(self.attempt))

    def attempt_end(
        self, status: int | None, request_id: str | None, code: str | None, error: str | None
    ) -> None:
        """The attempt got an answer (``status``) or failed without one (``error``)."""
        self.status, self.request_id, self.error_type = status, request_id, error
        span = self.attempt
        if span is not None:
            self.attempt = None
            _outcome(span, status, request_id, code, error)
            span.end()
        if self.attempt_token is not None:
            otel_context.detach(self.attempt_token)
            self.attempt_token = None
        telemetry = self.telemetry
        if telemetry.metered:
            telemetry.attempts.add(1, self._metric_attrs(status, code, error))

    def retried(self) -> None:
        if self.telemetry.metered:
            self.telemetry.retries.add(1, self._metric_attrs(self.status, None, self.error_type))

    def paused(self) -> None:
        if self.telemetry.metered:
            self.telemetry.pauses.add(1, {"sent.operation": self.op})

    def finish(self, exc: BaseException | None) -> None:
        """The call is over: close what is still open, record its outcome and duration."""
        if self.attempt is not None:  # cancelled (or closed) with an attempt on the wire
            self.attempt_end(None, None, None, _error_type(exc))
        status, request_id, code, error = self.status, self.request_id, None, None
        if exc is not None:
            status = getattr(exc, "status_code", None)
            request_id = getattr(exc, "request_id", None) or request_id
            code = error_code(getattr(exc, "code", None))
            error = _error_type(exc)
        span = self.span
        if span is not None:
            span.set_attributes(
                {
                    "sent.retry_count": max(0, self.attempts - 1),
                    "sent.idempotency_key_present": self.key_present,
                }
            )
            _outcome(span, status, request_id, code, error)
            span.end()
        if self.token is not None:
            otel_context.detach(self.token)  # also drops an attempt context left attached
        telemetry = self.telemetry
        if telemetry.metered:
            attrs = self._metric_attrs(status, code, error)
            telemetry.calls.add(1, attrs)
            telemetry.duration.record(time.perf_counter() - self.started, attrs)

    def _metric_attrs(self, status: int | None, code: str | None, error: str | None) -> Any:
        return {
            "sent.operation": self.op,
            "http.request.method": self.attrs["http.request.method"],
            **_result_attrs(status, code, error),
        }


_CODE = re.compile(r"[A-Z][A-Z0-9_]*")


def error_code(code: object) -> str | None:
    """The API's error code (``RESOURCE_003``) as recorded; anything else a server sends in its
    place is ``_OTHER``, so a metric never grows a series per odd value nor records one."""
    if not code:
        return None
    if isinstance(code, str) and len(code) <= 40 and _CODE.fullmatch(code):
        return code
    return "_OTHER"


def _result_attrs(status: int | None, code: str | None, error: str | None) -> dict[str, Any]:
    """A call's or an attempt's outcome as attributes (spans and metrics name them alike)."""
    attrs: dict[str, Any] = {}
    if status is not None:
        attrs["http.response.status_code"] = status
    if code:
        attrs["sent.error_code"] = code
    if error:
        attrs["error.type"] = error
    return attrs


def _error_type(exc: BaseException | None) -> str:
    return type(exc).__name__ if exc is not None else "cancelled"


def _outcome(
    span: Span, status: int | None, request_id: str | None, code: str | None, error: str | None
) -> None:
    """Status, request id, error code and type on a span; ERROR status on failure.

    The status description is the error type and code only: an API error message can quote
    the request (a phone number, a template's text), so it is never recorded.
    """
    if not span.is_recording():
        return
    attrs = _result_attrs(status, code, error)
    if request_id:
        attrs["sent.request_id"] = request_id
    if error is not None:
        span.set_status(Status(StatusCode.ERROR, f"{error} {code}" if code else error))
    span.set_attributes(attrs)


class TracedCall(_Call):
    """The transport's ``_Call`` reporting each attempt to the call's ``_Record``."""

    __slots__ = ("record",)

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        record = _CURRENT.get()
        assert record is not None, "TracedCall is built by TracedTransport.request"
        self.record = record
        record.key_present = self.key is not None

    def next_attempt(self) -> float:
        started = super().next_attempt()
        self.record.attempt_begin(self.context["attempts"])
        return started

    def success(self, answer: Answer, doc: Any) -> Any:
        request_id = request_id_of(doc, answer.headers)
        try:
            data = super().success(answer, doc)
        except Exception as exc:  # the answer did not validate
            self.record.attempt_end(answer.status, request_id, None, type(exc).__name__)
            raise
        self.record.attempt_end(answer.status, request_id, None, None)
        return data

    def failure(self, answer: Answer, doc: Any) -> Any:
        error = super().failure(answer, doc)
        code = error_code(error.code)
        self.record.attempt_end(answer.status, error.request_id, code, str(answer.status))
        if self.still_limited:
            self.record.paused()
        return error

    def no_answer(self, failed: AttemptFailed, started: float) -> Any:
        error, phase = super().no_answer(failed, started)
        self.record.attempt_end(None, None, None, type(error).__name__)
        return error, phase

    def too_large(self, status: int) -> Any:
        error = super().too_large(status)
        self.record.attempt_end(status, None, None, type(error).__name__)
        return error

    def decide(self, error: Any, phase: Phase) -> float:
        delay = super().decide(error, phase)  # raises when there is no retry
        self.record.retried()
        return delay


class TracedTransport(Transport):
    """``Transport`` with a span (and metrics) around each logical call."""

    __slots__ = ()
    call_type = TracedCall

    async def request(self, method: str, path: str, **options: Any) -> Any:
        """``Transport.request`` (its ``options`` as they are), recorded as one span with a child
        per attempt."""
        telemetry = self.core.telemetry
        assert telemetry is not None, "only a client with telemetry on has a TracedTransport"
        record = _Record(telemetry, method, path, self.options.base_url)
        token = _CURRENT.set(record)
        try:
            data = await super().request(method, path, **options)
        except BaseException as exc:
            record.finish(exc)
            raise
        finally:
            _CURRENT.reset(token)
        record.finish(None)
        return data
