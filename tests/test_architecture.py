"""The shape of the house: no private names across modules, no import cycles, short functions.

These read the package's source with :mod:`ast`; they hold for every module, present and
future, so a new module cannot quietly reach into another's internals.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "geo_ukraine"
MAX_FUNCTION_LINES = 60
# Underscore names that are public protocols: NamedTuple's API and Jupyter's display hook.
PUBLIC_UNDERSCORE = frozenset({"_replace", "_make", "_fields", "_asdict", "_repr_html_"})
# Our modules that import an optional or heavy third-party library at their top, and so are
# imported inside the functions that need them: geopy (geocoders), folium (map elements).
LAZY_MODULES = frozenset({"geo_ukraine.gazetteer.geocoders", "geo_ukraine.maps.elements"})


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """The absolute module an ``ImportFrom`` reads from."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if _is_package(module) else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _top_level_imports(tree: ast.Module) -> list[ast.ImportFrom | ast.Import]:
    """Imports that run when the module is imported (not those under TYPE_CHECKING)."""
    out: list[ast.ImportFrom | ast.Import] = []
    for node in tree.body:
        type_checking = isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
            and node.test.id == "TYPE_CHECKING"
        if isinstance(node, ast.Import | ast.ImportFrom):
            out.append(node)
        elif isinstance(node, ast.If | ast.Try) and not type_checking:
            out += [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
    return out


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_names_imported_from_other_modules(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            for alias in node.names:
                # ``from .. import _data`` imports a package-internal module: allowed.
                if _private(alias.name) and f"{source}.{alias.name}" not in MODULES:
                    bad.append(f"line {node.lineno}: {alias.name} from {source}")
    assert bad == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_attributes_of_other_objects(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    bad = [f"line {node.lineno}: .{node.attr}" for node in ast.walk(tree)
           if isinstance(node, ast.Attribute) and _private(node.attr)
           and node.attr not in PUBLIC_UNDERSCORE
           and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))]
    assert bad == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_our_modules_are_imported_at_module_top(module):
    """Function-local imports are for optional or heavy third-party libraries only."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    top = {id(n) for n in _top_level_imports(tree)}
    under_type_checking = {
        id(n) for node in tree.body if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for n in ast.walk(node)}
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in top | under_type_checking:
            source = _resolve(module, node)
            targets = {f"{source}.{a.name}" for a in node.names} | {source}
            ours = source == "geo_ukraine" or source.startswith("geo_ukraine.")
            if ours and not targets & LAZY_MODULES:
                bad.append(f"line {node.lineno}: from {source}")
    assert bad == []


def test_no_import_cycles():
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        edges = set()
        for node in _top_level_imports(tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve(module, node)
                for alias in node.names:
                    target = f"{source}.{alias.name}"
                    edges.add(target if target in MODULES else source)
            else:
                edges |= {a.name for a in node.names}
        graph[module] = {e for e in edges if e in MODULES and e != module}
    # A module that imports a package also runs that package's __init__, so the edge to the
    # package stands for the package itself; a submodule importing its own package's names
    # through ``from . import x`` is resolved to the submodule above.
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith(node + "."):
                continue  # a package importing its own submodules
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    real = [c for c in cycles if not all(b.startswith(a + ".") or a.startswith(b + ".")
                                         for a, b in itertools.pairwise(c))]
    assert real == []


def _code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines of a function without its docstring (numpydoc sections are not code)."""
    lines = node.end_lineno - node.lineno + 1
    first = node.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
            and isinstance(first.value.value, str):
        lines -= first.end_lineno - first.lineno + 1
    return lines


@pytest.mark.parametrize("module", sorted(MODULES))
def test_functions_are_short(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    long = [f"{node.name} ({_code_lines(node)} lines)" for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and _code_lines(node) > MAX_FUNCTION_LINES]
    assert long == []


def test_rows_are_never_indexed_by_position():
    """Gazetteer rows are PlaceRow named tuples: ``row[7]`` would hide which column it is."""
    bad = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) \
                    and node.value.id in ("row", "r", "known", "other") \
                    and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, int):
                bad.append(f"{module} line {node.lineno}")
    assert bad == []
