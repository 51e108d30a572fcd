# Generated from sent_async/resources/voice.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/voice.py``."""

from __future__ import annotations

from sent_async.resources.voice import (
    AsyncCallParticipants,
    AsyncCalls,
    AsyncVoice,
    AsyncVoiceTokens,
)
from sent_sync._portal import SyncResource


class Voice(SyncResource):
    """Voice: calls, their participants and recordings, and client tokens."""

    _inner: AsyncVoice


class Calls(SyncResource):
    """Voice calls."""

    _inner: AsyncCalls


class CallParticipants(SyncResource):
    """Participants of a voice call."""

    _inner: AsyncCallParticipants


class VoiceTokens(SyncResource):
    """Short-lived tokens for voice clients."""

    _inner: AsyncVoiceTokens
