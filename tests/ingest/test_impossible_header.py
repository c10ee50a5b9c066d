"""A date the file claims that is no date: the article is kept, dated from its text, with a warning.

Before, ``Date: 2024-02-30`` refused the whole file; the article is worth more
than its broken header.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline_app.articles import PublishedSource
from timeline_app.cli import main
from timeline_app.commands import import_paths
from timeline_app.ingest.pubdate.inference import infer_publication_date
from timeline_app.ingest.readers import read_path
from timeline_app.store.repository import Repository

DATED_BODY = (
    "The council met on Jan. 6, 2024.\n\nOn Monday it voted to close the old bridge for repairs.\n"
)
# Enough words that a web page is not "thin" (which would add a warning of its own).
PAGE_FILLER = (
    "The repairs are expected to take several weeks, and drivers were asked to use the "
    "ring road in the meantime, the town council said in a statement after the vote."
)


def test_impossible_header_imports_with_an_inferred_date_and_a_warning(
    articles_dir: Path, db_path: Path
) -> None:
    path = articles_dir / "bridge.txt"
    path.write_text(f"Title: Bridge vote\nDate: 2024-02-30\n\n{DATED_BODY}", encoding="utf-8")
    with Repository(db_path) as repo:
        report = import_paths(repo, [path], workers=1)
        assert report.failures == []
        assert report.ok  # a warning is not a failure
        (article_id,) = report.imported
        article = repo.article(article_id)
    assert article.title == "Bridge vote"
    # Dated exactly as if the file had no header at all.
    expected = infer_publication_date(article.text, article.title)
    assert expected is not None
    assert article.published_source is PublishedSource.INFERRED
    assert article.published == expected.date
    assert article.published_confidence == pytest.approx(expected.confidence)
    assert article.published_reason == (
        "header 'Date: 2024-02-30' is not a real date (day is out of range for month);"
        f" dated from the text instead: {expected.reason}"
    )
    (warning,) = report.warnings
    assert warning.path == str(path)
    assert "header 'Date: 2024-02-30' is not a real date" in warning.message
    assert (
        f"dated {expected.date.isoformat()} from the text"
        f" (inferred, confidence {expected.confidence:.2f})"
    ) in warning.message
    assert str(warning).startswith(f"{path}: header 'Date: 2024-02-30'")
    assert report.summary() == "imported 1, already present 0, failed 0, with warnings 1"


def test_cli_ingest_prints_the_warning_and_succeeds(
    articles_dir: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = articles_dir / "bridge.md"
    path.write_text(f"---\npublished: 31/31/2024\n---\n# Bridge\n\n{DATED_BODY}", encoding="utf-8")
    assert main(["--db", str(db_path), "ingest", "--workers", "1", "--quiet", str(path)]) == 0
    captured = capsys.readouterr()
    (line,) = [x for x in captured.err.splitlines() if x.startswith("warning:")]
    assert line.startswith(f"warning: {path}: header 'Published: 31/31/2024' is not a real date")
    assert "with warnings 1" in captured.out


def test_an_undatable_text_is_still_imported_and_says_so(articles_dir: Path, db_path: Path) -> None:
    path = articles_dir / "note.txt"
    path.write_text("Title: Note\nDate: next Tuesday-ish\n\nNothing here names a time.\n")
    with Repository(db_path) as repo:
        report = import_paths(repo, [path], workers=1)
        article = repo.article(report.imported[0])
    assert article.published is None
    assert article.published_confidence is None
    assert article.published_reason.startswith("header 'Date: next Tuesday-ish' is not a date;")
    (warning,) = report.warnings
    assert warning.message.endswith("imported undated (the text names no date either)")


def test_a_huge_header_value_is_shortened_in_the_message(articles_dir: Path) -> None:
    path = articles_dir / "long.txt"
    path.write_text(f"Title: Long\nDate: {'9' * 500}\n\n{DATED_BODY}")
    (parsed,) = read_path(path)
    assert parsed.published is None
    assert "…'" in parsed.published_problem
    assert len(parsed.published_problem) < 160


def test_json_and_html_impossible_dates_are_warnings_too(articles_dir: Path, db_path: Path) -> None:
    feed = articles_dir / "feed.jsonl"
    records = [
        {"title": "Good", "text": "Story on Monday.", "date": "2021-06-01"},
        {"title": "Bad date", "text": "JSON. " + DATED_BODY, "publishedAt": "2024-02-30T10:00:00Z"},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    page = articles_dir / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2023-02-29">'
        f"</head><body><article><p>{DATED_BODY}</p><p>{PAGE_FILLER}</p></article></body></html>"
    )
    other = articles_dir / "fallback.html"  # a later valid candidate: no warning at all
    other.write_text(
        '<meta property="article:published_time" content="2023-02-29">'
        '<meta name="date" content="2020-02-02"><body>'
        f"<p>{PAGE_FILLER}</p></body>"
    )
    with Repository(db_path) as repo:
        report = import_paths(repo, [articles_dir], workers=1)
        assert len(report.imported) == 4
        assert report.failures == []
        by_title = {a.title: a for a in repo.articles()}
    messages = {Path(w.path.split("#")[0]).name: w.message for w in report.warnings}
    assert set(messages) == {"feed.jsonl", "page.html"}
    assert messages["feed.jsonl"].startswith("'publishedAt' field '2024-02-30T10:00:00Z' is not")
    assert "'2023-02-29' is not a real date" in messages["page.html"]
    assert by_title["Bad date"].published_source is PublishedSource.INFERRED
    assert by_title["Bad date"].published_reason.startswith("'publishedAt' field")
    assert by_title["Good"].published == date(2021, 6, 1)
    assert by_title["Good"].published_confidence is None


def test_a_file_cannot_pose_as_the_readers_day_month_note(
    articles_dir: Path, db_path: Path
) -> None:
    """A header or field named like the reader's internal key was read as a date, and crashed."""
    (articles_dir / "a.txt").write_text(
        "Title: X\nDate: 2020-03-05\npublished_alternative: soon\n\nThe vote was on March 2.\n"
    )
    (articles_dir / "b.json").write_text(
        json.dumps({"text": "Vote on March 2.", "date": "2020-03-05", "published_alternative": "x"})
    )
    with Repository(db_path) as repo:
        report = import_paths(repo, [articles_dir], workers=1)
        assert report.failures == []
        assert [a.published for a in repo.articles()] == [date(2020, 3, 5)] * 2


def test_retagging_keeps_saying_why_the_header_was_not_used(
    articles_dir: Path, db_path: Path
) -> None:
    from timeline_app.commands import retag_all

    path = articles_dir / "bridge.txt"
    path.write_text(f"Title: Bridge vote\nDate: 2024-02-30\n\n{DATED_BODY}", encoding="utf-8")
    with Repository(db_path) as repo:
        (article_id,) = import_paths(repo, [path], workers=1).imported
        before = repo.article(article_id).published_reason
        assert retag_all(repo, workers=1) == 1
        after = repo.article(article_id)
    assert after.published_reason == before
    assert after.published_reason.startswith("header 'Date: 2024-02-30' is not a real date")


def test_the_header_note_is_recovered_only_from_reasons_that_carry_one() -> None:
    from timeline_app.ingest.pubdate import NO_DATE_REASON, published_problem_of

    note = "header 'Date: 2024-02-30' is not a real date (day is out of range for month)"
    assert published_problem_of(f"{note}; dated from the text instead: latest date") == note
    assert published_problem_of(f"{note}; {NO_DATE_REASON}") == note
    assert published_problem_of("latest explicit date Sat 6 Jan 2024") == ""
