"""FakeSent's webhook delivery: every emitted event, signed and POSTed to matching webhooks.

``server.emit(field, event, payload)`` hands the event to the server's ``Delivery``. For
each *active* webhook whose ``event_types`` and ``event_filters`` match at that moment, a
background task on FakeSent's loop POSTs the event (JSON body = the event record) signed with
``sent_async.webhooks.sign``, using the secret the webhook has at each attempt. Headers:
``x-webhook-id`` (the webhook id), ``x-webhook-timestamp``, ``x-webhook-signature``,
``x-webhook-event-type`` (the family, the event's ``field``) and ``x-webhook-event-id`` (the
delivery-log row id: one per event and webhook, the same on retries).

A non-2xx answer, a timeout (``timeout_seconds``) or a connection error is retried up to
``retry_count`` more times, waiting ``backoff`` seconds, doubling, capped at ``max_backoff``
(Sent waits a minute, doubling, up to an hour; FakeSent scales that down). Each attempt updates
the webhook's delivery-log row (``pending`` -> ``retrying`` -> ``delivered`` / ``failed``). A
failed event counts in ``consecutive_failures``; ten in a row disable the webhook; a success
resets the count. Knobs, per server, in ``server.state.webhooks.delivery`` (a
``DeliveryConfig``): ``backoff`` (default ``DEFAULT_BACKOFF``), ``max_backoff``,
``disable_after`` (10), ``max_timeout`` (None; seconds that cap every webhook's
``timeout_seconds``, whose API minimum of 5 s would slow tests) and ``loopback_only``
(True: only 127.0.0.1, ::1 and localhost are called, so tests never reach the internet; other
hosts fail like a refused connection). ``await delivery_of(server).settle()`` waits for every
pending delivery. Stopping FakeSent cancels pending deliveries and closes the HTTP session.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import aiohttp
import attrs
from aiohttp import web

from .._converter import wire
from ..models import (
    CallWebhookEvent,
    ChannelWebhookEvent,
    ContactWebhookEvent,
    InboundMessageWebhookEvent,
    LinkWebhookEvent,
    MessageWebhookEvent,
    TemplateWebhookEvent,
    Webhook,
    WebhookEventRecord,
    WebhookTestResult,
)
from ..webhooks import sign
from ._support import new_id, now

if TYPE_CHECKING:
    from ._server import FakeSent
    from ._webhooks import Webhooks

log = logging.getLogger("sent.testing")

DEFAULT_BACKOFF = 0.5
"""Seconds before the first retry (Sent: about a minute); doubles per retry."""
DEFAULT_MAX_BACKOFF = 30.0
DISABLE_AFTER = 10
"""Consecutive failed events after which Sent disables a webhook."""
_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
_KEEP = 1024  # characters of the receiver's answer kept in the log

_EVENT_MODELS: dict[str, type[Any]] = {
    "message": MessageWebhookEvent,
    "template": TemplateWebhookEvent,
    "contact": ContactWebhookEvent,
    "channel": ChannelWebhookEvent,
    "call": CallWebhookEvent,
    "link": LinkWebhookEvent,
}


def family(name: str | None) -> str:
    """``messages``, ``message`` and ``message.sent`` all belong to family ``message``."""
    head = (name or "").partition(".")[0].strip().lower()
    return head.removesuffix("s")


def matches(hook: Webhook, record: Mapping[str, Any]) -> bool:
    """Is ``hook`` subscribed to this event (``event_types``, then ``event_filters``)?"""
    event = record.get("event")
    fam = family(record.get("field")) or family(event)
    suffix = (event.partition(".")[2] or event) if isinstance(event, str) else None
    subscribed = False
    for name in hook.event_types:
        head, _, tail = name.partition(".")
        if family(head) == fam and (not tail or tail == suffix):
            subscribed = True
    filters = {family(k): v for k, v in (hook.event_filters or {}).items()}
    if subscribed and suffix is not None and fam in filters:
        return suffix in {f.rpartition(".")[2] for f in filters[fam]}
    return subscribed


def event_data(record: Mapping[str, Any]) -> Any:
    """The emitted record as the contract's typed event, for the delivery log."""
    fam = family(record.get("field")) or family(record.get("event"))
    model = _EVENT_MODELS.get(fam)
    if fam == "message" and str(record.get("event", "")).endswith("received"):
        model = InboundMessageWebhookEvent
    if model is None:
        return None
    envelope_only = {k: v for k, v in record.items() if k != "payload"}
    for candidate in (dict(record), envelope_only):  # a payload that does not fit is dropped
        try:
            return wire.structure(candidate, model)
        except Exception:  # noqa: S112  # cattrs raises several kinds; try the next shape
            continue
    return None


@attrs.define(eq=False)
class DeliveryConfig:
    """Delivery knobs (see the module docstring), set by attribute in tests."""

    backoff: float = DEFAULT_BACKOFF
    max_backoff: float = DEFAULT_MAX_BACKOFF
    disable_after: int = DISABLE_AFTER
    max_timeout: float | None = None
    loopback_only: bool = True


@attrs.frozen
class Outcome:
    """One attempt's result: the HTTP status and answer, or why there was none."""

    status: int | None
    answer: str | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class Delivery:
    """Delivers FakeSent's events to its webhooks; one per server (``delivery_of(server)``)."""

    def __init__(self, store: Webhooks) -> None:
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        self._store = store

    @property
    def config(self) -> DeliveryConfig:
        """The delivery knobs (``state.webhooks.delivery``)."""
        return self._store.delivery

    @property
    def hooks(self) -> dict[str, Webhook]:
        """The webhooks by id (``state.webhooks.by_id``)."""
        return self._store.by_id

    @property
    def log(self) -> dict[str, dict[str, WebhookEventRecord]]:
        """Each webhook's delivery log by row id (``state.webhooks.log``)."""
        return self._store.log

    def install(self, app: web.Application) -> None:
        """Tie the HTTP session and the pending tasks to the server's life-cycle."""
        app[DELIVERY] = self
        app.on_startup.append(self._on_startup)
        app.on_shutdown.append(self._on_shutdown)
        app.on_cleanup.append(self._on_cleanup)

    async def __call__(self, record: dict[str, Any]) -> None:
        """Start one background delivery per matching active webhook; returns at once."""
        if self._closed:
            return
        body = json.dumps(record).encode()
        for hook in list(self.hooks.values()):
            if hook.is_active and matches(hook, record):
                row = self.new_row(str(hook.id), record)
                task = asyncio.get_running_loop().create_task(
                    self._guarded(str(hook.id), str(row.id), record, body)
                )
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def settle(self) -> None:
        """Wait until every pending delivery (retries included) has finished."""
        while self._tasks:
            await asyncio.wait(list(self._tasks))

    def new_row(self, webhook_id: str, record: Mapping[str, Any]) -> WebhookEventRecord:
        row = WebhookEventRecord(
            id=new_id(),
            created_at=now(),
            delivery_attempts=0,
            delivery_status="pending",
            event_data=event_data(record),
            event_type=record.get("event") or record.get("field"),
        )
        self.log.setdefault(webhook_id, {})[str(row.id)] = row
        return row

    def _update_row(self, webhook_id: str, row_id: str, **changes: Any) -> None:
        rows = self.log.get(webhook_id)
        if rows is not None and row_id in rows:
            rows[row_id] = attrs.evolve(rows[row_id], **changes)

    def _update_hook(self, webhook_id: str, **changes: Any) -> Webhook | None:
        hook = self.hooks.get(webhook_id)
        if hook is not None:
            hook = self.hooks[webhook_id] = attrs.evolve(hook, **changes)
        return hook

    async def _guarded(
        self, webhook_id: str, row_id: str, record: Mapping[str, Any], body: bytes
    ) -> None:
        try:
            await self._deliver(webhook_id, row_id, record, body)
        except Exception:  # a bug here must not die silently in a background task
            log.exception("FakeSent could not deliver event %s to webhook %s", row_id, webhook_id)

    async def _deliver(
        self, webhook_id: str, row_id: str, record: Mapping[str, Any], body: bytes
    ) -> None:
        attempt = 0
        while True:
            hook = self.hooks.get(webhook_id)
            if hook is None:  # deleted meanwhile: its log went with it
                return
            if not hook.is_active:
                self._update_row(
                    webhook_id, row_id, delivery_status="failed", error_message="webhook disabled"
                )
                return
            attempt += 1
            outcome = await self.attempt(hook, row_id, record, body, attempt=attempt)
            if outcome.ok:
                self._update_row(webhook_id, row_id, delivery_status="delivered")
                self._update_hook(
                    webhook_id, last_successful_delivery_at=now(), consecutive_failures=0
                )
                return
            if attempt > (hook.retry_count or 0):
                self._failed(webhook_id, row_id)
                return
            self._update_row(webhook_id, row_id, delivery_status="retrying")
            delay = float(self.config.backoff) * 2 ** (attempt - 1)
            await asyncio.sleep(min(delay, float(self.config.max_backoff)))

    def _failed(self, webhook_id: str, row_id: str) -> None:
        self._update_row(webhook_id, row_id, delivery_status="failed")
        hook = self.hooks.get(webhook_id)
        if hook is None:
            return
        failures = (hook.consecutive_failures or 0) + 1
        disable = failures >= int(self.config.disable_after)
        self._update_hook(
            webhook_id,
            consecutive_failures=failures,
            is_active=False if disable else hook.is_active,
            updated_at=now() if disable else hook.updated_at,
        )
        if disable:
            log.info("FakeSent disabled webhook %s after %d failed events", webhook_id, failures)

    async def attempt(
        self,
        hook: Webhook,
        row_id: str,
        record: Mapping[str, Any],
        body: bytes,
        *,
        attempt: int = 1,
    ) -> Outcome:
        """POST once, signed with the webhook's current secret; log it on the row."""
        webhook_id = str(hook.id)
        started = now()
        if attempt == 1:
            self._update_row(webhook_id, row_id, processing_started_at=started)
        self._update_hook(webhook_id, last_delivery_attempt_at=started)
        outcome = await self._post(hook, row_id, record, body)
        log.debug(
            "webhook %s event %s attempt %d: %s",
            webhook_id,
            row_id,
            attempt,
            outcome.status or outcome.error,
        )
        self._update_row(
            webhook_id,
            row_id,
            delivery_attempts=attempt,
            http_status_code=outcome.status,
            response_body=outcome.answer,
            error_message=outcome.error,
            processing_completed_at=now(),
        )
        return outcome

    async def _post(
        self, hook: Webhook, row_id: str, record: Mapping[str, Any], body: bytes
    ) -> Outcome:
        url = str(hook.endpoint_url)
        host = urlsplit(url).hostname or ""
        if self.config.loopback_only and host not in _LOOPBACK:
            return Outcome(None, None, f"FakeSent delivers only to loopback hosts, not {host!r}")
        headers = sign(body, str(hook.signing_secret), webhook_id=str(hook.id), event_id=row_id)
        headers["x-webhook-event-type"] = str(record.get("field") or family(record.get("event")))
        headers["content-type"] = "application/json"
        seconds: float = hook.timeout_seconds or 30
        if self.config.max_timeout is not None:
            seconds = min(seconds, self.config.max_timeout)
        timeout = aiohttp.ClientTimeout(total=seconds)
        try:
            async with self._client().post(
                url, data=body, headers=headers, timeout=timeout, allow_redirects=False
            ) as response:
                answer = (await response.content.read(_KEEP)).decode("utf-8", "replace")
                error = None if 200 <= response.status < 300 else f"HTTP {response.status}"
                return Outcome(response.status, answer, error)
        except asyncio.TimeoutError:
            return Outcome(None, None, f"timed out after {seconds}s")
        except aiohttp.ClientError as exc:
            return Outcome(None, None, f"connection failed: {type(exc).__name__}")

    async def test(self, hook: Webhook, record: Mapping[str, Any]) -> WebhookTestResult:
        """Deliver one sample event once, no retry, counters untouched; report the outcome."""
        if not hook.is_active:
            return WebhookTestResult(success=False, message="The webhook is disabled")
        row = self.new_row(str(hook.id), record)
        outcome = await self.attempt(hook, str(row.id), record, json.dumps(record).encode())
        status = "delivered" if outcome.ok else "failed"
        self._update_row(str(hook.id), str(row.id), delivery_status=status)
        if outcome.ok:
            return WebhookTestResult(
                success=True, message=f"Test event delivered (HTTP {outcome.status})"
            )
        return WebhookTestResult(success=False, message=f"Test event failed: {outcome.error}")

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                headers={"user-agent": "Sent-Webhooks (FakeSent)"}
            )
        return self._session

    async def _on_startup(self, app: web.Application) -> None:
        self._closed = False

    async def _on_shutdown(self, app: web.Application) -> None:
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _on_cleanup(self, app: web.Application) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()


DELIVERY: web.AppKey[Delivery] = web.AppKey("fakesent_delivery")


def delivery_of(server: FakeSent) -> Delivery:
    """The delivery component of ``server`` (to ``await ....settle()`` in tests)."""
    return server._delivery
