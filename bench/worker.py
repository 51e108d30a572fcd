"""One bench measurement in its own process; prints one JSON object on its last stdout line.

Runs under our venv (variants ``ours_*``, ``raw_aiohttp``) or the sentdm venv (``sentdm_*``),
so it imports only the standard library at the top and each client library inside its variant.

    worker.py run --variant V --op get|post --concurrency C --warmup S --duration S --url URL
    worker.py bulk --count N --concurrency C --url URL
    worker.py structure --lib ours|sentdm
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import threading
import time
import timeit
import warnings
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

warnings.simplefilter("ignore", DeprecationWarning)  # the profiles family is deprecated by Sent

API_KEY = "bench-key-0123456789"
PROFILE_ID = "770e8400-e29b-41d4-a716-446655440002"
TO = "+14155550123"
TEMPLATE = {
    "id": "00000006-7c1e-4b8a-9f3d-5a1e00000006",
    "name": "order_shipped",
    "parameters": {"name": "Acme"},
}
SPEC = Path(__file__).resolve().parent.parent / "spec" / "sent-v3.openapi.json"

AsyncCall = Callable[[], Awaitable[Any]]
SyncCall = Callable[[], Any]


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


# -- async variants: each returns (get, post, close, note) -----------------------------------


async def ours_async(url: str) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    from sent_async import AsyncSent

    client = AsyncSent(API_KEY, base_url=url)
    send, note = ours_async_send(client)
    return (lambda: client.profiles.get(PROFILE_ID)), send, client.aclose, note


def ours_async_send(client: Any) -> tuple[AsyncCall, str]:
    """``client.messages.send`` when the family has it, else the transport fallback (labelled)."""
    if hasattr(client.messages, "send"):
        return (lambda: client.messages.send(to=[TO], template=TEMPLATE)), ""
    from sent_async.models import MessageSendRequest, MessageSendResult
    from sent_async.resources._base import body

    async def send() -> Any:
        request = body(MessageSendRequest, {"to": [TO], "template": TEMPLATE})
        return await client._transport.request(
            "POST", "/v3/messages", body=request, into=MessageSendResult
        )

    return send, "POST via client._transport.request (AsyncMessages.send missing)"


async def raw_aiohttp(url: str) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    import aiohttp

    session = aiohttp.ClientSession(headers={"x-api-key": API_KEY, "accept": "application/json"})
    get_url, post_url = f"{url}/v3/profiles/{PROFILE_ID}", f"{url}/v3/messages"
    post_headers = {"content-type": "application/json"}

    async def get() -> Any:
        async with session.get(get_url) as resp:
            data = json.loads(await resp.read())
            if resp.status != 200:
                raise RuntimeError(resp.status)
            return data

    async def post() -> Any:
        payload = json.dumps({"to": [TO], "template": TEMPLATE}).encode()
        async with session.post(post_url, data=payload, headers=post_headers) as resp:
            data = json.loads(await resp.read())
            if resp.status != 202:
                raise RuntimeError(resp.status)
            return data

    return get, post, session.close, ""


async def _sentdm(url: str, aiohttp_backend: bool) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    from sent_dm import AsyncSent, DefaultAioHttpClient  # type: ignore[import-not-found]

    http = DefaultAioHttpClient() if aiohttp_backend else None
    client: Any = AsyncSent(api_key=API_KEY, base_url=url, http_client=http)

    def get() -> Any:
        return client.profiles.retrieve(PROFILE_ID)

    def post() -> Any:
        return client.messages.send(to=[TO], template=TEMPLATE)

    return get, post, client.close, ""


async def sentdm_httpx(url: str) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    return await _sentdm(url, aiohttp_backend=False)


async def sentdm_aiohttp(url: str) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    return await _sentdm(url, aiohttp_backend=True)


# -- sync variants: each returns (get, post, close, note) ------------------------------------


def ours_sync(url: str) -> tuple[SyncCall, SyncCall, SyncCall, str]:
    import sent_sync

    client = sent_sync.Sent(API_KEY, base_url=url)
    if hasattr(client.messages, "send"):
        post: SyncCall = lambda: client.messages.send(to=[TO], template=TEMPLATE)  # noqa: E731
        note = ""
    else:
        inner_send, note = ours_async_send(client._inner)
        post = lambda: client._portal.call(inner_send)  # noqa: E731
    return (lambda: client.profiles.get(PROFILE_ID)), post, client.close, note


def sentdm_sync(url: str) -> tuple[SyncCall, SyncCall, SyncCall, str]:
    from sent_dm import Sent

    client: Any = Sent(api_key=API_KEY, base_url=url)
    return (
        lambda: client.profiles.retrieve(PROFILE_ID),
        lambda: client.messages.send(to=[TO], template=TEMPLATE),
        client.close,
        "",
    )


# -- OpenTelemetry: the same GET load with the API absent, idle (no provider), and an SDK -------


async def ours_otel_absent(url: str) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    sys.modules["opentelemetry"] = None  # type: ignore[assignment]  # as if not installed
    return await _ours_otel(url, want_on=False)


async def ours_otel_idle(url: str) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    import opentelemetry.metrics
    import opentelemetry.trace  # noqa: F401  # imported, but no provider is set

    return await _ours_otel(url, want_on=False)


async def ours_otel_sdk(url: str) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    from opentelemetry import metrics, trace
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    class Discard(SpanExporter):
        def export(self, spans: Any) -> SpanExportResult:
            return SpanExportResult.SUCCESS

    tracers = TracerProvider()
    tracers.add_span_processor(BatchSpanProcessor(Discard()))
    trace.set_tracer_provider(tracers)
    metrics.set_meter_provider(MeterProvider(metric_readers=[InMemoryMetricReader()]))
    return await _ours_otel(url, want_on=True)


async def _ours_otel(url: str, want_on: bool) -> tuple[AsyncCall, AsyncCall, AsyncCall, str]:
    """``ours_async``, checking first that the client decided telemetry as the variant means."""
    from sent_async import AsyncSent

    client = AsyncSent(API_KEY, base_url=url)
    on = client._core.telemetry is not None
    if on != want_on:
        raise SystemExit(f"telemetry is {'on' if on else 'off'}; the variant expects otherwise")
    send, note = ours_async_send(client)
    return (lambda: client.profiles.get(PROFILE_ID)), send, client.aclose, note


ASYNC = {
    f.__name__: f
    for f in (
        ours_async, raw_aiohttp, sentdm_httpx, sentdm_aiohttp,
        ours_otel_absent, ours_otel_idle, ours_otel_sdk,
    )
}  # fmt: skip
SYNC = {f.__name__: f for f in (ours_sync, sentdm_sync)}


# -- drivers ---------------------------------------------------------------------------------


class Window:
    """Counts completed calls and snapshots (count, CPU, time) at the window's edges."""

    def __init__(self) -> None:
        self.errors = 0
        self.first_error = ""
        self.stop = False
        self.edges: list[tuple[int, float, float]] = []

    def failed(self, exc: BaseException) -> None:
        self.errors += 1
        self.first_error = self.first_error or f"{type(exc).__name__}: {exc}"[:300]

    def mark(self, count: int) -> None:
        self.edges.append((count, cpu_seconds(), time.perf_counter()))

    def result(self, total: int) -> dict[str, Any]:
        (c0, cpu0, t0), (c1, cpu1, t1) = self.edges
        n = c1 - c0
        return {
            "requests": n,
            "seconds": t1 - t0,
            "rps": n / (t1 - t0),
            "cpu_us": (cpu1 - cpu0) / n * 1e6 if n else None,
            "errors": self.errors,
            "first_error": self.first_error,
            "total_requests": total,
        }


async def drive_async(args: argparse.Namespace) -> dict[str, Any]:
    get, post, close, note = await ASYNC[args.variant](args.url)
    call = get if args.op == "get" else post
    win, done = Window(), [0]

    async def loop() -> None:
        while not win.stop:
            try:
                await call()
                done[0] += 1
            except Exception as exc:
                win.failed(exc)
                await asyncio.sleep(0)  # a call failing without awaiting must not starve the loop

    tasks = [asyncio.ensure_future(loop()) for _ in range(args.concurrency)]
    await asyncio.sleep(args.warmup)
    prof = _profiler(args.profile)
    win.mark(done[0])
    await asyncio.sleep(args.duration)
    win.mark(done[0])
    if prof is not None:
        prof.disable()
        prof.dump_stats(args.profile)
    win.stop = True
    await asyncio.gather(*tasks)
    await close()
    return {**win.result(done[0]), "note": note}


def drive_sync(args: argparse.Namespace) -> dict[str, Any]:
    get, post, close, note = SYNC[args.variant](args.url)
    call = get if args.op == "get" else post
    win = Window()
    counts = [0] * args.concurrency

    def loop(slot: int) -> None:
        while not win.stop:
            try:
                call()
                counts[slot] += 1
            except Exception as exc:
                win.failed(exc)

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(args.concurrency)]
    for thread in threads:
        thread.start()
    time.sleep(args.warmup)
    win.mark(sum(counts))
    time.sleep(args.duration)
    win.mark(sum(counts))
    win.stop = True
    for thread in threads:
        thread.join()
    close()
    return {**win.result(sum(counts)), "note": note}


def _profiler(path: str | None) -> Any:
    if not path:
        return None
    import cProfile

    prof = cProfile.Profile()
    prof.enable()
    return prof


async def bulk(args: argparse.Namespace) -> dict[str, Any]:
    """100k sends: ``messages.send_many``, else ``bulk.run``, else a bounded worker pool."""
    from sent_async import AsyncSent

    client = AsyncSent(API_KEY, base_url=args.url)
    send, note = ours_async_send(client)
    lean: dict[str, Any] = {"collect_results": False} if args.lean else {}
    rss_before = peak_rss_mb()
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    failed = 0
    if hasattr(client.messages, "send_many"):
        numbers = (TO for _ in range(args.count))  # lazy: never a list of 100k items
        report = await client.messages.send_many(
            numbers, template=TEMPLATE, concurrency=args.concurrency, **lean
        )
        failed = len(report.failures)
        how = "client.messages.send_many(numbers, template=..., concurrency=C)"
    elif hasattr(client.bulk, "run") and not note:
        items = ({"to": [TO], "template": TEMPLATE} for _ in range(args.count))

        async def fn(c: Any, item: dict[str, Any], key: str | None) -> Any:
            return await c.messages.send(**item, idempotency_key=key)

        report = await client.bulk.run(items, fn, concurrency=args.concurrency, **lean)
        failed = len(report.failures)
        how = "client.bulk.run(items, fn, concurrency=C), fn = messages.send"
    else:
        items = ({"to": [TO], "template": TEMPLATE} for _ in range(args.count))
        failed = await _worker_pool(items, send, args.concurrency)
        how = "bounded worker pool (no bulk API yet) over " + (
            "messages.send" if not note else "the transport"
        )
    if lean:
        how += ", collect_results=False"
    elapsed, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
    await client.aclose()
    return {
        "count": args.count,
        "failed": failed,
        "seconds": elapsed,
        "rps": args.count / elapsed,
        "cpu_us": cpu / args.count * 1e6,
        "rss_before_mb": rss_before,
        "how": how,
        "note": note,
    }


async def _worker_pool(items: Any, send: AsyncCall, concurrency: int) -> int:
    failed = [0]

    async def worker() -> None:
        for _item in items:  # one shared generator: each worker pulls the next item lazily
            try:
                await send()
            except Exception:
                failed[0] += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return failed[0]


def structure(args: argparse.Namespace) -> dict[str, Any]:
    """µs to turn the contract's profile envelope (already json-decoded) into models."""
    spec = json.loads(SPEC.read_text())
    op = spec["paths"]["/v3/profiles/{profileId}"]["get"]
    doc = op["responses"]["200"]["content"]["application/json"]["example"]
    out: dict[str, Any] = {}
    if args.lib == "ours":
        from sent_async import _converter
        from sent_async._transport import envelope as _envelope
        from sent_async.models import ProfileDetail

        out["cattrs structure(data, ProfileDetail)"] = _time(
            lambda: _converter.wire.structure(doc["data"], ProfileDetail)
        )
        out["ours: envelope -> ProfileDetail (what the transport does)"] = _time(
            lambda: _envelope.data_of(doc, ProfileDetail, status=200, context={})
        )
    else:
        from sent_dm._models import construct_type  # type: ignore[import-not-found]
        from sent_dm.types.api_response_of_profile_detail import (  # type: ignore[import-not-found]
            APIResponseOfProfileDetail,
        )

        out["pydantic APIResponseOfProfileDetail.model_validate(envelope)"] = _time(
            lambda: APIResponseOfProfileDetail.model_validate(doc)
        )
        out["sentdm: construct_type(envelope) (what the SDK does by default)"] = _time(
            lambda: construct_type(value=doc, type_=APIResponseOfProfileDetail)
        )
    return out


def _time(fn: Callable[[], Any]) -> float:
    """Median µs per call over 7 repeats of 1000 calls, after a warm-up."""
    fn()
    runs = sorted(timeit.repeat(fn, number=1000, repeat=7))
    return runs[len(runs) // 2] / 1000 * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["run", "bulk", "structure"])
    parser.add_argument("--variant", default="ours_async")
    parser.add_argument("--op", choices=["get", "post"], default="get")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--duration", type=float, default=3.0)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--url", default="")
    parser.add_argument("--lib", default="ours")
    parser.add_argument("--cpu", type=int, default=None)
    parser.add_argument("--lean", action="store_true", help="bulk: collect_results=False")
    parser.add_argument("--profile", default=None)
    args = parser.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    if args.mode == "run" and args.variant in SYNC:
        out = drive_sync(args)
    elif args.mode == "run":
        out = asyncio.run(drive_async(args))
    elif args.mode == "bulk":
        out = asyncio.run(bulk(args))
    else:
        out = structure(args)
    out["peak_rss_mb"] = peak_rss_mb()
    sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
