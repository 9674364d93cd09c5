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
