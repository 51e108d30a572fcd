"""Generate sent_async/models/*.py (attrs classes) from spec/sent-v3.openapi.json (+ supplement).

    python scripts/gen_models.py          # rewrite the models
    python scripts/gen_models.py --check  # fail (with a diff) when the committed models are stale

Rules, in one place:
- one frozen, keyword-only attrs class per object schema; ``*Envelope`` schemas are skipped
  (the envelope is modelled once, generically, in ``sent_async._transport.envelope``);
- Python names are snake_case; a wire name that differs (``isMain``) goes in field metadata;
- schemas reached from a request body are *inputs*: optional fields default to ``UNSET`` and
  are omitted on the wire; everything else is an *output*: optional fields default to ``None``
  and lists to ``[]`` (lenient decoding of what the server sends);
- enums are ``str`` enums, and fields typed ``Enum | str`` keep values the SDK does not know;
- secrets (card data, tokens, signing secrets) are excluded from ``repr``; a property marked
  ``x-secret`` also becomes a private attribute read through ``reveal_<name>()``;
- an object with properties and ``additionalProperties: true`` is *open*: its model gets an
  ``extra`` mapping holding unknown members, kept on read and sent back (``sent_async._open``);
  an object with no properties is a ``dict[str, Any]``, and an untyped ``x-unknown`` one ``Any``;
- a class goes into the module of the API family that uses it; shared ones into ``_common``
  and the webhook payloads (used by no endpoint) into ``events``; a schema's ``x-sdk-module``
  pins it (and what only it reaches) to a module.

spec/sent-current.openapi.json (the supplement for the Aug 2026 endpoints) is merged into the
main contract first: its ``sent-v3.openapi.json#/...`` references point into the main one.
"""

from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from _codegen import check_or_write, ruff_tidy

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "sent-v3.openapi.json"
SUPPLEMENT = ROOT / "spec" / "sent-current.openapi.json"
OUT = ROOT / "sent_async" / "models"
HEADER = (
    "# Generated from {sources} by scripts/gen_models.py; do not edit.\n"
    "# Regenerate with `make sync`.\n"
)
OPEN_FIELD = "extra"
SECRET_FIELDS = frozenset(
    {
        "card_number",
        "cvc",
        "expiry",
        "zip_code",
        "access_token",
        "signing_secret",
        "callback_secret",
        "token",
        "api_key",
        "secret",
    }
)
PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def snake(name: str) -> str:
    """camelCase / PascalCase -> snake_case; ``from`` -> ``from_``."""
    out = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    out = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", out).lower()
    return out + "_" if keyword.iskeyword(out) else out


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part)


def _localise(node: Any, prefix: str) -> Any:
    """``node`` with every ``$ref`` into the main contract (``prefix#/...``) made local."""
    if isinstance(node, dict):
        return {
            k: v.replace(prefix + "#", "#", 1)
            if k == "$ref" and isinstance(v, str)
            else _localise(v, prefix)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_localise(v, prefix) for v in node]
    return node


def merge(
    main: dict[str, Any], supplement: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """One spec holding both documents' paths and schemas, and the file each schema comes from."""
    supplement = _localise(supplement, SPEC.name)
    merged = json.loads(json.dumps(main))
    origin = {name: f"spec/{SPEC.name}" for name in main["components"]["schemas"]}
    for path, item in supplement["paths"].items():
        merged["paths"].setdefault(path, {})
        for method, op in item.items():
            if method in merged["paths"][path]:
                raise SystemExit(f"{method.upper()} {path} is in both contracts")
            merged["paths"][path][method] = op
    for name, schema in supplement["components"]["schemas"].items():
        if name in origin:
            raise SystemExit(f"schema {name} is in both contracts")
        merged["components"]["schemas"][name] = schema
        origin[name] = f"spec/{SUPPLEMENT.name}"
    return merged, origin


class Generator:
    def __init__(self, spec: dict[str, Any], origin: dict[str, str] | None = None) -> None:
        self.spec = spec
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.origin = origin or {name: f"spec/{SPEC.name}" for name in self.schemas}
        self.sources = list(dict.fromkeys(self.origin.values()))  # the main contract first
        self.inputs = self._reach("requestBody")
        self.module_of = self._modules()
        self.inline_enums: dict[str, tuple[str, list[str]]] = {}  # class name -> (module, values)

    # -- which schemas are inputs, and where each class lives -------------------------------
    def _refs(self, node: Any) -> set[str]:
        found: set[str] = set()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                found.add(ref.rsplit("/", 1)[1])
            for value in node.values():
                found |= self._refs(value)
        elif isinstance(node, list):
            for value in node:
                found |= self._refs(value)
        return found

    def _closure(self, names: set[str], stop: Any = frozenset()) -> set[str]:
        """``names`` and every schema they reach, not looking inside the ``stop`` ones."""
        seen: set[str] = set()
        todo = list(names)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                if name not in stop:
                    todo.extend(self._refs(self.schemas[name]))
        return seen

    def _operations(self) -> list[dict[str, Any]]:
        return [op for item in self.spec["paths"].values() for op in item.values()]

    def _reach(self, part: str) -> set[str]:
        return self._closure(
            set().union(*(self._refs(op.get(part, {})) for op in self._operations()))
        )

    def _modules(self) -> dict[str, str]:
        pins = {n: s["x-sdk-module"] for n, s in self.schemas.items() if "x-sdk-module" in s}
        families: dict[str, set[str]] = defaultdict(set)
        for op in self._operations():
            family = op["tags"][0].split(".")[0]
            for name in self._closure(self._refs(op), stop=pins):
                families[name].add(family)
        for pinned, module in pins.items():  # a pinned schema's own closure follows it
            for name in self._closure({pinned}, stop=pins.keys() - {pinned}):
                families[name].add(module)
        module_of = {}
        for name in self.schemas:
            fams = families.get(name, set())
            module_of[name] = fams.pop() if len(fams) == 1 else ("_common" if fams else "events")
        return module_of | pins

    # -- types -------------------------------------------------------------------------------
    def py_type(self, schema: dict[str, Any], owner: str, field: str) -> tuple[str, bool]:
        """(annotation without None, nullable)."""
        if "$ref" in schema:
            return self.class_name(schema["$ref"].rsplit("/", 1)[1]), False
        if "anyOf" in schema:
            parts, nullable = [], False
            for option in schema["anyOf"]:
                if option.get("type") == "null":
                    nullable = True
                    continue
                text, inner_null = self.py_type(option, owner, field)
                parts.extend(p for p in text.split(" | ") if p not in parts)  # an open enum's str
                nullable |= inner_null
            return " | ".join(parts), nullable
        if "x-unknown" in schema and not any(k in schema for k in ("type", "enum", "items")):
            return "Any", False  # a member whose shape no source gives: any JSON value
        types = schema.get("type", "object")
        types = types if isinstance(types, list) else [types]
        nullable = "null" in types
        types = [t for t in types if t != "null"]
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            name = pascal(owner) + pascal(field)
            self.inline_enums[name] = (self.module_of[owner], values)
            self.origin.setdefault(name, self.origin[owner])
            return f"{name} | str", nullable
        parts = []
        for kind in types:
            if kind in PRIMITIVES:
                if kind == "string" and schema.get("format") == "date-time":
                    parts.append("datetime.datetime")
                else:
                    parts.append(PRIMITIVES[kind])
            elif kind == "array":
                item, _ = self.py_type(schema.get("items", {}), owner, field)
                parts.append(f"list[{item}]")
            else:  # object without properties: a free-form mapping
                extra = schema.get("additionalProperties")
                value = self.py_type(extra, owner, field)[0] if isinstance(extra, dict) else "Any"
                parts.append(f"dict[str, {value}]")
        return " | ".join(parts) or "Any", nullable

    def class_name(self, schema_name: str) -> str:
        schema = self.schemas[schema_name]
        if "enum" in schema:
            return f"{schema_name} | str"
        return schema_name

    # -- rendering ---------------------------------------------------------------------------
    def render_enum(self, name: str, values: list[str], doc: str) -> str:
        lines = [f"class {name}(StrEnum):", f'    """{doc}"""', ""]
        for value in values:
            member = re.sub(r"\W", "_", value).upper()
            member = "_" + member if member[:1].isdigit() else member
            lines.append(f"    {member} = {value!r}")
        return "\n".join(lines)

    def render_class(self, name: str) -> str:
        schema = self.schemas[name]
        is_input = name in self.inputs
        required = set(schema.get("required", []))
        props: dict[str, Any] = schema.get("properties", {})
        is_open = bool(props) and schema.get("additionalProperties") is True
        doc = self.class_doc(name, schema, is_input, is_open)
        lines = ["@attrs.frozen(kw_only=True)", f"class {name}:", f'    """{doc}"""', ""]
        accessors: list[str] = []
        if not props:
            lines.append("    pass")
        for wire, prop in sorted(
            props.items(), key=lambda kv: (kv[0] not in required, snake(kv[0]))
        ):
            lines.append(self.render_field(name, wire, prop, wire in required, is_input, accessors))
        if is_open:
            if OPEN_FIELD in props:
                raise SystemExit(f"{name}: an open schema has a member named {OPEN_FIELD!r}")
            field = "attrs.field(factory=dict, metadata={'open': True})"
            lines.append(f"    {OPEN_FIELD}: dict[str, Any] = {field}")
        return "\n".join(lines + accessors)

    @staticmethod
    def class_doc(name: str, schema: dict[str, Any], is_input: bool, is_open: bool) -> str:
        """A model's docstring: its role, the official type, the facts it rests on, openness."""
        kind = "Request input" if is_input else "Response data"
        origin = schema.get("x-sdk-type", "")
        doc = f"{kind} ``{name}``." + (
            f"\n\n    Official SDK type: ``{origin}``.\n    " if origin else ""
        )
        source = schema.get("x-source")
        if source:
            doc += f"\n\n    Facts: spec/sent-current-api-facts.md {source['facts']}.\n    "
        if is_open:
            doc = doc.rstrip() + (
                f"\n\n    Open: members the SDK does not know are kept in ``{OPEN_FIELD}``\n"
                "    (by wire name) and sent back unchanged.\n    "
            )
        return doc

    def render_field(
        self,
        name: str,
        wire: str,
        prop: dict[str, Any],
        required: bool,
        is_input: bool,
        accessors: list[str],
    ) -> str:
        """One attrs field line; a secret also adds its accessor to ``accessors``."""
        attr = snake(wire)
        annotation, nullable = self.py_type(prop, name, attr)
        nullable |= "null" in (prop.get("type") or [])
        is_list = annotation.startswith("list[") and "|" not in annotation
        args: list[str] = []
        if required:
            full = annotation + (" | None" if nullable else "")
        elif is_input:
            full = annotation + (" | None" if nullable else "") + " | Unset"
            args.append("default=UNSET")
        elif is_list:
            full = annotation
            args.append("factory=list")
        else:
            full = annotation + " | None"
            args.append("default=None")
        metadata = {}
        if wire != attr:
            metadata["wire"] = wire
        if prop.get("deprecated"):
            metadata["deprecated"] = True
        if metadata:
            args.append(f"metadata={metadata!r}")
        if prop.get("x-secret"):  # a private attribute, read through an explicit accessor
            accessors.append(self.render_accessor(attr, full))
            attr = "_" + attr
            metadata["wire"] = wire
            args = [a for a in args if not a.startswith("metadata=")]
            args.append(f"metadata={metadata!r}")
        if attr.lstrip("_") in SECRET_FIELDS or prop.get("x-secret"):
            args.append("repr=False")
        if args == ["default=None"] or args == ["default=UNSET"]:
            return f"    {attr}: {full} = {args[0].split('=')[1]}"
        if args:
            return f"    {attr}: {full} = attrs.field({', '.join(args)})"
        return f"    {attr}: {full}"

    @staticmethod
    def render_accessor(attr: str, annotation: str) -> str:
        return (
            f"\n    def reveal_{attr}(self) -> {annotation}:\n"
            f'        """The ``{attr}`` secret itself (kept out of ``repr`` and ``str``)."""\n'
            f"        return self._{attr}"
        )

    def render(self) -> dict[str, str]:
        bodies: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for name, schema in sorted(self.schemas.items()):
            if name.endswith("Envelope") or name == "ErrorResponse":
                continue
            module = self.module_of[name]
            if "enum" in schema:
                values = [v for v in schema["enum"] if v is not None]
                bodies[module].append((name, self.render_enum(name, values, f"``{name}`` values.")))
            else:
                bodies[module].append((name, self.render_class(name)))
        for name, (module, values) in sorted(self.inline_enums.items()):
            bodies[module].append((name, self.render_enum(name, values, f"``{name}`` values.")))
        files: dict[str, str] = {}
        defined = {n: m for m, items in bodies.items() for n, _ in items}
        for module, items in sorted(bodies.items()):
            text = "\n\n\n".join(body for _, body in items)
            imports = self._imports(module, text, defined)
            names = sorted(n for n, _ in items)
            doc = f'"""Models of the ``{module.strip("_")}`` API family."""'
            used = {self.origin[n] for n, _ in items}
            sources = [s for s in self.sources if s in used]
            files[f"{module}.py"] = (
                HEADER.format(sources=" and ".join(sources))
                + doc
                + "\n\n"
                + imports
                + "\n\n"
                + text
                + "\n\n__all__ = "
                + repr(names)
                + "\n"
            )
        all_names = sorted(defined)
        every = " and ".join(self.sources)
        doc = '"""Every API model, re-exported from its family module."""'
        lines = [HEADER.format(sources=every) + doc, ""]
        for module in sorted(bodies):
            mod_names = sorted(n for n, _ in bodies[module])
            lines.append(f"from .{module} import {', '.join(mod_names)}")
        lines.append("")
        lines.append(f"__all__ = {all_names!r}")
        files["__init__.py"] = "\n".join(lines) + "\n"
        return files

    def _imports(self, module: str, text: str, defined: dict[str, str]) -> str:
        out = ["from __future__ import annotations", ""]
        if "datetime." in text:
            out.append("import datetime")
        if "(StrEnum)" in text:
            out.append("from .._types import StrEnum")
        if re.search(r"\bAny\b", text):
            out.append("from typing import Any")
        out.append("")
        if "@attrs" in text:
            out.append("import attrs")
            out.append("")
        if "UNSET" in text or "Unset" in text:
            out.append("from .._types import UNSET, Unset")
        by_module: dict[str, set[str]] = defaultdict(set)
        for name in set(re.findall(r"\b([A-Z][A-Za-z0-9]+)\b", text)):
            other = defined.get(name)
            if other and other != module:
                by_module[other].add(name)
        for other, names in sorted(by_module.items()):
            out.append(f"from .{other} import {', '.join(sorted(names))}")
        return "\n".join(out).rstrip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the models are stale")
    args = parser.parse_args()
    spec, origin = merge(json.loads(SPEC.read_text()), json.loads(SUPPLEMENT.read_text()))
    rendered = Generator(spec, origin).render()
    files = {OUT / name: ruff_tidy(OUT / name, text, "I,F401") for name, text in rendered.items()}
    existing = {p: p.read_text() for p in OUT.glob("*.py")} if OUT.exists() else {}
    return check_or_write(files, existing, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
