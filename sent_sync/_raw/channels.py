# Generated from sent_async/_raw/channels.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/_raw/channels.py``."""

from __future__ import annotations

from sent_async._raw.channels import AsyncChannelsWithRawResponse, AsyncVoiceChannelsWithRawResponse
from sent_sync._portal import SyncResource


class ChannelsWithRawResponse(SyncResource):
    """Channels whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncChannelsWithRawResponse


class VoiceChannelsWithRawResponse(SyncResource):
    """VoiceChannels whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    _inner: AsyncVoiceChannelsWithRawResponse
