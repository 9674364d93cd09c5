"""One cluster under one run: merge it (or only check it) and score the report. Runs in the
parent process or in a worker; never raises, so one bad cluster never stops the others."""

from __future__ import annotations

from evals.dataset import EvalCase
from evals.runs import CassetteUse, Run, prompts_from
from evals.scorecard import CaseResult
from evals.scoring import score_case
from evals.suites import Solve
from summarize.llm.cache import NotRecorded
from summarize.llm.errors import LLMError, NothingSupported
from summarize.pipeline import check, merge


def evaluate_case(
    case: EvalCase,
    run: Run,
    solve: Solve = "merge",
    max_words: int | None = None,
    cassette: CassetteUse | None = None,
) -> CaseResult:
    """The case's scores, or its error. The summary's length is the run's, else the line's,
    else `max_words` (the suite's), else merge's default for the reports."""
    words = run.max_words or case.gold.max_words or max_words
    try:
        with prompts_from(run.prompts):
            settings = run.llm_settings(cassette)
            if solve == "check":
                report = check(case.cluster, backend=run.backend, llm_settings=settings)
            else:
                try:
                    report = merge(case.cluster, words, backend=run.backend, llm_settings=settings)
                except NothingSupported as error:
                    # The model's answer, scored as what a reader gets from it: no summary,
                    # and the offline checker's findings, as merge gives with any backend.
                    checked = check(case.cluster)
                    notes = [*checked.notes, f"the LLM's summary is empty: {error}"]
                    report = checked.model_copy(update={"summary": [], "notes": notes})
        return score_case(case, report, words)
    except NotRecorded as error:
        return CaseResult(id=case.id, error=str(error), not_recorded=error.key.prompt_version)
    except LLMError as error:
        return CaseResult(id=case.id, error=f"the LLM failed: {error}")
    except Exception as error:  # a bug must not take the other clusters down
        return CaseResult(id=case.id, error=f"{type(error).__name__}: {error}")
