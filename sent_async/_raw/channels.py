# Generated from sent_async/resources/channels.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/channels.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.channels import AsyncChannels, AsyncVoiceChannels


class AsyncChannelsWithRawResponse:
    """AsyncChannels whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncChannels) -> None:
        self._inner = inner


class AsyncVoiceChannelsWithRawResponse:
    """AsyncVoiceChannels whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncVoiceChannels) -> None:
        self._inner = inner
