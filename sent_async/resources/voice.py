"""The ``voice`` API family: calls, their participants and recordings, and client tokens."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from .. import _validate
from .._converter import parse_datetime
from .._errors import SentValidationError
from .._pagination import AsyncPager
from .._types import UNSET, Unset
from ..models import (
    Call,
    CallParticipant,
    CallParticipantTargetInput,
    CallRecordings,
    CallRecordRequest,
    CallsPage,
    ParticipantAddRequest,
    ParticipantUpdateRequest,
    SandboxRequest,
    VoiceToken,
    VoiceTokenCreateRequest,
)
from ._base import AsyncResource, body

_RECORD_ACTIONS = ("start", "stop")


def _when(value: datetime.datetime | str | None, what: str) -> str | None:
    """A ``from``/``to`` bound as ISO 8601 text; naive datetimes are refused (ambiguous)."""
    if value is None:
        return None
    try:
        moment = parse_datetime(value)
    except (TypeError, ValueError):
        raise SentValidationError(f"{what} must be an ISO 8601 date-time, got {value!r}") from None
    if moment.tzinfo is None:
        raise SentValidationError(f"{what} must carry a time zone (e.g. UTC), got {value!r}")
    return moment.isoformat()


def _positive(value: object, what: str) -> None:
    if value is None or value is UNSET:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SentValidationError(f"{what} must be a positive integer, got {value!r}")


def _check_target(target: object) -> None:
    """A participant target needs a kind and a value; a ``number`` target must be E.164."""
    kind = getattr(target, "kind", UNSET)
    value = getattr(target, "value", UNSET)
    if not isinstance(kind, str) or not kind:
        raise SentValidationError("to.kind is required, e.g. 'number'")
    if not isinstance(value, str) or not value:
        raise SentValidationError("to.value is required, e.g. '+14155550123'")
    if kind == "number":
        _validate.e164(value, "to.value")


class AsyncVoice(AsyncResource):
    """Voice: calls, their participants and recordings, and client tokens."""

    @cached_property
    def calls(self) -> AsyncCalls:
        """Voice calls: list, inspect, hang up, record, and manage participants."""
        return AsyncCalls(self._t)

    @cached_property
    def tokens(self) -> AsyncVoiceTokens:
        """Short-lived tokens for voice clients (browser or app calling)."""
        return AsyncVoiceTokens(self._t)


class AsyncCalls(AsyncResource):
    """Voice calls."""

    @cached_property
    def participants(self) -> AsyncCallParticipants:
        """Participants of a call: list, add, mute or unmute, remove."""
        return AsyncCallParticipants(self._t)

    def list(
        self,
        *,
        direction: str | None = None,
        from_: datetime.datetime | str | None = None,
        to: datetime.datetime | str | None = None,
        number: str | None = None,
        status: str | None = None,
        page: int = 1,
        page_size: int | None = None,
    ) -> AsyncPager[Call]:
        """List calls: the first page, which also iterates over every call, page by page.

        ``from_`` and ``to`` are a date-time range: aware datetimes or ISO 8601 text, sent
        as ``from`` and ``to``. ``number`` is one of your voice numbers, in E.164 form.
        """
        query = {
            "direction": direction,
            "from": _when(from_, "from_"),
            "to": _when(to, "to"),
            "number": _validate.e164(number, "number") if number is not None else None,
            "status": status,
            "page_size": page_size,
        }
        return AsyncPager(self._t, "/v3/voice/calls", CallsPage, "calls", query, page=page)

    async def get(self, call_id: str) -> Call:
        """Get one call, with its parties, price and status timeline."""
        cid = _validate.path_id(call_id, "call_id")
        return await self._t.request("GET", f"/v3/voice/calls/{cid}", into=Call)

    async def hangup(
        self, call_id: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> None:
        """End a call for every participant."""
        cid = _validate.path_id(call_id, "call_id")
        await self._t.request(
            "POST",
            f"/v3/voice/calls/{cid}/hangup",
            body=body(SandboxRequest, locals()),
            idempotency_key=idempotency_key,
        )

    async def list_recordings(self, call_id: str) -> CallRecordings:
        """List a call's recordings. Download links expire (see ``url_expires_at``)."""
        cid = _validate.path_id(call_id, "call_id")
        return await self._t.request(
            "GET", f"/v3/voice/calls/{cid}/recordings", into=CallRecordings
        )

    async def record(
        self,
        call_id: str,
        *,
        action: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> None:
        """Start (``action="start"``) or stop (``action="stop"``) recording a live call."""
        cid = _validate.path_id(call_id, "call_id")
        if action not in _RECORD_ACTIONS:
            raise SentValidationError(f"action must be 'start' or 'stop', got {action!r}")
        await self._t.request(
            "POST",
            f"/v3/voice/calls/{cid}/recordings",
            body=body(CallRecordRequest, locals()),
            idempotency_key=idempotency_key,
        )


class AsyncCallParticipants(AsyncResource):
    """Participants of a voice call."""

    async def list(self, call_id: str) -> list[CallParticipant]:
        """List the participants of a call (one response, no paging)."""
        cid = _validate.path_id(call_id, "call_id")
        return await self._t.request(
            "GET", f"/v3/voice/calls/{cid}/participants", into=list[CallParticipant]
        )

    async def add(
        self,
        call_id: str,
        *,
        to: CallParticipantTargetInput | Mapping[str, Any],
        caller_id: str | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Call:
        """Dial someone into a live call, e.g. ``to={"kind": "number", "value": "+1..."}``.

        Returns the call as it is after the participant was added.
        """
        cid = _validate.path_id(call_id, "call_id")
        request = body(ParticipantAddRequest, locals())
        _check_target(request.to)
        return await self._t.request(
            "POST",
            f"/v3/voice/calls/{cid}/participants",
            body=request,
            into=Call,
            idempotency_key=idempotency_key,
        )

    async def update(
        self,
        call_id: str,
        participant_id: str,
        *,
        muted: bool,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> None:
        """Mute (``muted=True``) or unmute a participant."""
        cid = _validate.path_id(call_id, "call_id")
        pid = _validate.path_id(participant_id, "participant_id")
        if not isinstance(muted, bool):
            raise SentValidationError(f"muted must be True or False, got {muted!r}")
        await self._t.request(
            "PATCH",
            f"/v3/voice/calls/{cid}/participants/{pid}",
            body=body(ParticipantUpdateRequest, locals()),
            idempotency_key=idempotency_key,
        )

    async def delete(
        self,
        call_id: str,
        participant_id: str,
        *,
        sandbox: bool = False,
        idempotency_key: str | None = None,
    ) -> None:
        """Remove one participant from a call; the others stay connected."""
        cid = _validate.path_id(call_id, "call_id")
        pid = _validate.path_id(participant_id, "participant_id")
        await self._t.request(
            "DELETE",
            f"/v3/voice/calls/{cid}/participants/{pid}",
            body=SandboxRequest(sandbox=sandbox),
            idempotency_key=idempotency_key,
        )

    async def delete_all(
        self, call_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> None:
        """Remove every participant from a call."""
        cid = _validate.path_id(call_id, "call_id")
        await self._t.request(
            "DELETE",
            f"/v3/voice/calls/{cid}/participants",
            body=SandboxRequest(sandbox=sandbox),
            idempotency_key=idempotency_key,
        )


class AsyncVoiceTokens(AsyncResource):
    """Short-lived tokens for voice clients."""

    async def create(
        self,
        *,
        identity: str | Unset = UNSET,
        number: str | None | Unset = UNSET,
        ttl: int | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> VoiceToken:
        """Mint a token a voice client uses to place and take calls as ``identity``.

        ``ttl`` is in seconds. The token is a credential: it is hidden from the model's repr.
        """
        if isinstance(number, str):
            _validate.e164(number, "number")
        _positive(ttl, "ttl")
        return await self._t.request(
            "POST",
            "/v3/voice/tokens",
            body=body(VoiceTokenCreateRequest, locals()),
            into=VoiceToken,
            idempotency_key=idempotency_key,
        )
