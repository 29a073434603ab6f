"""The package's imports run one way: no module imports, even late, one that imports it back.

Every ``import`` of every module counts (at the top or inside a function), except those under
``if TYPE_CHECKING:``, which never run. The graph is read from the source, so a new circle
fails here before it fails somewhere at import time.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

import territoire_graphe

PACKAGE = Path(territoire_graphe.__file__).resolve().parent
NAME = "territoire_graphe"


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _runtime_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    typing_only = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only |= {id(inner) for inner in ast.walk(node)}
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in typing_only
    ]


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (a fresh copy)."""
    return {name: set(targets) for name, targets in _import_graph().items()}


@cache
def _import_graph() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = ".".join(here[: len(here) - node.level + 1]) if node.level else ""
                module = ".".join(p for p in (base, node.module or "") if p)
                targets = [
                    f"{module}.{a.name}" if f"{module}.{a.name}" in known else module
                    for a in node.names
                ]
            graph[name] |= {t for t in targets if t in known and t != name}
    from territoire_graphe import _LAZY  # the public names, imported when first used

    graph["territoire_graphe"] |= {f"territoire_graphe{m}" for m in _LAZY.values()}
    return graph


def circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan 1972)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_circle_finder_finds_a_circle_and_only_it():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(graph) == [{"a", "b", "c"}]


def test_the_graph_sees_late_imports_and_ignores_typing_only_ones():
    graph = import_graph()
    # the lazy public names (__init__._LAZY) are imports too
    assert "territoire_graphe.render.html" in graph["territoire_graphe"]
    assert "territoire_graphe.io.build" in graph["territoire_graphe.io"]
    # diagnosis.py names Territory for the type checker and imports it for real: kept once
    assert "territoire_graphe.model" in graph["territoire_graphe.diagnosis"]


def test_no_import_circle():
    assert circles(import_graph()) == []


def test_no_module_of_render_or_io_imports_the_package_top_or_the_command_line():
    upward = {NAME} | {m for m in modules() if m.startswith(f"{NAME}.cli")}
    found = {
        (name, target)
        for name, targets in import_graph().items()
        if name.startswith((f"{NAME}.render", f"{NAME}.io"))
        for target in targets & upward
    }
    assert found == set()


def test_the_command_line_writes_through_the_public_functions_not_the_renderers():
    writers = {"to_excel", "to_excel_comparison", "to_excel_diff", "to_docx", "to_html", "to_image"}
    late = {
        (name, alias.name)
        for name, path in modules().items()
        if name.startswith(f"{NAME}.cli")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and "render" in (node.module or "")
        for alias in node.names
        if alias.name in writers
    }
    assert late == set()


def test_the_low_modules_import_nothing_above_them():
    graph = import_graph()
    assert graph["territoire_graphe._version"] == set()
    assert graph["territoire_graphe._renderers"] == set()
    assert not {m for m in graph["territoire_graphe.model"] if ".render" in m}
    assert not {m for m in graph["territoire_graphe.diagnosis"] if ".render" in m}
    assert not {m for m in graph["territoire_graphe.evolution"] if ".render" in m}


@pytest.mark.slow
def test_every_module_imports_alone_in_dependency_order():
    graph = import_graph()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:  # pragma: no cover - test_no_new_import_circle says which
        raise AssertionError(f"import circle: {error.args[1]}") from None
    code = f"import importlib\nfor name in {order!r}:\n    importlib.import_module(name)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_importing_the_package_loads_neither_pyvis_nor_ipython():
    code = (
        "import sys, territoire_graphe\n"
        "print(sorted(m for m in ('pyvis', 'IPython', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_pyvis_without_its_vis_network_file_is_one_clear_error(monkeypatch, tmp_path):
    from territoire_graphe.render import html

    fake = tmp_path / "pyvis"
    fake.mkdir()
    (fake / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "pyvis", raising=False)
    with pytest.raises(RuntimeError) as error:
        html._pyvis_file("lib", f"vis-{html.VIS_VERSION}", "vis-network.min.js")
    message = str(error.value)
    assert "vis-network 9.1.2" in message and "pyvis 0.3.2" in message  # the installed one
    assert "pip install" in message
