"""The ``channels`` API family: today only voice numbers (``/v3/channels/voice``)."""

from __future__ import annotations

from functools import cached_property

from .. import _validate
from .._errors import SentValidationError
from .._types import UNSET, Unset
from ..models import (
    SandboxRequest,
    VoiceCallbackTest,
    VoiceNumber,
    VoiceNumberCreated,
    VoiceNumberCreateRequest,
    VoiceNumberUpdateRequest,
    VoiceNumberUpdateRequestStatus,
    VoiceSecret,
)
from ._base import AsyncResource, body

_STATUSES = frozenset(s.value for s in VoiceNumberUpdateRequestStatus)


def _check_url(value: object) -> None:
    """A callback URL must be an absolute http(s) URL (None and UNSET pass: nothing to check)."""
    if value is not None and value is not UNSET:
        _validate.http_url(value, "callback_url")


class AsyncChannels(AsyncResource):
    """Sending channels (voice numbers today)."""

    @cached_property
    def voice(self) -> AsyncVoiceChannels:
        """Voice numbers: where Sent asks what to do with a call, and how it signs asking."""
        return AsyncVoiceChannels(self._t)


class AsyncVoiceChannels(AsyncResource):
    """Voice numbers: callback URL, secret rotation and tests."""

    async def list(self) -> list[VoiceNumber]:
        """List the organization's voice numbers (one response, no paging)."""
        return await self._t.request("GET", "/v3/channels/voice", into=list[VoiceNumber])

    async def create(
        self,
        *,
        callback_url: str,
        number: str | None | Unset = UNSET,
        area_code: str | None | Unset = UNSET,
        default_for_app_calls: bool | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> VoiceNumberCreated:
        """Add a voice number: one of yours (``number``) or a new one near ``area_code``.

        The answer carries ``callback_secret`` (whsec_...), the key that signs Sent's callbacks
        to this number: keep it with your other secrets (``rotate_secret`` issues a new one).
        """
        _check_url(callback_url)
        if isinstance(number, str):
            _validate.e164(number, "number")
        return await self._t.request(
            "POST",
            "/v3/channels/voice",
            body=body(VoiceNumberCreateRequest, locals()),
            into=VoiceNumberCreated,
            idempotency_key=idempotency_key,
        )

    async def get(self, number: str) -> VoiceNumber:
        """Get one voice number by its E.164 form, e.g. ``"+14155550123"``."""
        num = _validate.e164_path(number, "number")
        return await self._t.request("GET", f"/v3/channels/voice/{num}", into=VoiceNumber)

    async def update(
        self,
        number: str,
        *,
        callback_url: str | None | Unset = UNSET,
        default_for_app_calls: bool | None | Unset = UNSET,
        status: VoiceNumberUpdateRequestStatus | str | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> VoiceNumber:
        """Change a voice number: omitted fields stay as they are. ``status``: ACTIVE/INACTIVE."""
        num = _validate.e164_path(number, "number")
        _check_url(callback_url)
        if status is not UNSET and status is not None and status not in _STATUSES:
            raise SentValidationError(f"status must be 'ACTIVE' or 'INACTIVE', got {status!r}")
        return await self._t.request(
            "PATCH",
            f"/v3/channels/voice/{num}",
            body=body(VoiceNumberUpdateRequest, locals()),
            into=VoiceNumber,
            idempotency_key=idempotency_key,
        )

    async def rotate_secret(
        self, number: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> VoiceSecret:
        """Issue a new callback secret. The old one stops signing at once: no overlap."""
        num = _validate.e164_path(number, "number")
        return await self._t.request(
            "POST",
            f"/v3/channels/voice/{num}/rotate-secret",
            body=body(SandboxRequest, locals()),
            into=VoiceSecret,
            idempotency_key=idempotency_key,
        )

    async def test(
        self, number: str, *, sandbox: bool | Unset = UNSET, idempotency_key: str | None = None
    ) -> VoiceCallbackTest:
        """Have Sent call the number's callback URL once and report what came back."""
        num = _validate.e164_path(number, "number")
        return await self._t.request(
            "POST",
            f"/v3/channels/voice/{num}/test",
            body=body(SandboxRequest, locals()),
            into=VoiceCallbackTest,
            idempotency_key=idempotency_key,
        )
