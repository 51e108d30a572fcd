# Generated from spec/sent-current.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``compliance`` API family."""

from __future__ import annotations

from typing import Any

import attrs

from .._types import UNSET, StrEnum, Unset


class CampaignStatus(StrEnum):
    """``CampaignStatus`` values."""

    ACTIVE = "ACTIVE"
    PENDING_REVIEW = "PENDING_REVIEW"
    ACTION_NEEDED = "ACTION_NEEDED"
    DECLINED = "DECLINED"
    INACTIVE = "INACTIVE"


@attrs.frozen(kw_only=True)
class Compliance:
    """Request input ``Compliance``.

    Facts: spec/sent-current-api-facts.md §1.5, §1.6.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    brand: ComplianceBrand | None | Unset = UNSET
    campaign: ComplianceCampaign | None | Unset = UNSET
    campaigns: list[ComplianceCampaign] | Unset = UNSET
    documents: list[ComplianceDocument] | Unset = UNSET
    inherit: bool | Unset = UNSET
    requirements: list[Any] | Unset = UNSET
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


@attrs.frozen(kw_only=True)
class ComplianceBrand:
    """Request input ``ComplianceBrand``.

    Facts: spec/sent-current-api-facts.md §1.5.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    contact_phone: str | None | Unset = UNSET
    inherit: bool | Unset = UNSET
    legal_name: str | None | Unset = UNSET
    tax_id: str | None | Unset = UNSET
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


@attrs.frozen(kw_only=True)
class ComplianceCampaign:
    """Request input ``ComplianceCampaign``.

    Facts: spec/sent-current-api-facts.md §1.5, §3.9.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    description: str | None | Unset = UNSET
    help_message: str | None | Unset = UNSET
    id: str | Unset = UNSET
    inherit: bool | Unset = UNSET
    message_flow: str | None | Unset = UNSET
    status: CampaignStatus | str | Unset = UNSET
    use_cases: Any | Unset = UNSET
    volume: Any | Unset = UNSET
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


@attrs.frozen(kw_only=True)
class ComplianceDocument:
    """Request input ``ComplianceDocument``.

    Facts: spec/sent-current-api-facts.md §1.5.
    """

    document_id: str | Unset = UNSET
    file_name: str | Unset = UNSET
    key: str | Unset = UNSET


@attrs.frozen(kw_only=True)
class ComplianceRequirements:
    """Response data ``ComplianceRequirements``.

    Facts: spec/sent-current-api-facts.md §4.1.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    channel: str | None = None
    country: str | None = None
    required: bool | None = None
    requirements: list[Any] = attrs.field(factory=list)
    sender_id_pattern: str | None = None
    setup: list[dict[str, Any]] = attrs.field(factory=list)
    type: str | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


@attrs.frozen(kw_only=True)
class CountryNumberTypes:
    """Response data ``CountryNumberTypes``.

    Facts: spec/sent-current-api-facts.md §4.2.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    number_types: list[NumberType] = attrs.field(factory=list)
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


@attrs.frozen(kw_only=True)
class NumberType:
    """Response data ``NumberType``.

    Facts: spec/sent-current-api-facts.md §4.2.

    Open: members the SDK does not know are kept in ``extra``
    (by wire name) and sent back unchanged.
    """

    compliance: Any | None = None
    fees: Any | None = None
    extra: dict[str, Any] = attrs.field(factory=dict, metadata={"open": True})


__all__ = [
    "CampaignStatus",
    "Compliance",
    "ComplianceBrand",
    "ComplianceCampaign",
    "ComplianceDocument",
    "ComplianceRequirements",
    "CountryNumberTypes",
    "NumberType",
]
