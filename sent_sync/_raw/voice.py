# Generated from sent_async/_raw/voice.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/voice.py``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property, partial
from typing import Any

from sent_async._raw.voice import (
    AsyncCallParticipantsWithRawResponse,
    AsyncCallsWithRawResponse,
    AsyncVoiceTokensWithRawResponse,
    AsyncVoiceWithRawResponse,
)
from sent_async._response import RawResponse
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Call,
    CallParticipant,
    CallParticipantTargetInput,
    CallRecordings,
    VoiceToken,
)
from sent_sync._portal import SyncResource


class VoiceWithRawResponse(SyncResource):
    """Voice whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncVoiceWithRawResponse

    @cached_property
    def calls(self) -> CallsWithRawResponse:
        """Voice calls: list, inspect, hang up, record, and manage participants."""
        return CallsWithRawResponse(self._inner.calls, self._portal)

    @cached_property
    def tokens(self) -> VoiceTokensWithRawResponse:
        """Short-lived tokens for voice clients (browser or app calling)."""
        return VoiceTokensWithRawResponse(self._inner.tokens, self._portal)


class CallsWithRawResponse(SyncResource):
    """Calls whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncCallsWithRawResponse

    @cached_property
    def participants(self) -> CallParticipantsWithRawResponse:
        """Participants of a call: list, add, mute or unmute, remove."""
        return CallParticipantsWithRawResponse(self._inner.participants, self._portal)

    def get(self, call_id: str) -> RawResponse[Call]:
        """Get one call, with its parties, price and status timeline."""
        return self._portal.call(partial(self._inner.get, call_id))

    def hangup(
        self, call_id: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> RawResponse[None]:
        """End a call for every participant."""
        return self._portal.call(
            partial(self._inner.hangup, call_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )

    def list_recordings(self, call_id: str) -> RawResponse[CallRecordings]:
        """List a call's recordings. Download links expire (see ``url_expires_at``)."""
        return self._portal.call(partial(self._inner.list_recordings, call_id))

    def record(
        self,
        call_id: str,
        *,
        action: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[None]:
        """Start (``action="start"``) or stop (``action="stop"``) recording a live call."""
        return self._portal.call(
            partial(
                self._inner.record,
                call_id,
                action=action,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )


class CallParticipantsWithRawResponse(SyncResource):
    """CallParticipants whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncCallParticipantsWithRawResponse

    def list(self, call_id: str) -> RawResponse[list[CallParticipant]]:
        """List the participants of a call (one response, no paging)."""
        return self._portal.call(partial(self._inner.list, call_id))

    def add(
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
        return self._portal.call(
            partial(
                self._inner.add,
                call_id,
                to=to,
                caller_id=caller_id,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def update(
        self,
        call_id: str,
        participant_id: str,
        *,
        muted: bool,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[None]:
        """Mute (``muted=True``) or unmute a participant."""
        return self._portal.call(
            partial(
                self._inner.update,
                call_id,
                participant_id,
                muted=muted,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def delete(
        self,
        call_id: str,
        participant_id: str,
        *,
        sandbox: bool = False,
        idempotency_key: str | None = None,
    ) -> RawResponse[None]:
        """Remove one participant from a call; the others stay connected."""
        return self._portal.call(
            partial(
                self._inner.delete,
                call_id,
                participant_id,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def delete_all(
        self, call_id: str, *, sandbox: bool = False, idempotency_key: str | None = None
    ) -> RawResponse[None]:
        """Remove every participant from a call."""
        return self._portal.call(
            partial(
                self._inner.delete_all, call_id, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )


class VoiceTokensWithRawResponse(SyncResource):
    """VoiceTokens whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncVoiceTokensWithRawResponse

    def create(
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
        return self._portal.call(
            partial(
                self._inner.create,
                identity=identity,
                number=number,
                ttl=ttl,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )
