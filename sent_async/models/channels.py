# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``channels`` API family."""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from .._types import UNSET, StrEnum, Unset


@attrs.frozen(kw_only=True)
class VoiceCallbackTest:
    """Response data ``VoiceCallbackTest``.

    Official SDK type: ``channels.voice_callback_test.VoiceCallbackTest``.
    """

    answer: dict[str, Any] | None = None
    call_id: str | None = None
    error: VoiceCallbackTestErrorInfo | None = None
    outcome: str | None = None
    request: VoiceCallbackTestRequestInfo | None = None
    response: VoiceCallbackTestResponseInfo | None = None


@attrs.frozen(kw_only=True)
class VoiceCallbackTestErrorInfo:
    """Response data ``VoiceCallbackTestErrorInfo``.

    Official SDK type: ``channels.voice_callback_test_error_info.VoiceCallbackTestErrorInfo``.
    """

    message: str | None = None
    path: str | None = None
    reason: str | None = None


@attrs.frozen(kw_only=True)
class VoiceCallbackTestRequestInfo:
    """Response data ``VoiceCallbackTestRequestInfo``.

    Official SDK type: ``channels.voice_callback_test_request_info.VoiceCallbackTestRequestInfo``.
    """

    body: str | None = None
    headers: dict[str, str] | None = None
    url: str | None = None


@attrs.frozen(kw_only=True)
class VoiceCallbackTestResponseInfo:
    """Response data ``VoiceCallbackTestResponseInfo``.

    Official SDK type: ``channels.voice_callback_test_response_info.VoiceCallbackTestResponseInfo``.
    """

    body: str | None = None
    status_code: int | None = None


@attrs.frozen(kw_only=True)
class VoiceNumber:
    """Response data ``VoiceNumber``.

    Official SDK type: ``channels.voice_number.VoiceNumber``.
    """

    callback_url: str | None = None
    created_at: datetime.datetime | None = None
    default_for_app_calls: bool | None = None
    number: str | None = None
    status: str | None = None
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class VoiceNumberCreateRequest:
    """Request input ``VoiceNumberCreateRequest``.

    Official SDK type: ``channels.voice_create_params.VoiceCreateParams``.
    """

    callback_url: str
    area_code: str | None | Unset = UNSET
    default_for_app_calls: bool | None | Unset = UNSET
    number: str | None | Unset = UNSET
    sandbox: bool | Unset = UNSET


@attrs.frozen(kw_only=True)
class VoiceNumberCreated:
    """Response data ``VoiceNumberCreated``.

    Official SDK type: ``channels.voice_number_created.VoiceNumberCreated``.
    """

    callback_secret: str | None = attrs.field(default=None, repr=False)
    callback_url: str | None = None
    created_at: datetime.datetime | None = None
    default_for_app_calls: bool | None = None
    number: str | None = None
    status: str | None = None
    updated_at: datetime.datetime | None = None


@attrs.frozen(kw_only=True)
class VoiceNumberUpdateRequest:
    """Request input ``VoiceNumberUpdateRequest``.

    Official SDK type: ``channels.voice_update_params.VoiceUpdateParams``.
    """

    callback_url: str | None | Unset = UNSET
    default_for_app_calls: bool | None | Unset = UNSET
    sandbox: bool | Unset = UNSET
    status: VoiceNumberUpdateRequestStatus | str | None | Unset = UNSET


@attrs.frozen(kw_only=True)
class VoiceSecret:
    """Response data ``VoiceSecret``.

    Official SDK type: ``channels.voice_secret.VoiceSecret``.
    """

    callback_secret: str | None = attrs.field(default=None, repr=False)


class VoiceNumberUpdateRequestStatus(StrEnum):
    """``VoiceNumberUpdateRequestStatus`` values."""

    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


__all__ = [
    "VoiceCallbackTest",
    "VoiceCallbackTestErrorInfo",
    "VoiceCallbackTestRequestInfo",
    "VoiceCallbackTestResponseInfo",
    "VoiceNumber",
    "VoiceNumberCreateRequest",
    "VoiceNumberCreated",
    "VoiceNumberUpdateRequest",
    "VoiceNumberUpdateRequestStatus",
    "VoiceSecret",
]
