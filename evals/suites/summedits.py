"""SummEdits news: the faithfulness judge as an inconsistency detector (see `evals.summedits`).

Not a dataset of clusters (document/summary pairs, and the judge is the solver), so a custom
suite. The judge is offline whatever the run, so the run does not change it; `--limit` takes the
first pairs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evals.scorecard import Cell, SuiteResult, Table
from evals.suites import CustomSuite
from evals.summedits import EDIT_TYPES, evaluate_summedits

if TYPE_CHECKING:
    from evals.runs import Run
    from evals.suites import Progress

# Balanced accuracy on the news domain, from Laban et al. (2023), "LLMs as Factual Reasoners".
PUBLISHED = {
    "SummaC-Conv": 61.9,
    "QAFactEval": 74.4,
    "ChatGPT": 74.4,
    "Claude 2.1": 77.2,
    "GPT-4": 83.3,
    "human": 90.0,
}


def run_summedits(run: Run, limit: int | None, progress: Progress) -> SuiteResult:
    progress.start(total=1)
    results = evaluate_summedits(limit=limit)
    progress.advance()
    overall, held_out = results["all"], results.get("test", {})
    metrics: dict[str, float | None] = {
        "balanced_accuracy": overall["balanced_accuracy"],
        "test.balanced_accuracy": held_out.get("balanced_accuracy"),
        "recall": overall["recall"],
        "specificity": overall["specificity"],
        **{f"recall.{edit}": overall["recall_by_edit"][edit] for edit in EDIT_TYPES},
    }
    rows: list[list[Cell]] = [
        ["summarize (offline judge), all pairs", overall["balanced_accuracy"]],
        ["summarize (offline judge), test half", held_out.get("balanced_accuracy")],
    ]
    rows += [[name, score] for name, score in PUBLISHED.items()]
    return SuiteResult(
        name="summedits",
        metrics=metrics,
        tables=[
            Table(
                title=f"SummEdits news, {overall['pairs']} pairs: balanced accuracy",
                columns=["detector", "balanced accuracy"],
                rows=rows,
                note=(
                    "The judge's thresholds were chosen on the dev half; the test half is "
                    "held out. Published figures: Laban et al. (2023), same data."
                ),
            )
        ],
    )


SUMMEDITS = CustomSuite(name="summedits", run=run_summedits)
