# Generated from sent_async/resources/channels.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/channels.py``."""

from __future__ import annotations

from sent_async.resources.channels import AsyncChannels, AsyncVoiceChannels
from sent_sync._portal import SyncResource


class Channels(SyncResource):
    """Sending channels (voice numbers today)."""

    _inner: AsyncChannels


class VoiceChannels(SyncResource):
    """Voice numbers: callback URL, secret rotation and tests."""

    _inner: AsyncVoiceChannels
