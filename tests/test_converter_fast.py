"""The fast response readers give exactly what cattrs's own functions give: value or error.

``_converter.wire`` reads responses with a generated reader per model (``_fast_reader``) and
falls back to cattrs's function when anything is off. Here a converter without the fast readers
is the reference: for every response model, random documents (right types, wrong types, nulls,
missing keys, nested models) must read to equal values, or fail with the same error paths.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import types
import typing
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sent_async import _converter, models
from sent_async._validate import problems_of

REFERENCE = _converter._make(wire=True, fast=False)
FAST = _converter.wire
MODELS = sorted(
    (c for c in vars(models).values() if inspect.isclass(c) and attrs.has(c)),
    key=lambda c: c.__name__,
)
JUNK = st.sampled_from([None, 0, 7, 1.5, True, False, "", "text", [], {}, ["x"], {"a": 1}])


def _fields(cls: type) -> list[Any]:
    attrs.resolve_types(cls)
    return [f for f in attrs.fields(cls) if f.init]


def _value(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    """Mostly values of the right type, sometimes junk, for one field type."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([_value(a, depth) for a in args if a is not _converter._UNSET_T])
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is list:
        item = args[0] if args else Any
        return st.none() | st.lists(_value(item, depth + 1), max_size=2) | JUNK
    if origin is dict:
        return st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2) | JUNK
    if tp is type(None):
        return st.none()
    if tp is str:
        return st.text(max_size=5)
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(-5, 5)
    if tp is float:
        return st.floats(allow_nan=False) | st.integers(-5, 5)
    if tp is datetime.datetime:
        stamps = st.datetimes(timezones=st.none() | st.just(datetime.timezone.utc))
        return stamps.map(lambda d: d.isoformat()) | st.just("2025-12-11T21:50:50.1534402Z")
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from([m.value for m in tp]) | st.text(max_size=3)
    if attrs.has(tp):
        return _document(tp, depth + 1) if depth < 3 else st.just({})
    return JUNK


def _document(cls: type, depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    optional = {f.metadata.get("wire", f.name): _value(f.type, depth) | JUNK for f in _fields(cls)}
    return st.fixed_dictionaries({}, optional=optional)


def _typed(value: Any) -> Any:
    """A value with the type of every part spelled out (an enum member is not its string)."""
    if attrs.has(type(value)):
        return type(value), tuple(_typed(getattr(value, f.name)) for f in attrs.fields(type(value)))
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    return type(value), value


def _read(conv: cattrs.Converter, doc: Any, cls: type) -> tuple[str, Any]:
    try:
        return "ok", _typed(conv.structure(doc, cls))
    except cattrs.BaseValidationError as exc:
        return "invalid", sorted(problems_of(exc))
    except (TypeError, ValueError, KeyError) as exc:
        return "error", type(exc)


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_reader_matches_cattrs(cls: type, data: st.DataObject) -> None:
    doc = data.draw(_document(cls))
    assert _read(FAST, doc, cls) == _read(REFERENCE, doc, cls)


@pytest.mark.parametrize("doc", [None, [], "text", 3, {"a": 1}], ids=repr)
def test_non_dicts_and_strangers(doc: Any) -> None:
    for cls in (models.ProfileDetail, models.ApiMeta, models.WebhookEventType):
        assert _read(FAST, doc, cls) == _read(REFERENCE, doc, cls)


def test_a_bad_nested_field_is_reported_by_path() -> None:
    doc = {"name": "Acme", "brand": {"contact": {"business_name": 5}}, "created_at": "nope"}
    kind, problems = _read(FAST, doc, models.ProfileDetail)
    assert kind == "invalid"
    assert any("brand.contact.business_name" in p for p in problems)
    assert any("created_at" in p for p in problems)


def test_the_readers_are_in_use() -> None:
    """Guards the speed-up itself: the fast reader, not cattrs's function, is registered."""
    hook = FAST.get_structure_hook(models.ProfileDetail)
    assert hook.__code__.co_filename.startswith("<sent-reader ")
    reference = REFERENCE.get_structure_hook(models.ProfileDetail)
    assert not reference.__code__.co_filename.startswith("<sent-reader ")


def test_a_model_that_holds_itself() -> None:
    doc = {"name": "a", "sub_types": [{"name": "b", "sub_types": [{"name": "c"}]}, None]}
    cls = models.WebhookEventType
    assert _read(FAST, doc, cls) == _read(REFERENCE, doc, cls)
    value = FAST.structure({"name": "a", "sub_types": [{"name": "b"}]}, cls)
    assert value.sub_types[0].name == "b"
