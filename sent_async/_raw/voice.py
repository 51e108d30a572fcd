# Generated from sent_async/resources/voice.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/voice.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from sent_async.resources.voice import (
    AsyncCallParticipants,
    AsyncCalls,
    AsyncVoice,
    AsyncVoiceTokens,
)


class AsyncVoiceWithRawResponse:
    """AsyncVoice whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncVoice) -> None:
        self._inner = inner


class AsyncCallsWithRawResponse:
    """AsyncCalls whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncCalls) -> None:
        self._inner = inner


class AsyncCallParticipantsWithRawResponse:
    """AsyncCallParticipants whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncCallParticipants) -> None:
        self._inner = inner


class AsyncVoiceTokensWithRawResponse:
    """AsyncVoiceTokens whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncVoiceTokens) -> None:
        self._inner = inner
