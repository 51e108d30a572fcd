# Generated from sent_async/resources/voice.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/voice.py``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cached_property, partial
from typing import Any

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
from sent_sync._portal import Page, SyncResource


class Voice(SyncResource):
    """Voice: calls, their participants and recordings, and client tokens."""

    _inner: AsyncVoice

    @cached_property
    def calls(self) -> Calls:
        """Voice calls: list, inspect, hang up, record, and manage participants."""
        return Calls(self._inner.calls, self._portal)

    @cached_property
    def tokens(self) -> VoiceTokens:
        """Short-lived tokens for voice clients (browser or app calling)."""
        return VoiceTokens(self._inner.tokens, self._portal)


class Calls(SyncResource):
    """Voice calls."""

    _inner: AsyncCalls

    @cached_property
    def participants(self) -> CallParticipants:
        """Participants of a call: list, add, mute or unmute, remove."""
        return CallParticipants(self._inner.participants, self._portal)

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
    ) -> Page[Call]:
        """List calls: the first page, which also iterates over every call, page by page.

        ``from_`` and ``to`` are a date-time range: aware datetimes or ISO 8601 text, sent
        as ``from`` and ``to``. ``number`` is one of your voice numbers, in E.164 form.
        """
        return Page(
            self._portal,
            self._portal.call(
                self._inner.list(
                    direction=direction,
                    from_=from_,
                    to=to,
                    number=number,
                    status=status,
                    page=page,
                    page_size=page_size,
                ).first_page
            ),
        )

    def get(self, call_id: str) -> Call:
        """Get one call, with its parties, price and status timeline."""
        return self._portal.call(partial(self._inner.get, call_id))

    def hangup(
        self, call_id: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> None:
        """End a call for every participant."""
        return self._portal.call(
            partial(self._inner.hangup, call_id, sandbox=sandbox, idempotency_key=idempotency_key)
        )

    def list_recordings(self, call_id: str) -> CallRecordings:
        """List a call's recordings. Download links expire (see ``url_expires_at``)."""
        return self._portal.call(partial(self._inner.list_recordings, call_id))

    def record(
        self,
        call_id: str,
        *,
        action: str,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> None:
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


class CallParticipants(SyncResource):
    """Participants of a voice call."""

    _inner: AsyncCallParticipants

    def list(self, call_id: str) -> list[CallParticipant]:
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
    ) -> Call:
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
    ) -> None:
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
    ) -> None:
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
    ) -> None:
        """Remove every participant from a call."""
        return self._portal.call(
            partial(
                self._inner.delete_all, call_id, sandbox=sandbox, idempotency_key=idempotency_key
            )
        )


class VoiceTokens(SyncResource):
    """Short-lived tokens for voice clients."""

    _inner: AsyncVoiceTokens

    def create(
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
