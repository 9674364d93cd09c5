"""SummEdits (news): the offline faithfulness judge as an inconsistency detector.

A pair is predicted inconsistent when any summary sentence is judged unsupported or contradicted.
Scores: balanced accuracy (mean of the recall on inconsistent pairs and the specificity on
consistent ones), the recall of each edit type, and the confusion counts, for the dev half (where
the judge's thresholds were chosen), the test half and all pairs. Published balanced accuracy on
this domain: SummaC-Conv 61.9, QAFactEval 74.4, ChatGPT 74.4, Claude 2.1 77.2, GPT-4 83.3,
human 90.0.

    python -m evals.summedits [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from evals import DATA_DIR
from evals.metrics import balanced_accuracy
from summarize.analyze import analyze
from summarize.ingest import document_from_text
from summarize.judge import Judge
from summarize.text.sentences import split_sentences

SUMMEDITS_PATH = DATA_DIR / "summedits" / "summedits_news.json"
EDIT_TYPES = (
    "entity_modification",
    "antonym_swap",
    "negation_insertion_removal",
    "hallucinated_fact_insertion",
)
Half = Literal["dev", "test"]


class SummEditsPair(BaseModel):
    id: str
    document: str
    summary: str
    consistent: bool
    edit_types: list[str]

    @property
    def half(self) -> Half:
        """Fixed by the document id, so that every edit of one document is in the same half."""
        document_id = self.id.split("_", 1)[0]
        return (
            "dev" if int(hashlib.sha256(document_id.encode()).hexdigest(), 16) % 2 == 0 else "test"
        )


def load_summedits(path: Path = SUMMEDITS_PATH) -> list[SummEditsPair]:
    return [
        SummEditsPair(
            id=item["id"],
            document=item["doc"],
            summary=item["summary"],
            consistent=item["label"] == 1,
            edit_types=item.get("edit_types") or [],
        )
        for item in json.loads(path.read_text(encoding="utf-8"))
    ]


def predict_consistent(pair: SummEditsPair, judge: Judge) -> bool:
    """Consistent when the judge of the pair's document finds every summary sentence supported."""
    return all(
        judge.judge(sentence).label == "supported" for sentence in split_sentences(pair.summary)
    )


def judges(pairs: Sequence[SummEditsPair]) -> dict[str, Judge]:
    """One judge per document: several summaries are edits of one document."""
    documents = dict.fromkeys(pair.document for pair in pairs)
    return {text: Judge(analyze([document_from_text(text, "source")])) for text in documents}


def score(pairs: Sequence[SummEditsPair], predicted: Sequence[bool]) -> dict[str, Any]:
    """Balanced accuracy, specificity, recall by edit type and confusion counts (positive =
    inconsistent, the class a detector is for)."""
    gold = [not pair.consistent for pair in pairs]
    flagged = [not consistent for consistent in predicted]
    confusion = {
        "true_positive": sum(g and f for g, f in zip(gold, flagged, strict=True)),
        "false_negative": sum(g and not f for g, f in zip(gold, flagged, strict=True)),
        "true_negative": sum(not g and not f for g, f in zip(gold, flagged, strict=True)),
        "false_positive": sum(not g and f for g, f in zip(gold, flagged, strict=True)),
    }
    consistent = confusion["true_negative"] + confusion["false_positive"]
    inconsistent = confusion["true_positive"] + confusion["false_negative"]
    recall_by_edit = {}
    for edit in EDIT_TYPES:
        with_edit = [
            f
            for pair, f in zip(pairs, flagged, strict=True)
            if not pair.consistent and edit in pair.edit_types
        ]
        recall_by_edit[edit] = _share(sum(with_edit), len(with_edit))
    return {
        "pairs": len(pairs),
        "balanced_accuracy": round(100 * balanced_accuracy(gold, flagged), 1),
        "recall": _share(confusion["true_positive"], inconsistent),
        "specificity": _share(confusion["true_negative"], consistent),
        "recall_by_edit": recall_by_edit,
        "confusion": confusion,
    }


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def evaluate_summedits(limit: int | None = None, path: Path = SUMMEDITS_PATH) -> dict[str, Any]:
    """Scores on the dev half, the test half and all pairs (the first `limit` pairs if given)."""
    pairs = load_summedits(path)[:limit]
    started = time.perf_counter()
    judge_of = judges(pairs)
    predicted = [predict_consistent(pair, judge_of[pair.document]) for pair in pairs]
    seconds = time.perf_counter() - started
    halves: dict[str, list[int]] = {"dev": [], "test": [], "all": list(range(len(pairs)))}
    for index, pair in enumerate(pairs):
        halves[pair.half].append(index)
    return {
        "seconds": round(seconds, 2),
        **{
            name: score([pairs[i] for i in indexes], [predicted[i] for i in indexes])
            for name, indexes in halves.items()
            if indexes
        },
    }


def format_table(results: dict[str, Any]) -> str:
    halves = [name for name in ("dev", "test", "all") if name in results]
    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
        ("pairs", lambda r: str(r["pairs"])),
        ("balanced accuracy", lambda r: _cell(r["balanced_accuracy"])),
        ("recall (inconsistent)", lambda r: _cell(r["recall"])),
        ("specificity (consistent)", lambda r: _cell(r["specificity"])),
        *[
            (f"  recall: {edit}", lambda r, edit=edit: _cell(r["recall_by_edit"][edit]))
            for edit in EDIT_TYPES
        ],
        *[
            (name.replace("_", " "), lambda r, name=name: str(r["confusion"][name]))
            for name in ("true_positive", "false_negative", "true_negative", "false_positive")
        ],
    ]
    width = max(len(label) for label, _ in rows)
    lines = [" " * width + "".join(f"{name:>8}" for name in halves)]
    lines += [
        f"{label:<{width}}" + "".join(f"{cell(results[name]):>8}" for name in halves)
        for label, cell in rows
    ]
    lines.append(f"runtime: {results['seconds']} s for {results['all']['pairs']} pairs")
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pairs")
    args = parser.parse_args(argv)
    print(format_table(evaluate_summedits(args.limit)))


if __name__ == "__main__":
    main()
