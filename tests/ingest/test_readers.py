"""Each reader on the shapes users bring, including broken ones."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.json_reader import RecordProblem
from timeline_app.ingest.readers import expand_paths, read_path
from timeline_app.ingest.text_reader import parse_text

from ..conftest import require_corpus

# -- text and markdown -------------------------------------------------------


def test_header_lines() -> None:
    article = parse_text(
        "Title: Floods in the valley\nDate: 2023-10-07\nSource: Local Times\n"
        "URL: https://example.org/floods\nAuthor: A. Writer\n\nWater rose on Friday.\n"
    )
    assert article.title == "Floods in the valley"
    assert article.published == date(2023, 10, 7)
    assert article.published_source is PublishedSource.METADATA
    assert "'date:' header" in article.published_reason
    assert article.source == "Local Times"
    assert article.url == "https://example.org/floods"
    assert article.text == "Water rose on Friday."
    assert article.extra == {"author": "A. Writer"}


def test_published_header_and_front_matter() -> None:
    article = parse_text(
        '---\ntitle: "Quoted: title"\npublished: 2021-05-04T08:00:00Z\ntags: [a, b]\n---\n\n'
        "# Heading inside\n\nBody.\n",
        markdown=True,
    )
    assert article.title == "Quoted: title"
    assert article.published == date(2021, 5, 4)
    assert article.text.startswith("Heading inside\n\nBody.")  # markdown marks removed


def test_first_line_is_the_title_otherwise() -> None:
    article = parse_text("\n\nA plain headline\n\nThe body, with: a colon.\nMore.\n")
    assert article.title == "A plain headline"
    assert article.text == "The body, with: a colon.\nMore."
    assert article.published is None
    assert article.published_source is PublishedSource.UNKNOWN


def test_markdown_heading_loses_its_hashes() -> None:
    assert parse_text("## Storm warning ##\n\nWinds.", markdown=True).title == "Storm warning"


def test_a_line_that_looks_like_a_header_is_text_without_known_keys() -> None:
    article = parse_text("Note: this is prose\n\nMore prose.")
    assert article.title == "Note: this is prose"


def test_text_without_body_is_an_error() -> None:
    with pytest.raises(ReaderError, match="no article text"):
        parse_text("Title: Only a title\n\n   \n")


@given(st.text(max_size=400))
def test_text_reader_never_fails_unexpectedly(text: str) -> None:
    try:
        article = parse_text(text)
    except ReaderError:
        return
    assert article.text.strip()


# -- HTML: see test_html_reader.py -----------------------------------------------


# -- JSON and JSONL -------------------------------------------------------------


def test_json_single_object(articles_dir: Path) -> None:
    path = articles_dir / "one.json"
    path.write_text(
        json.dumps(
            {
                "title": "T",
                "content": "Body",
                "publishedAt": "2024-01-08T12:00:00Z",
                "source": {"id": None, "name": "Wire"},
                "url": "https://example.org/t",
                "id": 7,
            }
        )
    )
    (article,) = read_path(path)
    assert (article.title, article.text, article.source, article.url) == (
        "T",
        "Body",
        "Wire",
        "https://example.org/t",
    )
    assert article.published == date(2024, 1, 8)
    assert article.extra == {"id": "7"}


def test_json_list_and_envelope_report_bad_records(articles_dir: Path) -> None:
    path = articles_dir / "api.json"
    records = [{"title": "A", "body": "x"}, {"title": "no text"}, "a string", {"text": "y"}]
    path.write_text(json.dumps({"status": "ok", "articles": records}))
    items = read_path(path)
    assert [getattr(i, "text", None) for i in items] == ["x", None, None, "y"]
    problems = [i for i in items if isinstance(i, RecordProblem)]
    assert [p.where for p in problems] == ["record 2", "record 3"]
    assert "no article text" in problems[0].message
    assert "found a string" in problems[1].message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "x", ', "malformed JSON at line 1"),
        ("42", "found a number"),
        ("[]", "empty list"),
    ],
)
def test_json_whole_file_problems(articles_dir: Path, content: str, message: str) -> None:
    path = articles_dir / "bad.json"
    path.write_text(content)
    with pytest.raises(ReaderError, match=message):
        read_path(path)


def test_jsonl_bad_line_does_not_stop_the_others(articles_dir: Path) -> None:
    path = articles_dir / "feed.jsonl"
    path.write_text(
        '{"text": "a", "date": "2020-01-01"}\n\n{broken\n{"text": "b", "date": 1e400}\n'
        '{"text": 5}\n'
    )
    items = read_path(path)
    assert items[0].text == "a"
    assert items[0].published == date(2020, 1, 1)
    assert isinstance(items[1], RecordProblem)
    assert items[1].where == "line 3"
    # An unusable date loses the date, not the article (the import warns).
    assert isinstance(items[2], ParsedArticle)
    assert items[2].published is None
    assert "'date' field 'inf' is out of range" in items[2].published_problem
    assert isinstance(items[3], RecordProblem)
    assert items[3].where == "line 5"


def test_wikinews_corpus_reads_completely() -> None:
    path = require_corpus("wikinews", "articles.jsonl")
    items = read_path(path)
    assert len(items) == 90
    assert not [i for i in items if isinstance(i, RecordProblem)]
    assert all(i.published is not None and i.title and i.url for i in items)


# -- TimeML ---------------------------------------------------------------------


def test_timeml_uses_the_dct(articles_dir: Path) -> None:
    path = articles_dir / "doc.tml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML><DOCID>wsj_0001</DOCID>'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" functionInDocument='
        '"CREATION_TIME">11/02/89</TIMEX3></DCT>'
        '<TEXT>Prices rose <TIMEX3 tid="t1" type="DATE" value="1989-11-01">yesterday</TIMEX3>.'
        "</TEXT></TimeML>",
        encoding="utf-8",
    )
    (article,) = read_path(path)
    assert article.published == date(1989, 11, 2)
    assert "Prices rose yesterday." in article.text
    assert article.published_reason == "TimeML document creation time (DCT)"


def test_timeml_corpus_file_reads() -> None:
    folder = require_corpus("tbaq", "TimeBank")
    path = sorted(folder.glob("*.tml"))[0]
    (article,) = read_path(path)
    assert article.published is not None
    assert len(article.text) > 100


def test_malformed_timeml(articles_dir: Path) -> None:
    path = articles_dir / "bad.tml"
    path.write_text("<TimeML><TEXT>unclosed")
    with pytest.raises(ReaderError, match="malformed TimeML"):
        read_path(path)


# -- dispatch --------------------------------------------------------------------


def test_unknown_type_and_missing_file(articles_dir: Path) -> None:
    path = articles_dir / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ReaderError, match=r"unsupported file type \.xlsx"):
        read_path(path)
    with pytest.raises(ReaderError, match="no such file"):
        read_path(articles_dir / "missing.txt")


def test_folder_walk_is_recursive_sorted_and_skips_hidden(articles_dir: Path) -> None:
    (articles_dir / "b").mkdir()
    (articles_dir / ".git").mkdir()
    for name in ("z.txt", "b/a.txt", ".DS_Store", ".git/config", "b/x.bin"):
        (articles_dir / name).write_text("x")
    found = [p.relative_to(articles_dir).as_posix() for p in expand_paths([articles_dir])]
    assert found == ["z.txt", "b/a.txt", "b/x.bin"]


def test_absurdly_nested_json_is_a_clear_error(articles_dir: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    (articles_dir / "deep.json").write_text(deep)
    with pytest.raises(ReaderError, match="nested too deeply"):
        read_path(articles_dir / "deep.json")
    (articles_dir / "deep.jsonl").write_text('{"text": "fine"}\n' + deep + "\n")
    items = read_path(articles_dir / "deep.jsonl")
    assert items[0].text == "fine"
    assert isinstance(items[1], RecordProblem)
    assert "nested too deeply" in items[1].message


def test_control_characters_from_escapes_are_removed(articles_dir: Path) -> None:
    """JSON \\u escapes and HTML character references get past byte decoding: still cleaned."""
    (articles_dir / "esc.json").write_text(
        json.dumps({"title": "Red\u001b[31m alert\u009b2J\nnow", "text": "Body\u0007 text."})
    )
    (article,) = read_path(articles_dir / "esc.json")
    assert article.title == "Red[31m alert2J now"
    assert article.text == "Body text."
    (articles_dir / "esc.html").write_text("<title>A&#27;]0;pwned&#7;</title><p>x&#x1b;y</p>")
    (page,) = read_path(articles_dir / "esc.html")
    assert page.title == "A]0;pwned"
    assert page.text == "xy"


def test_markdown_marks_are_removed_from_the_text() -> None:
    article = parse_text(
        "# Storm warning\n\n## Update\n\nThe **storm** hit [the coast](https://x.org/a) on "
        "__Monday__.\n\n![Map of the coast](map.png)\n\n```\ncode stays\n```\n- a bullet stays\n",
        markdown=True,
    )
    assert article.title == "Storm warning"
    assert article.text == (
        "Update\n\nThe storm hit the coast on Monday.\n\nMap of the coast\n\ncode stays\n"
        "- a bullet stays"
    )
    # Plain text files keep their characters exactly.
    assert "**storm**" in parse_text("T\n\nThe **storm** hit.").text


def test_markdown_cleanup_is_linear_on_hostile_input() -> None:
    import time

    for hostile in (
        "# " + " " * 200_000 + "x",
        "**a" * 70_000,
        "[" * 200_000,
        "![x](" * 40_000,
        "Title: x" + " " * 200_000 + "y",
    ):
        began = time.perf_counter()
        parse_text("Title\n\n" + hostile, markdown=True)
        parse_text(hostile + "\n\nBody", markdown=True)
        assert time.perf_counter() - began < 2.0, hostile[:10]
