# Generated from sent_async/resources/voice.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/voice.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Call,
    CallParticipant,
    CallParticipantTargetInput,
    CallRecordings,
    VoiceToken,
)
from sent_async.resources.voice import (
    AsyncCallParticipants,
    AsyncCalls,
    AsyncVoice,
    AsyncVoiceTokens,
)


class AsyncVoiceWithRawResponse:
    """AsyncVoice whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncVoice) -> None:
        self._inner = inner

    @cached_property
    def calls(self) -> AsyncCallsWithRawResponse:
        """Voice calls: list, inspect, hang up, record, and manage participants."""
        return AsyncCallsWithRawResponse(self._inner.calls)

    @cached_property
    def tokens(self) -> AsyncVoiceTokensWithRawResponse:
        """Short-lived tokens for voice clients (browser or app calling)."""
        return AsyncVoiceTokensWithRawResponse(self._inner.tokens)


class AsyncCallsWithRawResponse:
    """AsyncCalls whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncCalls) -> None:
        self._inner = inner

    @cached_property
    def participants(self) -> AsyncCallParticipantsWithRawResponse:
        """Participants of a call: list, add, mute or unmute, remove."""
        return AsyncCallParticipantsWithRawResponse(self._inner.participants)

    async def get(self, call_id: str) -> RawResponse[Call]:
        """Get one call, with its parties, price and status timeline."""
        return await capture_raw(self._inner.get(call_id))

    async def hangup(
        self, call_id: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> RawResponse[None]:
        """End a call for every participant."""
        return await capture_raw(
            self._inner.hangup(call_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )

    async def list_recordings(self, call_id: str) -> RawResponse[CallRecordings]:
        """List a call's recordings. Download links expire (see ``url_expires_at``)."""
        return await capture_raw(self._inner.list_recordings(call_id))

    async def record(
        self,
        call_id: str,
        *,
        action: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[None]:
        """Start (``action="start"``) or stop (``action="stop"``) recording a live call."""
        return await capture_raw(
            self._inner.record(
                call_id, action=action, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )


class AsyncCallParticipantsWithRawResponse:
    """AsyncCallParticipants whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncCallParticipants) -> None:
        self._inner = inner

    async def list(self, call_id: str) -> RawResponse[list[CallParticipant]]:
        """List the participants of a call (one response, no paging)."""
        return await capture_raw(self._inner.list(call_id))

    async def add(
        self,
        call_id: str,
        *,
        to: CallParticipantTargetInput | Mapping[str, Any],
        caller_id: str | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[Call]:
        """Dial someone into a live call, e.g. ``to={"kind": "number", "value": "+1..."}``.

        Returns the call as it is after the participant was added.
        """
        return await capture_raw(
            self._inner.add(
                call_id,
                to=to,
                caller_id=caller_id,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def update(
        self,
        call_id: str,
        participant_id: str,
        *,
        muted: bool,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[None]:
        """Mute (``muted=True``) or unmute a participant."""
        return await capture_raw(
            self._inner.update(
                call_id,
                participant_id,
                muted=muted,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def delete(
        self,
        call_id: str,
        participant_id: str,
        *,
        sandbox: bool = False,
        idempotency_key: str | None = None,
    ) -> RawResponse[None]:
        """Remove one participant from a call; the others stay connected."""
        return await capture_raw(
            self._inner.delete(
                call_id, participant_id, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )

    async def delete_all(
        self, call_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> RawResponse[None]:
        """Remove every participant from a call."""
        return await capture_raw(
            self._inner.delete_all(call_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )


class AsyncVoiceTokensWithRawResponse:
    """AsyncVoiceTokens whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncVoiceTokens) -> None:
        self._inner = inner

    async def create(
        self,
        *,
        identity: str | Unset = UNSET,
        number: str | None | Unset = UNSET,
        ttl: int | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[VoiceToken]:
        """Mint a token a voice client uses to place and take calls as ``identity``.

        ``ttl`` is in seconds. The token is a credential: it is hidden from the model's repr.
        """
        return await capture_raw(
            self._inner.create(
                identity=identity,
                number=number,
                ttl=ttl,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )
