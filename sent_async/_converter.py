"""The cattrs converters: JSON wire names <-> attrs models, and user dicts -> input models.

Two converters share every hook. ``wire`` reads and writes the API's JSON (wire renames such
as ``isMain``, UNSET fields omitted). ``inputs`` turns the plain dicts users may pass for nested
inputs, keyed by our snake_case names, into the same attrs classes.
"""

from __future__ import annotations

import datetime
import enum
import re
import types
import typing
from collections.abc import Mapping
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


def parse_datetime(value: object) -> datetime.datetime:
    """ISO 8601 with any number of fractional digits and ``Z``; works on Python 3.10."""
    if isinstance(value, datetime.datetime):
        return value
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


def _make(wire: bool) -> cattrs.Converter:
    conv = make_converter()

    conv.register_structure_hook(datetime.datetime, lambda v, _: parse_datetime(v))
    if not wire:  # what users pass is checked strictly; what the API sends is read leniently
        conv.register_structure_hook(str, _strict(str))
        conv.register_structure_hook(int, _strict(int))
        conv.register_structure_hook(bool, _strict(bool))
    conv.register_unstructure_hook(datetime.datetime, lambda v: v.isoformat())

    def structure_list(value: Any, tp: Any) -> list[Any]:
        if value is None:  # lenient: the API sends null where it means "none"
            return []
        if not isinstance(value, list):
            raise TypeError("expected a list")
        (item,) = typing.get_args(tp) or (Any,)
        return [conv.structure(v, item) for v in value]

    conv.register_structure_hook_func(_is_list, structure_list)

    def structure_union(value: Any, tp: Any) -> Any:
        members = _union_members(tp)
        if value is None:
            if _NONE in members:
                return None
            raise TypeError("null is not allowed here")
        failures: list[Exception] = []
        for member in members:
            result = _try_member(value, member, failures)
            if result is not _NO_MATCH:
                return result
        if failures:  # a model was the right kind of thing but wrong inside: say where
            raise failures[0]
        raise TypeError("value matches none of the allowed types")

    def _try_member(value: Any, member: Any, failures: list[Exception]) -> Any:
        origin = typing.get_origin(member) or member
        if member is _NONE:
            return _NO_MATCH
        if member is Any:
            return value
        if isinstance(member, type) and issubclass(member, enum.Enum):
            try:
                return member(value)
            except ValueError:
                return _NO_MATCH
        if attrs.has(member):
            if isinstance(value, member):
                return value
            if not isinstance(value, Mapping):
                return _NO_MATCH
            try:  # several models may share a union: the first that fits wins
                return conv.structure(value, member)
            except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
                failures.append(exc)
                return _NO_MATCH
        if origin is list:
            return conv.structure(value, member) if isinstance(value, list) else _NO_MATCH
        if origin is dict:
            return conv.structure(value, member) if isinstance(value, Mapping) else _NO_MATCH
        if member is datetime.datetime:
            return (
                parse_datetime(value) if isinstance(value, str | datetime.datetime) else _NO_MATCH
            )
        if member is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if member is str and isinstance(value, str):
            return value.value if isinstance(value, enum.Enum) else value
        if member in (int, bool) and type(value) is member:
            return value
        return _NO_MATCH

    conv.register_structure_hook_func(_is_union, structure_union)
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
        if wire:
            return fn
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


class _NoMatch:
    pass


_NO_MATCH: Any = _NoMatch()

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
