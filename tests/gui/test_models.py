"""Item models: Qt's model contract, batching, sorting, the article filter, date text."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from timeline_app.articles import Article, ParsedArticle, PublishedSource
from timeline_app.events.model import Event, EventKind
from timeline_app.gui.event_models import EventTableModel, UndatedListModel
from timeline_app.gui.formatting import article_title, format_when
from timeline_app.gui.models import BATCH_SIZE, ROLE_ID, ROLE_SUBTITLE, ArticleTableModel
from timeline_app.store.repository import Repository
from timeline_app.temporal.timex import Precision, Timex, TimexType


def make_article(article_id: int, **changes: Any) -> Article:
    values: dict[str, Any] = {
        "id": article_id,
        "title": f"Article {article_id:04d}",
        "text": "text",
        "source": "Wire" if article_id % 2 else "Post",
        "url": "",
        "path": f"/tmp/a{article_id}.txt",
        "published": date(2020, 1, 1) + timedelta(days=article_id),
        "published_source": PublishedSource.METADATA,
        "published_reason": "",
        "content_hash": str(article_id),
        "imported_at": datetime(2024, 1, 1),
    }
    values.update(changes)
    return Article(**values)


def make_event(event_id: int, article_id: int, day: int) -> Event:
    start = datetime(2021, 1, 1) + timedelta(days=day)
    return Event(
        article_id=article_id,
        start=start,
        end=start + timedelta(days=1),
        precision=Precision.DAY,
        kind=EventKind.POINT,
        timex_start=0,
        timex_end=4,
        expression="then",
        value=start.date().isoformat(),
        sentence_start=0,
        sentence_end=10,
        label=f"label {(event_id * 7919) % 1000:03d}",
        confidence=0.9,
        explanation="fixed",
        id=event_id,
    )


class FakeRepository:
    """The read side of the Repository, over lists (for fast, large model tests)."""

    def __init__(self, articles: int, events_per_article: int) -> None:
        self.article_list = [make_article(i) for i in range(1, articles + 1)]
        self.event_list = [
            make_event(a * 1000 + k, a, (a * 37 + k * 11) % 500)
            for a in range(1, articles + 1)
            for k in range(events_per_article)
        ]
        self.event_list.sort(key=lambda e: (e.start, e.id))

    def articles(self, search: str | None = None) -> list[Article]:
        if not search:
            return list(self.article_list)
        return [a for a in self.article_list if search.lower() in a.title.lower()]

    def article_ids(self) -> list[int]:
        return [a.id for a in self.article_list]

    def article(self, article_id: int) -> Article:
        for article in self.article_list:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def event_counts_by_article(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for event in self.event_list:
            counts[event.article_id] = counts.get(event.article_id, 0) + 1
        return counts

    def events(
        self, *, article_ids: Any = None, include_hidden: bool = False, limit: Any = None
    ) -> list[Event]:
        found = [
            e
            for e in self.event_list
            if (article_ids is None or e.article_id in article_ids)
            and (include_hidden or not e.hidden)
        ]
        return found if limit is None else found[:limit]

    def undated(self, article_ids: Any = None) -> list[tuple[int, Timex]]:
        return [
            (a.id, Timex(0, 5, "weeks", TimexType.DURATION, "P3W"))
            for a in self.article_list
            if article_ids is None or a.id in article_ids
        ]


@pytest.fixture
def big_repo() -> FakeRepository:
    return FakeRepository(articles=450, events_per_article=2)


def test_article_model_passes_qt_model_checks(qtmodeltester: Any, big_repo: Any) -> None:
    model = ArticleTableModel(big_repo)
    model.reload()
    qtmodeltester.check(model, force_py=True)


def test_event_model_passes_qt_model_checks(qtmodeltester: Any, big_repo: Any) -> None:
    model = EventTableModel(big_repo)
    model.reload()
    qtmodeltester.check(model, force_py=True)


def test_undated_model_passes_qt_model_checks(qtmodeltester: Any, big_repo: Any) -> None:
    model = UndatedListModel(big_repo)
    model.reload()
    qtmodeltester.check(model, force_py=True)


def test_models_hand_rows_to_the_view_in_batches(big_repo: Any) -> None:
    model = EventTableModel(big_repo)
    model.reload()
    assert model.total_count() == 900
    assert model.rowCount() == BATCH_SIZE
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 900
    assert not model.canFetchMore(QModelIndex())


def test_finding_a_late_event_loads_the_batches_before_it(big_repo: Any) -> None:
    model = EventTableModel(big_repo)
    model.reload()
    last = big_repo.event_list[-1]
    row = model.row_of_event(last.id)
    assert row == 899
    assert model.rowCount() == 900
    assert model.index(row, 0).data(ROLE_ID) == last.id


def test_sorting_by_label_orders_every_loaded_row(big_repo: Any) -> None:
    model = EventTableModel(big_repo)
    model.reload()
    model.sort(EventTableModel.LABEL, Qt.SortOrder.DescendingOrder)
    labels = [event.label for event in model.all_items()]
    assert labels == sorted(labels, reverse=True)
    assert model.index(0, EventTableModel.LABEL).data() == labels[0]
    model.reload()  # the chosen order survives a reload
    assert [event.label for event in model.all_items()] == labels


@pytest.mark.parametrize("sort_column", [-1, EventTableModel.LABEL])
def test_updating_one_article_matches_a_full_reload(big_repo: Any, sort_column: int) -> None:
    model = EventTableModel(big_repo)
    model.reload()
    if sort_column >= 0:
        model.sort(sort_column, Qt.SortOrder.DescendingOrder)
    big_repo.event_list = [e for e in big_repo.event_list if e.article_id != 3] + [
        make_event(900_001, 3, 5),
        make_event(900_002, 3, 499),
    ]
    big_repo.event_list.sort(key=lambda e: (e.start, e.id))
    model.update_articles([3])
    reference = EventTableModel(big_repo)
    reference.reload()
    if sort_column >= 0:
        reference.sort(sort_column, Qt.SortOrder.DescendingOrder)
    assert [e.id for e in model.all_items()] == [e.id for e in reference.all_items()]


def test_a_background_load_replaces_the_first_page_unless_overtaken(big_repo: Any) -> None:
    model = EventTableModel(big_repo)
    first = model.reload(first_page_only=True)
    assert model.loading
    assert model.total_count() == BATCH_SIZE
    second = model.reload(first_page_only=True)  # e.g. the filter changed meanwhile
    assert not model.finish_loading(first, big_repo.events())  # stale: dropped
    assert model.loading
    assert model.finish_loading(second, big_repo.events())
    assert not model.loading
    assert model.total_count() == 900
    assert [e.id for e in model.all_items()] == [e.id for e in big_repo.events()]


def test_changing_the_filter_only_rereads_what_changed(big_repo: Any) -> None:
    model = EventTableModel(big_repo)
    model.reload()
    everything = [e.id for e in model.all_items()]
    model.set_article_ids({1, 2, 3})
    assert {e.article_id for e in model.all_items()} == {1, 2, 3}
    model.set_article_ids({2, 3, 4})
    assert {e.article_id for e in model.all_items()} == {2, 3, 4}
    model.set_article_ids(None)
    assert [e.id for e in model.all_items()] == everything


def test_unchecking_an_article_filters_and_reports_the_included_ids(
    qtbot: Any, big_repo: Any
) -> None:
    model = ArticleTableModel(big_repo)
    model.reload()
    assert model.included_ids() is None
    first = model.row_item(0)
    with qtbot.waitSignal(model.includedChanged) as signal:
        model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert signal.args[0] == {a.id for a in big_repo.article_list} - {first.id}
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.set_included(first.id, True)
    assert model.included_ids() is None


def test_excluded_articles_stay_excluded_through_a_search(big_repo: Any) -> None:
    model = ArticleTableModel(big_repo)
    model.reload()
    model.set_included(3, False)
    model.reload("Article 0003")
    assert [a.id for a in model.all_items()] == [3]
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.reload()
    assert 3 not in (model.included_ids() or set())


def test_inferred_publication_dates_are_marked(big_repo: Any) -> None:
    big_repo.article_list[0] = make_article(
        1, published_source=PublishedSource.INFERRED, published_reason="latest weekday"
    )
    model = ArticleTableModel(big_repo)
    model.reload()
    row = model.row_of_article(1)
    cell = model.index(row, ArticleTableModel.PUBLISHED)
    assert cell.data().startswith("≈ ")
    assert cell.data(Qt.ItemDataRole.FontRole).italic()
    assert "latest weekday" in cell.data(Qt.ItemDataRole.ToolTipRole)
    plain = model.index(model.row_of_article(2), ArticleTableModel.PUBLISHED)
    assert not plain.data().startswith("≈")


def test_tooltips_show_article_content_literally(big_repo: Any) -> None:
    big_repo.article_list[0] = make_article(
        1,
        published_reason='<img src="file:///etc/passwd"><b>bold</b>',
        path="/tmp/<script>x</script>.txt",
    )
    model = ArticleTableModel(big_repo)
    model.reload()
    row = model.row_of_article(1)
    for column in (ArticleTableModel.TITLE, ArticleTableModel.PUBLISHED):
        tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert "<img" not in tip
        assert "<script" not in tip
        assert "&lt;" in tip


def test_event_neighbour_steps_in_table_order_and_stops_at_the_ends(big_repo: Any) -> None:
    model = EventTableModel(big_repo)
    model.reload()
    items = model.all_items()
    assert model.neighbour(None, 1) == items[0]
    assert model.neighbour(items[0].id, 1) == items[1]
    assert model.neighbour(items[0].id, -1) == items[0]
    assert model.neighbour(items[-1].id, 1) == items[-1]


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (datetime(2024, 1, 4), datetime(2024, 1, 5), Precision.DAY, "2024-01-04"),
        (datetime(2023, 10, 1), datetime(2023, 11, 1), Precision.MONTH, "2023-10"),
        (datetime(2017, 1, 1), datetime(2018, 1, 1), Precision.YEAR, "2017"),
        (datetime(2009, 1, 1), datetime(2011, 1, 1), Precision.YEAR, "2009 – 2010"),
        (datetime(2021, 3, 3), datetime(2021, 3, 6), Precision.DAY, "2021-03-03 – 2021-03-05"),
    ],
)
def test_format_when_shows_only_the_known_precision(
    start: datetime, end: datetime, precision: Precision, expected: str
) -> None:
    assert format_when(start, end, precision) == expected


def test_untitled_articles_are_named_by_their_opening_line_never_their_file() -> None:
    assert article_title(make_article(1, title="  A  spaced\ttitle ")) == "A spaced title"
    opening = make_article(2, title="", text="\n\n  First   words here.\nMore.")
    assert article_title(opening) == "First words here."
    long_line = make_article(3, title="", text="word " * 60)
    assert len(article_title(long_line)) <= 90
    assert article_title(long_line).endswith("word…")  # cut between words
    # Issue 13: a file path names where the user saved it, not the article.
    assert article_title(make_article(4, title="", text="", path="/x/y/z.txt")) == "Article 4"
    assert article_title(make_article(5, title="", text="", path="")) == "Article 5"


def test_format_when_says_modifiers_and_weeks_in_words() -> None:
    late = format_when(datetime(2017, 9, 1), datetime(2018, 1, 1), Precision.YEAR, "END")
    assert late == "late 2017"
    week = format_when(datetime(2024, 1, 1), datetime(2024, 1, 8), Precision.WEEK)
    assert week == "week of 2024-01-01"
    odd = format_when(datetime(2017, 1, 1), datetime(2018, 1, 1), Precision.YEAR, "FUZZY")
    assert odd == "2017 (fuzzy)"


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 30)))
def test_a_single_day_always_reads_as_its_iso_date(day: date) -> None:
    start = datetime(day.year, day.month, day.day)
    assert format_when(start, start + timedelta(days=1), Precision.DAY) == day.isoformat()


def test_models_over_the_real_repository_pass_qt_model_checks(
    qtmodeltester: Any, small_library: Any
) -> None:
    articles = ArticleTableModel(small_library)
    articles.reload()
    events = EventTableModel(small_library)
    events.reload()
    undated = UndatedListModel(small_library)
    undated.reload()
    assert (articles.total_count(), events.total_count(), undated.total_count()) == (2, 5, 1)
    for model in (articles, events, undated):
        qtmodeltester.check(model, force_py=True)


def test_the_library_names_each_articles_outlet_never_its_record_path(tmp_path: Any) -> None:
    """Issue 13: a JSONL record without a source is named by its URL's host."""
    with Repository(tmp_path / "lib.db") as repo:
        repo.add_article(
            ParsedArticle(
                text="Boeing delays the 737 replacement.",
                title="Boeing pushes back 737 replacement",
                url="http://en.wikinews.org/wiki/Boeing",
                path="/data/articles.jsonl#line 3",
            )
        )
        repo.add_article(ParsedArticle(text="Local notes.", title="Notes", path="/x/notes.txt"))
        model = ArticleTableModel(repo)
        model.reload()
        subtitles = {
            model.data(model.index(row, model.TITLE), Qt.ItemDataRole.DisplayRole): model.data(
                model.index(row, model.TITLE), ROLE_SUBTITLE
            )
            for row in range(model.rowCount())
        }
        sources = {model.data(model.index(row, model.SOURCE)) for row in range(model.rowCount())}
    assert subtitles == {
        "Boeing pushes back 737 replacement": "en.wikinews.org",
        "Notes": "notes.txt",
    }
    assert "en.wikinews.org" in sources
    assert not any("#line" in str(value) for value in (*subtitles.values(), *sources))
