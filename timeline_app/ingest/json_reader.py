"""Articles exported as JSON or JSON Lines (news APIs, scrapers, corpora).

A ``.json`` file holds one article object, a list of them, or an envelope
with the list under ``articles``/``items``/``data``/``results`` (as NewsAPI
and similar services return). A ``.jsonl`` file holds one object a line.
Field names accepted: ``title``/``headline``; ``text``/``content``/``body``/
``article``; ``published``/``date``/``publishedAt``/``published_at``/
``datePublished``/``pubDate``; ``url``/``link``; ``source`` (a string or an
object with a ``name``). Other scalar fields are kept as extras.

A bad record is reported with its position and does not stop the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from timeline_app.articles import ParsedArticle, PublishedSource
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
    """Articles of a JSON Lines document, one per non-blank line."""
    seen_any = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield RecordProblem(where, f"malformed JSON at column {error.colno}: {error.msg}")
            continue
        except RecursionError:
            yield RecordProblem(where, "JSON nested too deeply to be an article")
            continue
        yield _record_or_problem(record, where, path)
    if not seen_any:
        raise ReaderError("no articles in the file (only blank lines)")


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


def _string(record: dict, keys: tuple[str, ...]) -> str:
    return next((record[k].strip() for k in keys if isinstance(record.get(k), str)), "")


def _source_name(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"].strip()
    return ""
