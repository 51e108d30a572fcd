"""SMS markets (``/v3/channels/sms``), their numbers and the US 10DLC campaigns.

A market is one (country, sender type) an account sends SMS from; its status moves from
PROVISIONING to ACTIVE as Sent acquires the sender (spec/sent-current-api-facts.md §1.3, §3).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

import anyio
import cattrs

from .. import _validate
from .._converter import coerce, wire
from .._errors import SentValidationError
from .._transport.multipart import Upload, encode
from .._types import UNSET, Unset
from ..models import (
    Compliance,
    ComplianceCampaign,
    Market,
    MarketNumber,
    MarketNumbersRequest,
    NumberRequest,
    SenderType,
    SmsChannelCreateRequest,
    SmsChannelUpdateRequest,
)
from ._base import AsyncResource, body

_COUNTRY = re.compile(r"[A-Za-z]{2}")
MAX_NUMBERS = 49
"""Numbers per market (per campaign on US TEN_DLC): more is Sent's 400 (facts §3.2)."""
_CAMPAIGNS = "/v3/channels/sms/US/TEN_DLC/campaigns"


def country_code(value: object) -> str:
    """An ISO 3166-1 alpha-2 country code, upper-cased."""
    if not isinstance(value, str) or not _COUNTRY.fullmatch(value):
        raise SentValidationError(f"country must be an ISO 3166-1 alpha-2 code, got {value!r}")
    return value.upper()


def sender_type(value: object) -> str:
    """A sender type for a path (``TEN_DLC``, ``LOCAL``, ...; unknown ones pass through).

    ``compliance`` is refused: ``/v3/channels/sms/{country}/compliance`` is the number-types
    endpoint, not a market (spec/sent-current.openapi.json ``x-path-overlap``).
    """
    text = value.value if isinstance(value, SenderType) else value
    checked = _validate.path_id(text, "number_type")
    if checked.lower() == "compliance":
        raise SentValidationError("number_type 'compliance' is not a sender type")
    return checked


def market_path(channel: object, country: object, number_type: object) -> str:
    chan = _validate.path_id(channel, "channel").lower()
    return f"/v3/channels/{chan}/{country_code(country)}/{sender_type(number_type)}"


def _check_numbers(numbers: object) -> None:
    """At most 49 numbers in one request, each entry a positive quantity."""
    if numbers is UNSET:
        return
    assert isinstance(numbers, list)
    total = 0
    for entry in numbers:
        if isinstance(entry.quantity, bool) or entry.quantity < 1:
            raise SentValidationError(
                f"numbers[].quantity must be at least 1, got {entry.quantity}"
            )
        total += entry.quantity
    if total > MAX_NUMBERS:
        raise SentValidationError(
            f"a market holds at most {MAX_NUMBERS} numbers, asked for {total}"
        )


def _campaign(value: object, what: str) -> ComplianceCampaign:
    """A campaign given as a model or a dict (unknown wire keys under ``extra``)."""
    try:
        campaign: ComplianceCampaign = coerce(value, ComplianceCampaign)
    except cattrs.BaseValidationError as exc:
        raise _validate.nested_input(exc, what) from None
    except (TypeError, ValueError) as exc:
        raise SentValidationError(f"invalid {what}: {exc}") from None
    return campaign


def _form(request: SmsChannelCreateRequest, documents: Mapping[str, Upload]) -> dict[str, str]:
    """The text fields of the multipart create: camelCase names, as Sent reads them (§1.7)."""
    if request.compliance is not UNSET or request.numbers is not UNSET:
        raise SentValidationError(
            "with documents, send only country, number_type, sender_value and sandbox; "
            "set compliance and numbers afterwards with update() and numbers.add()"
        )
    if request.area_codes is not UNSET:
        raise SentValidationError("area_codes cannot be sent with documents")
    fields = {"country": request.country, "numberType": str(request.number_type)}
    if isinstance(request.sender_value, str):
        fields["senderValue"] = request.sender_value
    if request.sandbox is not UNSET:
        fields["sandbox"] = "true" if request.sandbox else "false"
    return fields


class AsyncSmsChannels(AsyncResource):
    """SMS markets: list, add (JSON, or a form with documents), get and update compliance."""

    @cached_property
    def campaigns(self) -> AsyncCampaigns:
        """US 10DLC campaigns of the ``US/TEN_DLC`` market."""
        return AsyncCampaigns(self._t)

    async def list(self) -> list[Market]:
        """Every SMS market of the account (one response, no paging)."""
        return await self._t.request("GET", "/v3/channels/sms", into=list[Market])

    async def create(
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
        country = country_code(country)
        sender_type(number_type)
        if numbers is not UNSET and area_codes is not UNSET:
            raise SentValidationError("send numbers or area_codes, not both")
        request = body(SmsChannelCreateRequest, locals())
        _check_numbers(request.numbers)
        payload: Any = request
        if documents:
            fields = _form(request, documents)
            payload = await anyio.to_thread.run_sync(encode, fields, dict(documents))
        return await self._t.request(
            "POST", "/v3/channels/sms", body=payload, into=Market, idempotency_key=idempotency_key
        )

    async def get(self, country: str, number_type: SenderType | str) -> Market:
        """One market with its full compliance (what you read can be sent back to update)."""
        return await self._t.request("GET", market_path("sms", country, number_type), into=Market)

    async def update(
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
        path = market_path("sms", country, number_type)
        request = body(SmsChannelUpdateRequest, locals())
        if not wire.unstructure(request.compliance):
            raise SentValidationError("compliance is empty: say what to change")
        return await self._t.request(
            "PATCH", path, body=request, into=Market, idempotency_key=idempotency_key
        )


class AsyncMarketNumbers(AsyncResource):
    """The numbers of a market: list, add (never replaces) and replace the requested list."""

    async def list(
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
        if campaign_id is not None:
            _validate.uuid(campaign_id, "campaign_id")
        path = market_path(channel, country, number_type) + "/numbers"
        query = {"campaign_id": campaign_id}
        return await self._t.request("GET", path, query=query, into=list[MarketNumber])

    async def add(
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
        return await self._write("POST", channel, country, number_type, locals())

    async def replace(
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
        return await self._write("PATCH", channel, country, number_type, locals())

    async def _write(
        self, method: str, channel: str, country: str, number_type: object, args: dict[str, Any]
    ) -> Market:
        path = market_path(channel, country, number_type) + "/numbers"
        if isinstance(args["campaign_id"], str):
            _validate.uuid(args["campaign_id"], "campaign_id")
        request = body(MarketNumbersRequest, args)
        if not request.numbers:
            raise SentValidationError("numbers is empty: ask for at least one number")
        _check_numbers(request.numbers)
        return await self._t.request(
            method, path, body=request, into=Market, idempotency_key=args["idempotency_key"]
        )


class AsyncCampaigns(AsyncResource):
    """US 10DLC campaigns: each POST files a new, paid campaign (send an Idempotency-Key)."""

    async def list(self) -> list[ComplianceCampaign]:
        """Every campaign of the US TEN_DLC market, oldest first (one response, no paging)."""
        return await self._t.request("GET", _CAMPAIGNS, into=list[ComplianceCampaign])

    async def create(
        self,
        campaign: ComplianceCampaign | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
    ) -> Market:
        """Add a campaign for another use case. It must be complete; ``id`` and ``inherit``
        are ignored, so a ``campaigns[]`` entry as read can be sent back. Returns the market.
        """
        request = _campaign(campaign, "campaign")
        return await self._t.request(
            "POST", _CAMPAIGNS, body=request, into=Market, idempotency_key=idempotency_key
        )

    async def update(
        self,
        campaign_id: str,
        changes: ComplianceCampaign | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
    ) -> Market:
        """Change a campaign before filing, or when Sent asks for a correction (else 409).

        Send only the fields to change; ``inherit: True`` is refused before sending.
        """
        cid = _validate.uuid(campaign_id, "campaign_id")
        request = _campaign(changes, "changes")
        if request.inherit is True:
            raise SentValidationError("a campaign cannot be switched to inherit by update()")
        if not wire.unstructure(request):
            raise SentValidationError("changes is empty: say what to change")
        return await self._t.request(
            "PATCH",
            f"{_CAMPAIGNS}/{cid}",
            body=request,
            into=Market,
            idempotency_key=idempotency_key,
        )
