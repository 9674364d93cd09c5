"""The import graph keeps the flow: no part imports one downstream of it, no module cycles.

The same code draws docs/imports.svg (`python docs/import_graph.py`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "docs" / "import_graph.py"


@pytest.fixture(scope="module")
def graph() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_part_has_a_place_in_the_flow(graph: ModuleType) -> None:
    placed = {part for layer in graph.LAYERS for part in layer}
    parts = {part for edge in graph.part_edges() for part in edge}
    assert parts <= placed, sorted(parts - placed)


def test_no_import_runs_against_the_flow(graph: ModuleType) -> None:
    assert graph.against_the_flow(graph.part_edges()) == []


def test_no_module_cycles(graph: ModuleType) -> None:
    assert graph.module_cycles() == []


def test_the_graph_sees_lazy_and_load_time_imports(graph: ModuleType) -> None:
    edges = graph.part_edges()
    assert edges[("pipeline", "check")] is True  # imported at load time
    assert edges[("cli", "pipeline")] is False  # imported inside the command, on first use
