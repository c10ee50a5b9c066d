"""Which reader handles which file, and walking folders.

``read_path`` is the single entry point for one file: it checks the size,
sniffs for binary content, decodes, and hands the text to the reader for the
file's extension. Folder walks return every file (hidden ones excepted) so
unknown types are *reported* by ``read_path``, never silently skipped, and a
folder that cannot be listed is reported too (a chmod 000 folder once gave
"imported 0, failed 0"). File names need not be UTF-8: they are opened as
the bytes they are and shown with a replacement character (``shown_path``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.ingest.decoding import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_RECORD_BYTES,
    check_size,
    clean_line,
    clean_text,
    declared_charset,
    decode,
    looks_binary,
    megabytes,
    needs_whole_file_decoding,
    read_limited,
)
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.html_reader import parse_html
from timeline_app.ingest.json_reader import (
    RecordProblem,
    jsonl_line_offsets,
    read_json_records,
    read_jsonl_records,
    record_at,
    stream_jsonl_records,
)
from timeline_app.ingest.text_reader import parse_text

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
TIMEML_SUFFIXES = (".tml",)
SUPPORTED_SUFFIXES = (
    *TEXT_SUFFIXES,
    *MARKDOWN_SUFFIXES,
    *HTML_SUFFIXES,
    *JSON_SUFFIXES,
    *JSONL_SUFFIXES,
    *TIMEML_SUFFIXES,
)


def shown_path(path: str | os.PathLike[str]) -> str:
    """The path as text a terminal and the database can hold.

    A name that is not UTF-8 (``lat\\xe9in.txt`` from an old Windows share)
    arrives with surrogate escapes; it is shown with U+FFFD in their place.
    """
    return os.fsencode(path).decode("utf-8", "replace")


FolderProblem = Callable[[Path, str], None]


def expand_paths(
    paths: Iterable[str | os.PathLike[str]],
    exclude: Iterable[Path] = (),
    unreadable: FolderProblem | None = None,
) -> Iterator[Path]:
    """Files named directly, and every non-hidden file below named folders (sorted).

    ``exclude`` names files a folder walk must pass over: the library database
    itself (and its ``-wal``/``-shm`` companions) when it sits in the folder.
    A folder that cannot be listed is passed to ``unreadable`` with the reason.
    """
    excluded = {p.resolve() for p in exclude}

    def report(error: OSError) -> None:
        if unreadable is not None:
            folder = Path(error.filename) if error.filename is not None else Path()
            unreadable(folder, f"cannot read folder: {error.strerror or error}")

    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=report):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(root) / name
                    if not name.startswith(".") and candidate.resolve() not in excluded:
                        yield candidate
        else:
            yield path


def is_record_file(path: Path) -> bool:
    """Files holding many articles (read up front so their records can be tagged in parallel)."""
    return path.suffix.lower() in (*JSON_SUFFIXES, *JSONL_SUFFIXES)


def read_path(
    path: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> list[ParsedArticle | RecordProblem]:
    """Every article in one file; ReaderError when the file as a whole is unusable."""
    return list(iter_path(path, max_bytes, max_record_bytes))


def iter_path(
    path: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> Iterator[ParsedArticle | RecordProblem]:
    """The articles of one file as they are read (JSON Lines files are streamed).

    Whatever the format, every string that leaves here has been cleaned of
    control characters: JSON escapes and HTML character references can carry
    them past the byte-level decoding. An article above ``max_record_bytes``
    is reported, not returned: building its events would take minutes.
    """
    for item in _read_items(path, max_bytes, max_record_bytes):
        yield _within_limit(_cleaned(item), max_record_bytes)


def _within_limit(
    item: ParsedArticle | RecordProblem, max_record_bytes: int
) -> ParsedArticle | RecordProblem:
    if isinstance(item, RecordProblem) or len(item.text) <= max_record_bytes // 4:
        return item  # a character is at most 4 bytes: no need to encode
    size = len(item.text.encode("utf-8"))
    if size <= max_record_bytes:
        return item
    where = item.path.rsplit("#", 1)[1] if "#" in item.path else ""
    return RecordProblem(
        where,
        f"article text is {megabytes(size)}, above the {megabytes(max_record_bytes)} "
        "limit per article (raise it with --max-record-size)",
    )


def _cleaned(item: ParsedArticle | RecordProblem) -> ParsedArticle | RecordProblem:
    if isinstance(item, RecordProblem):
        return item
    return replace(
        item,
        text=clean_text(item.text).strip("\n"),
        title=clean_line(item.title),
        source=clean_line(item.source),
        url=clean_line(item.url),
        extra={clean_line(k): clean_line(v) for k, v in item.extra.items()},
    )


def _read_items(
    path: Path, max_bytes: int, max_record_bytes: int
) -> Iterator[ParsedArticle | RecordProblem]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise ReaderError("no such file or folder")
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(no extension)"
        raise ReaderError(
            f"unsupported file type {shown}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    name = shown_path(path)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, name, max_bytes, max_record_bytes)
        return
    data = read_limited(path, max_bytes)
    if suffix in TIMEML_SUFFIXES:
        yield _read_timeml(path, data)
        return
    text = decode(data, declared_charset(data))
    if suffix in HTML_SUFFIXES:
        yield parse_html(text, path=name)
    elif suffix in JSON_SUFFIXES:
        yield from read_json_records(text, path=name)
    else:
        yield parse_text(text, path=name, markdown=suffix in MARKDOWN_SUFFIXES)


def _read_jsonl(
    path: Path, name: str, max_bytes: int, max_record_bytes: int
) -> Iterator[ParsedArticle | RecordProblem]:
    """Line by line; only a UTF-16 file (rare: JSON Lines is UTF-8) is decoded whole."""
    check_size(path, max_bytes)
    try:
        stream = path.open("rb")
    except OSError as error:
        raise ReaderError(f"cannot read: {error.strerror or error}") from error
    with stream:
        if needs_whole_file_decoding(stream.read(8192)):
            text = decode(read_limited(path, max_bytes))
            yield from read_jsonl_records(text, path=name)
            return
        stream.seek(0)
        try:
            yield from stream_jsonl_records(stream, path=name, max_record_bytes=max_record_bytes)
        except OSError as error:
            raise ReaderError(f"cannot read: {error.strerror or error}") from error


def is_streamable_jsonl(path: Path) -> bool:
    """A JSON Lines file whose lines can be read on their own (not UTF-16: it must be whole)."""
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return False
    try:
        with path.open("rb") as stream:
            return not needs_whole_file_decoding(stream.read(8192))
    except OSError:
        return False  # read_path reports it


def jsonl_lines(
    path: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> Iterator[tuple[int, int] | RecordProblem]:
    """(line number, byte offset) of each record of a JSON Lines file, read as a stream.

    Lines above ``max_record_bytes`` come out as problems; ReaderError when
    the file as a whole is unusable.
    """
    check_size(path, max_bytes)
    try:
        with path.open("rb") as stream:
            yield from jsonl_line_offsets(stream, max_record_bytes=max_record_bytes)
    except OSError as error:
        raise ReaderError(f"cannot read: {error.strerror or error}") from error


def read_jsonl_line(
    path: Path,
    number: int,
    offset: int,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> ParsedArticle | RecordProblem:
    """The article on one line of a JSON Lines file (see :func:`jsonl_lines`)."""
    try:
        with path.open("rb") as stream:
            item = record_at(
                stream, number, offset, path=shown_path(path), max_record_bytes=max_record_bytes
            )
    except OSError as error:
        return RecordProblem(f"line {number}", f"cannot read: {error.strerror or error}")
    return _within_limit(_cleaned(item), max_record_bytes)


def _read_timeml(path: Path, data: bytes) -> ParsedArticle:
    """A TimeML document: its raw text, dated by its DCT (engineer B's reader)."""
    from timeline_app.evaluation.timeml import parse_tml

    if looks_binary(data):
        raise ReaderError("binary file (contains NUL bytes), not a TimeML document")
    text = decode(data, declared_charset(data))
    # The XML declaration names an encoding; the text is already decoded.
    if text.startswith("<?xml"):
        text = text[text.find("?>") + 2 :] if "?>" in text else text
    try:
        document = parse_tml(text, name=shown_path(path))
    except ValueError as error:
        raise ReaderError(f"malformed TimeML: {error}") from None
    if not document.text.strip():
        raise ReaderError("no article text in the TimeML document")
    return ParsedArticle(
        text=document.text,
        title=document.doc_id,
        path=shown_path(path),
        published=document.dct,
        published_source=PublishedSource.METADATA,
        published_reason="TimeML document creation time (DCT)",
    )
