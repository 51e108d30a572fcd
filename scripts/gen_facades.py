"""Generate the facades derived from the async source: raw-response views and ``sent_sync``.

    python scripts/gen_facades.py          # rewrite sent_async/_raw.py and sent_sync/*
    python scripts/gen_facades.py --check  # fail with a diff when anything committed is stale

It reads ``sent_async/_client.py`` and ``sent_async/resources/*.py`` with ``ast`` (never
importing them) and writes:

1. ``sent_async/_raw.py`` and ``sent_sync/_raw.py``: the ``with_raw_response`` views, one
   class per resource and one line per call (``send = RawMethod(AsyncMessages.send)``) or
   nested view (``voice = Nested(...)``); the typed helpers live in ``sent_async/_response.py``;
2. ``sent_sync/``: for every public class ``AsyncX`` a class ``X`` whose methods have the same
   parameters, defaults, annotations and docstrings, and whose one-line bodies run the async
   twin on the client's portal.

Output is formatted with ruff; ``--check`` compares whole files, and missing or orphaned ones.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

from _codegen import check_or_write, ruff_tidy

ROOT = Path(__file__).resolve().parent.parent
ASYNC = ROOT / "sent_async"
SYNC = ROOT / "sent_sync"
HEADER = (
    "# Generated from {source} by scripts/gen_facades.py.\n"
    "# Do not edit: change the async source and run `make sync`.\n"
)
HAND_WRITTEN = {"_portal.py", "_bulk.py", "pytest_plugin.py", "py.typed"}
NO_RAW = {"send_many", "create_many"}
"""Calls that make many requests: a raw view of one response would mislead."""
HAND_WRITTEN_TWINS = {"AsyncBulk": "sent_sync._bulk"}
"""Async classes whose sync twins are written by hand (they take callbacks or iterators)."""
SKIP_METHODS = {"aclose", "__aenter__", "__aexit__", "__init__", "__repr__"}


def sources() -> list[Path]:
    resources = sorted(p for p in (ASYNC / "resources").glob("*.py") if not p.name.startswith("_"))
    return [ASYNC / "_client.py", *resources]


def _async_name(node: ast.AST) -> str | None:
    """``AsyncX`` when an annotation names an SDK async class."""
    text = ast.unparse(node) if node else ""
    return text if re.fullmatch(r"Async[A-Za-z]+", text) else None


def _strip_async(text: str) -> str:
    """Async names and idioms in docstrings and annotations become their sync twins."""
    text = re.sub(r"\bAsync([A-Z][A-Za-z]*)", r"\1", text)
    text = text.replace("Async client for", "Synchronous client for")
    text = text.replace(
        "It belongs to the event loop that first used it.",
        "It runs on this client's own event-loop thread; any thread may call.",
    )
    return text.replace("async with ", "with ").replace("aclose()", "close()")


def _doc(node: ast.AST) -> str:
    doc = ast.get_docstring(node, clean=False)  # type: ignore[arg-type]
    return f'    """{doc}"""\n' if doc else ""


def _forward(args: ast.arguments) -> str:
    """Source text passing a function's own parameters on, positional and keyword alike."""
    out = [a.arg for a in (*args.posonlyargs, *args.args) if a.arg != "self"]
    if args.vararg:
        out.append("*" + args.vararg.arg)
    out += [f"{a.arg}={a.arg}" for a in args.kwonlyargs]
    if args.kwarg:
        out.append("**" + args.kwarg.arg)
    return ", ".join(out)


def _signature(fn: ast.FunctionDef | ast.AsyncFunctionDef, returns: str | None = None) -> str:
    ret = returns if returns is not None else (ast.unparse(fn.returns) if fn.returns else "None")
    return f"def {fn.name}({ast.unparse(fn.args)}) -> {ret}:"


def _imports(tree: ast.Module | ast.If, package: str) -> list[str]:
    """The module's imports, relative ones made absolute (the generated file lives elsewhere)."""
    lines = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(parts + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names = ", ".join(a.name + (f" as {a.asname}" if a.asname else "") for a in node.names)
            lines.append(f"from {module} import {names}")
        elif isinstance(node, ast.Import):
            lines.append(ast.unparse(node))
    return lines


def _typing_imports(tree: ast.Module, package: str) -> list[str]:
    """The imports under ``if TYPE_CHECKING:``: names for annotations that the async module
    keeps out of its import time, so the sync twin keeps them out too (ruff drops unused ones).
    """
    blocks = [
        n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"
    ]
    return [line for block in blocks for line in _imports(block, package)]


def _classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name.startswith("Async")]


def _decorators(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    return {ast.unparse(d) for d in fn.decorator_list}


# -- 1. raw-response views ----------------------------------------------------------------------
def _raw_members(cls: ast.ClassDef) -> list[tuple[str, str | None]]:
    """(name, AsyncSub) for each nested view, (name, None) for each call with a raw twin.

    The client's own calls (``request``, ``get``, ...) get none: sent_sync._raw cannot import
    ``Sent`` at run time (it would be circular).
    """
    out: list[tuple[str, str | None]] = []
    for fn in cls.body:
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) or fn.name.startswith("_"):
            continue
        returns = ast.unparse(fn.returns) if fn.returns else ""
        sub = _async_name(fn.returns) if fn.returns else None
        if isinstance(fn, ast.FunctionDef) and "cached_property" in _decorators(fn):
            if sub and not sub.endswith("WithRawResponse") and sub not in HAND_WRITTEN_TWINS:
                out.append((fn.name, sub))
        elif (
            cls.name != "AsyncSent"
            and fn.name not in SKIP_METHODS | NO_RAW
            and (isinstance(fn, ast.AsyncFunctionDef) or returns.startswith("AsyncPager["))
        ):
            out.append((fn.name, None))
    return out


def _raw_order(classes: dict[str, ast.ClassDef], name: str, seen: list[str]) -> list[str]:
    """Classes reachable from ``name``, each after the views it nests (``Nested`` needs them)."""
    if name not in seen:
        for _, sub in _raw_members(classes[name]):
            if sub:
                _raw_order(classes, sub, seen)
        seen.append(name)
    return seen


def render_raw(modules: dict[Path, ast.Module], sync: bool) -> str:
    """``sent_async/_raw.py`` or ``sent_sync/_raw.py``: one line per call or nested view."""
    classes = {c.name: c for t in modules.values() for c in _classes(t)}
    home = {c.name: p for p, t in modules.items() for c in _classes(t)}
    method = "SyncRawMethod" if sync else "RawMethod"
    imports = {f"from sent_async._response import Nested, RawView, {method}"}
    body = []
    for name in _raw_order(classes, "AsyncSent", []):
        target = name.removeprefix("Async") if sync else name
        module = _sync_module(home[name]) if sync else _module_name(home[name])
        if target == "Sent":  # sent_sync._client imports this module: no import back at run time
            imports.add("from typing import TYPE_CHECKING")
            imports.add(
                "if TYPE_CHECKING:\n    from sent_sync._client import Sent  # noqa: F401 (a base)"
            )
            base = 'RawView["Sent"]'
        else:
            imports.add(f"from {module} import {target}")
            base = f"RawView[{target}]"
        lines = [
            f"class {target}WithRawResponse({base}):",
            f'    """``{target}`` whose calls return ``RawResponse[T]``."""',
        ]
        for attr, sub in _raw_members(classes[name]):
            if sub:
                view = (sub.removeprefix("Async") if sync else sub) + "WithRawResponse"
                lines.append(f"    {attr} = Nested({view})")
            else:
                lines.append(f"    {attr} = {method}({target}.{attr})")
        body.append("\n".join(lines))
    side = "sent_sync" if sync else "sent_async"
    doc = (
        f'"""``with_raw_response`` views of {side}: each call keeps its parameters and returns\n'
        '``RawResponse[T]`` (see ``sent_async/_response.py``)."""'
    )
    ordered = sorted(i for i in imports if not i.startswith("if "))
    ordered += sorted(i for i in imports if i.startswith("if "))
    return (
        HEADER.format(source="sent_async/_client.py and sent_async/resources/*.py")
        + doc
        + "\n\nfrom __future__ import annotations\n\n"
        + "\n".join(ordered)
        + "\n\n\n"
        + "\n\n\n".join(body)
        + "\n"
    )


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _package_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).parent.parts)


# -- 2. sync classes ------------------------------------------------------------------------------
def render_sync(path: Path, tree: ast.Module, twins: dict[str, str]) -> str:
    """The sync twin of one async module. ``twins`` maps AsyncX -> the sync module defining X."""
    imports = set(_imports(tree, _package_of(path)))
    imports.add("from functools import cached_property, partial")
    imports.add("from sent_sync._portal import Page, SyncClient, SyncResource")
    body = []
    used: set[str] = set()
    defined = {
        t.id
        for n in tree.body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    for cls in _classes(tree):
        imports.add(f"from {_package_of(path)}.{path.stem} import {cls.name}")
        for fn in ast.walk(cls):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                for deco in fn.decorator_list:  # constants a decorator uses come along
                    for name in {n.id for n in ast.walk(deco) if isinstance(n, ast.Name)}:
                        if name in defined:
                            imports.add(f"from {_package_of(path)}.{path.stem} import {name}")
        text = _sync_class(cls)
        body.append(text)
        used |= set(re.findall(r"\bAsync[A-Z][A-Za-z]*", text))
        used |= {"Async" + n for n in re.findall(r"\b([A-Z][A-Za-z]*)\(self[._)]", text)}
    target = _sync_module(path)
    typing_only = _typing_imports(tree, _package_of(path))
    text = "\n\n\n".join(body)
    for name in sorted(used):
        sync_name = name.removeprefix("Async")
        module = twins.get(name)
        if not module or module == target:
            continue
        line = f"from {module} import {sync_name}"
        if path.name == "_client.py":  # resources load on first use, as in the async client
            typing_only.append(line)
            text = text.replace(
                f"        return {sync_name}(", f"        {line}\n\n        return {sync_name}("
            )
        else:
            imports.add(line)
    if typing_only:
        imports.add("from typing import TYPE_CHECKING")
    source = path.relative_to(ROOT).as_posix()
    doc = f'"""Sync twin of ``{source}``."""'
    checking = "".join(f"\n    {line}" for line in typing_only)
    return (
        HEADER.format(source=source)
        + doc
        + "\n\nfrom __future__ import annotations\n\n"
        + "\n".join(sorted(imports))
        + (f"\n\nif TYPE_CHECKING:{checking}" if typing_only else "")
        + "\n\n\n"
        + text
        + "\n"
    )


def _sync_class(cls: ast.ClassDef) -> str:
    sync_name = cls.name.removeprefix("Async")
    is_client = not any(
        ast.unparse(b).endswith("Resource") for b in cls.bases
    ) and not cls.name.endswith("WithRawResponse")
    base = "SyncClient" if is_client else "SyncResource"
    doc = ast.get_docstring(cls, clean=False) or f"Sync twin of {cls.name}."
    out = [
        f"class {sync_name}({base}):",
        f'    """{_strip_async(doc)}"""',
        "",
        f"    _inner: {cls.name}",
        "",
    ]
    for fn in cls.body:
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) or fn.name in SKIP_METHODS:
            if isinstance(fn, ast.FunctionDef) and fn.name == "__init__" and is_client:
                out += _sync_init(cls, fn)
            continue
        if fn.name.startswith("_"):
            continue
        out += _sync_member(fn, sync_name, is_client)
    return "\n".join(out).rstrip() + "\n"


def _sync_init(cls: ast.ClassDef, fn: ast.FunctionDef) -> list[str]:
    lines = [
        "    " + _signature(fn, "None"),
        _indent(_doc(fn)),
        f"        super().__init__({cls.name}({_forward(fn.args)}))",
        "",
    ]
    return [line for line in lines[:-1] if line] + [""]


def _sync_member(
    fn: ast.FunctionDef | ast.AsyncFunctionDef, owner: str, is_client: bool
) -> list[str]:
    decorators = _decorators(fn)
    twin = _async_name(fn.returns) if fn.returns else None
    doc = _indent(_strip_async(_doc(fn)))
    deco = [f"    @{d}" for d in sorted(decorators)]
    if "overload" in decorators:  # a typing-only variant: the sync twin is a stub too
        return _lines(*deco, "    " + _signature(fn) + " ...")
    if isinstance(fn, ast.AsyncFunctionDef):
        call = f"partial(self._inner.{fn.name}, {_forward(fn.args)})".replace(", )", ")")
        return _lines(
            *deco, "    " + _signature(fn), doc, f"        return self._portal.call({call})"
        )
    returns = ast.unparse(fn.returns) if fn.returns else ""
    if returns.startswith("AsyncPager["):  # paged list: first page now, the rest on iteration
        pager = f"self._inner.{fn.name}({_forward(fn.args)})"
        return _lines(
            *deco,
            "    " + _signature(fn, "Page" + returns[len("AsyncPager") :]),
            doc,
            f"        return Page(self._portal, self._portal.call({pager}.first_page))",
        )
    access = f"self._inner.{fn.name}" + ("" if decorators else f"({_forward(fn.args)})")
    if twin is None:
        return _lines(*deco, "    " + _signature(fn), doc, f"        return {access}")
    sync_twin = twin.removeprefix("Async")
    if twin.endswith("WithRawResponse"):  # raw views wrap this sync client's own resources
        body = f"{sync_twin}(self)"
    elif sync_twin == owner and is_client:  # a view of the client: share portal, keep root alive
        body = f"{sync_twin}._view({access}, self)"
    elif twin in HAND_WRITTEN_TWINS:  # hand-written twins also get the sync client itself
        body = f"{sync_twin}({access}, self._portal, self)"
    else:
        body = f"{sync_twin}({access}, self._portal)"
    return _lines(*deco, "    " + _strip_async(_signature(fn)), doc, f"        return {body}")


def _lines(*lines: str) -> list[str]:
    return [line for line in lines if line] + [""]


def _indent(doc: str) -> str:
    return doc.replace("    ", "        ", 1).rstrip("\n") if doc else ""


def _sync_module(path: Path) -> str:
    """The sync module that holds the twins of an async module's classes."""
    rel = path.relative_to(ASYNC).with_suffix("")
    return "sent_sync." + ".".join(rel.parts)


LAZY_MODULES = {"models": "sent_async.models", "webhooks": "sent_sync.webhooks"}
"""Subpackages ``sent_sync`` loads on first use, like ``sent_async`` (they cost import time)."""


def render_init(exports: list[str], lazy_names: set[str]) -> str:
    """sent_sync/__init__.py: sent_async's exports; what sent_async loads lazily, so does this."""
    names = [n.removeprefix("Async") if n.startswith("Async") else n for n in exports]
    eager = [n for n in exports if n not in lazy_names]
    lazy = sorted(lazy_names - set(LAZY_MODULES))
    lines = [
        HEADER.format(source="sent_async/__init__.py"),
        '"""sent_sync: the synchronous facade of sent_async (same models, same errors)."""',
        "",
        "from typing import TYPE_CHECKING, Any",
        "",
        "from sent_async import (",
    ]
    lines += [f"    {n}," for n in eager if not n.startswith("Async") and n not in LAZY_MODULES]
    lines += [")", "from sent_sync._client import Sent", "", "if TYPE_CHECKING:"]
    lines += [f"    from {m.rpartition('.')[0]} import {n}" for n, m in LAZY_MODULES.items()]
    lines += [f"    from sent_async import {n}" for n in lazy]
    lines += [
        "",
        f"LAZY_NAMES = {lazy!r}",
        "",
        "",
        "def __getattr__(name: str) -> Any:",
        '    """Lazy names and subpackages load on first use, as in sent_async (import time)."""',
        f"    lazy = {LAZY_MODULES!r}",
        "    if name in lazy:",
        "        import importlib",
        "",
        "        return importlib.import_module(lazy[name])",
        "    if name in LAZY_NAMES:",
        "        import sent_async",
        "",
        "        return getattr(sent_async, name)",
        '    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        "",
        "",
        f"__all__ = {sorted(set(names))!r}",
    ]
    return "\n".join(lines) + "\n"


def _async_lazy() -> set[str]:
    """The names sent_async/__init__.py loads on first use (the keys of its ``LAZY``)."""
    tree = ast.parse((ASYNC / "__init__.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "LAZY":
            return set(ast.literal_eval(node.value))
    return set()


def _async_exports() -> list[str]:
    tree = ast.parse((ASYNC / "__init__.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "__all__":
            return [ast.literal_eval(e) for e in node.value.elts]  # type: ignore[attr-defined]
    raise SystemExit("sent_async/__init__.py has no __all__")


# -- driver ----------------------------------------------------------------------------------------
def generate() -> dict[Path, str]:
    modules = {p: ast.parse(p.read_text()) for p in sources()}
    files: dict[Path, str] = {
        ASYNC / "_raw.py": render_raw(modules, sync=False),
        SYNC / "_raw.py": render_raw(modules, sync=True),
    }
    twins = {cls.name: _sync_module(p) for p, t in modules.items() for cls in _classes(t)}
    twins.update(HAND_WRITTEN_TWINS)
    twins["AsyncSentWithRawResponse"] = "sent_sync._raw"
    for path, tree in modules.items():
        out = SYNC / path.relative_to(ASYNC)
        files[out] = render_sync(path, tree, twins)
    files[SYNC / "resources" / "__init__.py"] = (
        HEADER.format(source="sent_async/resources") + '"""Sync twins."""\n'
    )
    files[SYNC / "__init__.py"] = render_init(_async_exports(), _async_lazy())
    for extra in ("testing", "webhooks"):
        if (ASYNC / extra).exists() or (ASYNC / f"{extra}.py").exists():
            files[SYNC / f"{extra}.py"] = (
                HEADER.format(source=f"sent_async/{extra}")
                + f'"""Re-exports ``sent_async.{extra}``: it has no I/O of its own to wrap."""\n\n'
                f"from sent_async.{extra} import *  # noqa: F403\n"
                f"from sent_async.{extra} import __all__ as __all__\n"
            )
    return {path: ruff_tidy(path, text) for path, text in files.items()}


def generated_on_disk() -> dict[Path, str]:
    found = {p: p.read_text() for p in SYNC.rglob("*.py") if p.name not in HAND_WRITTEN}
    raw = ASYNC / "_raw.py"
    found.update({p: p.read_text() for p in [raw, *(ASYNC / "_raw").glob("*.py")] if p.exists()})
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated files are stale")
    args = parser.parse_args()
    return check_or_write(generate(), generated_on_disk(), check=args.check)


if __name__ == "__main__":
    sys.exit(main())
