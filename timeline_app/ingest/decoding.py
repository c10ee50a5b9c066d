"""Reading untrusted bytes safely: size limit first, then a careful decode.

Files are never read whole before their size is checked, so a 200 MB log
dropped in by mistake costs one ``stat``. Decoding tries UTF-8 (with or
without a byte-order mark), then the charset the file declares, then cp1252
(the usual culprit for "smart quotes" in old web pages); anything else is an
error naming the problem rather than a page of mojibake.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from timeline_app.ingest.errors import ReaderError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# One article (a record of a JSON/JSONL file, or a whole text file): tagging and
# building its events is linear, but 10 MB already takes a minute or two.
DEFAULT_MAX_RECORD_BYTES = 10 * 1024 * 1024
_SNIFF_BYTES = 8192
_DETECTION_BYTES = 64 * 1024  # charset detection reads at most this much
MIN_DETECTED_LETTERS = 20
_UTF16_MIN_NUL_SHARE = 0.8  # of the high bytes; at most 1 - this of the low ones
_DECLARED_CHARSET = re.compile(
    rb"""(?:charset\s*=\s*["']?|encoding\s*=\s*["']|coding[:=]\s*)([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
# C0 controls other than tab, newline and carriage return, DEL, and the C1 block:
# no article needs them, and ESC/CSI sequences could drive a terminal that prints
# a title (article content is untrusted).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")


def megabytes(size: int) -> str:
    """A byte count as the user reads it in messages (\"12.5 MB\")."""
    return f"{size / (1024 * 1024):.1f} MB"


def check_size(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """The file's size, refusing empty files and files above ``max_bytes`` (one ``stat``)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ReaderError(f"cannot read: {error.strerror or error}") from error
    if size == 0:
        raise ReaderError("empty file")
    if size > max_bytes:
        raise ReaderError(
            f"file is {megabytes(size)}, above the {megabytes(max_bytes)} size limit "
            "(raise it with --max-size)"
        )
    return size


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing empty files and files above ``max_bytes`` before reading."""
    check_size(path, max_bytes)
    try:
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        raise ReaderError(f"cannot read: {error.strerror or error}") from error
    if len(data) > max_bytes:  # grew since stat()
        raise ReaderError(f"file is above the {megabytes(max_bytes)} size limit")
    if not data:
        raise ReaderError("empty file")
    return data


def declared_charset(data: bytes) -> str | None:
    """Charset named in the first bytes (HTML meta, XML declaration, ``coding:`` line)."""
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first block: images, archives, PDFs, executables (or UTF-16)."""
    return b"\x00" in data[:_SNIFF_BYTES]


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the NULs fall as UTF-16 puts them, else None.

    Text in a Latin script saved as UTF-16 without a byte-order mark (some
    Windows tools) has a NUL in every other byte: the high byte of each
    character. Binary files have NULs too, but scattered over both positions.
    """
    sample = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    if len(sample) < 4:
        return None
    low, high = sample[0::2], sample[1::2]  # in little-endian order
    for encoding, zeros, others in (("utf-16-le", high, low), ("utf-16-be", low, high)):
        mostly_nul = zeros.count(0) >= len(zeros) * _UTF16_MIN_NUL_SHARE
        rarely_nul = others.count(0) <= len(others) * (1 - _UTF16_MIN_NUL_SHARE)
        if mostly_nul and rarely_nul:
            return encoding
    return None


def needs_whole_file_decoding(head: bytes) -> bool:
    """Whether a file starting with ``head`` is UTF-16 (its lines cannot be decoded alone)."""
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        utf16_without_bom(head) is not None
    )


def decode(data: bytes, declared: str | None = None) -> str:
    """Text of ``data``: UTF-8, else the declared charset, else cp1252; else ReaderError.

    Byte-order marks are honoured first, and UTF-16 without one is recognised
    by where its NUL bytes fall (``utf16_without_bom``).

    One refinement of that order: an undeclared file in a non-Latin script
    (KOI8-R or Windows-1251 Russian, Shift-JIS Japanese...) would decode
    "successfully" as cp1252 mojibake, so before cp1252 charset-normalizer's
    guess is taken when it reads as mostly non-Latin letters. Its guesses
    among Latin encodings are not trusted (on short Western texts it picks
    UTF-16 or Latin-3); there cp1252 stays the rule.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return clean_text(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise ReaderError(f"undecodable bytes despite a {encoding} mark: {error}") from None
    if looks_binary(data):
        encoding = utf16_without_bom(data)
        if encoding is None:
            raise ReaderError("binary file (contains NUL bytes), not a text article")
        try:
            return clean_text(data.decode(encoding))
        except UnicodeDecodeError as error:
            raise ReaderError(f"undecodable bytes in what looks like {encoding}: {error}") from None
    tried = ["UTF-8"]
    candidates = ["utf-8"]
    if declared and codecs.lookup(declared).name != "utf-8":
        candidates.append(declared)
        tried.append(f"declared {declared}")
    for encoding in candidates:
        try:
            return clean_text(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    guess = _guessed_text(data)
    if guess is not None and _mostly_non_latin(guess):
        return clean_text(guess)
    try:
        return clean_text(data.decode("cp1252"))
    except UnicodeDecodeError:
        tried.append("cp1252")
    raise ReaderError(f"undecodable bytes (tried {', '.join(tried)} and detection)")


def _guessed_text(data: bytes) -> str | None:
    """charset-normalizer's best decoding of ``data``, if it has one."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECTION_BYTES]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_non_latin(text: str) -> bool:
    """At least MIN_LETTERS letters, most of them outside the Latin script."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_DETECTED_LETTERS:
        return False
    latin = sum(1 for c in letters if c < "\u0250")  # Basic Latin through Latin Extended-B
    return latin * 2 < len(letters)


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters no article needs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", text)


def clean_line(text: str) -> str:
    """A one-line field (title, source, URL): controls dropped, line breaks as spaces."""
    return " ".join(clean_text(text).split())
