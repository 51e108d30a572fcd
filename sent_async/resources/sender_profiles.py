"""Sender profiles (``/v3/sender-profiles``): Sent's current API for tenants, brands, departments.

These calls always act on the calling organization and take no ``x-profile-id``
(spec/sent-current-api-facts.md §1.1), so a ``for_profile()`` view refuses them before sending.
The ``api_key`` that ``create`` returns once is a secret: ``SenderProfile.reveal_api_key()``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .. import _validate
from .._errors import SentValidationError
from .._pagination import AsyncPager
from .._types import UNSET, Unset
from ..models import (
    Compliance,
    SenderProfile,
    SenderProfileBilling,
    SenderProfileChannelsInput,
    SenderProfileCreateRequest,
    SenderProfileList,
    SenderProfileUpdateRequest,
)
from ._base import AsyncResource, body

_SHORT_NAME = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9 ]{3,11}")
_UPDATABLE = ("name", "short_name", "description", "notifications")


def _check_short_name(short_name: object) -> None:
    """Sent's rule for the SMS sender id (facts §2.1): 3-11 letters/digits/spaces, one letter."""
    if isinstance(short_name, str) and not _SHORT_NAME.fullmatch(short_name):
        raise SentValidationError(
            "short_name must be 3-11 letters, digits or spaces, with at least one letter"
        )


class AsyncSenderProfiles(AsyncResource):
    """Create, read, rename and delete the organization's sender profiles."""

    def _organization_only(self) -> None:
        """Refuse a ``for_profile()`` view: these operations take no ``x-profile-id``."""
        if self._t.options.profile_id is not None:
            raise SentValidationError(
                "sender_profiles calls act on the organization and take no x-profile-id: "
                "call them on the client itself, not on a for_profile() view"
            )

    async def create(
        self,
        *,
        name: str,
        short_name: str,
        description: str | Unset = UNSET,
        billing: SenderProfileBilling | Mapping[str, Any] | Unset = UNSET,
        notifications: str | Unset = UNSET,
        channels: SenderProfileChannelsInput | Mapping[str, Any] | Unset = UNSET,
        compliance: Compliance | Mapping[str, Any] | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> SenderProfile:
        """Create a profile; it can send at once. Its ``api_key`` is returned here only.

        ``billing={"inherit": True}`` lets the organization pay; ``compliance={"inherit":
        True}`` runs it on the organization's brand and campaign (facts §1.6).
        """
        self._organization_only()
        for field, value in (("name", name), ("short_name", short_name)):
            if not isinstance(value, str) or not value.strip():
                raise SentValidationError(f"{field} is required and must be a non-blank string")
        _check_short_name(short_name)
        request = body(SenderProfileCreateRequest, locals())
        return await self._t.request(
            "POST",
            "/v3/sender-profiles",
            body=request,
            into=SenderProfile,
            idempotency_key=idempotency_key,
        )

    def list(self, *, page: int = 1, page_size: int | None = None) -> AsyncPager[SenderProfile]:
        """List profiles, newest first, a page at a time; iterating yields every profile."""
        self._organization_only()
        if page_size is not None and isinstance(page_size, int) and page_size > 100:
            raise SentValidationError(f"page_size must be 1-100, got {page_size}")
        query = {"page_size": page_size}
        return AsyncPager(
            self._t, "/v3/sender-profiles", SenderProfileList, "sender_profiles", query, page=page
        )

    async def get(self, profile_id: str) -> SenderProfile:
        """One profile with its channels and compliance (its ``api_key`` is never returned)."""
        self._organization_only()
        pid = _validate.uuid(profile_id, "profile_id")
        return await self._t.request("GET", f"/v3/sender-profiles/{pid}", into=SenderProfile)

    async def update(
        self,
        profile_id: str,
        *,
        name: str | Unset = UNSET,
        short_name: str | Unset = UNSET,
        description: str | None | Unset = UNSET,
        notifications: str | None | Unset = UNSET,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> SenderProfile:
        """Change some fields: omitted ones stay, None clears ``description``/``notifications``.

        ``name`` and ``short_name`` cannot be cleared; a call changing nothing is refused.
        Billing, channels and compliance change through the channel calls (facts §2.4).
        """
        self._organization_only()
        pid = _validate.uuid(profile_id, "profile_id")
        given = dict(locals())
        if all(given[f] is UNSET for f in _UPDATABLE):
            raise SentValidationError(
                "update needs at least one of name, short_name, description, notifications"
            )
        for field, value in (("name", name), ("short_name", short_name)):
            if value is not UNSET and (not isinstance(value, str) or not value.strip()):
                raise SentValidationError(f"{field} cannot be cleared; pass a non-blank string")
        _check_short_name(short_name)
        request = body(SenderProfileUpdateRequest, locals())
        return await self._t.request(
            "PATCH",
            f"/v3/sender-profiles/{pid}",
            body=request,
            into=SenderProfile,
            idempotency_key=idempotency_key,
        )

    async def delete(self, profile_id: str, *, idempotency_key: str | None = None) -> None:
        """Soft-delete a profile: it stops working, its numbers go back, history stays.

        Sent refuses an empty JSON body here (facts §1.2), so none is sent, nor a Content-Type.
        """
        self._organization_only()
        pid = _validate.uuid(profile_id, "profile_id")
        await self._t.request(
            "DELETE", f"/v3/sender-profiles/{pid}", idempotency_key=idempotency_key
        )
