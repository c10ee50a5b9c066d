"""Bad records and odd encodings cost only themselves (issue 12, the reader side)."""

from __future__ import annotations

import io
import json
import os

import pytest

from timeline_app.articles import ParsedArticle
from timeline_app.ingest.decoding import decode, utf16_without_bom
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.json_reader import RecordProblem, stream_jsonl_records
from timeline_app.ingest.readers import read_path, shown_path

ARTICLE = "Title: Zürich\n\nOn March 3, 2024, the council met in Zürich.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(articles_dir, encoding):
    """Before: refused as "binary file (contains NUL bytes)"."""
    path = articles_dir / "windows.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    (article,) = read_path(path)
    assert article.title == "Zürich"
    assert article.text == "On March 3, 2024, the council met in Zürich."


def test_binary_data_with_scattered_nuls_is_still_refused():
    data = bytes(range(256)) * 40  # NULs in both byte positions, as in images or archives
    assert utf16_without_bom(data) is None
    with pytest.raises(ReaderError, match="binary file"):
        decode(data)


def _lines(*records: bytes) -> io.BytesIO:
    return io.BytesIO(b"".join(records))


def test_a_line_just_at_the_record_limit_is_read_and_one_byte_more_is_reported():
    fits = json.dumps({"text": "On May 5, 2024, x."}).encode()
    too_long = json.dumps({"text": "On May 5, 2024, xy."}).encode()
    stream = _lines(fits + b"\n", too_long + b"\n", fits + b"\n")
    items = list(stream_jsonl_records(stream, path="f.jsonl", max_record_bytes=len(fits)))
    assert [type(item) for item in items] == [ParsedArticle, RecordProblem, ParsedArticle]
    assert items[1].where == "line 2"
    assert "limit per record (raise it with --max-record-size)" in items[1].message


def test_an_over_long_last_line_without_newline_is_reported():
    stream = _lines(b'{"text": "On May 5, 2024, it rained."}\n', b'{"text": "' + b"x" * 5000)
    items = list(stream_jsonl_records(stream, path="f.jsonl", max_record_bytes=1000))
    assert isinstance(items[0], ParsedArticle)
    assert isinstance(items[1], RecordProblem)
    assert items[1].where == "line 2"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"title": "Caf\udce9", "text": "On May 5, 2024, it opened."}, "title"),
        ({"text": "On May 5, 2024, \ud800 it opened."}, "text"),
        ({"text": "On May 5, 2024.", "source": {"name": "Le Monde \udc9f"}}, "source"),
    ],
)
def test_a_lone_surrogate_is_reported_naming_its_field_and_line(articles_dir, record, field):
    path = articles_dir / "export.jsonl"
    good = json.dumps({"text": "On March 3, 2024, the council met."})
    path.write_text(f"{good}\n{json.dumps(record)}\n{good} \n", encoding="utf-8")
    items = read_path(path)
    assert [type(item) for item in items] == [ParsedArticle, RecordProblem, ParsedArticle]
    assert items[1].where == "line 2"
    assert items[1].message.startswith(f"'{field}' field holds a lone surrogate escape")


def test_a_valid_surrogate_pair_is_one_character(articles_dir):
    path = articles_dir / "emoji.json"
    path.write_text('{"title": "Fire \\ud83d\\udd25", "text": "On May 5, 2024, x."}')
    (article,) = read_path(path)
    assert article.title == "Fire \U0001f525"


def test_an_article_above_the_record_limit_is_reported_not_read(articles_dir):
    path = articles_dir / "long.txt"
    path.write_text("On May 5, 2024, it rained. " * 100)
    (problem,) = read_path(path, max_record_bytes=1000)
    assert isinstance(problem, RecordProblem)
    assert "above the 0.0 MB limit per article" in problem.message
    (article,) = read_path(path, max_record_bytes=10_000)
    assert isinstance(article, ParsedArticle)


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character(articles_dir):
    name = os.path.join(os.fsencode(articles_dir), b"lat\xe9in.txt")
    with open(name, "wb") as stream:
        stream.write(b"Title: Latin\n\nOn May 5, 2023, the school opened.\n")
    (path,) = articles_dir.iterdir()
    (article,) = read_path(path)
    assert article.path == shown_path(path)
    assert article.path.endswith("lat\ufffdin.txt")
    article.path.encode("utf-8")  # storable and printable
