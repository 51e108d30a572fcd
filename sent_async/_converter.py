"""The cattrs converters: JSON wire names <-> attrs models, and user dicts -> input models.

Two converters share every hook. ``wire`` reads and writes the API's JSON (wire renames such
as ``isMain``, UNSET fields omitted). ``inputs`` turns the plain dicts users may pass for nested
inputs, keyed by our snake_case names, into the same attrs classes.
"""

from __future__ import annotations

import datetime
import enum
import re
import sys
import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from ._types import UNSET

T = TypeVar("T")
_NONE = type(None)
_UNSET_T = type(UNSET)
_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|z|[+-]\d{2}:?\d{2})?"
)


_NATIVE_ISO = sys.version_info >= (3, 11)


def parse_datetime(value: object) -> datetime.datetime:
    """ISO 8601 with any number of fractional digits and ``Z``; works on Python 3.10."""
    if isinstance(value, datetime.datetime):
        return value
    if _NATIVE_ISO and isinstance(value, str) and len(value) > 10:
        try:  # 3.11+ reads Z and any number of fractional digits itself
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            pass  # the regex below gives the one error message for every Python
    match = _DATETIME.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError("expected an ISO 8601 date-time string")
    base, fraction, zone = match.groups()
    text = base + ("." + (fraction + "000000")[:6] if fraction else "")
    if zone:
        text += "+00:00" if zone in "Zz" else zone[:3] + ":" + zone[-2:]
    return datetime.datetime.fromisoformat(text)


def _strict(kind: type) -> Any:
    """A structure hook accepting only ``kind`` itself (no ``str(list)``, no bool for int)."""

    def hook(value: Any, _: Any) -> Any:
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value.value if isinstance(value, enum.Enum) else value
        raise TypeError(f"expected {kind.__name__}")

    return hook


def _is_list(tp: Any) -> bool:
    origin: Any = typing.get_origin(tp)
    return origin is list


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _union_members(tp: Any) -> tuple[Any, ...]:
    """The members of a union that can appear on the wire (UNSET never does)."""
    return tuple(m for m in typing.get_args(tp) if not _is_unset(m))


def _is_unset(tp: Any) -> bool:
    return typing.get_origin(tp) is typing.Literal and typing.get_args(tp) == (UNSET,)


def _make(wire: bool, fast: bool = True) -> cattrs.Converter:
    """A converter; ``fast=False`` leaves out the fast response readers (tests compare both)."""
    conv = make_converter()

    conv.register_structure_hook(datetime.datetime, lambda v, _: parse_datetime(v))
    if not wire:  # what users pass is checked strictly; what the API sends is read leniently
        conv.register_structure_hook(str, _strict(str))
        conv.register_structure_hook(int, _strict(int))
        conv.register_structure_hook(bool, _strict(bool))
    conv.register_unstructure_hook(datetime.datetime, lambda v: v.isoformat())

    # Lists and unions are classified once per type (hook factories), not on every value:
    # a profile has ~70 optional fields, so this is most of the cost of reading a response.
    def make_list_hook(tp: Any) -> Callable[[Any, Any], list[Any]]:
        (item,) = typing.get_args(tp) or (Any,)
        resolved: list[Callable[[Any, Any], Any]] = []  # on first use: a model may hold itself

        def structure_list(value: Any, _: Any) -> list[Any]:
            if value is None:  # lenient: the API sends null where it means "none"
                return []
            if not isinstance(value, list):
                raise TypeError("expected a list")
            if not resolved:
                resolved.append(conv.get_structure_hook(item))
            handler = resolved[0]
            return [handler(v, item) for v in value]

        return structure_list

    def member_matcher(member: Any) -> Callable[[Any, list[Exception]], Any]:
        """How a value is tried against one union member, decided once per member type."""
        origin = typing.get_origin(member) or member
        if member is Any:
            return lambda v, f: v
        if isinstance(member, type) and issubclass(member, enum.Enum):

            def enum_member(v: Any, f: list[Exception]) -> Any:
                try:
                    return member(v)
                except ValueError:
                    return _NO_MATCH

            return enum_member
        if attrs.has(member):
            handler = conv.get_structure_hook(member)  # resolved once, called directly

            def model(v: Any, f: list[Exception]) -> Any:
                if isinstance(v, member):
                    return v
                if not isinstance(v, Mapping):
                    return _NO_MATCH
                try:  # several models may share a union: the first that fits wins
                    return handler(v, member)
                except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
                    f.append(exc)
                    return _NO_MATCH

            return model
        if origin is list:
            return lambda v, f: conv.structure(v, member) if isinstance(v, list) else _NO_MATCH
        if origin is dict:
            return lambda v, f: conv.structure(v, member) if isinstance(v, Mapping) else _NO_MATCH
        if member is datetime.datetime:
            return lambda v, f: (
                parse_datetime(v) if isinstance(v, str | datetime.datetime) else _NO_MATCH
            )
        if member is float:
            return lambda v, f: (
                float(v) if isinstance(v, int | float) and not isinstance(v, bool) else _NO_MATCH
            )
        if member is str:
            return lambda v, f: (
                (v.value if isinstance(v, enum.Enum) else v) if isinstance(v, str) else _NO_MATCH
            )
        if member in (int, bool):
            return lambda v, f: v if type(v) is member else _NO_MATCH
        return lambda v, f: _NO_MATCH

    def make_union_hook(tp: Any) -> Callable[[Any, Any], Any]:
        members = _union_members(tp)
        nullable = _NONE in members
        matchers = tuple(member_matcher(m) for m in members if m is not _NONE)

        def structure_union(value: Any, _: Any) -> Any:
            if value is None:
                if nullable:
                    return None
                raise TypeError("null is not allowed here")
            failures: list[Exception] = []
            for match in matchers:
                result = match(value, failures)
                if result is not _NO_MATCH:
                    return result
            if failures:  # a model was the right kind of thing but wrong inside: say where
                raise failures[0]
            raise TypeError("value matches none of the allowed types")

        return structure_union

    conv.register_structure_hook_factory(_is_list, make_list_hook)
    conv.register_structure_hook_factory(_is_union, make_union_hook)
    # A union field is written by the runtime type of its value (an enum as its value).
    conv.register_unstructure_hook_func(_is_union, lambda value: conv.unstructure(value))

    def structure_factory(cls: Any) -> Any:
        renames: dict[str, Any] = {
            f.name: override(rename=f.metadata["wire"])
            for f in attrs.fields(cls)
            if wire and "wire" in f.metadata
        }
        # User dicts with an unknown key are a typo to report; the API may add keys freely.
        fn = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=not wire, **renames)
        if wire:  # responses: a fast reader, with cattrs's own function for the error report
            checked = _objects_only(fn)
            return _fast_reader(conv, cls, checked) if fast else checked
        # A user dict may already hold model instances (``{"sms": [MessageChannelInput(...)]}``).
        return lambda value, tp: value if isinstance(value, cls) else fn(value, tp)

    def unstructure_factory(cls: Any) -> Any:
        overrides: dict[str, Any] = {}
        for f in attrs.fields(cls):
            rename = f.metadata.get("wire") if wire else None
            omit = f.default is UNSET
            if rename or omit:
                overrides[f.name] = override(rename=rename, omit_if_default=omit)
        return make_dict_unstructure_fn(cls, conv, **overrides)

    conv.register_structure_hook_factory(attrs.has, structure_factory)
    conv.register_unstructure_hook_factory(attrs.has, unstructure_factory)
    return conv


def _objects_only(fn: Any) -> Any:
    """cattrs's reader, refusing what is not a JSON object: cattrs would read a list or a
    string as a model with every field missing (``'id' in "text"`` is a substring test)."""

    def structure_object(value: Any, tp: Any) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected a JSON object, got {type(value).__name__}")
        return fn(value, tp)

    return structure_object


_PLAIN = (str, bool, int, float)
_local = threading.local()  # the classes whose reader this thread is building


def _fast_reader(conv: cattrs.Converter, cls: type, checked: Any) -> Any:
    """A reader of ``cls`` from a JSON dict for well-formed responses, made once per class.

    Reading a response is most of the SDK's own CPU per call, and a profile has ~90 fields,
    most ``str | None``. This function reads each field inline (a type check, no hook call when
    the value is already right) and calls the field's cattrs hook only otherwise. Any failure
    falls back to ``checked``, cattrs's generated function, which either reads the value or
    raises its usual error with the path of every bad field. So the result, or the error, is
    always what ``checked`` gives (tests/test_converter_fast.py checks this).
    """
    building: set[type] = _local.__dict__.setdefault("building", set())
    if cls in building:  # a class reachable from itself: no inline reader
        return checked
    building.add(cls)
    try:
        return _compile_reader(conv, cls, checked)
    finally:
        building.discard(cls)


def _compile_reader(conv: cattrs.Converter, cls: type, checked: Any) -> Any:
    attrs.resolve_types(cls)
    ns: dict[str, Any] = {"cls": cls, "checked": checked, "MISSING": _MISSING}
    ns["dt"], ns["iso"] = parse_datetime, datetime.datetime.fromisoformat
    lines = ["  if o.__class__ is not dict:", "    return checked(o, tp)"]
    lines += ["  try:", "    g = o.get"]
    kwargs = []
    for i, f in enumerate(attrs.fields(cls)):
        if not f.init:
            continue
        v, tp, key = f"v{i}", f.type, f.metadata.get("wire", f.name)
        ns[f"h{i}"], ns[f"t{i}"] = conv.get_structure_hook(tp), tp
        members = _union_members(tp) if _is_union(tp) else ()
        others = [m for m in members if m is not _NONE]
        # How a present value is read: inline when it already has the right type.
        if len(others) == 1 and others[0] in _PLAIN:  # ``str | None``: most fields
            ns[f"p{i}"] = others[0]
            convert = [f"if {v}.__class__ is not p{i}:", f"  {v} = h{i}({v}, t{i})"]
        elif len(others) == 1 and others[0] is datetime.datetime and _NATIVE_ISO:
            # parse_datetime's own first step, without its checks; a miss falls back whole
            convert = [f"{v} = iso({v}) if {v}.__class__ is str and len({v}) > 10 else dt({v})"]
        elif len(others) == 1 and others[0] is datetime.datetime:
            convert = [f"{v} = dt({v})"]
        elif _is_open_enum(others):  # ``SomeEnum | str``: a known value, else the string
            ns[f"e{i}"] = others[0]._value2member_map_
            convert = [
                f"if {v}.__class__ is str:",
                f"  {v} = e{i}.get({v}, {v})",
                "else:",
                f"  {v} = h{i}({v}, t{i})",
            ]
        elif len(others) == 1 and attrs.has(others[0]):
            ns[f"m{i}"], ns[f"r{i}"] = others[0], conv.get_structure_hook(others[0])
            convert = [f"{v} = r{i}({v}, m{i}) if {v}.__class__ is dict else h{i}({v}, t{i})"]
        else:
            convert = [f"{v} = h{i}({v}, t{i})"]
        if _NONE in members:  # null stays None
            convert = [f"if {v} is not None:", *("  " + c for c in convert)]
        default = f.default
        if default is None and _NONE in members:  # absent and null both mean None
            lines.append(f"    {v} = g({key!r})")
            lines.extend("    " + c for c in convert)
        else:
            lines.append(f"    {v} = g({key!r}, MISSING)")
            lines.append(f"    if {v} is MISSING:")
            if default is attrs.NOTHING:  # required: cattrs says so
                lines.append(f"      raise KeyError({key!r})")
            elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    return checked
                ns[f"d{i}"] = default.factory
                lines.append(f"      {v} = d{i}()")
            else:
                ns[f"d{i}"] = default
                lines.append(f"      {v} = d{i}")
            lines.append("    else:")
            lines.extend("      " + c for c in convert)
        kwargs.append(f"{f.alias}={v}")
    lines.append(f"    return cls({', '.join(kwargs)})")
    lines.append("  except Exception:  # let cattrs read it again, and report what is wrong")
    lines.append("    return checked(o, tp)")
    name = f"read_{cls.__name__}"
    source = f"def {name}(o, tp):\n" + "\n".join(lines) + "\n"
    # Built only from our models' field names (repr-quoted keys), as cattrs builds its own.
    code = compile(source, f"<sent fast reader {cls.__module__}.{cls.__qualname__}>", "exec")
    exec(code, ns)  # noqa: S102
    return ns[name]


def _is_open_enum(members: list[Any]) -> bool:
    """``[SomeEnum, str]`` where the enum looks values up plainly (no ``_missing_``)."""
    if len(members) != 2 or members[1] is not str or not isinstance(members[0], type):
        return False
    tp = members[0]
    plain = getattr(enum.Enum._missing_, "__func__", None)
    return issubclass(tp, enum.Enum) and getattr(tp._missing_, "__func__", 0) is plain


class _NoMatch:
    pass


_NO_MATCH: Any = _NoMatch()
_MISSING: Any = _NoMatch()

wire = _make(wire=True)
"""Reads and writes the API's JSON."""

inputs = _make(wire=False)
"""Turns user dicts keyed by snake_case field names into input models."""


def coerce(value: Any, tp: Any) -> Any:
    """Check a keyword argument against its field type ``tp``; nested dicts become models.

    Strict: a list where a string belongs, or a string where a model belongs, is an error.
    """
    if value is UNSET:
        return value
    return inputs.structure(value, tp)


__all__ = ["coerce", "inputs", "parse_datetime", "wire"]
