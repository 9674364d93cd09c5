"""Bounded reads: a regular file, a pipe or FIFO, or stdin, as UTF-8 text (an HTML page that is
not UTF-8 in the charset it declares, as a browser reads it).

MAX_INPUT_BYTES per input (counted while reading, whatever the file is: a regular file, a pipe
such as `<(cmd)`, a FIFO), PIPE_TIMEOUT seconds of silence from a pipe or FIFO; devices and
sockets are refused. Each refusal is an InputError whose message says why, for the user. A JSONL
file is read as lines (`read_jsonl`, `jsonl_lines`), each decoded on its own: a bad byte costs
its line, not the file. Stdin is read as bytes (`read_stdin`): whether they are JSONL or an
article (`decode_text`) is only known once they are read.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import re
import select
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import AnyStr, BinaryIO, TextIO

MAX_INPUT_BYTES = 10 * 1024 * 1024
PIPE_TIMEOUT = 30.0  # seconds a pipe or FIFO may stay silent (a FIFO nobody writes to)
# Browsers look for a page's <meta> charset in its opening: the HTML standard's pre-scan reads
# 1,024 bytes; a few KB more allow for a long <head> before it.
CHARSET_SEARCH_BYTES = 4096
_MB = 1024 * 1024
_CHUNK = 1 << 20


class InputError(ValueError):
    """An input that cannot be used; the message says why, for the user."""


def read_text(path: Path, html: bool = False) -> str:
    """The text of a file (`decode_text`); of an HTML page (`html`) that is not UTF-8, in the
    charset the page declares."""
    return decode_text(_read_bounded(path), html=html)


def read_jsonl(path: Path) -> list[bytes | None]:
    """The lines of a JSONL file (`jsonl_lines`), read within the bounds of `read_text`, each to
    be decoded on its own (`decode_line`). A file that is no text (binary, UTF-16, empty) is
    still one InputError."""
    data = _read_bounded(path)
    _refuse_utf16(data)
    _require_text(data)
    return list(jsonl_lines(io.BytesIO(data), MAX_INPUT_BYTES))


def jsonl_lines(file: BinaryIO, max_line_bytes: int) -> Iterator[bytes | None]:
    """The lines of a JSONL file, without their ends or a UTF-8 BOM at the file's start; None
    for a line over `max_line_bytes`, skipped as it is read, so that no line is ever held whole.

    A line ends at "\\n", "\\r\\n" or "\\r", which JSON never holds raw, and nowhere else:
    U+0085, U+2028 and U+2029, where str.splitlines also ends a line, may stand raw in a JSON
    string. `file` must be seekable.
    """
    if file.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
        file.seek(0)
    line = bytearray()
    overlong = False
    after_cr = False  # the chunk before ended in CR: an LF opening this one ends no line
    while chunk := file.read(_CHUNK):
        start = 1 if after_cr and chunk.startswith(b"\n") else 0
        for end in _JSONL_LINE_END.finditer(chunk, start):
            line += chunk[start : end.start()]
            yield None if overlong or len(line) > max_line_bytes else bytes(line)
            line.clear()
            overlong = False
            start = end.end()
        after_cr = chunk.endswith(b"\r")
        if not overlong:
            line += chunk[start:]
            if len(line) > max_line_bytes:
                overlong = True
                line.clear()
    if line or overlong:
        yield None if overlong else bytes(line)


def decode_line(line: bytes) -> str:
    """One line of a JSONL file as text, without a UTF-8 BOM opening it (files saved with one
    and joined keep it mid-file); InputError when it is binary or not UTF-8."""
    if b"\0" in line:
        raise InputError("binary (contains NUL bytes), not text")
    line = line.removeprefix(codecs.BOM_UTF8)
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(_not_utf8(line, error.start, "of the line")) from None


def line_too_long(max_line_bytes: int) -> str:
    size = (
        f"{max_line_bytes // _MB} MB" if max_line_bytes % _MB == 0 else f"{max_line_bytes:,} bytes"
    )
    return f"line too long (over {size})"


def _read_bounded(path: Path) -> bytes:
    """The bytes of a regular file, a pipe or a FIFO, at most MAX_INPUT_BYTES of them.

    A regular file is measured before it is read and read no further than the limit (it may
    grow meanwhile); a pipe or FIFO is read as it comes, and given up after PIPE_TIMEOUT seconds
    without data (opening it does not wait for a writer). Devices (/dev/zero, a terminal) and
    sockets are refused. Raises InputError saying what is wrong.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise InputError(_os_problem(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISFIFO(info.st_mode):
            return _read_pipe(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"not a file: {_file_type(info.st_mode)}")
        if info.st_size > MAX_INPUT_BYTES:
            raise InputError(_too_large(info.st_size))
        os.set_blocking(fd, True)
        return _read_at_most(fd, MAX_INPUT_BYTES)
    except OSError as error:
        raise InputError(_os_problem(error)) from None
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := os.read(fd, min(limit + 1 - size, _CHUNK)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(_too_large(None))
    return b"".join(chunks)


def _read_pipe(fd: int) -> bytes:
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    size = 0
    while True:
        if not poller.poll(PIPE_TIMEOUT * 1000):
            raise InputError(
                f"nothing to read: no data for {PIPE_TIMEOUT:g} s (a pipe no one writes to?)"
            )
        try:
            chunk = os.read(fd, _CHUNK)
        except BlockingIOError:
            continue
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputError(_too_large(None))


def _file_type(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a directory" if stat.S_ISDIR(mode) else "a special file"


# "https://...", "ftp://...": an address on the web, which an offline tool does not fetch (a path
# made of it keeps one of its two slashes). Two letters at least: "C:/" is a drive.
_WEB_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]+:/", re.I)
NOT_FETCHED = (
    "a web address: summarize reads files and fetches nothing; save the page and give its file"
)


def is_web_address(name: str) -> bool:
    return _WEB_ADDRESS.match(name) is not None


def missing(name: str) -> str:
    """What to say of an input that is not there: a web address is never fetched."""
    return NOT_FETCHED if is_web_address(name) else "file not found"


def _os_problem(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return missing(str(error.filename or ""))
    if error.errno == errno.ELOOP:
        return "cannot read: a loop of symbolic links"
    return f"cannot read: {error.strerror or error}"


def read_stdin(stdin: TextIO | None) -> bytes:
    """Standard input's bytes, at most MAX_INPUT_BYTES of them (a stream of text without bytes
    beneath, such as io.StringIO, gives its text's UTF-8); a pipe is read as a FIFO is, and given
    up after PIPE_TIMEOUT seconds without data (a writer that never writes nor closes)."""
    if stdin is None:
        raise InputError("standard input is closed")
    buffer = getattr(stdin, "buffer", None)
    try:
        pipe = _pipe_of(stdin)
        if pipe is not None:
            os.set_blocking(pipe, False)
            data = _read_pipe(pipe)
        elif buffer is not None:
            data = buffer.read(MAX_INPUT_BYTES + 1)
        else:
            data = stdin.read(MAX_INPUT_BYTES + 1).encode("utf-8", "surrogatepass")
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_too_large(None))
    return data


def _pipe_of(stdin: TextIO) -> int | None:
    """The descriptor of standard input when it is a pipe or a socket; None for a file, a
    terminal (someone typing) or a stream without one."""
    try:
        fd = stdin.fileno()
        mode = os.fstat(fd).st_mode
        return fd if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) else None
    except (OSError, ValueError, io.UnsupportedOperation):
        return None


def _too_large(size: int | None) -> str:
    limit = f"{MAX_INPUT_BYTES // _MB} MB"
    return f"too large: {size / _MB:.1f} MB (limit {limit})" if size else f"too large: over {limit}"


def decode_text(data: bytes, html: bool = False) -> str:
    """A whole input as text, without a UTF-8 BOM; InputError when it is empty, binary or not
    UTF-8. An HTML page (`html`) that is not UTF-8 and has no BOM is read as a browser reads
    it, in the charset it declares (`_declared_charset`), when Python knows that charset."""
    _refuse_non_utf8_encoding(data)
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        declared = _declared_charset(data) if html and not bom else None
        if declared is None:
            raise InputError(_not_utf8(data, bom + error.start)) from None
        label, codec = declared
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise InputError(_not_utf8(data, error.start, encoding=label)) from None
    return _require_text(text)


def _declared_charset(page: bytes) -> tuple[str, str] | None:
    """(the charset as the page names it, Python's codec for it) of an HTML page's <meta>
    declaration (`<meta charset="windows-1252">`, `<meta http-equiv="Content-Type"
    content="text/html; charset=windows-1252">`), looked for where browsers look, in the page's
    first CHARSET_SEARCH_BYTES; None when there is none or Python has no text codec of its name.
    As in browsers, the Latin-1 and ASCII names mean windows-1252, their superset (its curly
    quotes and dashes are where Latin-1 has control codes), and a Unicode encoding is no
    declaration here (a browser reads a page whose meta names UTF-16 as UTF-8, and these bytes
    are not UTF-8)."""
    found = _META_CHARSET.search(page, 0, CHARSET_SEARCH_BYTES)
    if found is None:
        return None
    label = found.group("charset").decode("ascii")
    try:
        codec = codecs.lookup(label).name
        "".encode(codec)  # LookupError for a codec of bytes, not text ("base64", "zlib")
    except LookupError:
        return None
    if _UNICODE_CODEC.match(codec):
        return None
    return label, _BROWSER_CODECS.get(codec, codec)


def _refuse_non_utf8_encoding(data: bytes) -> None:
    """InputError for data that is no UTF-8 text as a whole: UTF-16, a document format a
    report is often saved in (named by its signature), or binary."""
    _refuse_utf16(data)
    for signature, what in _DOCUMENT_FORMATS:
        if data.startswith(signature):
            raise InputError(f"{what}, not text (save the article as text or HTML)")
    if b"\0" in data:
        raise InputError("binary file (contains NUL bytes), not text")


def _refuse_utf16(data: bytes) -> None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("UTF-16 text, not UTF-8 (save it as UTF-8)")


# The signatures of the formats an article is often saved or sent in, which are not text.
_DOCUMENT_FORMATS = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word .docx or OpenDocument file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def _not_utf8(data: bytes, offset: int, where: str = "", encoding: str = "UTF-8") -> str:
    """Why bytes are no text: "not UTF-8 text: invalid byte 0xe9 at byte offset 6 (...)"; of a
    page read in the charset it declares, "not windows-1252 text, as the page declares: ..."."""
    at = f"at byte offset {offset} {where}".rstrip()
    what = "UTF-8 text" if encoding == "UTF-8" else f"{encoding} text, as the page declares"
    return f"not {what}: invalid byte 0x{data[offset]:02x} {at} (save it as UTF-8)"


def _require_text(text: AnyStr) -> AnyStr:
    if not text.strip():
        raise InputError("empty file (only whitespace)" if text else "empty file")
    return text


def safe_unicode(text: str) -> str:
    """`text` with its lone surrogates, which no UTF-8 output can hold, written as escapes: a
    file name's undecodable byte (Python's surrogateescape) as \\xNN, one escaped in JSON
    ("\\udcff") as \\uNNNN."""
    return _SURROGATE.sub(_surrogate_escape, text)


def _surrogate_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


_META_CHARSET = re.compile(
    rb"<meta\b[^>]{0,1000}?\bcharset\s*=\s*[\"']?\s*(?P<charset>[A-Za-z0-9._:-]{1,40})",
    re.IGNORECASE,
)
# Python's codecs of Unicode and of text that is no charset a page declares.
_UNICODE_CODEC = re.compile(r"utf|unicode|raw-unicode|idna|punycode|undefined")
# What a browser reads a page in when it names these (the WHATWG Encoding standard's labels).
_BROWSER_CODECS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSONL_LINE_END = re.compile(rb"\r\n|\r|\n")
