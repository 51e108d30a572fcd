"""``trace_configs=``: OpenTelemetry's aiohttp client instrumentation sees every attempt."""

from __future__ import annotations

import pytest
from opentelemetry.instrumentation.aiohttp_client import create_trace_config
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from sent_async.testing import FAST_RETRY, FakeSent


@pytest.mark.anyio
async def test_opentelemetry_records_a_client_span_per_attempt(server: FakeSent):
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    config = create_trace_config(tracer_provider=provider)
    server.fail_next(503)
    async with server.client(trace_configs=[config], retry=FAST_RETRY) as sent:
        await sent.me.get()
        await sent.with_options(timeout=5).me.get()  # views share the instrumented session
    spans = exporter.get_finished_spans()
    assert [s.kind for s in spans] == [SpanKind.CLIENT] * 3  # the 503, its retry, the view
    attributes = [dict(s.attributes or {}) for s in spans]
    # Older and newer semantic conventions name the status differently.
    statuses = [a.get("http.response.status_code", a.get("http.status_code")) for a in attributes]
    assert statuses == [503, 200, 200]
    # The span context travels to the server: traces join up across the call.
    seen = [dict(r.headers) for r in server.requests[-3:]]
    parents = [next((v for k, v in h.items() if k.lower() == "traceparent"), "") for h in seen]
    assert [p.split("-")[2] for p in parents] == [f"{s.context.span_id:016x}" for s in spans]
    for span in spans:  # the API key is a header: never recorded
        assert server.api_key not in repr(dict(span.attributes or {}))
    provider.shutdown()
