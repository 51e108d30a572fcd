"""The generated readers and writers give exactly what cattrs's own functions give.

``_converter.wire`` reads responses with a generated reader per model (``_fast_reader``) and
writes request bodies with a generated writer per model (``_fast_writer``); both fall back to
cattrs's function when anything is off. Here a converter without them is the reference: for
every model, random documents (right types, wrong types, nulls, missing keys, nested models)
must read to equal values or fail with the same error paths, and random instances (fields
left UNSET, junk, enums, date-times) must write to the same dict, key order included. The
generated source is registered with linecache, so inspect and tracebacks show it.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import json
import traceback
import types
import typing
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sent_async import _converter, models
from sent_async._open import is_open
from sent_async._types import UNSET
from sent_async._validate import problems_of

REFERENCE = _converter._make(wire=True, fast=False)
FAST = _converter.wire
MODELS = sorted(
    (c for c in vars(models).values() if inspect.isclass(c) and attrs.has(c)),
    key=lambda c: c.__name__,
)
CLOSED = [c for c in MODELS if not is_open(c)]
"""Open models (unknown members kept) have their own hooks, tested in test_open_models.py."""
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


def _python(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    """Python values a model field may hold (what users and the readers put there)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return st.sampled_from(args)
    if args and origin not in (list, dict):  # a union
        return st.one_of([_python(a, depth) for a in args])
    if origin is list:
        return st.lists(_python(args[0] if args else Any, depth + 1), max_size=2)
    if origin is dict:
        values = _python(args[1], depth + 1) if len(args) == 2 else st.text(max_size=3)
        return st.dictionaries(st.text(max_size=3), values, max_size=2)
    if tp is datetime.datetime:
        return st.datetimes(timezones=st.none() | st.just(datetime.timezone.utc))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return st.sampled_from(list(tp))
    if attrs.has(tp):
        return _instance(tp, depth + 1) if depth < 3 else st.none()
    if tp in (str, int, float, bool, type(None)):
        return st.from_type(tp).filter(lambda v: v == v)  # no NaN: it never equals itself
    return JUNK


def _instance(cls: type, depth: int = 0) -> st.SearchStrategy[Any]:
    """An instance with some fields given (maybe junk) and the others left at their default."""
    required: dict[str, Any] = {}
    optional: dict[str, Any] = {}
    for f in _fields(cls):
        given = required if f.default is attrs.NOTHING else optional
        given[f.alias] = _python(f.type, depth) | JUNK
    return st.fixed_dictionaries(required, optional=optional).map(lambda kw: cls(**kw))


def _write(write: Any, value: Any) -> tuple[str, str]:
    try:
        return "ok", repr(write(value))  # repr: key order and types count too
    except Exception as exc:  # whatever cattrs raises, the writer must too
        return "error", type(exc).__name__


@pytest.mark.parametrize("cls", CLOSED, ids=lambda c: c.__name__)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_writer_matches_cattrs(cls: type, data: st.DataObject) -> None:
    """The writer against cattrs's function for the same class in the same converter.

    Not against another converter: for a class that holds itself, cattrs picks a field's hook
    by the order in which classes were first written, so two converters may differ there.
    """
    value = data.draw(_instance(cls))
    writer = FAST.get_unstructure_hook(cls)
    cattrs_fn = writer.__globals__["checked"]
    assert cattrs_fn.__name__.startswith("unstructure_")  # cattrs's generated function
    assert _write(writer, value) == _write(cattrs_fn, value)
    if cls is not models.WebhookEventType:  # the class that holds itself (see above)
        assert _write(writer, value) == _write(REFERENCE.unstructure, value)


def test_the_writers_are_in_use() -> None:
    hook = FAST.get_unstructure_hook(models.MessageSendRequest)
    assert hook.__name__ == "write_MessageSendRequest"
    assert hook.__code__.co_filename == "<sent-writer MessageSendRequest>"
    body = models.MessageSendRequest(to=["+14155550123"], text="hi", subject=None)
    assert FAST.unstructure(body) == {"subject": None, "text": "hi", "to": ["+14155550123"]}


def test_generated_source_is_visible_to_inspect() -> None:
    reader = FAST.get_structure_hook(models.MessageSendResult)
    assert reader.__name__ == "read_MessageSendResult"
    assert reader.__code__.co_filename == "<sent-reader MessageSendResult>"
    source = inspect.getsource(reader)
    assert source.startswith("def read_MessageSendResult(o, tp):")
    assert "g('template_name')" in source
    writer = FAST.get_unstructure_hook(models.MessageTemplateRefInput)
    assert "if v is not UNSET:" in inspect.getsource(writer)


def test_a_traceback_through_a_reader_shows_the_generated_line() -> None:
    with pytest.raises(cattrs.BaseValidationError) as info:
        FAST.structure({"recipients": 5}, models.MessageSendResult)
    text = "".join(traceback.format_exception(info.value))
    assert 'File "<sent-reader MessageSendResult>"' in text
    assert "return checked(o, tp)" in text  # the line itself, read back from linecache


def test_a_different_source_under_a_taken_name_gets_its_own_file() -> None:
    first = _converter._compile("f", "sent-test same", "def f():", ["  return 1"], {})
    again = _converter._compile("f", "sent-test same", "def f():", ["  return 1"], {})
    other = _converter._compile("f", "sent-test same", "def f():", ["  return 2"], {})
    assert first.__code__.co_filename == again.__code__.co_filename == "<sent-test same>"
    assert other.__code__.co_filename == "<sent-test same #2>"
    assert "return 2" in inspect.getsource(other) and "return 1" in inspect.getsource(first)


def test_unset_fields_are_left_out_and_nested_inputs_written() -> None:
    ref = models.MessageTemplateRefInput(name="welcome", parameters={"a": "b"})
    body = models.MessageSendRequest(to=["+14155550123"], template=ref)
    expected = {"template": {"name": "welcome", "parameters": {"a": "b"}}, "to": ["+14155550123"]}
    assert FAST.unstructure(body) == expected == REFERENCE.unstructure(body)
    assert UNSET not in FAST.unstructure(models.MessageTemplateRefInput()).values()


def test_to_json_is_the_compact_json_of_the_wire_form() -> None:
    channel = models.MessageChannelInput(from_=["+14155550100"], strategy=None)
    body = models.MessageSendRequest(to=["+14155550123"], text="hé", channels={"sms": [channel]})
    expected = json.dumps(REFERENCE.unstructure(body), separators=(",", ":")).encode()
    assert _converter.to_json(body) == expected
    assert b'"from":["+14155550100"]' in expected and b" " not in expected
