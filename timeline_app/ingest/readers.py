"""Which reader handles which file, and walking folders.

``read_path`` is the single entry point for one file: it checks the size,
sniffs for binary content, decodes, and hands the text to the reader for the
file's extension. Folder walks return every file (hidden ones excepted) so
unknown types are *reported* by ``read_path``, never silently skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.ingest.decoding import (
    DEFAULT_MAX_BYTES,
    clean_line,
    clean_text,
    declared_charset,
    decode,
    looks_binary,
    read_limited,
)
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.html_reader import parse_html
from timeline_app.ingest.json_reader import RecordProblem, read_json_records, read_jsonl_records
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


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], exclude: Iterable[Path] = ()
) -> Iterator[Path]:
    """Files named directly, and every non-hidden file below named folders (sorted).

    ``exclude`` names files a folder walk must pass over: the library database
    itself (and its ``-wal``/``-shm`` companions) when it sits in the folder.
    """
    excluded = {p.resolve() for p in exclude}
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
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
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[ParsedArticle | RecordProblem]:
    """Every article in one file; ReaderError when the file as a whole is unusable.

    Whatever the format, every string that leaves here has been cleaned of
    control characters: JSON escapes and HTML character references can carry
    them past the byte-level decoding.
    """
    return [_cleaned(item) for item in _read_items(path, max_bytes)]


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


def _read_items(path: Path, max_bytes: int) -> list[ParsedArticle | RecordProblem]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise ReaderError("no such file or folder")
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(no extension)"
        raise ReaderError(
            f"unsupported file type {shown}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    data = read_limited(path, max_bytes)
    if suffix in TIMEML_SUFFIXES:
        return [_read_timeml(path, data)]
    text = decode(data, declared_charset(data))
    name = str(path)
    if suffix in HTML_SUFFIXES:
        return [parse_html(text, path=name)]
    if suffix in JSON_SUFFIXES:
        return list(read_json_records(text, path=name))
    if suffix in JSONL_SUFFIXES:
        return list(read_jsonl_records(text, path=name))
    return [parse_text(text, path=name, markdown=suffix in MARKDOWN_SUFFIXES)]


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
        document = parse_tml(text, name=str(path))
    except ValueError as error:
        raise ReaderError(f"malformed TimeML: {error}") from None
    if not document.text.strip():
        raise ReaderError("no article text in the TimeML document")
    return ParsedArticle(
        text=document.text,
        title=document.doc_id,
        path=str(path),
        published=document.dct,
        published_source=PublishedSource.METADATA,
        published_reason="TimeML document creation time (DCT)",
    )
