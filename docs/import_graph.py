"""Draw the import graph of `summarize/` between its parts, and check the layering.

    python docs/import_graph.py          # writes docs/imports.dot and docs/imports.svg

A part is a subpackage (summarize.text, summarize.check, ...) or a top-level module
(summarize.models, summarize.cli, ...). An arrow A -> B means some module of A imports one of
B: solid when imported at load time, dashed when imported inside a function (on first use).
Imports under `if TYPE_CHECKING:` are left out: they cost nothing at run time. The same
function backs `tests/test_layers.py`, which fails on a cycle or an import against the flow.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "summarize"

# The flow, upstream first. A part may import parts before it, never after it.
LAYERS: list[list[str]] = [
    ["collector", "models", "strategies", "text"],
    ["ingest", "llm"],
    ["analyze"],
    ["align", "judge"],
    ["check"],
    ["compose"],
    ["pipeline"],
    ["render", "batch"],
    ["__init__", "cli_options", "cli_output", "cli"],
]


def part_of(module: str) -> str:
    """summarize.check.quantities -> "check"; summarize.models -> "models"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.Module) -> list[tuple[str, bool]]:
    """(imported summarize module, imported at load time) for every import in the tree."""
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, at_load: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            return
        if isinstance(node, ast.Import):
            found.extend((a.name, at_load) for a in node.names if a.name.startswith("summarize"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("summarize"):
            found.append((node.module or "", at_load))
        inside = at_load and not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(tree, True)
    return found


def part_edges() -> dict[tuple[str, str], bool]:
    """(importing part, imported part) -> whether any such import happens at load time."""
    edges: dict[tuple[str, str], bool] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = part_of(_module_name(path))
        for module, at_load in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            target = part_of(module)
            if target != source:
                edges[(source, target)] = edges.get((source, target), False) or at_load
    return edges


def against_the_flow(edges: dict[tuple[str, str], bool]) -> list[tuple[str, str]]:
    """Imports of a part downstream of the importer (or of a part LAYERS does not place)."""
    rank = {part: index for index, layer in enumerate(LAYERS) for part in layer}
    return sorted((a, b) for a, b in edges if rank.get(a, -1) < rank.get(b, len(LAYERS)))


def module_cycles() -> list[list[str]]:
    """Cycles among the modules' load-time imports (each cycle once, as a list of modules)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        imported = {m for m, at_load in _imports(ast.parse(path.read_text("utf-8"))) if at_load}
        graph[_module_name(path)] = imported
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target) :])
            elif target in graph and state.get(target) is None:
                walk(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module)
    return cycles


def long_modules(limit: int = 400) -> list[tuple[str, int]]:
    return sorted(
        (str(path.relative_to(ROOT)), lines)
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > limit
    )


def dot(edges: dict[tuple[str, str], bool]) -> str:
    lines = [
        "digraph imports {",
        '  rankdir=TB; node [shape=box, fontname="Helvetica", fontsize=11];',
        '  edge [color="#555555", arrowsize=0.7];',
    ]
    for index, layer in enumerate(LAYERS):
        names = " ".join(f'"{part}"' for part in layer)
        lines.append(f"  {{ rank=same; {names} }}  // layer {index}")
    for (a, b), at_load in sorted(edges.items()):
        style = "" if at_load else " [style=dashed]"
        lines.append(f'  "{a}" -> "{b}"{style};')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    edges = part_edges()
    (ROOT / "docs" / "imports.dot").write_text(dot(edges), encoding="utf-8")
    if shutil.which("dot"):
        subprocess.run(
            ["dot", "-Tsvg", "docs/imports.dot", "-o", "docs/imports.svg"], cwd=ROOT, check=True
        )
    print(f"{len(edges)} edges between {len({p for edge in edges for p in edge})} parts")
    print("against the flow:", against_the_flow(edges) or "none")
    print("cycles:", module_cycles() or "none")
    print("modules over 400 lines:", long_modules() or "none")


if __name__ == "__main__":
    sys.exit(main())
