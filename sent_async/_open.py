"""Open models: objects the API may extend keep the members we do not know, and send them back.

A generated model is open when its schema has ``additionalProperties: true``; it then has an
``extra`` field (marked ``metadata={"open": True}``) holding the unknown members by wire name.
Reading fills it; writing merges it back, so a market's compliance can be read, changed and
sent back without losing what a newer API added (spec/sent-current-api-facts.md §1.5).

Only the wire converter needs this: in user dicts (the ``inputs`` converter) ``extra`` is an
ordinary field, so typos in known names are still reported.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._types import UNSET


def open_field(cls: Any) -> Any:
    """The ``extra`` attribute of an open model class, else None."""
    if not (isinstance(cls, type) and attrs.has(cls)):
        return None
    return next((f for f in attrs.fields(cls) if f.metadata.get("open")), None)


def is_open(cls: Any) -> bool:
    return open_field(cls) is not None


def register_open_models(conv: cattrs.Converter) -> None:
    """Teach the wire converter ``conv`` to keep unknown members of open models.

    Call it after the converter's own attrs hooks: cattrs prefers the latest registration.
    Known members are read and written as the converter's attrs hooks do (wire renames,
    ``UNSET`` omitted); this module only adds the unknown ones.
    """
    conv.register_structure_hook_factory(is_open, lambda cls: _reader(conv, cls))
    conv.register_unstructure_hook_factory(is_open, lambda cls: _writer(conv, cls))


def _reader(conv: cattrs.Converter, cls: type) -> Callable[[Any, Any], Any]:
    extra = open_field(cls)
    fields = [f for f in attrs.fields(cls) if f is not extra]
    renames: dict[str, Any] = {
        f.name: override(rename=f.metadata["wire"]) for f in fields if "wire" in f.metadata
    }
    renames[extra.name] = override(omit=True)  # filled below, from the unknown members
    base: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, conv, **renames)
    known = frozenset(f.metadata.get("wire", f.name) for f in fields)

    def read(value: Any, tp: Any) -> Any:
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object for {cls.__name__}")
        model = base({k: v for k, v in value.items() if k in known}, tp)
        unknown = {k: v for k, v in value.items() if k not in known}
        return attrs.evolve(model, **{extra.alias: unknown}) if unknown else model

    return read


def _writer(conv: cattrs.Converter, cls: type) -> Callable[[Any], dict[str, Any]]:
    extra = open_field(cls)
    overrides: dict[str, Any] = {extra.name: override(omit=True)}
    for f in attrs.fields(cls):
        rename, omit = f.metadata.get("wire"), f.default is UNSET
        if f is not extra and (rename or omit):
            overrides[f.name] = override(rename=rename, omit_if_default=omit)
    base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv, **overrides)

    def write(model: Any) -> dict[str, Any]:
        out: dict[str, Any] = base(model)
        for key, value in getattr(model, extra.name).items():
            out.setdefault(key, conv.unstructure(value))  # a known member wins over an extra
        return out

    return write


__all__ = ["is_open", "open_field", "register_open_models"]
