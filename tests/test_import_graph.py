"""The import graph of ``handbook/`` has no cycle (issue 14).

Read with ``ast``, so it sees every import the way the source writes it: module-level imports and
imports inside functions alike (a function-level import hides a cycle; it does not remove it).
Imports under ``if TYPE_CHECKING:`` are left out: they never run. ``from pkg import name`` counts as
an import of ``pkg.name`` when that is a module, else of ``pkg``. The implicit import of a parent
package's ``__init__`` is not an edge: a package that imports its own modules is not a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = "handbook"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth, except those under ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                todo.extend(child.orelse)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.append(child)
            todo.append(child)
    return found


def _targets(node: ast.Import | ast.ImportFrom, here: str, is_package: bool, modules: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = here.split(".") if is_package else here.split(".")[:-1]
        if node.level:
            base = base[: len(base) - node.level + 1]
            origin = ".".join(base + ([node.module] if node.module else []))
        else:
            origin = node.module or ""
        names = [f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                 for alias in node.names]
    return {name for name in names if name in modules}


def import_graph(root: Path, package: str = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's own modules it imports."""
    files = {module_name(path, root): path for path in sorted((root / package).rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        graph[name] = set()
        for node in _imports(tree):
            graph[name] |= _targets(node, name, path.name == "__init__.py", set(files))
        graph[name].discard(name)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path ``[a, b, ..., a]``, or None (depth-first search, colouring nodes)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": {"c"}, "c": set()}, None),
    ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
    ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
    ({"a": set(), "b": {"a"}, "c": {"a", "b"}}, None),
])
def test_find_cycle(graph: dict[str, set[str]], expected: list[str] | None) -> None:
    assert find_cycle(graph) == expected


@pytest.mark.parametrize(("files", "expected"), [
    # a function-level import is an edge; a TYPE_CHECKING import is not
    ({"p/__init__.py": "", "p/a.py": "def f():\n    from p import b\n",
      "p/b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from p.a import f\n"},
     {"p": set(), "p.a": {"p.b"}, "p.b": set()}),
    # relative imports, and `from package import module`
    ({"p/__init__.py": "", "p/q/__init__.py": "from . import c\n", "p/q/c.py": "from ..a import x\n",
      "p/a.py": "import p.q.c\n"},
     {"p": set(), "p.q": {"p.q.c"}, "p.q.c": {"p.a"}, "p.a": {"p.q.c"}}),
])
def test_import_graph_reads_imports(tmp_path: Path, files: dict[str, str], expected: dict[str, set[str]]) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert import_graph(tmp_path, "p") == expected


def test_handbook_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph(REPO))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])
