"""The cattrs converter: wire names, leniency, datetimes, UNSET vs None, round trips."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sent_async import UNSET, models
from sent_async._converter import coerce, parse_datetime, wire
from sent_async.models import (
    DestinationCountry,
    PaymentDetailsInput,
    ProfileDetail,
    ProfileUpdateRequest,
    TcrVertical,
    WhatsappBusinessAccountInput,
)

SPEC = json.loads((Path(__file__).parent.parent / "spec" / "sent-v3.openapi.json").read_text())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2025-12-11T21:50:50.1534402+00:00",
            datetime.datetime(2025, 12, 11, 21, 50, 50, 153440, tzinfo=datetime.timezone.utc),
        ),
        (
            "2026-03-11T21:50:50Z",
            datetime.datetime(2026, 3, 11, 21, 50, 50, tzinfo=datetime.timezone.utc),
        ),
        (
            "2026-03-11T21:50:50.1+0200",
            datetime.datetime(
                2026,
                3,
                11,
                21,
                50,
                50,
                100000,
                tzinfo=datetime.timezone(datetime.timedelta(hours=2)),
            ),
        ),
        ("2026-03-11T21:50:50", datetime.datetime(2026, 3, 11, 21, 50, 50)),
    ],
)
def test_datetimes(text: str, expected: datetime.datetime):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("bad", ["yesterday", "2026-13-01T00:00:00Z", 5, None])
def test_bad_datetimes(bad: Any):
    with pytest.raises(ValueError):  # noqa: PT011
        parse_datetime(bad)


def test_wire_renames_and_unknown_keys():
    country = wire.structure({"id": "US", "isMain": True, "surprise": 1}, DestinationCountry)
    assert country == DestinationCountry(id="US", is_main=True)
    assert wire.unstructure(country) == {"id": "US", "isMain": True}


def test_unknown_enum_values_stay_strings():
    assert (
        wire.structure({"vertical": "PROFESSIONAL"}, models.ProfileBrandCompliance).vertical
        is TcrVertical.PROFESSIONAL
    )
    assert (
        wire.structure({"vertical": "NEW_ONE"}, models.ProfileBrandCompliance).vertical == "NEW_ONE"
    )


def test_unset_is_omitted_and_none_is_sent():
    patch = ProfileUpdateRequest(name="n", description=None)
    assert wire.unstructure(patch) == {"name": "n", "description": None}
    assert wire.structure({"name": "n", "description": None}, ProfileUpdateRequest) == patch
    assert ProfileUpdateRequest().icon is UNSET


def test_secrets_are_not_in_reprs():
    card = PaymentDetailsInput(
        card_number="4111111111111111", cvc="987", expiry="12/30", zip_code="94104"
    )
    waba = WhatsappBusinessAccountInput(access_token="EAAG-secret", waba_id="1")
    assert "4111" not in repr(card) and "987" not in repr(card) and "94104" not in repr(card)
    assert "EAAG" not in repr(waba)


def test_a_failing_card_shows_paths_not_values():
    with pytest.raises(cattrs.BaseValidationError) as info:
        coerce({"card_number": "4111111111111111", "cvc": "987"}, PaymentDetailsInput)
    messages = " ".join(cattrs.transform_error(info.value))
    assert "$.expiry" in messages and "4111" not in messages and "987" not in messages


def _two_xx_examples() -> list[tuple[str, Any, Any]]:
    out = []
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            for status, response in op["responses"].items():
                content = response.get("content", {}).get("application/json", {})
                if not status.startswith("2") or "example" not in content:
                    continue
                ref = content["schema"]["$ref"].rsplit("/", 1)[1]
                data_schema = SPEC["components"]["schemas"][ref]["properties"]["data"]
                out.append((f"{method} {path} {status}", data_schema, content["example"]["data"]))
    return out


def _model_for(schema: dict[str, Any]) -> Any:
    if "$ref" in schema:
        return getattr(models, schema["$ref"].rsplit("/", 1)[1])
    if schema.get("type") == "array":
        return list[_model_for(schema["items"])]  # type: ignore[misc]
    return dict[str, Any]


@pytest.mark.parametrize(
    ("name", "schema", "example"), _two_xx_examples(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_2xx_example_structures(name: str, schema: dict[str, Any], example: Any):
    model = _model_for(schema)
    value = wire.structure(example, model)
    again = wire.structure(wire.unstructure(value), model)
    assert again == value


def test_the_seed_profile_structures_exactly():
    example = SPEC["paths"]["/v3/profiles/{profileId}"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["example"]["data"]
    profile = wire.structure(example, ProfileDetail)
    assert profile.brand is not None and profile.brand.contact is not None
    assert profile.brand.contact.business_name == "Acme Corp"
    assert profile.created_at is not None and profile.created_at.microsecond == 153440
    unknown = {k for k in example if k not in {a.name for a in attrs.fields(ProfileDetail)}}
    assert unknown == set()


strings = st.text(max_size=20)
maybe = st.none() | strings


@settings(deadline=None)
@given(st.fixed_dictionaries({}, optional={"id": maybe, "isMain": st.none() | st.booleans()}))
def test_roundtrip_destination_country(doc: dict[str, Any]):
    value = wire.structure(doc, DestinationCountry)
    assert wire.structure(wire.unstructure(value), DestinationCountry) == value
    for key, item in doc.items():
        assert wire.unstructure(value)[key] == item


@settings(deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "name": maybe,
            "short_name": maybe,
            "description": maybe,
            "status": maybe,
            "inherit_tcr_brand": st.none() | st.booleans(),
            "billing_model": maybe,
        },
    )
)
def test_roundtrip_profile_detail(doc: dict[str, Any]):
    value = wire.structure(doc, ProfileDetail)
    out = wire.unstructure(value)
    assert {k: out[k] for k in doc} == doc


@settings(deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "name": maybe,
            "description": maybe,
            "icon": maybe,
            "sandbox": st.booleans(),
            "billing_contact": st.none()
            | st.fixed_dictionaries({"email": strings, "name": strings}),
        },
    )
)
def test_roundtrip_update_request_keeps_absent_absent(doc: dict[str, Any]):
    value = wire.structure(doc, ProfileUpdateRequest)
    assert wire.unstructure(value) == doc
