"""OpenTelemetry (sent_async.instrumentation): spans and metrics against FakeSent; off by default.

The OpenTelemetry SDK's in-memory exporter and reader stand in for a collector. Providers are
global in OpenTelemetry, so the ``otel`` fixture installs fresh ones and removes them again
(the API keeps them in module globals; its own test helpers reset them the same way).
"""

from __future__ import annotations

import ast
import json
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from functools import cached_property
from typing import Any

import anyio
import attrs
import pytest
from opentelemetry import trace
from opentelemetry.instrumentation.aiohttp_client import create_trace_config
from opentelemetry.metrics import _internal as metrics_internal
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from opentelemetry.util._once import Once

from sent_async import (
    AsyncSent,
    BadRequestError,
    NotFoundError,
    RateLimitError,
    SentValidationError,
)
from sent_async._transport.call import Transport
from sent_async.instrumentation._otel import error_code
from sent_async.instrumentation._routes import ROUTES, match
from sent_async.resources._base import AsyncResource
from sent_async.testing import FAST_RETRY, FakeSent
from sent_sync import Sent

ROOT = pathlib.Path(__file__).resolve().parent.parent
PHONE = "+14155550123"
MESSAGE_ID = "5f0c3b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"


def _reset_globals() -> None:
    trace._TRACER_PROVIDER_SET_ONCE = Once()
    trace._TRACER_PROVIDER = None
    trace._PROXY_TRACER_PROVIDER = trace.ProxyTracerProvider()
    metrics_internal._METER_PROVIDER_SET_ONCE = Once()
    metrics_internal._METER_PROVIDER = None
    metrics_internal._PROXY_METER_PROVIDER = metrics_internal._ProxyMeterProvider()


@attrs.define
class Otel:
    """The in-memory exporter and reader behind the global providers of one test."""

    spans: InMemorySpanExporter
    reader: InMemoryMetricReader
    tracers: TracerProvider
    meters: MeterProvider

    def install(self) -> None:
        trace.set_tracer_provider(self.tracers)
        metrics_internal.set_meter_provider(self.meters)

    def finished(self) -> list[ReadableSpan]:
        return list(self.spans.get_finished_spans())

    def metrics(self) -> dict[str, list[tuple[dict[str, Any], Any]]]:
        """Metric name -> (attributes, value or histogram count) per data point."""
        data = self.reader.get_metrics_data()
        out: dict[str, list[tuple[dict[str, Any], Any]]] = {}
        for resource in data.resource_metrics if data else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    out[metric.name] = [
                        (dict(p.attributes or {}), getattr(p, "value", None) or p.count)  # type: ignore[union-attr]
                        for p in metric.data.data_points
                    ]
        return out


@pytest.fixture
def otel_sdk() -> Iterator[Otel]:
    """Fresh SDK providers, not installed yet (``install()`` makes them the global ones)."""
    _reset_globals()
    spans = InMemorySpanExporter()
    tracers = TracerProvider()
    tracers.add_span_processor(SimpleSpanProcessor(spans))
    reader = InMemoryMetricReader()
    found = Otel(spans, reader, tracers, MeterProvider(metric_readers=[reader]))
    try:
        yield found
    finally:
        _reset_globals()
        tracers.shutdown()
        found.meters.shutdown()


@pytest.fixture
def otel(otel_sdk: Otel) -> Otel:
    otel_sdk.install()
    return otel_sdk


def by_name(spans: list[ReadableSpan]) -> dict[str, ReadableSpan]:
    return {s.name: s for s in spans}


def attributes(span: ReadableSpan) -> dict[str, Any]:
    return dict(span.attributes or {})


# -- spans -----------------------------------------------------------------------------------
@pytest.mark.anyio
async def test_a_call_is_a_client_span_with_a_child_per_attempt(server: FakeSent, otel: Otel):
    async with server.client(retry=FAST_RETRY) as sent:
        result = await sent.messages.send(to=PHONE, text="hello", sandbox=True)
        page = await sent.sender_profiles.list()
    spans = otel.finished()
    send, attempt = by_name(spans)["sent.messages.send"], by_name(spans)["POST /v3/messages"]
    assert send.kind is SpanKind.CLIENT and attempt.kind is SpanKind.INTERNAL
    assert send.parent is None
    assert attempt.parent is not None and attempt.parent.span_id == send.context.span_id
    assert attempt.context.trace_id == send.context.trace_id
    call = attributes(send)
    assert call["http.request.method"] == "POST"
    assert call["server.address"] == "127.0.0.1"
    assert call["url.template"] == "/v3/messages"
    assert call["http.response.status_code"] == 202
    assert call["sent.retry_count"] == 0
    assert call["sent.idempotency_key_present"] is True  # auto_idempotency_keys
    assert call["sent.request_id"].startswith("req_")
    assert "error.type" not in call and send.status.status_code is StatusCode.UNSET
    # A paged list is named after the method that made the pager.
    listed = by_name(spans)["sent.sender_profiles.list"]
    assert attributes(listed)["url.template"] == "/v3/sender-profiles"
    assert attributes(listed)["sent.idempotency_key_present"] is False
    assert page.items is not None and result is not None


@pytest.mark.anyio
async def test_url_template_has_no_ids(server: FakeSent, otel: Otel):
    async with server.client(retry=FAST_RETRY) as sent:
        with pytest.raises(NotFoundError):
            await sent.messages.get(MESSAGE_ID)
        await sent.numbers.lookup(PHONE)
    spans = by_name(otel.finished())
    assert attributes(spans["sent.messages.get"])["url.template"] == "/v3/messages/{id}"
    lookup = spans["sent.numbers.lookup"]
    assert attributes(lookup)["url.template"] == "/v3/numbers/lookup/{phoneNumber}"
    assert "GET /v3/numbers/lookup/{phoneNumber}" in spans


@pytest.mark.anyio
async def test_a_4xx_records_the_error_code_and_error_status(server: FakeSent, otel: Otel):
    async with server.client(retry=FAST_RETRY) as sent:
        with pytest.raises(NotFoundError) as info:
            await sent.messages.get(MESSAGE_ID)
    spans = by_name(otel.finished())
    call, attempt = spans["sent.messages.get"], spans["GET /v3/messages/{id}"]
    assert attributes(call)["sent.error_code"] == info.value.code
    assert attributes(call)["error.type"] == "NotFoundError"
    assert attributes(call)["http.response.status_code"] == 404
    assert attributes(call)["sent.request_id"] == info.value.request_id
    assert call.status.status_code is StatusCode.ERROR
    assert attributes(attempt)["error.type"] == "404"  # semantic conventions: the status
    assert attempt.status.status_code is StatusCode.ERROR
    calls = otel.metrics()["sent.client.calls"]
    assert calls == [
        (
            {
                "sent.operation": "messages.get",
                "http.request.method": "GET",
                "http.response.status_code": 404,
                "sent.error_code": info.value.code,
                "error.type": "NotFoundError",
            },
            1,
        )
    ]


@pytest.mark.anyio
async def test_a_503_then_200_is_one_call_two_attempts_one_retry(server: FakeSent, otel: Otel):
    server.fail_next(503)
    async with server.client(retry=FAST_RETRY) as sent:
        await sent.me.get()
    spans = otel.finished()
    call = by_name(spans)["sent.me.get"]
    attempts = [s for s in spans if s.name == "GET /v3/me"]
    assert attributes(call)["sent.retry_count"] == 1
    assert attributes(call)["http.response.status_code"] == 200
    assert call.status.status_code is StatusCode.UNSET  # the call succeeded
    assert [attributes(a)["http.response.status_code"] for a in attempts] == [503, 200]
    assert [attributes(a).get("http.request.resend_count") for a in attempts] == [None, 1]
    assert all(a.parent is not None and a.parent.span_id == call.context.span_id for a in attempts)
    metrics = otel.metrics()
    assert sum(v for _, v in metrics["sent.client.attempts"]) == 2
    assert sum(v for _, v in metrics["sent.client.retries"]) == 1
    assert sum(v for _, v in metrics["sent.client.calls"]) == 1
    [(duration_attrs, count)] = metrics["sent.client.call.duration"]
    assert count == 1 and duration_attrs["sent.operation"] == "me.get"


@pytest.mark.anyio
async def test_an_attempt_without_an_answer_records_its_error_type(server: FakeSent, otel: Otel):
    # The answer is lost (aiohttp replays a GET by itself, so a keyed POST shows our retry).
    server.drop_next_response()
    async with server.client(retry=FAST_RETRY) as sent:
        await sent.messages.send(to=PHONE, text="hello", sandbox=True)
    attempts = [s for s in otel.finished() if s.name == "POST /v3/messages"]
    first, second = (attributes(a) for a in attempts)
    assert first["error.type"] == "APIConnectionError" and "http.response.status_code" not in first
    assert attempts[0].status.status_code is StatusCode.ERROR
    assert second["http.response.status_code"] == 202 and "error.type" not in second
    assert second["http.request.resend_count"] == 1
    retried = otel.metrics()["sent.client.retries"]
    assert retried == [
        ({"sent.operation": "messages.send", "http.request.method": "POST",
          "error.type": "APIConnectionError"}, 1)
    ]  # fmt: skip


@pytest.mark.anyio
async def test_a_429_pause_is_counted(server: FakeSent, otel: Otel):
    server.fail_next(429, "BUSINESS_002", headers={"retry-after-ms": "50"})
    async with server.client(retry=FAST_RETRY) as sent:
        await sent.me.get()
    pauses = otel.metrics()["sent.client.rate_limit.pauses"]
    assert pauses == [({"sent.operation": "me.get"}, 1)]
    attempt = next(s for s in otel.finished() if s.name == "GET /v3/me")
    assert attributes(attempt)["sent.error_code"] == "BUSINESS_002"


@pytest.mark.anyio
async def test_a_429_that_gives_up_ends_the_call_span_in_error(server: FakeSent, otel: Otel):
    server.fail_next(429, "BUSINESS_002", headers={"retry-after": "3600"})
    async with server.client(retry=FAST_RETRY) as sent:
        with pytest.raises(RateLimitError):
            await sent.me.get()
    call = by_name(otel.finished())["sent.me.get"]
    assert attributes(call)["error.type"] == "RateLimitError"
    assert attributes(call)["sent.error_code"] == "BUSINESS_002"


@pytest.mark.anyio
async def test_an_odd_error_code_is_recorded_as_other(server: FakeSent, otel: Otel):
    server.fail_next(400, f"bad {PHONE}")
    async with server.client(retry=FAST_RETRY) as sent:
        with pytest.raises(BadRequestError):
            await sent.me.get()
    for span in otel.finished():
        assert attributes(span)["sent.error_code"] == "_OTHER"
    assert error_code("VALIDATION_001") == "VALIDATION_001"
    assert error_code("x" * 41) == error_code("validation_001") == "_OTHER"
    assert error_code(None) is error_code("") is None


@pytest.mark.anyio
async def test_nothing_secret_is_recorded(server: FakeSent, otel: Otel):
    async with server.client(retry=FAST_RETRY) as sent:
        await sent.messages.send(to=PHONE, text="the body text", sandbox=True)
        await sent.numbers.lookup(PHONE)
        server.fail_next(400, "VALIDATION_001", message=f"bad number {PHONE}")
        with pytest.raises(BadRequestError):
            await sent.messages.send(to=PHONE, text="the body text", sandbox=True)
    spans = otel.finished()
    assert len(spans) >= 6
    recorded = json.dumps(
        [[s.name, attributes(s), s.status.description, [e.name for e in s.events]] for s in spans]
        + [list(otel.metrics().items())],
        default=str,
    )
    for secret in (server.api_key, PHONE, PHONE[1:], "the body text", "bad number"):
        assert secret not in recorded


@pytest.mark.anyio
async def test_cancelling_a_call_ends_its_spans_and_restores_the_context(
    server: FakeSent, otel: Otel
):
    server.delay_next(5)
    outer_tracer = trace.get_tracer("test")
    async with server.client(retry=FAST_RETRY) as sent:
        with outer_tracer.start_as_current_span("outer") as outer:
            with anyio.move_on_after(0.2):
                await sent.me.get()
            assert trace.get_current_span() is outer
    spans = by_name(otel.finished())
    assert attributes(spans["sent.me.get"])["error.type"] == "CancelledError"
    assert spans["GET /v3/me"].end_time is not None
    assert spans["sent.me.get"].parent is not None
    assert spans["sent.me.get"].parent.span_id == outer.get_span_context().span_id


# -- the aiohttp instrumentation nests under the attempt ---------------------------------------
@pytest.mark.anyio
async def test_aiohttp_client_spans_nest_under_the_attempt_spans(server: FakeSent, otel: Otel):
    server.fail_next(503)
    config = create_trace_config(tracer_provider=otel.tracers)
    async with server.client(retry=FAST_RETRY, trace_configs=[config]) as sent:
        await sent.me.get()
    spans = otel.finished()
    call = by_name(spans)["sent.me.get"]
    attempts = [s for s in spans if s.name == "GET /v3/me" and s.kind is SpanKind.INTERNAL]
    http = [s for s in spans if s.kind is SpanKind.CLIENT and s is not call]
    assert len(attempts) == 2 and len(http) == 2
    for attempt, wire in zip(attempts, http, strict=True):
        assert wire.parent is not None and wire.parent.span_id == attempt.context.span_id
        assert attempt.parent is not None and attempt.parent.span_id == call.context.span_id
    # What reaches the server is the aiohttp span's context, inside our trace.
    parents = [r.headers.get("traceparent", "") for r in server.requests[-2:]]
    assert [p.split("-")[1:3] for p in parents] == [
        [f"{call.context.trace_id:032x}", f"{w.context.span_id:016x}"] for w in http
    ]


# -- the sync facade ---------------------------------------------------------------------------
def test_the_sync_client_traces_under_the_callers_span(sent_fake_sync: FakeSent, otel: Otel):
    with (
        Sent(sent_fake_sync.api_key, base_url=sent_fake_sync.base_url, retry=FAST_RETRY) as sent,
        trace.get_tracer("test").start_as_current_span("job") as job,
    ):
        sent.me.get()
    call = by_name(otel.finished())["sent.me.get"]
    assert call.parent is not None and call.parent.span_id == job.get_span_context().span_id


# -- off unless configured -------------------------------------------------------------------
@pytest.mark.anyio
async def test_off_without_a_provider_even_once_one_is_set_later(server: FakeSent, otel_sdk: Otel):
    async with server.client(retry=FAST_RETRY) as sent:
        assert type(sent.messages._t) is Transport  # the plain transport: nothing to check
        otel_sdk.install()  # too late for this client: it decided when it was built
        await sent.me.get()
        await sent.with_options(timeout=5).me.get()  # views share that decision
        assert otel_sdk.finished() == [] and otel_sdk.metrics() == {}
        async with server.client(retry=FAST_RETRY) as later:  # built after: on
            await later.me.get()
    assert [s.name for s in otel_sdk.finished()] == ["GET /v3/me", "sent.me.get"]


@pytest.mark.anyio
async def test_telemetry_false_is_off_and_true_picks_up_a_later_provider(
    server: FakeSent, otel_sdk: Otel
):
    async with (
        server.client(retry=FAST_RETRY, telemetry=True) as forced,
        server.client(retry=FAST_RETRY, telemetry=False) as off,
    ):
        otel_sdk.install()
        await forced.me.get()
        await off.me.get()
    assert [s.name for s in otel_sdk.finished()] == ["GET /v3/me", "sent.me.get"]
    assert sum(v for _, v in otel_sdk.metrics()["sent.client.calls"]) == 1


def test_telemetry_must_be_a_bool_or_none():
    with pytest.raises(SentValidationError, match="telemetry"):
        AsyncSent("sk_test_key", telemetry="yes")  # type: ignore[arg-type]


def test_a_client_does_not_import_opentelemetry_when_the_program_did_not():
    code = (
        "import sys; from sent_async import AsyncSent; from sent_sync import Sent\n"
        "AsyncSent('sk_test_key').messages; Sent('sk_test_key').close()\n"
        "print(sorted(m for m in sys.modules if m.startswith('opentelemetry')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_without_the_extra_auto_is_off_and_true_is_a_typed_error():
    code = (
        "import sys; sys.modules['opentelemetry'] = None  # as if not installed\n"
        "from sent_async import AsyncSent, SentValidationError\n"
        "assert AsyncSent('sk_test_key')._core.telemetry is None\n"
        "try:\n"
        "    AsyncSent('sk_test_key', telemetry=True)\n"
        "except SentValidationError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={"OTEL_PYTHON_TRACER_PROVIDER": "sdk_tracer_provider", "PATH": ""},
    )
    assert "sent-sdk[otel]" in out.stdout


# -- the route table -------------------------------------------------------------------------
def test_the_route_table_covers_every_operation_of_the_spec():
    spec_ops: set[tuple[str, str]] = set()
    for name in ("sent-v3.openapi.json", "sent-current.openapi.json"):
        doc = json.loads((ROOT / "spec" / name).read_text())
        for path, item in doc["paths"].items():
            methods = {"get", "post", "put", "patch", "delete"} & set(item)
            spec_ops.update((m.upper(), path) for m in methods)
    assert {(method, template) for method, template, _ in ROUTES} == spec_ops


def _resource_paths() -> dict[str, str]:
    """Resource class name -> where it hangs on the client (``AsyncSmsChannels`` ->
    ``channels.sms``), found by walking the client's resource properties."""
    found: dict[str, str] = {}

    def walk(obj: Any, prefix: str) -> None:
        for name, attr in vars(type(obj)).items():
            if isinstance(attr, cached_property) and not name.startswith("_"):
                child = getattr(obj, name)
                if isinstance(child, AsyncResource):
                    found[type(child).__name__] = prefix + name
                    walk(child, prefix + name + ".")

    walk(AsyncSent("sk_test_key"), "")
    return found


def test_every_route_name_is_a_method_of_the_client():
    client = AsyncSent("sk_test_key")
    for _, _, name in ROUTES:
        target: Any = client
        for part in name.split("."):
            target = getattr(target, part)
        assert callable(target), name


def _literal_paths() -> Iterator[tuple[str, str, str, str]]:
    """(class, method, HTTP method, example path) of every resource method whose request
    path is written out (a literal or an f-string), read from the source."""
    for source in sorted((ROOT / "sent_async" / "resources").glob("*.py")):
        for cls in ast.parse(source.read_text()).body:
            if not isinstance(cls, ast.ClassDef):
                continue
            for fn in cls.body:
                if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for node in ast.walk(fn):
                    if not isinstance(node, ast.Call):
                        continue
                    callee = ast.unparse(node.func)
                    if callee.endswith("_t.request") and len(node.args) >= 2:
                        verb, path = node.args[0], node.args[1]
                    elif callee == "AsyncPager":
                        verb, path = ast.Constant("GET"), node.args[1]
                    else:
                        continue
                    if not isinstance(verb, ast.Constant):
                        continue
                    if isinstance(path, ast.Constant):
                        yield cls.name, fn.name, str(verb.value), str(path.value)
                    elif isinstance(path, ast.JoinedStr):
                        parts = [
                            str(v.value) if isinstance(v, ast.Constant) else "x"
                            for v in path.values
                        ]
                        yield cls.name, fn.name, str(verb.value), "".join(parts)


def test_route_names_are_the_methods_that_request_those_paths():
    where = _resource_paths()
    checked = 0
    for cls, method, verb, path in _literal_paths():
        if not path.startswith("/v3/"):  # built from a module constant: not checked here
            continue
        found = match(verb, path)
        assert found is not None, (cls, method, verb, path)
        assert found[0] == f"{where[cls]}.{method}", (cls, method, verb, path)
        checked += 1
    assert checked >= 60


def test_route_matching_prefers_literal_segments():
    assert match("GET", "/v3/webhooks/event-types") == (
        "webhooks.list_event_types",
        "/v3/webhooks/event-types",
    )
    assert match("GET", "/v3/channels/sms/US/compliance") == (
        "channels.number_types",
        "/v3/channels/{channel}/{country}/compliance",
    )
    assert match("GET", "/v3/channels/sms/US/TEN_DLC") == (
        "channels.sms.get",
        "/v3/channels/sms/{country}/{type}",
    )
    assert match("GET", "/v3/messages/") is None
    assert match("GET", "/v3/unknown") is None
