"""Open models keep unknown members on read and send them back unchanged; revealed secrets stay
out of repr and str.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest

from sent_async import UNSET, models
from sent_async._converter import _make, coerce, inputs, wire
from sent_async._open import is_open

SLOW = _make(wire=True, fast=False)
SUPPLEMENT = json.loads(
    (Path(__file__).resolve().parent.parent / "spec" / "sent-current.openapi.json").read_text()
)
NEWER = {"vertical": "RETAIL", "registry": {"ids": [1, 2], "note": None}, "extra": "a wire key"}
"""Members a newer API might add: nested objects, lists, nulls, even a key called 'extra'."""

COMPLIANCE: dict[str, Any] = {
    "brand": {"inherit": False, "legal_name": "Example Retail LLC", **NEWER},
    "campaign": None,
    "campaigns": [{"id": "c4a2e7f1", "status": "FILED_SOMEWHERE_NEW", "sample_1": "Hi"}],
    "documents": [],
    "attachments": [{"field": "business_registration"}],
}
MARKET = {
    "country": "US",
    "number_type": "TEN_DLC",
    "status": "ACTIVE",
    "numbers": [{"sender_value": "+12125550123", "area_code": "212", "status": "ACTIVE"}],
    "compliance": COMPLIANCE,
}


def open_models() -> list[type]:
    return [getattr(models, n) for n in models.__all__ if is_open(getattr(models, n))]


def test_the_generator_made_every_additional_properties_schema_open() -> None:
    schemas = SUPPLEMENT["components"]["schemas"]
    expected = {n for n, s in schemas.items() if s.get("additionalProperties") is True}
    assert {cls.__name__ for cls in open_models()} == expected
    assert {"Compliance", "ComplianceBrand", "SenderProfileBilling", "NumberType"} <= expected


@pytest.mark.parametrize("conv", [wire, SLOW], ids=["fast", "checked"])
def test_unknown_members_are_readable(conv: Any) -> None:
    market = conv.structure(copy.deepcopy(MARKET), models.Market)
    brand = market.compliance.brand
    assert brand.legal_name == "Example Retail LLC" and brand.inherit is False
    assert brand.extra == NEWER
    assert market.compliance.extra == {"attachments": [{"field": "business_registration"}]}
    assert market.compliance.campaigns[0].extra == {"sample_1": "Hi"}
    assert market.compliance.campaigns[0].status == "FILED_SOMEWHERE_NEW"  # open enum too


@pytest.mark.parametrize("conv", [wire, SLOW], ids=["fast", "checked"])
def test_a_read_compliance_is_sent_back_unchanged(conv: Any) -> None:
    """Read shape = write shape: absent, null and [] survive too (facts §1.5)."""
    market = conv.structure(copy.deepcopy(MARKET), models.Market)
    assert conv.unstructure(market.compliance) == COMPLIANCE
    assert market.compliance.documents == [] and market.compliance.campaign is None
    assert market.compliance.inherit is UNSET  # absent stays absent: not sent back


def test_a_changed_compliance_keeps_the_unknown_members() -> None:
    compliance = wire.structure(copy.deepcopy(MARKET), models.Market).compliance
    assert isinstance(compliance, models.Compliance)
    assert isinstance(compliance.brand, models.ComplianceBrand)
    brand = attrs.evolve(compliance.brand, legal_name="Example Retail Inc")
    body = models.SmsChannelUpdateRequest(compliance=attrs.evolve(compliance, brand=brand))
    sent = wire.unstructure(body)
    changed = {**COMPLIANCE["brand"], "legal_name": "Example Retail Inc"}
    assert sent["compliance"]["brand"] == changed
    assert sent["compliance"]["attachments"] == COMPLIANCE["attachments"]


def test_an_open_response_model_round_trips_its_unknown_members() -> None:
    data = {"id": "9a8b", "status": "APPROVED", "brand_name": "Example", "carrier_notes": ["x"]}
    agent = wire.structure(data, models.RcsAgent)
    assert agent.extra == {"carrier_notes": ["x"]}
    written = wire.unstructure(agent)
    assert written["carrier_notes"] == ["x"] and written["brand_name"] == "Example"


def test_a_known_member_wins_over_an_extra_of_the_same_name() -> None:
    brand = models.ComplianceBrand(legal_name="Known", extra={"legal_name": "Other", "x": 1})
    assert wire.unstructure(brand) == {"legal_name": "Known", "x": 1}


def test_user_dicts_name_unknown_members_under_extra_and_typos_are_still_errors() -> None:
    given = {"brand": {"legal_name": "Example", "extra": {"vertical": "RETAIL"}}}
    compliance = coerce(given, models.Compliance)
    on_the_wire = {"brand": {"legal_name": "Example", "vertical": "RETAIL"}}
    assert wire.unstructure(compliance) == on_the_wire
    assert inputs.structure(inputs.unstructure(compliance), models.Compliance) == compliance
    with pytest.raises(cattrs.ClassValidationError) as caught:
        coerce({"brand": {"legal_nmae": "Example"}}, models.Compliance)
    assert "legal_nmae" in str(cattrs.transform_error(caught.value))


def test_a_wrong_type_in_a_known_member_is_still_an_error() -> None:
    with pytest.raises(cattrs.ClassValidationError) as caught:
        wire.structure({"brand": {"inherit": [True], "x": 1}}, models.Compliance)
    assert "$.brand.inherit" in str(cattrs.transform_error(caught.value))
    with pytest.raises(cattrs.ClassValidationError):
        wire.structure({"brand": ["not", "an", "object"]}, models.Compliance)
    with pytest.raises(TypeError, match="expected an object"):
        wire.structure(["not", "an", "object"], models.Compliance)


# -- the api_key returned once by sender-profile create ----------------------------------------
KEY = "sk_live_5f9e8d7c6b5a4c3d9e2f1a0b"


def test_the_api_key_is_out_of_repr_and_str_and_read_by_its_accessor() -> None:
    data = {"id": "3e8b", "name": "Example", "api_key": KEY}
    profile = wire.structure(data, models.SenderProfile)
    assert KEY not in repr(profile) and KEY not in str(profile)
    assert KEY not in repr([profile]) and KEY not in f"{profile}"
    assert profile.reveal_api_key() == KEY
    assert not hasattr(profile, "api_key")  # no plain attribute to print by accident
    assert wire.unstructure(profile)["api_key"] == KEY  # the wire name is unchanged
    assert wire.structure({"id": "3e8b"}, models.SenderProfile).reveal_api_key() is None


def test_every_x_secret_property_is_hidden_and_revealed() -> None:
    found = 0
    for name, schema in SUPPLEMENT["components"]["schemas"].items():
        for wire_name, prop in schema.get("properties", {}).items():
            if prop.get("x-secret"):
                cls = getattr(models, name)
                field = attrs.fields_dict(cls)["_" + wire_name]
                assert field.repr is False and field.metadata["wire"] == wire_name
                assert callable(getattr(cls, f"reveal_{wire_name}"))
                found += 1
    assert found == 1
