"""The ``compliance`` API family: what a market requires before you can send there.

``GET /v3/compliance/requirements`` names every value a market still needs and the calls that
satisfy them (spec/sent-current-api-facts.md §4.1). Sent answers 501 for whatsapp and rcs.
"""

from __future__ import annotations

from .._errors import SentValidationError
from ..models import ComplianceRequirements
from ._base import AsyncResource

CHANNELS = frozenset({"sms", "whatsapp", "rcs"})
NUMBER_TYPES = frozenset(
    {"LOCAL", "MOBILE", "TEN_DLC", "10DLC", "TOLL_FREE", "SHORT_CODE", "ALPHANUMERIC"}
)
"""Sender types Sent accepts for ``type`` (facts §1.4; any case)."""


class AsyncCompliance(AsyncResource):
    """Compliance requirements per country, sender type and channel."""

    async def requirements(
        self, *, country: str, type: str, channel: str = "sms"
    ) -> ComplianceRequirements:
        """What ``channel`` in ``country`` with sender ``type`` requires, and its ``setup`` calls.

        Country and type are required in practice (Sent answers 400 without them), so they are
        checked here; ``setup`` holds the ``POST /v3/channels/sms`` body ready to fill.
        """
        if not isinstance(country, str) or len(country) != 2 or not country.isalpha():
            raise SentValidationError(
                f"country must be an ISO 3166-1 alpha-2 code, got {country!r}"
            )
        if not isinstance(type, str) or type.upper() not in NUMBER_TYPES:
            raise SentValidationError(f"type must be one of {sorted(NUMBER_TYPES)}, got {type!r}")
        if channel not in CHANNELS:
            raise SentValidationError(f"channel must be one of {sorted(CHANNELS)}, got {channel!r}")
        query = {"channel": channel, "country": country.upper(), "type": type.upper()}
        return await self._t.request(
            "GET", "/v3/compliance/requirements", query=query, into=ComplianceRequirements
        )
