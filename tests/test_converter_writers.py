"""Generated readers and writers: visible to ``inspect`` and tracebacks, and writers equal cattrs.

``_converter.wire`` writes request bodies with a generated writer per model (``_fast_writer``).
A converter without them is the reference: for every model, random instances (right types,
nested models, enums, date-times, lists, junk, fields left UNSET) must write to the same dict,
key order and value types included, or fail the same way.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import traceback
import typing
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sent_async import _converter, models
from sent_async._types import UNSET

from .test_converter_fast import FAST, JUNK, MODELS, REFERENCE, _fields


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


def _write(conv: cattrs.Converter, value: Any) -> tuple[str, str]:
    try:
        return "ok", repr(conv.unstructure(value))  # repr: key order and types count too
    except Exception as exc:  # whatever cattrs raises, the writer must too
        return "error", type(exc).__name__


@pytest.mark.parametrize("cls", MODELS, ids=lambda c: c.__name__)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_writer_matches_cattrs(cls: type, data: st.DataObject) -> None:
    value = data.draw(_instance(cls))
    assert _write(FAST, value) == _write(REFERENCE, value)


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
