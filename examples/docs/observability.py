"""Observability: OpenTelemetry spans and metrics for every call, and aiohttp's own spans."""

from __future__ import annotations

import asyncio

from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from sent_async import AsyncSent
from sent_async.testing import FakeSent

# --8<-- [start:setup]
# Once, at start-up, before any client is built (your exporter instead of the in-memory one:
# OTLP, console, ...).
spans = InMemorySpanExporter()
tracer_provider = TracerProvider()
tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
trace.set_tracer_provider(tracer_provider)

reader = InMemoryMetricReader()
metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))
# --8<-- [end:setup]


async def calls(server: FakeSent) -> None:
    # --8<-- [start:calls]
    async with AsyncSent(server.api_key, base_url=server.base_url) as sent:
        server.fail_next(503)  # FakeSent answers the first attempt with a 503: one retry
        await sent.me.get()
        await sent.messages.send(to="+14155550123", text="Your code is 123456")
    for span in spans.get_finished_spans():
        attributes = span.attributes or {}
        print(f"{span.name:20} {attributes.get('http.response.status_code')}")
    # GET /v3/me           503   <- the first attempt
    # GET /v3/me           200   <- the retry
    # sent.me.get          200   <- the call (sent.retry_count: 1)
    # POST /v3/messages    202
    # sent.messages.send   202
    # --8<-- [end:calls]


async def with_aiohttp_spans(server: FakeSent) -> None:
    # --8<-- [start:aiohttp]
    from opentelemetry.instrumentation.aiohttp_client import create_trace_config

    async with AsyncSent(
        server.api_key,
        base_url=server.base_url,
        trace_configs=[create_trace_config()],  # one more span per attempt, and a traceparent
    ) as sent:
        await sent.me.get()
    # sent.me.get -> GET /v3/me (the attempt) -> GET (aiohttp's HTTP span)
    # --8<-- [end:aiohttp]


def switched() -> list[AsyncSent]:
    # --8<-- [start:switch]
    quiet = AsyncSent(telemetry=False)  # never, even with a provider set
    eager = AsyncSent(telemetry=True)  # always, through the global providers, even one set later
    # --8<-- [end:switch]
    return [quiet, eager]


async def main() -> None:
    async with FakeSent() as server:
        await calls(server)
        await with_aiohttp_spans(server)
    names = [span.name for span in spans.get_finished_spans()]
    assert names.count("sent.me.get") == 2, names
    assert "GET" in names, names  # aiohttp's span
    data = reader.get_metrics_data()
    assert data is not None
    recorded = {m.name for r in data.resource_metrics for s in r.scope_metrics for m in s.metrics}
    print(sorted(recorded))
    for client in switched():
        await client.aclose()


if __name__ == "__main__":
    import os

    os.environ.setdefault("SENT_DM_API_KEY", "sk_test_docs_example")  # switched() reads it
    asyncio.run(main())
