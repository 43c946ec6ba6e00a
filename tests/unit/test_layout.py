"""The shape of the house: the core never imports Textual, no module imports itself back
through others (imports inside functions count too), and no module grows past ~450 lines."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support import ROOT

PACKAGES = ("search", "tui")
MAX_LINES = 450


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The project modules a module imports, anywhere in it (functions and TYPE_CHECKING
    blocks included); `from package import module` counts as importing the module."""
    out: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            out.add(base)
            out |= {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in out if m in known and m != name}


def test_the_core_never_imports_textual() -> None:
    for name, path in modules().items():
        if name.startswith("search"):
            found = imports(path, name, {"textual"} | set(modules()))
            source = path.read_text(encoding="utf-8")
            assert "textual" not in found and "import textual" not in source, name
            assert "from textual" not in source, name


def test_no_module_imports_itself_back() -> None:
    known = modules()
    graph = {name: imports(path, name, set(known)) for name, path in known.items()}
    # A package's __init__ that re-exports lazily imports nothing; edges to a package mean
    # its __init__ only.
    cycles = []

    def visit(node: str, trail: list[str], done: set[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt in trail:
                cycles.append(trail[trail.index(nxt) :] + [nxt])
            elif nxt not in done:
                visit(nxt, [*trail, nxt], done)
        done.add(node)

    done: set[str] = set()
    for name in sorted(graph):
        if name not in done:
            visit(name, [name], done)
    assert cycles == []


def test_no_module_is_longer_than_the_house_allows() -> None:
    long = {
        name: count
        for name, path in modules().items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
