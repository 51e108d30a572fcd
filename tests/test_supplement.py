"""The contract supplement (spec/sent-current.openapi.json): valid OpenAPI 3.1, every operation and
schema sourced, every example readable by the generated models with the SDK's converter.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_spec_validator import validate

from sent_async import models
from sent_async._converter import _make, wire

ROOT = Path(__file__).resolve().parent.parent
PATH = ROOT / "spec" / "sent-current.openapi.json"
SPEC = json.loads(PATH.read_text())
MAIN = json.loads((ROOT / "spec" / "sent-v3.openapi.json").read_text())
FACTS = (ROOT / "spec" / "sent-current-api-facts.md").read_text()
MAIN_REF = "sent-v3.openapi.json#/components/schemas/"
OPERATIONS = [
    (method, path, op) for path, item in SPEC["paths"].items() for method, op in item.items()
]
IDS = [op["operationId"] for _, _, op in OPERATIONS]
API = OpenAPI.from_dict(SPEC, base_uri=PATH.as_uri())
SLOW = _make(wire=True, fast=False)
"""The converter without its fast readers: both must read the examples the same way."""


def test_the_supplement_is_valid_openapi_3_1() -> None:
    assert SPEC["openapi"].startswith("3.1.")
    validate(SPEC, base_uri=PATH.as_uri())  # resolves the relative refs into the main contract
    OpenAPI.from_dict(SPEC, base_uri=PATH.as_uri())


def test_operation_ids_are_unique_across_both_contracts() -> None:
    ids = [op["operationId"] for _, _, op in OPERATIONS]
    calls = [op["x-sdk-call"] for _, _, op in OPERATIONS]
    assert len(calls) == len(set(calls))
    main_ids = {op["operationId"] for item in MAIN["paths"].values() for op in item.values()}
    assert len(ids) == len(set(ids)) == 21
    assert not set(ids) & main_ids
    assert not {f"{m} {p}" for m, p, _ in OPERATIONS} & {
        f"{m} {p}" for p, item in MAIN["paths"].items() for m in item
    }


def _sections(source: dict[str, Any]) -> list[str]:
    return re.findall(r"§(\d+(?:\.\d+)?)", source["facts"])


def _assert_sourced(where: str, node: dict[str, Any]) -> None:
    source = node.get("x-source")
    assert isinstance(source, dict), f"{where}: no x-source"
    assert _sections(source), f"{where}: x-source cites no section of the facts"
    for section in _sections(source):
        level = "##" if "." not in section else "###"
        assert re.search(rf"^{level} {re.escape(section)}\.? ", FACTS, re.M), (where, section)
    keys = SPEC["info"]["x-source-keys"]
    assert source["refs"] and set(source["refs"]) <= set(keys), (where, source["refs"])


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=IDS)
def test_every_operation_has_an_id_tags_and_a_source(method: str, path: str, op: Any) -> None:
    assert re.fullmatch(r"[a-z_]+", op["operationId"])
    assert op["tags"] and op["summary"]
    assert isinstance(op["x-profile-scoped"], bool)
    assert re.fullmatch(r"client(\.[a-z_]+)+", op["x-sdk-call"])
    _assert_sourced(f"{method} {path}", op)


def test_every_schema_is_sourced_and_sender_profiles_are_not_profile_scoped() -> None:
    for name, schema in SPEC["components"]["schemas"].items():
        if not name.endswith("Envelope"):
            _assert_sourced(name, schema)
    for _, path, op in OPERATIONS:
        assert op["x-profile-scoped"] is not path.startswith("/v3/sender-profiles"), path


def _marks(node: Any, where: str = "") -> Iterator[tuple[str, str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("x-unknown", "x-conflict", "x-inferred"):
                yield where, key, value
            yield from _marks(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _marks(value, f"{where}/{i}")


def test_unknowns_conflicts_and_inferences_say_what_they_are() -> None:
    marks = list(_marks(SPEC))
    assert len(marks) > 30
    for where, key, value in marks:
        assert isinstance(value, str) and len(value) > 10, (where, key, value)


# -- every example, read by the generated models ----------------------------------------------
def _model_type(schema: dict[str, Any]) -> Any:
    """The Python type the SDK reads ``schema`` (a ``data`` or body schema) into."""
    ref = schema.get("$ref", "")
    if ref.startswith(MAIN_REF):  # the main contract's envelope: read its data
        data = MAIN["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]["data"]
        return getattr(models, data["$ref"].rsplit("/", 1)[1])
    if ref:
        return getattr(models, ref.rsplit("/", 1)[1])
    if schema.get("type") == "array":
        return list[_model_type(schema["items"])]  # type: ignore[misc]
    return _model_type(schema["anyOf"][0])  # the first documented form


def _data_type(envelope_ref: str) -> Any:
    if envelope_ref.startswith(MAIN_REF):
        return _model_type({"$ref": envelope_ref})
    envelope = SPEC["components"]["schemas"][envelope_ref.rsplit("/", 1)[1]]
    return _model_type(envelope["properties"]["data"])


def _examples() -> Iterator[Any]:
    for _, _, op in OPERATIONS:
        body = op.get("requestBody", {}).get("content", {}).get("application/json")
        if body:
            yield pytest.param(
                _model_type(body["schema"]), body["example"], True, id=f"{op['operationId']}-body"
            )
        for status, response in op["responses"].items():
            content = response.get("content", {}).get("application/json", {})
            if status.startswith("2") and "example" in content:
                data_type = _data_type(content["schema"]["$ref"])
                example = content["example"]["data"]
                yield pytest.param(data_type, example, False, id=f"{op['operationId']}-{status}")


def _unknown_members(value: Any, data: Any, where: str = "") -> list[str]:
    """Paths of members in ``data`` that no typed field of the model ``value`` reads."""
    if isinstance(value, list):
        pairs = zip(value, data, strict=True)
        return [p for i, (v, d) in enumerate(pairs) for p in _unknown_members(v, d, f"{where}/{i}")]
    if not attrs.has(type(value)):
        return []
    fields = {f.metadata.get("wire", f.name): f.name for f in attrs.fields(type(value))}
    out = [f"{where}/{k}" for k in getattr(value, "extra", {})]
    for key, item in data.items():
        if key in fields:
            out += _unknown_members(getattr(value, fields[key]), item, f"{where}/{key}")
    return out


@pytest.mark.parametrize(("tp", "example", "is_body"), list(_examples()))
def test_every_example_reads_into_the_generated_models(tp: Any, example: Any, is_body: bool):
    value = wire.structure(example, tp)
    assert SLOW.structure(example, tp) == value
    assert _unknown_members(value, example) == [], "the example uses members the schema lacks"
    if is_body:  # a request body is written back exactly as the contract shows it
        assert wire.unstructure(value) == example


def _concrete(path: str, op_id: str) -> str:
    values = {"id": "3e8b6c1d-2a4f-4d9e-b7c5-1f0a9e8d7c62", "country": "US", "type": "TEN_DLC"}
    # sms/US/compliance would also match /v3/channels/sms/{country}/{type} (x-path-overlap)
    values["channel"] = "mms" if op_id == "channels_number_types_list" else "sms"
    values["campaignId"] = "c4a2e7f1-9b3d-4c8e-a6f5-2d1b0e9c8a73"
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


@pytest.mark.parametrize(("method", "path", "op"), OPERATIONS, ids=IDS)
def test_every_example_matches_its_schema(method: str, path: str, op: Any) -> None:
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    query = {"country": "US", "type": "TEN_DLC"} if "requirements" in path else {}
    request = MockRequest(
        "https://api.sent.dm",
        method,
        _concrete(path, op["operationId"]),
        args=query,
        data=json.dumps(body["example"]).encode() if body else None,
        headers={"x-api-key": "sk_test"},
        content_type="application/json",
    )
    API.validate_request(request)
    for status, response in op["responses"].items():
        content = response.get("content", {}).get("application/json", {})
        if status.startswith("2") and "example" in content:
            raw = json.dumps(content["example"]).encode()
            API.validate_response(
                request, MockResponse(raw, status_code=int(status), content_type="application/json")
            )


# -- the generator reads the supplement -------------------------------------------------------
def test_generator_refuses_a_supplement_that_redefines_the_contract(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    gen_models = importlib.import_module("gen_models")
    merged, origin = gen_models.merge(MAIN, SPEC)
    assert origin["SenderProfile"] == "spec/sent-current.openapi.json"
    assert origin["VoiceNumber"] == "spec/sent-v3.openapi.json"
    assert "sent-v3.openapi.json#" not in json.dumps(merged)  # every reference made local
    clash = {**SPEC, "components": {"schemas": {"Message": {"type": "object"}}}}
    with pytest.raises(SystemExit, match="Message"):
        gen_models.merge(MAIN, clash)
    twice = {**SPEC, "paths": {"/v3/messages/{id}": MAIN["paths"]["/v3/messages/{id}"]}}
    with pytest.raises(SystemExit, match="both contracts"):
        gen_models.merge(MAIN, twice)


def test_check_notices_an_orphaned_model_module() -> None:
    orphan = ROOT / "sent_async" / "models" / "orphan.py"
    try:
        orphan.write_text("# left behind\n")
        result = subprocess.run(
            [sys.executable, "scripts/gen_models.py", "--check"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert result.returncode == 1 and "orphan.py" in result.stderr
    finally:
        orphan.unlink()
