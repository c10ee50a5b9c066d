"""Importing files into the store: nothing lost, nothing duplicated, every failure named."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from timeline_app.commands import analyse, import_paths
from timeline_app.store.repository import Repository

from ..conftest import PROJECT_ROOT, require_corpus


def children(pid: int) -> list[int]:
    """Child process ids of ``pid`` (Linux /proc; empty elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def write_articles(folder: Path, count: int, offset: int = 0) -> list[Path]:
    paths = []
    for index in range(offset, offset + count):
        path = folder / f"article_{index:04d}.txt"
        path.write_text(
            f"Title: Report {index}\nDate: 2020-03-{index % 28 + 1:02d}\n\n"
            f"Council meeting number {index} took place on Monday. "
            f"The vote is due on March {index % 27 + 2}, 2020.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def test_import_reports_imported_duplicates_and_failures(articles_dir: Path, db_path) -> None:
    write_articles(articles_dir, 3)
    (articles_dir / "copy.txt").write_text(
        (articles_dir / "article_0000.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (articles_dir / "empty.txt").write_bytes(b"")
    (articles_dir / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (articles_dir / "notes.docx").write_bytes(b"PK\x03\x04")
    (articles_dir / "broken.json").write_text('{"title": ')
    (articles_dir / "future.txt").write_text("Title: x\nDate: 10000-01-01\n\nText.\n")
    with (articles_dir / "huge.txt").open("wb") as huge:  # 200 MB, sparse: never read
        huge.truncate(200 * 1024 * 1024)
    (articles_dir / "latin1.txt").write_bytes(
        "Title: Café\n\nNaïve “text” on Monday.".encode("cp1252")
    )
    seen = []
    with Repository(db_path) as repo:
        report = import_paths(repo, [articles_dir], progress=lambda *a: seen.append(a), workers=1)
        # future.txt is imported: its impossible date is a warning, not a failure.
        assert len(report.imported) == 5
        assert repo.article_count() == 5
        assert [Path(p).name for p in report.duplicates] == ["copy.txt"]
        failures = {Path(f.path).name: f.message for f in report.failures}
        assert set(failures) == {
            "empty.txt",
            "picture.txt",
            "notes.docx",
            "broken.json",
            "huge.txt",
        }
        assert failures["empty.txt"] == "empty file"
        assert "binary file" in failures["picture.txt"]
        assert "unsupported file type .docx" in failures["notes.docx"]
        assert "malformed JSON" in failures["broken.json"]
        ((warned, warning),) = [(Path(w.path).name, w.message) for w in report.warnings]
        assert warned == "future.txt"
        assert "header 'Date: 10000-01-01' is out of range" in warning
        assert "200.0 MB, above the 50.0 MB size limit" in failures["huge.txt"]
        assert not report.ok
        assert "Café" in [a.title for a in repo.articles()]
    # JSON files are read before the progress starts (their records become tasks),
    # so the 11 files make 10 progress steps.
    assert seen[-1][:2] == (10, 10)
    assert [done for done, _, _ in seen] == list(range(1, 11))


def test_reimport_is_all_duplicates(articles_dir: Path, db_path) -> None:
    write_articles(articles_dir, 5)
    with Repository(db_path) as repo:
        first = import_paths(repo, [articles_dir], workers=1)
        again = import_paths(repo, [articles_dir], workers=1)
        assert len(first.imported) == 5
        assert again.imported == []
        assert len(again.duplicates) == 5
        assert repo.article_count() == 5
        assert again.ok


def test_each_article_is_stored_with_its_analysis(articles_dir: Path, db_path) -> None:
    write_articles(articles_dir, 4)
    with Repository(db_path) as repo:
        report = import_paths(repo, [articles_dir], workers=1)
        for article_id in report.imported:
            article = repo.article(article_id)
            timexes, events = analyse(article.text, article.published)
            assert [t.value for t in repo.timexes(article_id)] == [t.value for t in timexes]
            stored = repo.events(article_ids=[article_id], include_hidden=True)
            assert len(stored) == len(events)


def test_jsonl_records_import_with_per_line_failures(articles_dir: Path, db_path) -> None:
    path = articles_dir / "feed.jsonl"
    lines = [
        json.dumps(
            {"title": f"T{i}", "text": f"Story {i} on Monday.", "date": "2021-06-0" + str(i + 1)}
        )
        for i in range(3)
    ]
    path.write_text("\n".join([lines[0], "{oops", lines[1], '{"title": "no text"}', lines[2]]))
    with Repository(db_path) as repo:
        report = import_paths(repo, [path], workers=1)
        assert len(report.imported) == 3
        assert sorted(f.path.rsplit(" ", 1)[-1] for f in report.failures) == ["2)", "4)"]
        assert [a.title for a in repo.articles()] == ["T0", "T1", "T2"]


def test_parallel_import_matches_serial(articles_dir: Path, tmp_path: Path) -> None:
    write_articles(articles_dir, 30)
    results = []
    for workers in (1, 2):
        with Repository(tmp_path / f"w{workers}.db") as repo:
            report = import_paths(repo, [articles_dir], workers=workers)
            assert report.ok
            results.append(
                [(a.title, a.published, len(repo.timexes(a.id))) for a in repo.articles()]
            )
    assert results[0] == results[1]
    assert len(results[0]) == 30


def test_cancel_stops_between_articles_and_keeps_what_was_stored(
    articles_dir: Path, db_path
) -> None:
    write_articles(articles_dir, 10)
    with Repository(db_path) as repo:
        calls = []
        report = import_paths(
            repo,
            [articles_dir],
            workers=1,
            progress=lambda done, total, path: calls.append(done),
            cancelled=lambda: len(calls) >= 4,
        )
        assert report.cancelled
        assert len(report.imported) == 4
        assert repo.article_count() == 4
        rest = import_paths(repo, [articles_dir], workers=1)
        assert len(rest.imported) == 6
        assert len(rest.duplicates) == 4


def test_wikinews_corpus_imports_completely(db_path) -> None:
    corpus = require_corpus("wikinews", "articles.jsonl")
    with Repository(db_path) as repo:
        report = import_paths(repo, [corpus], workers=2)
        assert report.failures == []
        assert len(report.imported) == 90
        assert repo.article_count() == 90
        assert all(a.published is not None for a in repo.articles())
        # One record says "03-02-2009": the reason must say it reads two ways.
        (ambiguous,) = [a for a in repo.articles() if "2009-02-03" in a.published_reason]
        assert ambiguous.published in (date(2009, 2, 3), date(2009, 3, 2))


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_mid_import_loses_nothing_and_rerun_completes(
    articles_dir: Path, db_path, workers: int
) -> None:
    """A real process killed with SIGKILL while importing; then a re-run finishes the job."""
    total = 600
    write_articles(articles_dir, total)
    command = [
        sys.executable,
        "-m",
        "timeline_app",
        "--db",
        str(db_path),
        "ingest",
        "--workers",
        str(workers),
        str(articles_dir),
    ]
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        stored = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            if db_path.exists():
                with Repository(db_path) as probe:
                    stored = probe.article_count()
                if stored >= 20:
                    break
        assert process.poll() is None, "import finished before it could be killed; use more files"
        workers_of_import = children(process.pid)
        if workers > 1 and Path("/proc").is_dir():
            assert workers_of_import, "the import should be running a worker pool"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    # Its worker processes leave with it rather than wait for work forever.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers_of_import):
        time.sleep(0.1)
    assert not [pid for pid in workers_of_import if alive(pid)]

    with Repository(db_path) as repo:
        survivors = repo.article_count()
        assert 20 <= survivors < total
        # No half-written article: each stored one has exactly its full analysis.
        for article in repo.articles():
            timexes, events = analyse(article.text, article.published)
            assert len(repo.timexes(article.id)) == len(timexes)
            assert len(repo.events(article_ids=[article.id], include_hidden=True)) == len(events)
        assert repo.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"imported {total - survivors}, already present {survivors}, failed 0" in rerun.stdout
    with Repository(db_path) as repo:
        assert repo.article_count() == total
        titles = [a.title for a in repo.articles()]
        assert len(set(titles)) == total


def test_a_failed_write_rolls_back_its_whole_batch(
    articles_dir: Path, db_path, monkeypatch
) -> None:
    write_articles(articles_dir, 5)
    monkeypatch.setattr("timeline_app.commands.BATCH_SECONDS", 3600.0)  # one batch of five
    with Repository(db_path) as repo:
        original = repo.add_analysed_article
        calls = []

        def failing(*args):
            calls.append(args)
            if len(calls) == 3:
                raise OSError("disk full")
            return original(*args)

        monkeypatch.setattr(repo, "add_analysed_article", failing)
        with pytest.raises(OSError, match="disk full"):
            import_paths(repo, [articles_dir], workers=1)
        # The batch held all five: none of them is left, not even without analysis.
        assert repo.article_count() == 0
        monkeypatch.setattr(repo, "add_analysed_article", original)
        report = import_paths(repo, [articles_dir], workers=1)
        assert len(report.imported) == 5
