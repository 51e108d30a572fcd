# Generated from spec/sent-v3.openapi.json by scripts/gen_models.py; do not edit.
# Regenerate with `make sync`.
"""Models of the ``numbers`` API family."""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class NumberLookup:
    """Response data ``NumberLookup``.

    Official SDK type: ``number_lookup_response.Data``.
    """

    carrier_name: str | None = None
    country_code: str | None = None
    is_ported: bool | None = None
    is_valid: bool | None = None
    is_voip: bool | None = None
    line_type: str | None = None
    mobile_country_code: str | None = None
    mobile_network_code: str | None = None
    phone_number: str | None = None


__all__ = ["NumberLookup"]
