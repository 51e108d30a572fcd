# Generated from sent_async/resources/sender_profiles.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/sender_profiles.py``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from sent_async._types import UNSET, Unset
from sent_async.models import (
    Compliance,
    SenderProfile,
    SenderProfileBilling,
    SenderProfileChannelsInput,
)
from sent_async.resources.sender_profiles import AsyncSenderProfiles
from sent_sync._portal import Page, SyncResource


class SenderProfiles(SyncResource):
    """Create, read, rename and delete the organization's sender profiles."""

    _inner: AsyncSenderProfiles

    def create(
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
        return self._portal.call(
            partial(
                self._inner.create,
                name=name,
                short_name=short_name,
                description=description,
                billing=billing,
                notifications=notifications,
                channels=channels,
                compliance=compliance,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def list(self, *, page: int = 1, page_size: int | None = None) -> Page[SenderProfile]:
        """List profiles, newest first, a page at a time; iterating yields every profile."""
        return Page(
            self._portal,
            self._portal.call(self._inner.list(page=page, page_size=page_size).first_page),
        )

    def get(self, profile_id: str) -> SenderProfile:
        """One profile with its channels and compliance (its ``api_key`` is never returned)."""
        return self._portal.call(partial(self._inner.get, profile_id))

    def update(
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
        return self._portal.call(
            partial(
                self._inner.update,
                profile_id,
                name=name,
                short_name=short_name,
                description=description,
                notifications=notifications,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def delete(self, profile_id: str, *, idempotency_key: str | None = None) -> None:
        """Soft-delete a profile: it stops working, its numbers go back, history stays.

        Sent refuses an empty JSON body here (facts §1.2), so none is sent, nor a Content-Type.
        """
        return self._portal.call(
            partial(self._inner.delete, profile_id, idempotency_key=idempotency_key)
        )
