import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from tests.imports import modules_imported_by_merge
from tests.stories import QUAKE, SEEDS, write_reports

runner = CliRunner()
SEED_ARGS = [str(path) for path in SEEDS]


def test_merge_json_follows_the_contract():
    result = runner.invoke(app, ["merge", *SEED_ARGS, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["backend"] == "extractive"
    ids = {d["id"] for d in report["documents"]}
    assert "000_82cead1f1c9ff3e4" in ids
    for sentence in report["summary"]:
        assert sentence["citations"] and set(sentence["citations"]) <= ids
    for finding in report["findings"]:
        assert {"kind", "severity", "documents", "evidence", "explanation"} <= finding.keys()


def test_a_page_saved_in_windows_1252_is_merged_in_the_charset_it_declares(tmp_path):
    """As a browser reads it: its curly quotes and dashes are the page's, not an error."""
    page = tmp_path / "farm.html"
    page.write_bytes(
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; '
            'charset=windows-1252"><title>Senate passes “farm bill” after night’s talks</title>'
            "</head><body><article><p>WASHINGTON (AP) — The Senate passed a $95 billion farm "
            "bill early Wednesday after negotiators struck a deal, a senator said.</p>"
            "<p>“We did it,” Alvarez said after the 68-31 vote on the floor.</p>"
            "</article></body></html>"
        ).encode("cp1252")
    )
    result = runner.invoke(app, ["merge", SEED_ARGS[0], str(page), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    report = json.loads(result.stdout)
    assert report["problems"] == []
    farm = next(d for d in report["documents"] if d["id"] == "farm")
    assert (farm["title"], farm["outlet"]) == (
        "Senate passes “farm bill” after night’s talks",
        "AP",
    )
    told = [s["text"] for s in report["summary"] if s["citations"] == ["farm"]]
    # the em dash read as one: the dateline is out of the lead (the day of the event may go)
    assert told[0].startswith("The Senate passed a $95 billion farm bill ")
    assert told[0].endswith(" after negotiators struck a deal, a senator said.")


def test_check_json_has_no_summary():
    result = runner.invoke(app, ["check", *SEED_ARGS, "--format", "json"])
    report = json.loads(result.stdout)
    assert "summary" not in report and "backend" not in report
    assert report["findings"]


def test_markdown_numbers_the_citations_and_lists_the_reports(tmp_path):
    result = runner.invoke(app, ["merge", *write_reports(tmp_path, QUAKE)])
    assert result.exit_code == 0, result.output
    assert "# Merged summary of 3 reports" in result.stdout
    assert "[1]" in result.stdout and "## Consistency report" in result.stdout
    assert "Numbers differ 1" in result.stdout  # the tally before the list


@pytest.mark.parametrize("command", ["merge", "check"])
def test_markdown_of_several_clusters_names_each(command: str, tmp_path) -> None:
    lines = [
        json.dumps({"id": cluster_id, "sources": list(QUAKE.values())})
        for cluster_id in ("quake-monday", "quake-tuesday")
    ]
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, [command, str(clusters)])
    headings = [line for line in result.stdout.splitlines() if line.startswith("# ")]
    assert headings == ["# 2 stories", "# quake-monday", "# quake-tuesday"], result.output


def test_max_words_is_respected():
    result = runner.invoke(app, ["merge", *SEED_ARGS, "--format", "json", "--max-words", "40"])
    summary = json.loads(result.stdout)["summary"]
    assert sum(len(s["text"].split()) for s in summary) <= 40


def test_jsonl_clusters_on_stdin_give_one_report_each():
    lines = "\n".join(
        json.dumps({"id": f"c{n}", "sources": list(QUAKE.values())}) for n in range(2)
    )
    result = runner.invoke(app, ["merge", "-", "--format", "json"], input=lines)
    assert result.exit_code == 0, result.output
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in reports] == ["c0", "c1"]


def test_a_missing_file_is_named_and_the_rest_still_merged(tmp_path):
    paths = write_reports(tmp_path, QUAKE)
    result = runner.invoke(app, ["merge", *paths, str(tmp_path / "nope.txt"), "--format", "json"])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 3


def test_a_web_address_is_named_as_one_not_fetched_and_the_rest_still_merged(tmp_path):
    paths = write_reports(tmp_path, QUAKE)
    address = "https://example.com/news/quake.html"
    result = runner.invoke(app, ["merge", *paths, address, "--format", "json"])
    assert result.exit_code == 1
    assert f"{address}: a web address" in result.stderr and "save the page" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 3
    # a batch's input too, and a drive letter is no web address
    batch = runner.invoke(app, ["batch", "https://example.com/clusters.jsonl", "-o", "out.jsonl"])
    assert batch.exit_code == 2 and "a web address" in batch.stderr
    drive = runner.invoke(app, ["merge", *paths, "C:/news/quake.txt"])
    assert "C:/news/quake.txt: file not found" in drive.stderr


def test_an_empty_argument_reads_nothing_and_the_rest_is_merged(tmp_path, monkeypatch):
    """Path("") is the working directory: an empty argument must not merge what lies there."""
    (tmp_path / "reports").mkdir()
    paths = write_reports(tmp_path / "reports", QUAKE)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("Unrelated notes about the garden and the weather.\n")
    monkeypatch.chdir(elsewhere)
    result = runner.invoke(app, ["merge", *paths, "", "--format", "json"])
    assert result.exit_code == 1
    assert "'': an empty argument" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == len(paths)  # no notes.txt


def test_version_is_printed_and_nothing_else_runs():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("summarize ") and result.stdout.split()[1][0].isdigit()


def test_nothing_usable_exits_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["merge", str(empty)])
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr


def test_a_single_report_is_summarised_with_nothing_to_compare(tmp_path):
    result = runner.invoke(app, ["merge", write_reports(tmp_path, {"only": QUAKE["wire"]})[0]])
    assert result.exit_code == 0
    assert "nothing to compare" in result.stdout


def test_fail_on_high_exits_3_when_reports_conflict(tmp_path):
    paths = write_reports(tmp_path, QUAKE)
    assert runner.invoke(app, ["check", *paths, "--fail-on", "high"]).exit_code == 3
    assert runner.invoke(app, ["check", *paths]).exit_code == 0


def test_help_explains_every_merge_option():
    result = runner.invoke(app, ["merge", "--help"])
    for option in ("--format", "--max-words", "--backend", "--output", "--fail-on"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["batch"], "pip install -e .[ray]"),
        (["batch"], "0 every cluster merged; 1 some clusters failed"),
        (["eval"], "a pyproject.toml with [tool.summarize.eval]: datasets"),
        (["eval"], "a metric fell by more than its noise"),
    ],
)
def test_help_prints_its_text_as_written(command: list[str], written: str) -> None:
    """Brackets are text, not markup to swallow, and a paragraph's lines join into one."""
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "300"})
    lines = [line.strip(" │") for line in result.stdout.splitlines()]
    assert written in " ".join(line for line in lines if line)


def test_a_merge_never_imports_lemminflect(tmp_path):
    """Its loader parses every entry of its tables (half a second) where a headline in title
    case asks about a few words: the table is searched as a file, even for such a headline."""
    assert "lemminflect" not in modules_imported_by_merge([str(path) for path in SEEDS])
    headline = "Weekly Jobless Claims Fall As Iran Mourns Pretty Soon"
    stories = {"sources": [{"title": headline, "text": text} for text in QUAKE.values()]}
    path = tmp_path / "stories.json"
    path.write_text(json.dumps(stories), encoding="utf-8")
    assert "lemminflect" not in modules_imported_by_merge([str(path)])


def test_default_merge_does_not_import_the_llm_stack():
    code = (
        "import sys; from summarize.cli import app\n"
        "import summarize.pipeline\n"
        "print(any(m in sys.modules for m in ('openai', 'tiktoken', 'httpx')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_file_of_bad_lines_says_the_first_few_and_counts_the_rest(tmp_path):
    bad = tmp_path / "notes.jsonl"  # an article saved under a .jsonl name: bad on every line
    bad.write_text("".join(f"Line {number} of plain notes.\n" for number in range(100)))
    paths = write_reports(tmp_path, QUAKE)
    result = runner.invoke(app, ["merge", *paths, str(bad), "--format", "json"])
    said = [line for line in result.stderr.splitlines() if "notes.jsonl" in line]
    assert len(said) == 6 and said[-1].endswith("95 more bad lines (not JSON clusters), not read")
    assert result.exit_code == 1
