"""Articles exported as JSON or JSON Lines (news APIs, scrapers, corpora).

A ``.json`` file holds one article object, a list of them, or an envelope
with the list under ``articles``/``items``/``data``/``results`` (as NewsAPI
and similar services return). A ``.jsonl`` file holds one object a line.
Field names accepted: ``title``/``headline``; ``text``/``content``/``body``/
``article``; ``published``/``date``/``publishedAt``/``published_at``/
``datePublished``/``pubDate``; ``url``/``link``; ``source`` (a string or an
object with a ``name``). Other scalar fields are kept as extras.

A bad record is reported with its position and does not stop the others:
malformed JSON, a lone surrogate escape (``"\\udce9"``, half of a UTF-16
pair, which no database or terminal can hold) or a line above the per-record
size limit. JSON Lines files are read line by line, so one huge line costs
its size limit in memory, never the whole file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.ingest.decoding import decode, megabytes
from timeline_app.ingest.errors import ReaderError, UnreadableDate
from timeline_app.ingest.pubdate.metadata import (
    ALTERNATIVE_KEY,
    alternative_reading,
    parse_metadata_date,
    shown_value,
    unreadable_date_problem,
)

_TITLE_KEYS = ("title", "headline", "name")
_TEXT_KEYS = ("text", "content", "body", "article", "articleBody")
_DATE_KEYS = (
    "published",
    "date",
    "publishedAt",
    "published_at",
    "datePublished",
    "pubDate",
    "publication_date",
    "dct",
)
_URL_KEYS = ("url", "link")
_ENVELOPE_KEYS = ("articles", "items", "data", "results", "documents")
# ALTERNATIVE_KEY is the reader's own note to the importer: a record cannot set it.
_USED_KEYS = {*_TITLE_KEYS, *_TEXT_KEYS, *_DATE_KEYS, *_URL_KEYS, "source", ALTERNATIVE_KEY}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SKIP_CHUNK = 1024 * 1024  # an over-long line is passed over this much at a time


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """One record that could not be read; ``where`` locates it in the file."""

    where: str
    message: str


def read_json_records(text: str, *, path: str = "") -> Iterator[ParsedArticle | RecordProblem]:
    """Articles of a ``.json`` document; a malformed document raises ReaderError."""
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReaderError(
            f"malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise ReaderError("JSON nested too deeply to be an article export") from None
    if isinstance(payload, dict):
        envelope = next(
            (payload[k] for k in _ENVELOPE_KEYS if isinstance(payload.get(k), list)), None
        )
        records = envelope if envelope is not None else [payload]
    elif isinstance(payload, list):
        records = payload
    else:
        raise ReaderError(f"expected an article object or a list of them, found {_kind(payload)}")
    if not records:
        raise ReaderError("no articles in the file (empty list)")
    for index, record in enumerate(records):
        where = f"record {index + 1}" if len(records) > 1 else ""
        yield _record_or_problem(record, where, path)


def read_jsonl_records(text: str, *, path: str = "") -> Iterator[ParsedArticle | RecordProblem]:
    """Articles of an already decoded JSON Lines document, one per non-blank line."""
    seen_any = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            seen_any = True
            yield _line_record(line, number, path)
    if not seen_any:
        raise ReaderError("no articles in the file (only blank lines)")


def stream_jsonl_records(
    stream: BinaryIO, *, path: str = "", max_record_bytes: int
) -> Iterator[ParsedArticle | RecordProblem]:
    """Articles of a JSON Lines file read line by line, each line decoded on its own.

    A line above ``max_record_bytes`` is reported and skipped without being
    held in memory (a 200 MB line once took 900 s and 6.9 GB, storing nothing).
    """
    for number, _, line in _numbered_lines(stream, max_record_bytes):
        if isinstance(line, int):
            yield _too_long(number, line, max_record_bytes)
        else:
            yield _decoded_record(line, number, path)


def jsonl_line_offsets(
    stream: BinaryIO, *, max_record_bytes: int
) -> Iterator[tuple[int, int] | RecordProblem]:
    """(line number, byte offset) of each record line, or the problem of a line too long.

    An import hands these to its workers, each of which reads its own lines
    (:func:`record_at`): the importing process never holds the records.
    """
    for number, offset, line in _numbered_lines(stream, max_record_bytes):
        if isinstance(line, int):
            yield _too_long(number, line, max_record_bytes)
        else:
            yield number, offset


def record_at(
    stream: BinaryIO, number: int, offset: int, *, path: str = "", max_record_bytes: int
) -> ParsedArticle | RecordProblem:
    """The article on line ``number``, which starts at byte ``offset``."""
    stream.seek(offset)
    line = stream.readline(max_record_bytes + 1)
    if len(line.rstrip(b"\n")) > max_record_bytes:  # the file changed since it was indexed
        return _too_long(number, len(line), max_record_bytes)
    return _decoded_record(line, number, path)


def _numbered_lines(
    stream: BinaryIO, max_record_bytes: int
) -> Iterator[tuple[int, int, bytes | int]]:
    """(number, offset, bytes or size of a line too long) of each non-blank line."""
    seen_any = False
    offset = 0
    for number, (line, size) in enumerate(_limited_lines(stream, max_record_bytes), start=1):
        start, offset = offset, offset + size
        if isinstance(line, bytes) and not line.strip():
            continue
        seen_any = True
        yield number, start, line
    if not seen_any:
        raise ReaderError("no articles in the file (only blank lines)")


def _too_long(number: int, size: int, limit: int) -> RecordProblem:
    return RecordProblem(
        f"line {number}",
        f"record is {megabytes(size)}, above the {megabytes(limit)} limit per record "
        "(raise it with --max-record-size)",
    )


def _decoded_record(line: bytes, number: int, path: str) -> ParsedArticle | RecordProblem:
    try:
        text = decode(line)
    except ReaderError as error:
        return RecordProblem(f"line {number}", str(error))
    return _line_record(text.strip("\n"), number, path)


def _limited_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes | int, int]]:
    """(bytes, size) of each line, or (length, size) of a line above ``limit`` (not kept).

    ``size`` counts the line's newline, so offsets can be summed from it.
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or (line.endswith(b"\n") and len(line) == limit + 1):
            yield line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        yield (size - 1 if line.endswith(b"\n") else size), size


def _line_record(line: str, number: int, path: str) -> ParsedArticle | RecordProblem:
    where = f"line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return RecordProblem(where, f"malformed JSON at column {error.colno}: {error.msg}")
    except RecursionError:
        return RecordProblem(where, "JSON nested too deeply to be an article")
    return _record_or_problem(record, where, path)


def _kind(value: object) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "a boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def _record_or_problem(record: object, where: str, path: str) -> ParsedArticle | RecordProblem:
    try:
        return article_from_record(record, path=f"{path}#{where}" if where else path)
    except ReaderError as error:
        return RecordProblem(where, str(error))


def article_from_record(record: object, *, path: str = "") -> ParsedArticle:
    """One article from one decoded JSON object."""
    if not isinstance(record, dict):
        raise ReaderError(f"expected an article object, found {_kind(record)}")
    _refuse_lone_surrogates(record)
    text_key = next((k for k in _TEXT_KEYS if isinstance(record.get(k), str)), None)
    if text_key is None or not record[text_key].strip():
        raise ReaderError(f"no article text (expected one of: {', '.join(_TEXT_KEYS)})")
    published = None
    source = PublishedSource.UNKNOWN
    reason = ""
    extra = {
        k: str(v)
        for k, v in record.items()
        if k not in _USED_KEYS and isinstance(v, (str, int, float, bool))
    }
    problem = ""
    date_key = next((k for k in _DATE_KEYS if record.get(k) not in (None, "")), None)
    if date_key is not None:
        try:
            published = parse_metadata_date(record[date_key], field=f"'{date_key}' field")
        except UnreadableDate as error:
            # Keep the article, dated from its text; the import warns (see text_reader).
            written = f"'{date_key}' field '{shown_value(record[date_key])}'"
            problem = unreadable_date_problem(written, error)
        else:
            source = PublishedSource.METADATA
            reason = f"'{date_key}' field of the JSON record"
            if alternative := alternative_reading(record[date_key]):
                extra[ALTERNATIVE_KEY] = alternative.isoformat()
    return ParsedArticle(
        text=record[text_key].strip(),
        title=_string(record, _TITLE_KEYS),
        source=_source_name(record.get("source")),
        url=_string(record, _URL_KEYS),
        path=path,
        published=published,
        published_source=source,
        published_reason=reason,
        extra=extra,
        published_problem=problem,
    )


def _refuse_lone_surrogates(record: dict) -> None:
    """A ReaderError naming the field whose string holds half of a UTF-16 pair."""
    for key, value in record.items():
        strings = [key]
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            strings += [v for v in value.values() if isinstance(v, str)]
        for string in strings:
            found = _LONE_SURROGATE.search(string)
            if found:
                field = _LONE_SURROGATE.sub("?", key)
                raise ReaderError(
                    f"'{field}' field holds a lone surrogate escape "
                    f"(\\u{ord(found.group()):04x} at character {found.start() + 1}), half of "
                    "a UTF-16 pair and no character: the exporting program wrote broken text"
                )


def _string(record: dict, keys: tuple[str, ...]) -> str:
    return next((record[k].strip() for k in keys if isinstance(record.get(k), str)), "")


def _source_name(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"].strip()
    return ""
