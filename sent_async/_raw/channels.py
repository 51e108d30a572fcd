# Generated from sent_async/resources/channels.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Views of ``sent_async/resources/channels.py`` whose calls return ``RawResponse[T]``."""

from __future__ import annotations

from functools import cached_property

from sent_async._response import RawResponse
from sent_async._transport.call import capture_raw
from sent_async._types import UNSET, Unset
from sent_async.models import (
    VoiceCallbackTest,
    VoiceNumber,
    VoiceNumberCreated,
    VoiceNumberUpdateRequestStatus,
    VoiceSecret,
)
from sent_async.resources.channels import AsyncChannels, AsyncVoiceChannels


class AsyncChannelsWithRawResponse:
    """AsyncChannels whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncChannels) -> None:
        self._inner = inner

    @cached_property
    def voice(self) -> AsyncVoiceChannelsWithRawResponse:
        """Voice numbers: where Sent asks what to do with a call, and how it signs asking."""
        return AsyncVoiceChannelsWithRawResponse(self._inner.voice)


class AsyncVoiceChannelsWithRawResponse:
    """AsyncVoiceChannels whose calls return ``RawResponse`` (``.data``, ``.meta``, ...)."""

    def __init__(self, inner: AsyncVoiceChannels) -> None:
        self._inner = inner

    async def list(self) -> RawResponse[list[VoiceNumber]]:
        """List the organization's voice numbers (one response, no paging)."""
        return await capture_raw(self._inner.list())

    async def create(
        self,
        *,
        callback_url: str,
        number: str | None | Unset = UNSET,
        area_code: str | None | Unset = UNSET,
        default_for_app_calls: bool | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[VoiceNumberCreated]:
        """Add a voice number: one of yours (``number``) or a new one near ``area_code``.

        The answer carries ``callback_secret`` (whsec_...), the key that signs Sent's callbacks
        to this number: keep it with your other secrets (``rotate_secret`` issues a new one).
        """
        return await capture_raw(
            self._inner.create(
                callback_url=callback_url,
                number=number,
                area_code=area_code,
                default_for_app_calls=default_for_app_calls,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def get(self, number: str) -> RawResponse[VoiceNumber]:
        """Get one voice number by its E.164 form, e.g. ``"+14155550123"``."""
        return await capture_raw(self._inner.get(number))

    async def update(
        self,
        number: str,
        *,
        callback_url: str | None | Unset = UNSET,
        default_for_app_calls: bool | None | Unset = UNSET,
        status: VoiceNumberUpdateRequestStatus | str | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> RawResponse[VoiceNumber]:
        """Change a voice number: omitted fields stay as they are. ``status``: ACTIVE/INACTIVE."""
        return await capture_raw(
            self._inner.update(
                number,
                callback_url=callback_url,
                default_for_app_calls=default_for_app_calls,
                status=status,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    async def rotate_secret(
        self, number: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> RawResponse[VoiceSecret]:
        """Issue a new callback secret. The old one stops signing at once: no overlap."""
        return await capture_raw(
            self._inner.rotate_secret(number, sandbox=sandbox, idempotency_key=idempotency_key)
        )

    async def test(
        self, number: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> RawResponse[VoiceCallbackTest]:
        """Have Sent call the number's callback URL once and report what came back."""
        return await capture_raw(
            self._inner.test(number, sandbox=sandbox, idempotency_key=idempotency_key)
        )
