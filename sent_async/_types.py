"""Small shared types: the UNSET sentinel that tells "not given" apart from ``None``."""

from __future__ import annotations

import enum
from typing import Final, Literal, TypeAlias, TypeVar


class _UnsetType(enum.Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> Literal[False]:
        return False


Unset: TypeAlias = Literal[_UnsetType.UNSET]
"""The type of :data:`UNSET`; write ``str | None | Unset`` for "optional, nullable, omittable"."""

UNSET: Final = _UnsetType.UNSET
"""A field left as UNSET is not sent at all; ``None`` is sent as JSON ``null`` (PATCH: clear it)."""


class StrEnum(str, enum.Enum):
    """Base of the API's enums: compares equal to, and prints as, its wire value."""

    def __str__(self) -> str:
        return str(self.value)


Data = TypeVar("Data")
"""What ``client.request(..., into=Model)`` returns: the ``into`` type."""

__all__ = ["UNSET", "Data", "StrEnum", "Unset"]
