"""What every resource shares: the transport, and building a request body from keywords."""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs
import cattrs

from .._converter import coerce
from .._errors import SentValidationError
from .._transport.call import Transport
from .._types import UNSET
from .._validate import nested_input

M = TypeVar("M")


class AsyncResource:
    """Base of every resource: holds the transport of the client view it came from."""

    def __init__(self, transport: Transport) -> None:
        self._t = transport

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


@functools.cache
def _fields(model: Any) -> dict[str, tuple[Any, frozenset[type]]]:
    """Each field's type, and the classes a value may have to be taken as is (no coercion)."""
    return {f.name: (f.type, _as_is(f.type)) for f in attrs.fields(attrs.resolve_types(model))}


def _as_is(tp: Any) -> frozenset[type]:
    """The plain classes among ``tp``'s members (``str | None`` -> str, NoneType): a value of
    exactly one of them is what coercion would return unchanged, so it is skipped."""
    members = (
        typing.get_args(tp) if typing.get_origin(tp) in (typing.Union, types.UnionType) else (tp,)
    )
    return frozenset(m for m in members if isinstance(m, type) and not typing.get_args(m))


def body(model: type[M], values: Mapping[str, Any]) -> M:
    """Build ``model`` from a method's keyword arguments (pass ``locals()``).

    Only the model's own fields are picked; UNSET ones are left out; nested inputs given as
    plain dicts (keyed by our snake_case names) become their attrs classes.
    """
    kwargs = {}
    for name, (tp, as_is) in _fields(model).items():  # type: ignore[arg-type]  # hashable
        value = values.get(name, UNSET)
        if value is UNSET:
            continue
        if type(value) in as_is:
            kwargs[name] = value
            continue
        try:
            kwargs[name] = coerce(value, tp)
        except cattrs.BaseValidationError as exc:
            raise nested_input(exc, name) from None
        except (TypeError, ValueError) as exc:  # e.g. a string where a model belongs
            raise SentValidationError(f"invalid {name}: {exc}") from None
    return model(**kwargs)
