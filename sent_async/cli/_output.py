"""How ``sent`` prints an answer: JSON with ``--json``, else an aligned listing or table.

Models become JSON through the package's wire converter, so ``--json`` shows the API's own
field names. Secret-named fields (``api_key``, ``*_secret``...) are masked in both forms unless
a command asks to reveal one (``sender-profiles create --show-api-key``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

import attrs

from .._converter import wire
from .._redact import MASK, is_secret_key, scrub


@attrs.frozen(kw_only=True)
class Shown:
    """What a command answered: ``data`` for ``--json``; ``rows`` and ``columns`` for a table.

    Without ``rows`` the readable form is a key/value listing of ``data``.
    """

    data: Any
    rows: Sequence[Any] | None = None
    columns: tuple[str, ...] = ()
    reveal: frozenset[str] = frozenset()
    note: str | None = None
    """A line for stderr, beside the answer (stdout stays parseable with ``--json``)."""


def plain(value: Any, known: tuple[str, ...], reveal: frozenset[str] = frozenset()) -> Any:
    """``value`` as JSON-ready data with wire names; secrets masked, ``reveal`` keys kept."""
    return _mask(wire.unstructure(value), known, reveal)


def _mask(value: Any, known: tuple[str, ...], reveal: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {
            k: MASK
            if is_secret_key(k) and v is not None and k not in reveal
            else _mask(v, known, reveal)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_mask(v, known, reveal) for v in value]
    if isinstance(value, str):
        return scrub(value, known)  # the caller's own key, should a server ever echo it
    return value


def render(shown: Shown, *, as_json: bool, known: tuple[str, ...], out: TextIO) -> None:
    """Print ``shown`` on ``out`` in the form the user asked for."""
    if as_json:
        json.dump(plain(shown.data, known, shown.reveal), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif shown.rows is not None:
        rows = [plain(row, known, shown.reveal) for row in shown.rows]
        out.write(table(rows, shown.columns))
    else:
        out.write(listing(plain(shown.data, known, shown.reveal)))


def _cell(value: Any) -> str:
    """One value on one line: booleans as JSON spells them, newlines visible as ``\\n``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "-"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value).replace("\r", "\\r").replace("\n", "\\n")


def flatten(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Dotted ``key: value`` pairs for nested data; empty and null fields are left out."""
    if isinstance(value, dict):
        pairs: list[tuple[str, str]] = []
        for key, item in value.items():
            pairs += flatten(item, f"{prefix}.{key}" if prefix else str(key))
        return pairs
    if isinstance(value, list):
        if all(not isinstance(item, (dict, list)) for item in value):
            return [(prefix, ", ".join(_cell(item) for item in value))] if value else []
        pairs = []
        for index, item in enumerate(value):
            pairs += flatten(item, f"{prefix}[{index}]")
        return pairs
    return [] if value is None else [(prefix, _cell(value))]


def listing(data: Any) -> str:
    """An aligned ``key  value`` listing of one object."""
    pairs = flatten(data)
    if not pairs:
        return "(empty)\n"
    width = max(len(key) for key, _ in pairs)
    return "".join(f"{key.ljust(width)}  {value}\n" for key, value in pairs)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """An aligned table of ``rows`` with a header line; ``(none)`` when there are no rows."""
    if not rows:
        return "(none)\n"
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    header = [column.upper() for column in columns]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(columns))]
    lines = [header, *cells]
    return "".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n"
        for line in lines
    )
