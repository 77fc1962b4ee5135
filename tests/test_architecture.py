"""The shape of the code: no import cycles anywhere, short functions in the GUI, services built
once (by the composition root), and tests that mirror the packages.

import-linter (``make contracts``) checks the layers; these checks need more than it can say.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "vknz_desktop"
MAX_FUNCTION_LINES = 80


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    """Every import of vknz_desktop, including those only made for type checking."""
    return grimp.build_graph("vknz_desktop")


def cycles(edges: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), i.e. the cycles."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}) == [["a", "b", "c"]]
    assert cycles({"a": ["b"], "b": []}) == []


def test_no_module_imports_itself_back(graph: grimp.ImportGraph) -> None:
    """No module of vknz_desktop reaches itself through its imports (type-checking imports
    included: a cycle there is a cycle in the design)."""
    modules = {m for m in graph.modules if m.startswith("vknz_desktop")}
    edges = {
        m: [t for t in graph.find_modules_directly_imported_by(m) if t in modules] for m in modules
    }
    assert cycles(edges) == []


def test_no_package_depends_on_itself_through_its_siblings(graph: grimp.ImportGraph) -> None:
    """Inside every package, its parts (modules and subpackages, each taken as a whole) do
    not import each other in a circle; e.g. ``ui.workspace`` ↔ ``ui.shell`` would be one."""
    modules = {m for m in graph.modules if m.startswith("vknz_desktop")}
    packages = {m.rsplit(".", 1)[0] for m in modules if "." in m}
    problems = []
    for package in sorted(packages):
        parts = {m for m in modules if m.rsplit(".", 1)[0] == package}
        edges: dict[str, set[str]] = {part: set() for part in parts}
        for module in modules:
            if not module.startswith(package + "."):
                continue
            source = package + "." + module[len(package) + 1 :].split(".")[0]
            for target in graph.find_modules_directly_imported_by(module):
                if not target.startswith(package + "."):
                    continue
                part = package + "." + target[len(package) + 1 :].split(".")[0]
                if part != source:
                    edges[source].add(part)
        problems.extend(cycles({k: sorted(v) for k, v in edges.items()}))
    assert problems == []


def _functions(path: Path) -> Iterable[tuple[str, int, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            yield node.name, node.lineno, node.end_lineno - node.lineno + 1


def test_no_function_in_the_gui_is_longer_than_80_lines() -> None:
    """Constructors build named sub-widgets in ``_build_*`` steps and connect in
    ``_connect``; nothing does everything in one long body."""
    long = [
        f"{path.relative_to(SOURCE)}:{line} {name} ({length} lines)"
        for path in sorted((SOURCE / "ui").rglob("*.py"))
        for name, line, length in _functions(path)
        if length > MAX_FUNCTION_LINES
    ]
    assert long == []


def test_the_gui_builds_no_service_itself() -> None:
    """Services are built once per unlock by the composition root (``app.open_session``)
    into the ``VaultSession``; a widget or feature calling ``SomethingService(…)`` would be a
    second place."""
    built = []
    for path in sorted((SOURCE / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and (node.func.id.endswith("Service") or node.func.id.endswith("Repository"))
            ):
                built.append(f"{path.relative_to(SOURCE)}:{node.lineno} {node.func.id}")
    assert built == []


def test_gui_tests_mirror_the_gui_packages() -> None:
    """tests/ui/<package>/… for every package of ui/ that holds modules, and no test folder
    for a package that does not exist."""
    sources = {
        path.parent.relative_to(SOURCE / "ui")
        for path in (SOURCE / "ui").rglob("*.py")
        if path.name != "__init__.py"
    }
    tests = {
        path.parent.relative_to(ROOT / "tests" / "ui")
        for path in (ROOT / "tests" / "ui").rglob("test_*.py")
    }
    assert tests - sources - {Path()} == set(), "test folders without a package"
    assert sources - tests == set(), "packages without tests"
