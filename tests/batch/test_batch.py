"""Batch runs on real NeuS clusters: killed and resumed, interrupted, bad lines, dead workers, Ray.

The kill tests run the batch in a child process (its own session, so the kill reaches the
workers too) and kill it once some lines are written; the resumed run must then hold every
cluster exactly once, each line a complete report or error record.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

import pytest

from summarize.batch import BatchError, read_written_ids, run_batch
from summarize.batch.jobs import Outcome
from summarize.ingest import load_inputs
from tests.stories import NEUS

ROOT = Path(__file__).resolve().parents[2]
CLUSTERS = 40
SOURCES_PER_CLUSTER = 9  # three NeuS stories per cluster: slow enough to kill mid-run


def neus_records(count: int, stories_per_record: int = 1) -> list[dict[str, object]]:
    with NEUS.open(encoding="utf-8") as lines:
        stories = [json.loads(line) for line in islice(lines, count * stories_per_record)]
    return [
        {
            "id": f"cluster-{n}",
            "sources": [s for story in group for s in story["sources"]],
        }
        for n, group in enumerate(
            stories[i : i + stories_per_record] for i in range(0, len(stories), stories_per_record)
        )
    ]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def big_input(tmp_path: Path) -> Path:
    records = neus_records(CLUSTERS, SOURCES_PER_CLUSTER // 3)
    return write_jsonl(tmp_path / "clusters.jsonl", [json.dumps(r) for r in records])


def output_lines(path: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def start_batch(input_path: Path, output_path: Path, **options: object) -> subprocess.Popen[str]:
    """`summarize batch` in a child process, as a user would run it."""
    flags = [
        f"--{name.replace('_', '-')}" if value is True else f"--{name.replace('_', '-')}={value}"
        for name, value in options.items()
        if value is not False
    ]
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "summarize.cli",
            "batch",
            str(input_path),
            "-o",
            str(output_path),
            "--no-progress",
            *flags,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # As from a terminal: a shell starting a background job (pytest run with "&") hands
        # it Ctrl-C ignored, which the batch, rightly, keeps ignoring.
        preexec_fn=_interrupts_as_in_a_terminal,
    )


def _interrupts_as_in_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for_lines(path: Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.01)
    pytest.fail(f"the batch wrote fewer than {count} lines: {process.communicate()[1][-2000:]}")


def kill_group(process: subprocess.Popen[str], sig: signal.Signals) -> tuple[str, str]:
    os.killpg(process.pid, sig)
    return process.communicate(timeout=60)


def assert_each_id_once(output_path: Path, ids: list[str]) -> list[dict[str, object]]:
    lines = output_lines(output_path)
    assert Counter(str(line["id"]) for line in lines) == Counter(ids)
    return lines


def kill_and_resume(input_path: Path, output_path: Path, **options: object) -> None:
    ids = [str(json.loads(line)["id"]) for line in input_path.read_text().splitlines()]
    process = start_batch(input_path, output_path, jobs=1, **options)
    wait_for_lines(output_path, 3, process)
    kill_group(process, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    written = output_lines(output_path)
    assert 3 <= len(written) < len(ids), "the kill came after the batch had finished"
    # A write cut short by a crash leaves a partial last line; resume must drop it and redo it.
    with output_path.open("a", encoding="utf-8") as output:
        output.write(json.dumps({"id": ids[-1], "documents": []})[:-5])

    result = run_batch(input_path, output_path, jobs=2, resume=True, progress=False, **options)

    lines = assert_each_id_once(output_path, ids)
    assert result.skipped == len(written)
    assert result.done == len(ids) - len(written)
    assert result.failed == 0
    assert all(line["summary"] and line["documents"] for line in lines)


def test_killed_batch_resumes_with_every_cluster_exactly_once(
    big_input: Path, tmp_path: Path
) -> None:
    kill_and_resume(big_input, tmp_path / "reports.jsonl")


def test_ctrl_c_keeps_finished_lines_and_says_it_was_interrupted(
    big_input: Path, tmp_path: Path
) -> None:
    output_path = tmp_path / "reports.jsonl"
    process = start_batch(big_input, output_path, jobs=2)
    wait_for_lines(output_path, 3, process)
    _, stderr = kill_group(process, signal.SIGINT)  # like Ctrl-C in a terminal

    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    finished = len(output_lines(output_path))
    assert finished < CLUSTERS
    resumed = run_batch(big_input, output_path, jobs=2, resume=True, progress=False)
    assert resumed.skipped == finished and resumed.done == CLUSTERS - finished


def test_bad_lines_get_error_records_and_the_rest_is_processed(tmp_path: Path) -> None:
    good = neus_records(4)
    lines = [
        json.dumps(good[0]),
        '{"id": "broken", "sources": [',
        json.dumps(good[1]),
        "",
        json.dumps([1, 2, 3]),
        json.dumps({"id": "empty", "sources": []}),
        json.dumps({"id": "not-articles", "sources": ["12 34", "{}"]}),
        json.dumps(good[2]),
        json.dumps(good[1]),  # repeated id: written once
        json.dumps({"sources": good[3]["sources"]}),  # no id: named after its line
    ]
    input_path = write_jsonl(tmp_path / "in.jsonl", lines)
    output_path = tmp_path / "out.jsonl"

    result = run_batch(input_path, output_path, jobs=2, progress=False)

    assert (result.done, result.failed, result.skipped) == (4, 4, 1)
    by_id = {str(line["id"]): line for line in output_lines(output_path)}
    assert set(by_id) == {
        "cluster-0",
        "line-2",
        "cluster-1",
        "line-5",
        "empty",
        "not-articles",
        "cluster-2",
        "line-10",
    }
    assert "not JSON" in str(by_id["line-2"]["error"])
    assert "array" in str(by_id["line-5"]["error"])
    assert "sources" in str(by_id["empty"]["error"])
    assert "not an article" in str(by_id["not-articles"]["error"])
    assert [d["id"] for d in by_id["line-10"]["documents"]] == [
        "line-10-1",
        "line-10-2",
        "line-10-3",
    ]
    for cluster_id in ("cluster-0", "cluster-1", "cluster-2", "line-10"):
        assert "error" not in by_id[cluster_id] and by_id[cluster_id]["summary"]

    again = run_batch(input_path, output_path, resume=True, progress=False)
    assert (again.done, again.failed, again.skipped) == (0, 0, 9)


def test_an_input_starting_with_a_utf8_bom_loses_no_cluster(tmp_path: Path) -> None:
    records = "".join(f"{json.dumps(record)}\n" for record in neus_records(2))
    input_path = tmp_path / "in.jsonl"
    input_path.write_bytes(codecs.BOM_UTF8 + records.encode("utf-8"))  # as Notepad saves it
    output_path = tmp_path / "out.jsonl"

    result = run_batch(input_path, output_path, jobs=1, progress=False)

    assert (result.done, result.failed) == (2, 0)
    assert_each_id_once(output_path, ["cluster-0", "cluster-1"])


def test_a_line_that_is_not_utf8_is_its_own_error_as_merge_reports_it(tmp_path: Path) -> None:
    first, second = (json.dumps(record) for record in neus_records(2))
    input_path = tmp_path / "in.jsonl"
    input_path.write_bytes(f"{first}\n".encode() + b'{"id": "bad\xff"}\n' + f"{second}\n".encode())
    output_path = tmp_path / "out.jsonl"

    result = run_batch(input_path, output_path, jobs=1, progress=False)

    assert (result.done, result.failed) == (2, 1)
    lines = [json.loads(line) for line in output_path.read_text("utf-8").splitlines()]
    errors = [line for line in lines if "error" in line]
    assert errors == [
        {
            "id": "line-2",
            "error": "not UTF-8 text: invalid byte 0xff at byte offset 11 of the line "
            "(save it as UTF-8)",
        }
    ]


def test_batch_and_merge_split_a_jsonl_file_into_the_same_lines(tmp_path: Path) -> None:
    """At CR, LF and CRLF, and nowhere else: U+2028 and U+0085 may stand raw in a JSON string."""
    first, second, third = (json.dumps(r, ensure_ascii=False) for r in neus_records(3))
    second = second.replace(". ", ".\u2028 ", 1).replace(". ", ".\x85 ", 1)
    input_path = tmp_path / "in.jsonl"
    input_path.write_bytes(f"{first}\r{second}\r\n{third}\n".encode())
    output_path = tmp_path / "out.jsonl"

    result = run_batch(input_path, output_path, jobs=1, progress=False)
    merged = load_inputs([str(input_path)])

    assert (result.done, result.failed) == (3, 0)
    assert_each_id_once(output_path, ["cluster-0", "cluster-1", "cluster-2"])
    assert [cluster.id for cluster in merged] == ["cluster-0", "cluster-1", "cluster-2"]
    assert all(cluster.problems == [] for cluster in merged)


def test_a_new_run_starts_the_output_afresh(tmp_path: Path) -> None:
    input_path = write_jsonl(tmp_path / "in.jsonl", [json.dumps(r) for r in neus_records(2)])
    output_path = write_jsonl(tmp_path / "out.jsonl", ['{"id": "old"}'])
    run_batch(input_path, output_path, jobs=1, progress=False)
    assert_each_id_once(output_path, ["cluster-0", "cluster-1"])


def test_resume_refuses_an_output_with_a_corrupt_line(tmp_path: Path) -> None:
    output_path = write_jsonl(tmp_path / "out.jsonl", ['{"id": "a"}', "not json", '{"id": "b"}'])
    with pytest.raises(ValueError, match=r"out\.jsonl:2"):
        read_written_ids(output_path)


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(child) for child in (task / "children").read_text().split()]
    return children


def test_a_dead_worker_fails_its_clusters_and_the_batch_goes_on(
    big_input: Path, tmp_path: Path
) -> None:
    if not Path("/proc/self/task").exists():
        pytest.skip("needs /proc to find the worker processes")
    output_path = tmp_path / "reports.jsonl"
    process = start_batch(big_input, output_path, jobs=2)
    wait_for_lines(output_path, 2, process)
    workers = [worker for child in _children(process.pid) for worker in _children(child)]
    assert workers, "no worker process found under the forkserver"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)

    ids = [f"cluster-{n}" for n in range(CLUSTERS)]
    lines = assert_each_id_once(output_path, ids)
    errors = [line for line in lines if "error" in line]
    assert process.returncode == 1 and errors, stderr  # some clusters failed
    assert all("worker process died" in str(line["error"]) for line in errors)
    assert CLUSTERS - len(errors) >= CLUSTERS // 2


class _PoolWhoseWorkerDies:
    """A process pool whose worker dies while `in_flight` clusters wait on it: the death fails
    them, and the next submission raises, as a real pool's does once its manager thread has
    seen the death (which can come between two submissions, before any wait sees it)."""

    def __init__(self, in_flight: int) -> None:
        self.futures: list[Future[Outcome]] = []
        self.in_flight = in_flight

    def submit(self, fn: Callable[..., Outcome], *args: object) -> Future[Outcome]:
        if len(self.futures) == self.in_flight:
            for future in self.futures:
                future.set_exception(BrokenProcessPool("a child process terminated abruptly"))
            raise BrokenProcessPool("a child process terminated abruptly")
        self.futures.append(Future())
        return self.futures[-1]

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


class _PoolInProcess:
    def submit(self, fn: Callable[..., Outcome], *args: object) -> Future[Outcome]:
        future: Future[Outcome] = Future()
        future.set_result(fn(*args))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_a_worker_dying_between_two_submissions_fails_its_clusters_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summarize.batch import local
    from summarize.batch.jobs import Job

    pools: list[object] = [_PoolWhoseWorkerDies(in_flight=3), _PoolInProcess()]
    monkeypatch.setattr(local, "_new_pool", lambda jobs: pools.pop(0))
    jobs = [Job(str(record["id"]), record) for record in neus_records(6)]

    outcomes = list(local.local_outcomes(jobs, jobs=2, max_words=None))

    assert sorted(o.id for o in outcomes) == sorted(job.id for job in jobs)
    failed = [o for o in outcomes if o.failed]
    assert len(failed) == 3
    assert all(local.WORKER_DIED in o.line for o in failed)


# ---------------------------------------------------------------- no process left behind


def session_processes(session: int) -> list[str]:
    """The live (not zombie) processes of a session, as "pid command"."""
    found = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            command, rest = stat_file.read_text().rsplit(")", 1)
        except OSError:  # ended meanwhile
            continue
        state, _, _, process_session = rest.split()[:4]
        if int(process_session) == session and state != "Z":
            found.append(f"{stat_file.parent.name} {command.split('(', 1)[1]}")
    return found


def assert_session_ends(session: int) -> None:
    deadline = time.monotonic() + 20
    while (left := session_processes(session)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == [], "processes outlived the batch"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stop_signal_to_the_batch_alone_ends_every_child(
    sig: signal.Signals, big_input: Path, tmp_path: Path
) -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to list the processes")
    output_path = tmp_path / "reports.jsonl"
    process = start_batch(big_input, output_path, jobs=2)
    wait_for_lines(output_path, 2, process)
    assert len(session_processes(process.pid)) >= 4  # batch, forkserver, workers, tracker
    os.kill(process.pid, sig)  # the batch process only, as `kill PID` or a supervisor does
    _, stderr = process.communicate(timeout=60)

    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert_session_ends(process.pid)
    output_lines(output_path)  # whole lines only


def test_workers_end_when_the_batch_process_dies(big_input: Path, tmp_path: Path) -> None:
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to list the processes")
    output_path = tmp_path / "reports.jsonl"
    process = start_batch(big_input, output_path, jobs=2)
    wait_for_lines(output_path, 2, process)
    os.kill(process.pid, signal.SIGKILL)  # no handler runs: the children must notice alone
    process.communicate(timeout=60)
    assert_session_ends(process.pid)


def test_a_second_batch_on_the_same_output_is_refused(big_input: Path, tmp_path: Path) -> None:
    output_path = tmp_path / "reports.jsonl"
    first = start_batch(big_input, output_path, jobs=1)
    wait_for_lines(output_path, 1, first)
    for resume in (False, True):
        with pytest.raises(BatchError, match="another summarize batch is writing this file"):
            run_batch(big_input, output_path, resume=resume, progress=False)
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert_each_id_once(output_path, [f"cluster-{n}" for n in range(CLUSTERS)])


def test_a_line_over_the_limit_gets_an_error_record_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("summarize.batch.files.MAX_INPUT_BYTES", 1000)
    article = (
        "Floodwaters forced thousands of residents from their homes on Sunday, officials said."
    )
    small = [json.dumps({"id": f"small-{n}", "sources": [article, article]}) for n in (1, 2)]
    long = json.dumps({"id": "long", "sources": [article] * 20})
    input_path = write_jsonl(tmp_path / "in.jsonl", [small[0], long, small[1]])

    result = run_batch(input_path, tmp_path / "out.jsonl", jobs=1, progress=False)

    by_id = {line["id"]: line for line in output_lines(tmp_path / "out.jsonl")}
    assert by_id["line-2"] == {"id": "line-2", "error": "line too long (over 1,000 bytes)"}
    assert (result.done, result.failed) == (2, 1)


# ---------------------------------------------------------------- the Ray engine


@pytest.fixture(scope="module")
def ray_address() -> Iterator[str]:
    ray = pytest.importorskip("ray", reason="the Ray engine needs the optional extra: .[ray]")
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"  # tests make no call outside this machine
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


def test_ray_engine_writes_what_the_local_engine_writes(ray_address: str, tmp_path: Path) -> None:
    records = neus_records(12)
    lines = [json.dumps(r) for r in records[:6]] + ["{oops"] + [json.dumps(r) for r in records[6:]]
    input_path = write_jsonl(tmp_path / "in.jsonl", lines)
    local, remote = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"

    local_result = run_batch(input_path, local, jobs=2, progress=False)
    ray_result = run_batch(input_path, remote, engine="ray", progress=False)

    assert (
        (ray_result.done, ray_result.failed) == (local_result.done, local_result.failed) == (12, 1)
    )
    assert sorted(local.read_text().splitlines()) == sorted(remote.read_text().splitlines())


def test_ray_engine_killed_batch_resumes_with_every_cluster_exactly_once(
    ray_address: str, big_input: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The killed driver connects to the test's Ray instance, as it would to a cluster.
    monkeypatch.setenv("RAY_ADDRESS", ray_address)
    kill_and_resume(big_input, tmp_path / "reports.jsonl", engine="ray")


def test_closing_the_outcomes_early_leaves_no_pool_thread_running() -> None:
    """A pool thread still running at exit races the interpreter's own pool clean-up: an
    OSError traceback after "interrupted", or a hang. Closing early must end it."""
    from summarize.batch.jobs import Job
    from summarize.batch.local import local_outcomes

    jobs = [Job(str(record["id"]), record) for record in neus_records(12, 3)]
    outcomes = local_outcomes(jobs, jobs=2, max_words=None)
    next(outcomes)
    outcomes.close()  # as Ctrl-C does, with clusters still in flight

    pool_threads = [
        t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"
    ]
    assert pool_threads == []
