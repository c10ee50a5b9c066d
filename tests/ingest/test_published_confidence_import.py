"""The confidence of an inferred (or dateline) date travels from the finding to the library."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline_app.articles import CONFIDENT_PUBLISHED, PublishedSource
from timeline_app.cli import main
from timeline_app.commands import import_paths, retag_all, set_publication_date
from timeline_app.ingest.pubdate.inference import find_dateline, infer_publication_date
from timeline_app.store.repository import Repository

from ..conftest import require_corpus


def undated_story(index: int) -> str:
    """A text without a date line; which evidence it holds varies with ``index``."""
    if index % 2:
        return (
            f"Museum {index} keeps growing\n\n"
            f"Museum number {index} was founded in {1990 + index} and has grown since.\n"
        )
    day = index % 27 + 1
    return (
        f"Council meeting {index}\n\nThe council met on March {day}, 2021. "
        f"On Monday meeting {index} voted to close the bridge, officials said.\n"
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_an_undated_article_stores_its_inference_confidence(
    articles_dir: Path, db_path: Path, workers: int
) -> None:
    """In this process and across worker processes (24 files start the pool)."""
    for index in range(24):
        (articles_dir / f"story_{index:02d}.txt").write_text(undated_story(index))
    with Repository(db_path) as repo:
        report = import_paths(repo, [articles_dir], workers=workers)
        assert len(report.imported) == 24
        articles = repo.articles()
    assert report.warnings == []
    for article in articles:
        expected = infer_publication_date(article.text, article.title)
        assert expected is not None
        assert article.published_source is PublishedSource.INFERRED
        assert article.published == expected.date
        assert article.published_confidence == pytest.approx(expected.confidence)
        assert 0.0 <= article.published_confidence <= 1.0
    # Both kinds of evidence are represented, or the test shows nothing.
    confidences = [a.published_confidence for a in articles]
    assert min(confidences) < CONFIDENT_PUBLISHED
    assert len(set(confidences)) > 1


def test_a_dateline_keeps_its_confidence_and_metadata_none(
    articles_dir: Path, db_path: Path
) -> None:
    wire = "BAGHDAD, Jan. 8, 2024 (Reuters) - Officials met on Sunday to discuss the talks.\n"
    (articles_dir / "wire.txt").write_text(f"Talks resume\n\n{wire}")
    (articles_dir / "dated.txt").write_text("Title: Dated\nDate: 2024-01-09\n\nOn Monday, talks.\n")
    with Repository(db_path) as repo:
        import_paths(repo, [articles_dir], workers=1)
        by_title = {a.title: a for a in repo.articles()}
    finding = find_dateline(wire)
    assert finding is not None
    assert by_title["Talks resume"].published_source is PublishedSource.DATELINE
    assert by_title["Talks resume"].published_confidence == pytest.approx(finding.confidence)
    assert by_title["Dated"].published_source is PublishedSource.METADATA
    assert by_title["Dated"].published_confidence is None


def test_retag_refills_the_confidence_and_a_users_date_clears_it(
    articles_dir: Path, db_path: Path
) -> None:
    (articles_dir / "story.txt").write_text(undated_story(2))
    with Repository(db_path) as repo:
        (article_id,) = import_paths(repo, [articles_dir], workers=1).imported
        expected = repo.article(article_id).published_confidence
        assert expected is not None
        # As a library from before the column existed would hold it:
        repo.db.execute("UPDATE articles SET published_confidence = NULL")
        assert retag_all(repo, workers=1) == 1
        assert repo.article(article_id).published_confidence == pytest.approx(expected)
        set_publication_date(repo, article_id, date(2021, 3, 9))
        assert repo.article(article_id).published_confidence is None


def test_cli_articles_shows_the_confidence_of_dates_read_from_text(
    articles_dir: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (articles_dir / "a_museum.txt").write_text(undated_story(1))
    (articles_dir / "b_dated.txt").write_text("Title: Dated\nDate: 2024-01-09\n\nOn Monday.\n")
    db = str(db_path)
    assert main(["--db", db, "ingest", "--workers", "1", "--quiet", str(articles_dir)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "articles"]) == 0
    museum, dated = capsys.readouterr().out.splitlines()
    with Repository(db_path) as repo:
        confidence = repo.articles("museum")[0].published_confidence
    assert confidence is not None
    assert confidence < CONFIDENT_PUBLISHED
    assert f"  inferred  {confidence:.2f}? " in museum  # '?': a guess
    assert "2024-01-09  metadata        " in dated  # nothing to say how sure


def test_wikinews_articles_without_dates_get_calibrated_confidences(db_path: Path) -> None:
    """On real articles with their dates hidden, the stored confidence is the finding's."""
    import json

    corpus = require_corpus("wikinews", "articles.jsonl")
    with corpus.open(encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream if line.strip()][:12]
    folder = db_path.parent / "undated"
    folder.mkdir()
    for index, record in enumerate(records):
        (folder / f"{index:02d}.txt").write_text(f"{record['title']}\n\n{record['text']}\n")
    with Repository(db_path) as repo:
        report = import_paths(repo, [folder], workers=1)
        articles = repo.articles()
    assert report.failures == []
    inferred = [a for a in articles if a.published_source is PublishedSource.INFERRED]
    assert inferred, "no Wikinews article could be dated from its text"
    for article in articles:
        if article.published_source is PublishedSource.INFERRED:
            assert article.published_confidence is not None
            assert 0.0 <= article.published_confidence <= 1.0
        else:  # nothing to go on: no date, and no confidence
            assert article.published is None
            assert article.published_confidence is None
