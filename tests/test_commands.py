"""User-level commands and the library CLI, run in-process through the real entry point."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.cli import main
from timeline_app.commands import (
    analyse,
    clear_publication_date,
    ensure_seeded,
    import_paths,
    retag_all,
    set_publication_date,
)
from timeline_app.store.repository import Repository
from timeline_app.temporal.timex import Precision

from .conftest import PROJECT_ROOT

WEEKDAY_STORY = (
    "Flooding closed the bridge on Monday. Repairs began on Wednesday, officials said.\n"
    "The bridge first opened in March 1998."
)


def store(repo: Repository, text: str, published: date | None) -> int:
    article, _ = repo.add_article(
        ParsedArticle(
            text=text,
            title="Bridge",
            published=published,
            published_source=PublishedSource.METADATA if published else PublishedSource.UNKNOWN,
        )
    )
    repo.replace_analysis(article.id, *analyse(text, published, article.published_source))
    return article.id


def test_seed_article_imports_with_inferred_date(db_path: Path) -> None:
    with Repository(db_path) as repo:
        report = ensure_seeded(repo, workers=1)
        assert report is not None
        assert report.ok
        (article,) = repo.articles()
        assert article.published == date(2024, 1, 8)
        assert article.published_source is PublishedSource.INFERRED
        assert article.published_reason
        assert repo.event_count() > 0
        assert ensure_seeded(repo) is None  # only into an empty library


def relative_explanations(repo: Repository, article_id: int | None = None) -> list[str]:
    """Explanations of events resolved against the publication date ("on Monday")."""
    ids = None if article_id is None else [article_id]
    events = repo.events(article_ids=ids, include_hidden=True)
    return [e.explanation for e in events if "resolved against the publication" in e.explanation]


def test_imported_seed_events_say_the_date_was_inferred(db_path: Path) -> None:
    with Repository(db_path) as repo:
        ensure_seeded(repo, workers=1)
        explanations = relative_explanations(repo)
        assert explanations, "the seed has weekday expressions resolved against its date"
        assert all("inferred" in text for text in explanations)
        assert not any("source unknown" in text for text in explanations)
        # A re-tag finds the date again and still says where it came from.
        assert retag_all(repo, workers=1) == 1
        assert all("inferred" in text for text in relative_explanations(repo))


def test_set_and_cleared_dates_are_named_in_explanations(db_path: Path) -> None:
    with Repository(db_path) as repo:
        article_id = store(repo, WEEKDAY_STORY, date(2024, 1, 10))
        assert all("metadata" in text for text in relative_explanations(repo, article_id))
        set_publication_date(repo, article_id, date(2024, 2, 7))
        assert all("set by the user" in text for text in relative_explanations(repo, article_id))
        clear_publication_date(repo, article_id)
        explanations = relative_explanations(repo, article_id)
        assert explanations
        assert all("metadata" in text for text in explanations)


def test_set_publication_date_re_resolves_and_keeps_corrections(db_path: Path) -> None:
    with Repository(db_path) as repo:
        article_id = store(repo, WEEKDAY_STORY, date(2024, 1, 10))  # a Wednesday
        before = {e.expression: e for e in repo.events()}
        monday = before["Monday"]
        assert monday.start == datetime(2024, 1, 8)
        repo.correct_event(
            before["March 1998"].id, datetime(1998, 3, 2), datetime(1998, 3, 3), Precision.DAY
        )
        set_publication_date(repo, article_id, date(2024, 2, 7))  # also a Wednesday
        after = {e.expression: e for e in repo.events()}
        assert after["Monday"].start == datetime(2024, 2, 5)
        assert after["Monday"].id == monday.id  # same expression, same event id
        assert after["March 1998"].start == datetime(1998, 3, 2)  # the user's fix survives
        article = repo.article(article_id)
        assert article.published == date(2024, 2, 7)
        assert article.published_source is PublishedSource.USER
        clear_publication_date(repo, article_id)
        assert repo.article(article_id).published == date(2024, 1, 10)
        restored = {e.expression: e for e in repo.events()}
        assert restored["Monday"].start == datetime(2024, 1, 8)
        assert restored["Monday"].id == monday.id


def test_retag_all_rebuilds_analysis_and_keeps_user_dates(db_path: Path) -> None:
    with Repository(db_path) as repo:
        first = store(repo, WEEKDAY_STORY, date(2024, 1, 10))
        second = store(repo, "Talks resumed on Friday in Geneva.", date(2023, 6, 1))
        set_publication_date(repo, second, date(2023, 6, 14))
        hidden = repo.events(article_ids=[first])[0].id
        repo.hide_event(hidden)
        repo.db.execute("DELETE FROM events")  # as if the rules had changed output
        repo.db.execute("DELETE FROM timexes")
        assert repo.event_count(include_hidden=True) == 0
        seen = []
        assert retag_all(repo, progress=lambda *a: seen.append(a), workers=1) == 2
        assert [done for done, _, _ in seen] == [1, 2]
        assert repo.event(hidden).hidden  # same expression -> the user's hide is re-applied
        friday = repo.events(article_ids=[second])[0]
        assert friday.start == datetime(2023, 6, 9)  # against the user's date, not metadata
        assert repo.article(second).published_source is PublishedSource.USER
        assert len(repo.timexes(first)) == len(analyse(WEEKDAY_STORY, date(2024, 1, 10))[0])


def test_import_groups_the_same_happening_across_articles(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    story = "Title: {t}\nDate: 2024-01-10\n\nThe central bank raised interest rates on Monday.\n"
    (folder / "a.txt").write_text(story.format(t="A"))
    (folder / "b.txt").write_text(story.format(t="B") + "Markets fell.\n")
    with Repository(tmp_path / "g.db") as repo:
        import_paths(repo, [folder], workers=1)
        groups = {e.article_id: e.group_id for e in repo.events()}
        assert len(groups) == 2
        assert len(set(groups.values())) == 1
        assert None not in groups.values()


# -- CLI ------------------------------------------------------------------------


def run_cli(*argv: str) -> int:
    return main(list(argv))


def test_cli_ingest_articles_set_date_retag(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "cli.db")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text("Title: Bridge\nDate: 2024-01-10\n\n" + WEEKDAY_STORY)
    (folder / "bad.bin").write_bytes(b"\x00\x01")
    assert run_cli("--db", db, "ingest", str(folder), str(PROJECT_ROOT / "seeds")) == 1
    out, err = capsys.readouterr()
    assert "imported 2, already present 0, failed 1" in out
    assert "bad.bin: unsupported file type .bin" in err

    assert run_cli("--db", db, "ingest", str(folder / "story.txt")) == 0
    out, _ = capsys.readouterr()
    assert "imported 0, already present 1, failed 0" in out

    assert run_cli("--db", db, "articles") == 0
    out, _ = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 2
    assert "2024-01-10  metadata" in lines[0]
    assert "Bridge" in lines[0]
    assert "2024-01-08  inferred" in lines[1]

    assert run_cli("--db", db, "articles", "--search", "flooding") == 0
    assert "Bridge" in capsys.readouterr().out

    assert run_cli("--db", db, "set-date", "1", "2024-02-07") == 0
    assert "published 2024-02-07 (user)" in capsys.readouterr().out
    assert run_cli("--db", db, "set-date", "99", "2024-02-07") == 1
    assert "no article with id 99" in capsys.readouterr().err
    assert run_cli("--db", db, "set-date", "1", "07/02/2024") == 2
    assert "not a date" in capsys.readouterr().err

    assert run_cli("--db", db, "retag", "--workers", "1") == 0
    assert "re-tagged 2 articles" in capsys.readouterr().out
    assert run_cli("--db", db, "articles") == 0
    assert "2024-02-07  user" in capsys.readouterr().out


def test_cli_max_size(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Title: Big\n\n" + "word " * 300_000)
    assert run_cli("--db", str(tmp_path / "x.db"), "ingest", "--max-size", "1", str(path)) == 1
    assert "above the 1.0 MB size limit" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["ingest", "articles", "set-date", "retag"])
def test_library_commands_have_help(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli(command, "--help")
    assert exit_info.value.code == 0
    assert "--help" in capsys.readouterr().out


def test_progress_bar_draws_only_on_a_terminal() -> None:
    import io

    from timeline_app.cli.library import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(stream)
        bar(1, 4, "a.txt")
        bar(4, 4, "d.txt")
        bar.finish()
    assert pipe.getvalue() == ""
    assert "1/4 a.txt" in terminal.getvalue()
    assert "[" + "#" * 30 + "] 4/4 d.txt" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")


def test_set_date_regroups_its_neighbourhood_like_a_full_regroup(tmp_path: Path) -> None:
    from timeline_app.commands import regroup

    folder = tmp_path / "in"
    folder.mkdir()
    bank = "Title: {t}\nDate: 2024-01-10\n\nThe central bank raised interest rates on Monday.{x}\n"
    for name in "abc":
        (folder / f"{name}.txt").write_text(bank.format(t=name, x=" " + name * 3))
    other = "Title: {t}\nDate: 2023-05-0{d}\n\nThe harbour festival opened on Friday.{x}\n"
    for day, name in enumerate("defg", start=1):
        (folder / f"{name}.txt").write_text(other.format(t=name, d=day, x=" " + name * 3))
    with Repository(tmp_path / "n.db") as repo:
        import_paths(repo, [folder], workers=1)
        by_title = {a.title: a.id for a in repo.articles()}

        def groups() -> dict[str, int | None]:
            titles = {v: k for k, v in by_title.items()}
            return {titles[e.article_id]: e.group_id for e in repo.events()}

        before = groups()
        assert before["a"] == before["b"] == before["c"] is not None
        set_publication_date(repo, by_title["c"], date(2024, 3, 6))  # Monday -> March 4
        scoped = groups()
        assert scoped["c"] is None
        assert scoped["a"] == scoped["b"] is not None
        regroup(repo)  # everything, from scratch
        assert groups() == scoped


def test_db_option_before_or_after_the_subcommand(tmp_path: Path, capsys) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Title: S\nDate: 2024-01-10\n\nThe vote was on Monday.\n")
    before, after = str(tmp_path / "before.db"), str(tmp_path / "after.db")
    assert run_cli("--db", before, "ingest", str(story)) == 0
    assert run_cli("ingest", str(story), "--db", after) == 0
    capsys.readouterr()
    for db in (before, after):
        assert run_cli("articles", "--db", db) == 0
        assert "S" in capsys.readouterr().out.split()


def test_untrusted_names_and_titles_cannot_drive_the_terminal(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "t.db")
    story = tmp_path / "s.json"
    story.write_text('{"title": "Evil \\u202e txt.exe", "text": "On Monday."}')
    bad = tmp_path / "bad\x1b[2J.bin"
    bad.write_bytes(b"x")
    assert run_cli("--db", db, "ingest", str(story), str(bad)) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "bad\\x1b[2J.bin" in err
    assert run_cli("--db", db, "articles") == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out
    assert "Evil \\x202e txt.exe" in out


def test_retag_on_a_worker_pool_matches_in_process(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(30):  # enough tasks for the pool
        (folder / f"{index}.txt").write_text(
            f"Title: Story {index}\nDate: 2021-0{index % 9 + 1}-1{index % 10}\n\n"
            f"Meeting {index} was held on Tuesday; the vote follows next week.\n"
        )
    snapshots = []
    for workers in (1, 2):
        with Repository(tmp_path / f"r{workers}.db") as repo:
            import_paths(repo, [folder], workers=1)
            repo.db.execute("DELETE FROM events")
            assert retag_all(repo, workers=workers) == 30
            snapshots.append([(e.article_id, e.start, e.expression) for e in repo.events()])
    assert snapshots[0] == snapshots[1]
    assert len(snapshots[0]) >= 30
