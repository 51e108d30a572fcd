"""The cattrs converters: JSON wire names <-> attrs models, and user dicts -> input models.

Two converters share every hook. ``wire`` reads and writes the API's JSON (wire renames such
as ``isMain``, UNSET fields omitted). ``inputs`` turns the plain dicts users may pass for nested
inputs, keyed by our snake_case names, into the same attrs classes.
"""

from __future__ import annotations

import datetime
import enum
import json
import linecache
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

from ._open import register_open_models
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
    """A converter; ``fast=False`` leaves out the generated readers and writers (tests compare)."""
    conv = make_converter()

    conv.register_structure_hook(datetime.datetime, lambda v, _: parse_datetime(v))
    if not wire:  # what users pass is checked strictly; what the API sends is read leniently
        conv.register_structure_hook(str, _strict(str))
        conv.register_structure_hook(int, _strict(int))
        conv.register_structure_hook(bool, _strict(bool))
    conv.register_unstructure_hook(datetime.datetime, lambda v: v.isoformat())

    # Lists and unions are classified once per type (hook factories), not on every value:
    # a profile has ~70 optional fields, so this is most of the cost of reading a response.
    conv.register_structure_hook_factory(_is_list, lambda tp: _list_hook(conv, tp))
    conv.register_structure_hook_factory(_is_union, lambda tp: _union_hook(conv, tp))
    # A union field is written by the runtime type of its value (an enum as its value).
    conv.register_unstructure_hook_func(_is_union, lambda value: conv.unstructure(value))

    def structure_factory(cls: Any) -> Any:
        return _structure_fn(conv, cls, wire, fast)

    def unstructure_factory(cls: Any) -> Any:
        overrides: dict[str, Any] = {}
        for f in attrs.fields(cls):
            rename = f.metadata.get("wire") if wire else None
            omit = f.default is UNSET
            if rename or omit:
                overrides[f.name] = override(rename=rename, omit_if_default=omit)
        fn = make_dict_unstructure_fn(cls, conv, **overrides)
        return _fast_writer(conv, cls, fn) if wire and fast else fn

    conv.register_structure_hook_factory(attrs.has, structure_factory)
    conv.register_unstructure_hook_factory(attrs.has, unstructure_factory)
    if wire:  # open models keep the members we do not know (after the attrs hooks: they win)
        register_open_models(conv)
    return conv


def _list_hook(conv: cattrs.Converter, tp: Any) -> Callable[[Any, Any], list[Any]]:
    """Reads ``list[X]``; ``null`` reads as ``[]`` (the API sends null where it means none)."""
    (item,) = typing.get_args(tp) or (Any,)
    resolved: list[Callable[[Any, Any], Any]] = []  # on first use: a model may hold itself

    def structure_list(value: Any, _: Any) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise TypeError("expected a list")
        if not resolved:
            resolved.append(conv.get_structure_hook(item))
        handler = resolved[0]
        return [handler(v, item) for v in value]

    return structure_list


def _union_hook(conv: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    """Reads a union: each member is classified here, once; a call only runs the matchers."""
    members = _union_members(tp)
    nullable = _NONE in members
    matchers = tuple(_member_matcher(conv, m) for m in members if m is not _NONE)

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


def _member_matcher(conv: cattrs.Converter, member: Any) -> Callable[[Any, list[Exception]], Any]:
    """How a value is tried against one union member, decided once per member type."""
    origin = typing.get_origin(member) or member
    if member is Any:
        return lambda v, f: v
    if isinstance(member, type) and issubclass(member, enum.Enum):
        return _enum_matcher(member)
    if attrs.has(member):
        return _model_matcher(conv, member)
    if origin is list or origin is dict:
        kind = list if origin is list else Mapping
        hook = _lazy_hook(conv, member)
        return lambda v, f: hook(v, member) if isinstance(v, kind) else _NO_MATCH
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


def _enum_matcher(member: Any) -> Callable[[Any, list[Exception]], Any]:
    def enum_member(v: Any, f: list[Exception]) -> Any:
        try:
            return member(v)
        except ValueError:
            return _NO_MATCH

    return enum_member


def _model_matcher(conv: cattrs.Converter, member: Any) -> Callable[[Any, list[Exception]], Any]:
    hook = _lazy_hook(conv, member)

    def model(v: Any, f: list[Exception]) -> Any:
        if isinstance(v, member):
            return v
        if not isinstance(v, Mapping):
            return _NO_MATCH
        try:  # several models may share a union: the first that fits wins
            return hook(v, member)
        except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
            f.append(exc)
            return _NO_MATCH

    return model


def _lazy_hook(conv: cattrs.Converter, tp: Any) -> Callable[[Any, Any], Any]:
    """``tp``'s structure hook, looked up on first use (a model may hold itself), then kept."""
    resolved: list[Callable[[Any, Any], Any]] = []

    def hook(value: Any, _: Any) -> Any:
        if not resolved:
            resolved.append(conv.get_structure_hook(tp))
        return resolved[0](value, tp)

    return hook


def _structure_fn(conv: cattrs.Converter, cls: Any, wire: bool, fast: bool) -> Any:
    """cattrs's function for ``cls``; responses get a fast reader in front of it."""
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
    """Generates ``read_<Model>(o, tp)``: one block of lines per field (``_read_field``)."""
    attrs.resolve_types(cls)
    ns: dict[str, Any] = {"cls": cls, "checked": checked, "MISSING": _MISSING}
    ns["dt"], ns["iso"] = parse_datetime, datetime.datetime.fromisoformat
    lines = ["  if o.__class__ is not dict:", "    return checked(o, tp)"]
    lines += ["  try:", "    g = o.get"]
    kwargs = []
    for i, f in enumerate(attrs.fields(cls)):
        if not f.init:
            continue
        block = _read_field(conv, f, i, ns)
        if block is None:  # a default that needs the instance: cattrs reads this class
            return checked
        lines.extend("    " + line for line in block)
        kwargs.append(f"{f.alias}=v{i}")
    lines.append(f"    return cls({', '.join(kwargs)})")
    lines.append("  except Exception:  # let cattrs read it again, and report what is wrong")
    lines.append("    return checked(o, tp)")
    name = f"read_{cls.__name__}"
    return _compile(name, f"sent-reader {cls.__name__}", f"def {name}(o, tp):", lines, ns)


def _read_field(conv: cattrs.Converter, f: Any, i: int, ns: dict[str, Any]) -> list[str] | None:
    """Lines that read field ``f`` into ``v<i>``: its key, its default, its conversion."""
    v, key = f"v{i}", f.metadata.get("wire", f.name)
    members = _union_members(f.type) if _is_union(f.type) else ()
    convert = _read_value(conv, f.type, i, [m for m in members if m is not _NONE], ns)
    if _NONE in members:  # null stays None
        convert = [f"if {v} is not None:", *("  " + c for c in convert)]
    default = f.default
    if default is None and _NONE in members:  # absent and null both mean None
        return [f"{v} = g({key!r})", *convert]
    lines = [f"{v} = g({key!r}, MISSING)", f"if {v} is MISSING:"]
    if default is attrs.NOTHING:  # required: cattrs says so
        lines.append(f"  raise KeyError({key!r})")
    elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return None
        ns[f"d{i}"] = default.factory
        lines.append(f"  {v} = d{i}()")
    else:
        ns[f"d{i}"] = default
        lines.append(f"  {v} = d{i}")
    return [*lines, "else:", *("  " + c for c in convert)]


def _read_value(
    conv: cattrs.Converter, tp: Any, i: int, others: list[Any], ns: dict[str, Any]
) -> list[str]:
    """How a present, non-null value is read: inline when it already has the right type."""
    v = f"v{i}"
    ns[f"h{i}"], ns[f"t{i}"] = conv.get_structure_hook(tp), tp
    fallback = f"h{i}({v}, t{i})"
    only = others[0] if len(others) == 1 else None
    if only in _PLAIN:  # ``str | None``: most fields
        ns[f"p{i}"] = only
        return [f"if {v}.__class__ is not p{i}:", f"  {v} = {fallback}"]
    if only is datetime.datetime and _NATIVE_ISO:
        # parse_datetime's own first step, without its checks; a miss falls back whole
        return [f"{v} = iso({v}) if {v}.__class__ is str and len({v}) > 10 else dt({v})"]
    if only is datetime.datetime:
        return [f"{v} = dt({v})"]
    if _is_open_enum(others):  # ``SomeEnum | str``: a known value, else the string
        ns[f"e{i}"] = others[0]._value2member_map_
        return [f"if {v}.__class__ is str:", f"  {v} = e{i}.get({v}, {v})", "else:",
                f"  {v} = {fallback}"]  # fmt: skip
    if only is not None and attrs.has(only):
        ns[f"m{i}"], ns[f"r{i}"] = only, conv.get_structure_hook(only)
        return [f"{v} = r{i}({v}, m{i}) if {v}.__class__ is dict else {fallback}"]
    return [f"{v} = {fallback}"]


_PASS = frozenset({str, bool, int, float, _NONE})  # written as they are, by cattrs too
_SAME: Any = object()


def _fast_writer(conv: cattrs.Converter, cls: type, checked: Any) -> Any:
    """A writer of ``cls`` to a JSON-ready dict, made once per class (request bodies).

    Mirrors the fast readers: each field is written inline when its value is a plain JSON
    scalar or a list of them, and through cattrs otherwise; fields left UNSET are omitted.
    Keys come out in cattrs's order, and any failure falls back to ``checked`` (cattrs's own
    function), so the output is always exactly cattrs's (tests/test_converter_fast.py).
    """
    writing: set[type] = _local.__dict__.setdefault("writing", set())
    writing.add(cls)
    try:
        return _compile_writer(conv, cls, checked)
    finally:
        writing.discard(cls)


def _compile_writer(conv: cattrs.Converter, cls: type, checked: Any) -> Any:
    """Generates ``write_<Model>(o)``: a few lines per field."""
    attrs.resolve_types(cls)
    ns: dict[str, Any] = {"checked": checked, "UNSET": UNSET, "P": _PASS}
    ns["w"] = _runtime_writer(conv)
    # The hooks cattrs's function calls per field (none: the value as it is), so each field is
    # written exactly as there, a class that holds itself included.
    handlers = getattr(checked, "__globals__", {})
    always: list[str] = []
    omitted: list[str] = []
    for i, f in enumerate(attrs.fields(cls)):
        key = f.metadata.get("wire", f.name)
        hook = None if _is_union(f.type) else handlers.get(f"__c_unstr_{f.name}", _SAME)
        if hook is not None and hook is not _SAME:
            ns[f"h{i}"] = hook
            write = [f"d[{key!r}] = h{i}(v)"]
        elif hook is not None:
            write = [f"d[{key!r}] = v"]
        else:  # a union: written by the value's runtime type, as cattrs does
            write = _union_writer(conv, f.type, key, i, ns)
        if f.default is UNSET:
            omitted += [f"v = o.{f.name}", "if v is not UNSET:", *("  " + w for w in write)]
        else:
            always += [f"v = o.{f.name}", *write]
    lines = ["  try:", "    d = {}", *("    " + line for line in always + omitted)]
    lines += ["    return d", "  except Exception:  # cattrs writes it, or raises its error"]
    lines += ["    return checked(o)"]
    name = f"write_{cls.__name__}"
    return _compile(name, f"sent-writer {cls.__name__}", f"def {name}(o):", lines, ns)


def _union_writer(
    conv: cattrs.Converter, tp: Any, key: str, i: int, ns: dict[str, Any]
) -> list[str]:
    """Lines writing a union field's value ``v`` by its runtime type: ``w(v)`` inlined.

    Plain values as they are; a list or dict (when the union holds one) item by item as
    ``w`` walks it; a value of exactly a member model class through that class's hook (what
    ``w`` looks up); anything else through ``w``.
    """
    members = [typing.get_origin(m) or m for m in _union_members(tp)]
    lines = ["c = v.__class__", f"if c in P: d[{key!r}] = v"]
    item = "(y if y.__class__ in P else w(y))"
    if list in members:
        lines.append(f"elif c is list: d[{key!r}] = [{item} for y in v]")
    if dict in members:
        pair = f"{item.replace('y', 'z')}: {item}"
        lines.append(f"elif c is dict: d[{key!r}] = {{{pair} for z, y in v.items()}}")
    writing = _local.writing  # classes whose writer is being built: ``w`` writes those
    models = [m for m in members if isinstance(m, type) and attrs.has(m) and m not in writing]
    for j, member in enumerate(models):
        ns[f"m{i}_{j}"], ns[f"h{i}_{j}"] = member, conv.get_unstructure_hook(member)
        lines.append(f"elif c is m{i}_{j}: d[{key!r}] = h{i}_{j}(v)")
    return [*lines, f"else: d[{key!r}] = w(v)"]


def _runtime_writer(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """Writes a value by its runtime type, as cattrs does for a union field's value.

    Lists and dicts are walked here (cattrs walks them the same way: each item, key and value
    by its own runtime type); anything else goes to the hook cattrs keeps for its class.
    """
    hooks: dict[type, Callable[[Any], Any]] = {}

    def write(v: Any) -> Any:
        c = v.__class__
        if c is list:
            return [x if x.__class__ in _PASS else write(x) for x in v]
        if c is dict:
            return {
                (k if k.__class__ in _PASS else write(k)): (x if x.__class__ in _PASS else write(x))
                for k, x in v.items()
            }
        hook = hooks.get(c)
        if hook is None:
            hook = hooks[c] = conv.get_unstructure_hook(c)
        return hook(v)

    return write


def _compile(name: str, label: str, head: str, body: list[str], ns: dict[str, Any]) -> Any:
    """Compiles generated source; registered with ``linecache`` for inspect and tracebacks.

    The source is built only from our models' field names and repr-quoted keys, as cattrs
    builds its own. Its filename reads ``<sent-reader Model>``; a second, different source
    under the same label (a same-named class elsewhere) gets a numbered filename.
    """
    source = head + "\n" + "\n".join(body) + "\n"
    lines = source.splitlines(True)
    filename, n = f"<{label}>", 1
    while linecache.getlines(filename) not in ([], lines):
        n += 1
        filename = f"<{label} #{n}>"
    linecache.cache[filename] = (len(source), None, lines, filename)
    exec(compile(source, filename, "exec"), ns)  # noqa: S102
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


_compact_json = json.JSONEncoder(separators=(",", ":")).encode


def to_json(body: Any) -> bytes:
    """A request body as the compact JSON bytes sent on the wire (models via ``wire``).

    Equal to ``json.dumps(wire.unstructure(body), separators=(",", ":")).encode()``, without
    building a new encoder on every call as ``json.dumps`` does for non-default arguments.
    """
    write = _writers.get(body.__class__)
    if write is None:  # ``wire.unstructure(body)`` looks up the same hook on every call
        if len(_writers) >= 1024:
            _writers.clear()
        write = _writers[body.__class__] = wire.get_unstructure_hook(body.__class__)
    return _compact_json(write(body)).encode()


_writers: dict[type, Callable[[Any], Any]] = {}


readers: dict[Any, Callable[[Any, Any], Any]] = {}
"""``wire``'s structure hook per response type, filled by ``reader``: ``readers.get(tp) or
reader(tp)`` is ``wire.structure`` without its method call (every response is read so)."""


def reader(tp: Any) -> Callable[[Any, Any], Any]:
    """``wire``'s structure hook for ``tp`` (what ``wire.structure`` calls), kept in ``readers``."""
    if len(readers) >= 1024:  # the models and a few list types; never grows without bound
        readers.clear()
    hook = readers[tp] = wire.get_structure_hook(tp)
    return hook


def coerce(value: Any, tp: Any) -> Any:
    """Check a keyword argument against its field type ``tp``; nested dicts become models.

    Strict: a list where a string belongs, or a string where a model belongs, is an error.
    """
    if value is UNSET:
        return value
    # The hook is kept per field type object: cattrs's own lookup hashes ``tp`` on every call,
    # and hashing ``list[str] | None | Literal[UNSET]`` costs more than checking the value.
    entry = _input_hooks.get(id(tp))
    if entry is None or entry[0] is not tp:  # the entry keeps tp alive, so ids are not reused
        entry = _input_hooks[id(tp)] = (tp, inputs.get_structure_hook(tp))
    return entry[1](value, tp)


_input_hooks: dict[int, tuple[Any, Callable[[Any, Any], Any]]] = {}


__all__ = ["coerce", "inputs", "parse_datetime", "to_json", "wire"]
