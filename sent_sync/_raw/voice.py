# Generated from sent_async/_raw/voice.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/voice.py``."""

from __future__ import annotations

from sent_async._raw.voice import (
    AsyncCallParticipantsWithRawResponse,
    AsyncCallsWithRawResponse,
    AsyncVoiceTokensWithRawResponse,
    AsyncVoiceWithRawResponse,
)
from sent_sync._portal import SyncResource


class VoiceWithRawResponse(SyncResource):
    """Voice whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncVoiceWithRawResponse


class CallsWithRawResponse(SyncResource):
    """Calls whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncCallsWithRawResponse


class CallParticipantsWithRawResponse(SyncResource):
    """CallParticipants whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncCallParticipantsWithRawResponse


class VoiceTokensWithRawResponse(SyncResource):
    """VoiceTokens whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncVoiceTokensWithRawResponse
