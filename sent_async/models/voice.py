# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``voice`` API family."""

from __future__ import annotations

import datetime

import attrs

from .._types import UNSET, Unset
from ._common import PaginationMeta


@attrs.frozen(kw_only=True)
class Call:
    """Response data ``Call``.

    Official SDK type: ``voice.call.Call``.
    """

    answered_at: datetime.datetime | None = None
    direction: str | None = None
    duration_seconds: int | None = None
    ended_at: datetime.datetime | None = None
    failure_reason: str | None = None
    from_: CallParty | None = attrs.field(default=None, metadata={"wire": "from"})
    id: str | None = None
    mode: str | None = None
    number: str | None = None
    price: float | None = None
    recording_available: bool | None = None
    started_at: datetime.datetime | None = None
    status: str | None = None
    timeline: list[CallTimelineEntry] = attrs.field(factory=list)
    to: CallParty | None = None


@attrs.frozen(kw_only=True)
class CallParticipant:
    """Response data ``CallParticipant``.

    Official SDK type: ``voice.calls.call_participant.CallParticipant``.
    """

    duration_seconds: int | None = None
    id: str | None = None
    kind: str | None = None
    muted: bool | None = None
    value: str | None = None


@attrs.frozen(kw_only=True)
class CallParticipantTargetInput:
    """Request input ``CallParticipantTargetInput``.

    Official SDK type: ``voice.calls.call_participant_target_param.CallParticipantTargetParam``.
    """

    kind: str | Unset = UNSET
    value: str | Unset = UNSET


@attrs.frozen(kw_only=True)
class CallParty:
    """Response data ``CallParty``.

    Official SDK type: ``voice.call_party.CallParty``.
    """

    kind: str | None = None
    value: str | None = None


@attrs.frozen(kw_only=True)
class CallRecordRequest:
    """Request input ``CallRecordRequest``.

    Official SDK type: ``voice.call_record_params.CallRecordParams``.
    """

    action: str | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class CallRecording:
    """Response data ``CallRecording``.

    Official SDK type: ``voice.call_recording.CallRecording``.
    """

    download_url: str | None = None
    recording_id: str | None = None
    url_expires_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class CallRecordings:
    """Response data ``CallRecordings``.

    Official SDK type: ``voice.call_recordings.CallRecordings``.
    """

    recordings: list[CallRecording] = attrs.field(factory=list)


@attrs.frozen(kw_only=True)
class CallTimelineEntry:
    """Response data ``CallTimelineEntry``.

    Official SDK type: ``voice.call_timeline_entry.CallTimelineEntry``.
    """

    status: str | None = None
    timestamp: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class CallsPage:
    """Response data ``CallsPage``.

    Official SDK type: ``pagination.CallsPageData[Call]``.
    """

    calls: list[Call] = attrs.field(factory=list)
    pagination: PaginationMeta | None = None


@attrs.frozen(kw_only=True)
class ParticipantAddRequest:
    """Request input ``ParticipantAddRequest``.

    Official SDK type: ``voice.calls.participant_add_params.ParticipantAddParams``.
    """

    caller_id: str | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    to: CallParticipantTargetInput | Unset = UNSET


@attrs.frozen(kw_only=True)
class ParticipantUpdateRequest:
    """Request input ``ParticipantUpdateRequest``.

    Official SDK type: ``voice.calls.participant_update_params.ParticipantUpdateParams``.
    """

    muted: bool | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class VoiceToken:
    """Response data ``VoiceToken``.

    Official SDK type: ``voice.voice_token.VoiceToken``.
    """

    expires_at: datetime.datetime | None = None
    identity: str | None = None
    number: str | None = None
    token: str | None = attrs.field(default=None, repr=False)


@attrs.frozen(kw_only=True)
class VoiceTokenCreateRequest:
    """Request input ``VoiceTokenCreateRequest``.

    Official SDK type: ``voice.token_create_params.TokenCreateParams``.
    """

    identity: str | Unset = UNSET
    number: str | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    ttl: int | None | Unset = UNSET


__all__ = [
    "Call",
    "CallParticipant",
    "CallParticipantTargetInput",
    "CallParty",
    "CallRecordRequest",
    "CallRecording",
    "CallRecordings",
    "CallTimelineEntry",
    "CallsPage",
    "ParticipantAddRequest",
    "ParticipantUpdateRequest",
    "VoiceToken",
    "VoiceTokenCreateRequest",
]
