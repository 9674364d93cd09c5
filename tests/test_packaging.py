"""What a wheel holds: every package of the tree, the prompts, the lexicons, the eval data."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_of_the_tree_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for top in ("summarize", "evals")
        for path in (ROOT / top).rglob("__init__.py")
    }
    assert found | {"summarize.prompts"} == listed


def test_prompts_and_data_are_package_data() -> None:
    from importlib import resources

    assert resources.files("summarize.prompts").joinpath("merge_system.txt").is_file()
    assert resources.files("summarize").joinpath("lexicons", "bias-lexicon.txt").is_file()
    assert resources.files("evals").joinpath("thresholds.toml").is_file()


def test_the_seed_reports_of_the_evals_are_package_data() -> None:
    """`summarize eval` from a wheel reads the seeds from the evals package, not the checkout."""
    from evals.suites.seeds import load_seeds_gold

    evals_dir = ROOT / "evals"
    paths = load_seeds_gold().source_paths
    assert paths and all(path.is_file() for path in paths)
    assert all(path.parent.parent == evals_dir / "data" for path in paths)
