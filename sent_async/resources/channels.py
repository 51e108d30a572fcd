"""The ``channels`` API family."""

from __future__ import annotations

from ._base import AsyncResource


class AsyncChannels(AsyncResource):
    """Sending channels (voice numbers today)."""


class AsyncVoiceChannels(AsyncResource):
    """Voice numbers: callback URL, secret rotation and tests."""
