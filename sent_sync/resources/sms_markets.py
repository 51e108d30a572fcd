# Generated from sent_async/resources/sms_markets.py by scripts/gen_facades.py.
# Do not edit: change the async source and run `make sync`.
"""Sync twin of ``sent_async/resources/sms_markets.py``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property, partial
from typing import Any

from sent_async._transport.multipart import Upload
from sent_async._types import UNSET, Unset
from sent_async.models import (
    Compliance,
    ComplianceCampaign,
    Market,
    MarketNumber,
    NumberRequest,
    SenderType,
)
from sent_async.resources.sms_markets import AsyncCampaigns, AsyncMarketNumbers, AsyncSmsChannels
from sent_sync._portal import SyncResource


class SmsChannels(SyncResource):
    """SMS markets: list, add (JSON, or a form with documents), get and update compliance."""

    _inner: AsyncSmsChannels

    @cached_property
    def campaigns(self) -> Campaigns:
        """US 10DLC campaigns of the ``US/TEN_DLC`` market."""
        return Campaigns(self._inner.campaigns, self._portal)

    def list(self) -> list[Market]:
        """Every SMS market of the account (one response, no paging)."""
        return self._portal.call(partial(self._inner.list))

    def create(
        self,
        *,
        country: str,
        number_type: SenderType | str,
        sender_value: str | Unset = UNSET,
        numbers: Sequence[NumberRequest | Mapping[str, Any]] | Unset = UNSET,
        area_codes: Sequence[str] | Unset = UNSET,
        compliance: Compliance | Mapping[str, Any] | Unset = UNSET,
        documents: Mapping[str, Upload] | None = None,
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Market:
        """Add an SMS market. It records the registration; Sent files it later (§3.4).

        ``documents`` (compliance key -> path, bytes or binary file) sends a multipart form
        instead of JSON, read once and sent identically on retries; it cannot carry
        ``compliance`` or ``numbers``. ``numbers`` and the older ``area_codes`` exclude each other.
        """
        return self._portal.call(
            partial(
                self._inner.create,
                country=country,
                number_type=number_type,
                sender_value=sender_value,
                numbers=numbers,
                area_codes=area_codes,
                compliance=compliance,
                documents=documents,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )

    def get(self, country: str, number_type: SenderType | str) -> Market:
        """One market with its full compliance (what you read can be sent back to update)."""
        return self._portal.call(partial(self._inner.get, country, number_type))

    def update(
        self,
        country: str,
        number_type: SenderType | str,
        *,
        compliance: Compliance | Mapping[str, Any],
        sandbox: bool | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Market:
        """Change a market's compliance: omitted keys stay, ``None`` clears (§1.5, §3.5).

        ``{"brand": {"inherit": True}}`` switches to the organization's identity. An empty
        ``compliance`` is refused before sending, as Sent refuses ``{}``.
        """
        return self._portal.call(
            partial(
                self._inner.update,
                country,
                number_type,
                compliance=compliance,
                sandbox=sandbox,
                idempotency_key=idempotency_key,
            )
        )


class MarketNumbers(SyncResource):
    """The numbers of a market: list, add (never replaces) and replace the requested list."""

    _inner: AsyncMarketNumbers

    def list(
        self,
        channel: str,
        country: str,
        number_type: SenderType | str,
        *,
        campaign_id: str | None = None,
    ) -> list[MarketNumber]:
        """The market's numbers; ``campaign_id`` (US TEN_DLC) narrows to one campaign's.

        Sent does not say whether ``data`` is the list itself or an object holding it
        (spec/sent-current-api-facts.md §3.8); this reads a list, and anything else raises
        ``APIResponseValidationError`` rather than guessing.
        """
        return self._portal.call(
            partial(self._inner.list, channel, country, number_type, campaign_id=campaign_id)
        )

    def add(
        self,
        channel: str,
        country: str,
        number_type: SenderType | str,
        *,
        numbers: Sequence[NumberRequest | Mapping[str, Any]],
        campaign_id: str | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Market:
        """Ask for more numbers, e.g. ``[{"area_code": "212", "quantity": 2}]``.

        US TEN_DLC needs ``campaign_id``; ``LOCAL`` claims numbers from inventory at once.
        """
        return self._portal.call(
            partial(
                self._inner.add,
                channel,
                country,
                number_type,
                numbers=numbers,
                campaign_id=campaign_id,
                idempotency_key=idempotency_key,
            )
        )

    def replace(
        self,
        channel: str,
        country: str,
        number_type: SenderType | str,
        *,
        numbers: Sequence[NumberRequest | Mapping[str, Any]],
        campaign_id: str | Unset = UNSET,
        idempotency_key: str | None = None,
    ) -> Market:
        """Replace the requested list; numbers already assigned must stay in it (else 400)."""
        return self._portal.call(
            partial(
                self._inner.replace,
                channel,
                country,
                number_type,
                numbers=numbers,
                campaign_id=campaign_id,
                idempotency_key=idempotency_key,
            )
        )


class Campaigns(SyncResource):
    """US 10DLC campaigns: each POST files a new, paid campaign (send an Idempotency-Key)."""

    _inner: AsyncCampaigns

    def list(self) -> list[ComplianceCampaign]:
        """Every campaign of the US TEN_DLC market, oldest first (one response, no paging)."""
        return self._portal.call(partial(self._inner.list))

    def create(
        self,
        campaign: ComplianceCampaign | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
    ) -> Market:
        """Add a campaign for another use case. It must be complete; ``id`` and ``inherit``
        are ignored, so a ``campaigns[]`` entry as read can be sent back. Returns the market.
        """
        return self._portal.call(
            partial(self._inner.create, campaign, idempotency_key=idempotency_key)
        )

    def update(
        self,
        campaign_id: str,
        changes: ComplianceCampaign | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
    ) -> Market:
        """Change a campaign before filing, or when Sent asks for a correction (else 409).

        Send only the fields to change; ``inherit: True`` is refused before sending.
        """
        return self._portal.call(
            partial(self._inner.update, campaign_id, changes, idempotency_key=idempotency_key)
        )
