"""The ``voice`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncVoice(AsyncResource):
    """Voice: calls, their participants and recordings, and client tokens."""


class AsyncCalls(AsyncResource):
    """Voice calls."""


class AsyncCallParticipants(AsyncResource):
    """Participants of a voice call."""


class AsyncVoiceTokens(AsyncResource):
    """Short-lived tokens for voice clients."""
