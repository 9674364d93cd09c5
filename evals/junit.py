"""The scorecard as JUnit XML, which CI systems show as tests: one test suite per run and suite,
with a test case per cluster (an error when it could not be scored), per dataset line not used,
per threshold (a failure when not met) and per metric compared with the baseline (a failure on
a regression)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from evals.scorecard import MetricChange, RunResult, Scorecard, SuiteResult


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=classname, name=name, time="0")


def _suite_element(
    root: ET.Element, run: RunResult, suite: SuiteResult, changes: list[MetricChange]
) -> None:
    classname = f"{run.run.name}.{suite.name}"
    element = ET.SubElement(root, "testsuite", name=f"{run.run.name}/{suite.name}")
    for case in suite.cases:
        test = _case(element, classname, f"cluster {case.id}")
        if case.error is not None:
            ET.SubElement(test, "error", message=case.error)
        else:
            lines = [
                f"{name} = {value:.4g}" for name, value in case.scores.items() if value is not None
            ]
            ET.SubElement(test, "system-out").text = "\n".join(lines)
    for problem in suite.problems:
        test = _case(element, classname, problem.split(": ", 1)[0])
        ET.SubElement(test, "error", message=problem)
    for check in run.checks:
        if check.metric.partition(".")[0] != suite.name:
            continue
        test = _case(element, classname, f"threshold {check.metric} {check.bound} {check.limit:g}")
        if not check.passed:
            ET.SubElement(test, "failure", message=check.message())
    for change in changes:
        test = _case(element, classname, f"no regression of {change.metric}")
        if change.regression:
            ET.SubElement(test, "failure", message=change.message())
        else:
            ET.SubElement(test, "system-out").text = change.message()
    tests = len(element)
    element.set("tests", str(tests))
    element.set("failures", str(len(element.findall("testcase/failure"))))
    element.set("errors", str(len(element.findall("testcase/error"))))
    element.set("time", f"{suite.seconds:.2f}")


def write_junit(scorecard: Scorecard, path: Path) -> None:
    root = ET.Element("testsuites", name="summarize eval", time=f"{scorecard.seconds:.2f}")
    changes = scorecard.comparison.changes if scorecard.comparison else []
    for run in scorecard.runs:
        for suite in run.suites:
            mine = [
                c
                for c in changes
                if c.run == run.run.name and c.metric.startswith(f"{suite.name}.")
            ]
            _suite_element(root, run, suite, mine)
    for name in ("tests", "failures", "errors"):
        root.set(name, str(sum(int(suite.get(name, "0")) for suite in root)))
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
