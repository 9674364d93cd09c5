"""Headless Chromium driven over the DevTools protocol on a pipe: no driver, no extra package.

`--remote-debugging-pipe` makes Chromium read protocol messages from file descriptor 3 and write
them to 4, each JSON object ended by a NUL byte. `Browser.open(url)` loads a page and records what
a test asks about: console messages, uncaught exceptions, JavaScript dialogs (alert/confirm,
dismissed at once) and every network request.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--remote-debugging-pipe",
)
TIMEOUT = 15.0
KEYS = {  # key: (code, windowsVirtualKeyCode, text typed)
    "Enter": ("Enter", 13, "\r"),
    " ": ("Space", 32, " "),
    "Tab": ("Tab", 9, ""),
    "Escape": ("Escape", 27, ""),
}


def find_chromium() -> str | None:
    return next(filter(None, (shutil.which(name) for name in CANDIDATES)), None)


class BrowserError(RuntimeError):
    pass


@dataclass
class PageLog:
    """What happened on the page since it was opened."""

    console: list[tuple[str, str]] = field(default_factory=list)  # (level, text)
    exceptions: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [text for level, text in self.console if level == "error"] + self.exceptions


class Browser:
    def __init__(self, executable: str, profile: Path, width: int = 1400, height: int = 900):
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def give_pipes() -> None:  # in the child: the protocol's fds are 3 (in) and 4 (out)
            # copied above 4 first, so that neither dup2 overwrites the other or is a no-op
            read_end = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self._process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,  # the fds dup2 makes are inheritable; Python's own fds are not
            preexec_fn=give_pipes,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self._answers: dict[int, dict[str, Any]] = {}
        self._events: list[dict[str, Any]] = []
        self._target: str | None = None
        self.session: str | None = None
        self.log = PageLog()
        self._size = (width, height)

    # ------------------------------------------------------------ protocol

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise BrowserError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the protocol pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _pump(self, deadline: float) -> None:
        """Read one message: keep an answer for its command, act on an event of this page."""
        message = self._read_message(deadline)
        if "id" in message:
            self._answers[message["id"]] = message
        elif message.get("sessionId") == self.session:
            self._handle_event(message)

    def _handle_event(self, event: dict[str, Any]) -> None:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            self.log.console.append((params["type"], text))
        elif method == "Log.entryAdded":
            self.log.console.append((params["entry"]["level"], params["entry"]["text"]))
        elif method == "Runtime.exceptionThrown":
            self.log.exceptions.append(json.dumps(params["exceptionDetails"]))
        elif method == "Network.requestWillBeSent":
            self.log.requests.append(params["request"]["url"])
        elif method == "Page.javascriptDialogOpening":
            self.log.dialogs.append(params["message"])
            self.send("Page.handleJavaScriptDialog", accept=False)
        self._events.append(event)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while message["id"] not in self._answers:
            self._pump(deadline)
        answer = self._answers.pop(message["id"])
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def wait_for(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for event in self._events:
                if event["method"] == method:
                    self._events.remove(event)
                    return event.get("params", {})
            self._pump(deadline)

    # ------------------------------------------------------------ pages

    def open(self, url: str) -> PageLog:
        """A fresh tab showing `url`, loaded; its log starts empty."""
        if self._target:
            self.send("Target.closeTarget", targetId=self._target)
        self._target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=self._target, flatten=True)[
            "sessionId"
        ]
        self.log = PageLog()
        self._events.clear()
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.set_viewport(*self._size)
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        return self.log

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r} raised {result['exceptionDetails']}")
        return result["result"].get("value")

    def press(self, key: str) -> None:
        """One key press on the focused element, as a keyboard user would: Enter, Space, Tab..."""
        code, key_code, text = KEYS[key]
        self.send(
            "Input.dispatchKeyEvent",
            type="keyDown",
            key=key,
            code=code,
            windowsVirtualKeyCode=key_code,
            text=text,
        )
        self.send(
            "Input.dispatchKeyEvent",
            type="keyUp",
            key=key,
            code=code,
            windowsVirtualKeyCode=key_code,
        )

    def set_viewport(self, width: int, height: int) -> None:
        """The size of this page and of those opened after it."""
        self._size = (width, height)
        if self.session is None:
            return
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def emulate_media(self, media: str = "", **features: str) -> None:
        """`emulate_media("print")`, `emulate_media(prefers_color_scheme="dark")`."""
        pairs = [{"name": n.replace("_", "-"), "value": v} for n, v in features.items()]
        self.send("Emulation.setEmulatedMedia", media=media, features=pairs)

    def screenshot(self, path: Path) -> None:
        """The viewport as it is now, as a PNG file."""
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.session = None
            self.send("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
