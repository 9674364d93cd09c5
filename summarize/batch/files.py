"""The batch's files: the input streamed as jobs, the output locked and written line by line,
resumable. Anything wrong with them is a BatchError whose message names the file and the
problem, raised before any work starts."""

from __future__ import annotations

import fcntl
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from summarize.batch.jobs import Job, Outcome, error_outcome, record_id
from summarize.ingest import (
    MAX_INPUT_BYTES,
    InputError,
    decode_line,
    jsonl_lines,
    line_too_long,
    load_json,
    missing,
)


class BatchError(ValueError):
    """The batch cannot run (its input, its output or its engine); the message says why."""


def check_files(input_path: Path, output_path: Path) -> None:
    """Refuse an input that is no regular file (it is read twice: counted, then streamed) and an
    output that cannot be the batch's: a directory, a device, the input itself, in no directory."""
    try:
        info = input_path.stat()
    except OSError as error:
        raise BatchError(f"{input_path}: {_reason(error)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise BatchError(f"{input_path}: not a regular file (give a JSONL file of clusters)")
    try:
        output = output_path.stat()
    except FileNotFoundError:
        parent = output_path.parent
        if not parent.is_dir():
            raise BatchError(f"{output_path}: no such directory: {parent}") from None
        return
    except OSError as error:
        raise BatchError(f"{output_path}: {_reason(error)}") from None
    if stat.S_ISDIR(output.st_mode):
        raise BatchError(f"{output_path}: is a directory; -o takes the file to write")
    if not stat.S_ISREG(output.st_mode):
        raise BatchError(f"{output_path}: not a regular file; -o takes the file to write")
    if os.path.samestat(info, output):
        raise BatchError(f"{output_path}: is the input file; choose another output")


def read_written_ids(output_path: Path) -> set[str]:
    """Ids already in the output; a partial last line (a killed write) is cut off the file.

    Raises BatchError naming the first line that is neither a report nor an error record (the
    output was edited or damaged): the user decides what to keep.
    """
    ids: set[str] = set()
    if not output_path.exists():
        return ids
    complete = 0
    with output_path.open("rb") as output:
        for number, line in enumerate(output, 1):
            if not line.endswith(b"\n"):
                break
            complete += len(line)
            if not line.strip():
                continue
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError, RecursionError):
                raise BatchError(
                    f"{output_path}:{number}: not a report line; delete that line to resume, "
                    "or run without --resume to start afresh"
                ) from None
    if complete < output_path.stat().st_size:
        os.truncate(output_path, complete)
    return ids


def count_lines(path: Path) -> int:
    with path.open("rb") as file:
        return sum(1 for line in jsonl_lines(file, MAX_INPUT_BYTES) if line is None or line.strip())


class InputReader:
    """Streams the input's lines as Jobs, or as error Outcomes for lines that are not JSON."""

    def __init__(self, input_path: Path, seen: set[str]) -> None:
        self.input_path = input_path
        self.seen = seen
        self.skipped = 0

    def __iter__(self) -> Iterator[Job | Outcome]:
        with self.input_path.open("rb") as file:
            for number, line in enumerate(jsonl_lines(file, MAX_INPUT_BYTES), 1):
                if line is not None and not line.strip():
                    continue
                item = _item(line, f"line-{number}")
                if item.id in self.seen:
                    self.skipped += 1
                    continue
                self.seen.add(item.id)
                yield item


def _item(line: bytes | None, line_id: str) -> Job | Outcome:
    if line is None:
        return error_outcome(line_id, line_too_long(MAX_INPUT_BYTES))
    try:
        record = load_json(decode_line(line))
    except InputError as error:  # not UTF-8: the line's own problem, as merge reports it
        return error_outcome(line_id, str(error))
    except json.JSONDecodeError as error:
        return error_outcome(line_id, f"not JSON: {error}")
    except ValueError as error:  # valid JSON beyond the bounds
        return error_outcome(line_id, str(error))
    return Job(record_id(record, line_id), record)


class OutputFile:
    """The output, locked for as long as it is open so that a second batch writing it gets a
    BatchError instead of interleaving lines; whole lines are appended with unbuffered writes, so
    a kill leaves at most one partial line at the end. With `resume` the ids already written are
    in `written`; without, the file is emptied (once the lock is held)."""

    def __init__(self, path: Path, resume: bool) -> None:
        try:
            # O_NONBLOCK: a FIFO put there meanwhile fails the open instead of blocking it.
            self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK)
        except OSError as error:
            raise BatchError(f"{path}: cannot write: {_reason(error)}") from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            raise BatchError(
                f"{path}: another summarize batch is writing this file; wait for it to finish "
                "or choose another output"
            ) from None
        try:
            self.written = read_written_ids(path) if resume else set()
            if not resume:
                os.ftruncate(self.fd, 0)
        except BaseException:
            os.close(self.fd)
            raise

    def write(self, line: str) -> None:
        data = memoryview((line + "\n").encode("utf-8"))
        while data:
            data = data[os.write(self.fd, data) :]

    def close(self) -> None:
        os.close(self.fd)  # releases the lock


def _reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return missing(str(error.filename or ""))
    return str(error.strerror)
