"""The batch's files: the input streamed as jobs, the output written line by line, resumable."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from summarize.batch.jobs import Job, Outcome, error_outcome, record_id


def read_written_ids(output_path: Path) -> set[str]:
    """Ids already in the output; a partial last line (a killed write) is cut off the file."""
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
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(
                    f"{output_path}:{number} is not a report line ({error}); "
                    "remove it before resuming"
                ) from None
    if complete < output_path.stat().st_size:
        os.truncate(output_path, complete)
    return ids


def count_lines(path: Path) -> int:
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


class InputReader:
    """Streams the input's lines as Jobs, or as error Outcomes for lines that are not JSON."""

    def __init__(self, input_path: Path, seen: set[str]) -> None:
        self.input_path = input_path
        self.seen = seen
        self.skipped = 0

    def __iter__(self) -> Iterator[Job | Outcome]:
        with self.input_path.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                line_id = f"line-{number}"
                try:
                    record = json.loads(line)
                except ValueError as error:
                    item: Job | Outcome = error_outcome(line_id, f"not JSON: {error}")
                else:
                    item = Job(record_id(record, line_id), record)
                if item.id in self.seen:
                    self.skipped += 1
                    continue
                self.seen.add(item.id)
                yield item


class LineWriter:
    """Appends whole lines with one unbuffered write each, so a kill cannot split a line."""

    def __init__(self, path: Path, append: bool) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC))

    def write(self, line: str) -> None:
        data = memoryview((line + "\n").encode("utf-8"))
        while data:
            data = data[os.write(self.fd, data) :]

    def close(self) -> None:
        os.close(self.fd)
