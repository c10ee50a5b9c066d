"""The story layer's storage: happenings' facts on events, and key events in importance order.

Split from ``repository.py`` to keep each module short; ``Repository``
inherits these methods. Importance, headline and reports are stored on every
event of a happening (``events.importance``/``headline``/``reports``, migration
``0004_happenings``) so the timeline can ask "the most important events in this
window" with one indexed query.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from timeline_app.store import codec
from timeline_app.store.timeline_queries import event_filters, where_sql
from timeline_app.temporal.timex import Precision

if TYPE_CHECKING:
    from sqlite_utils import Database

    from timeline_app.events.happenings import ArticleFacts, HappeningFacts
    from timeline_app.events.key_dates import DayAttention
    from timeline_app.events.mention import Dated, Mention
    from timeline_app.events.model import Event

# SQLite's substr counts characters, as Python's offsets do.
_DAY = 86_400
_EPOCH_DAY = date(1970, 1, 1)
_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


class StoryQueriesMixin:
    """Methods of ``Repository`` for happenings and key events."""

    db: Database

    def happening_inputs(self) -> tuple[list[Mention], dict[int, ArticleFacts]]:
        """What :func:`events.happenings.assess_happenings` needs for the whole library:
        the visible events (as narrow ``Mention`` values: the story layer's
        columns only), and each article's outlet and publication date (the
        user's date when set)."""
        return self._mentions("hidden = 0", ()), self._article_facts(None)

    def happening_neighbourhood(
        self, event_ids: Iterable[int], days: Iterable[date]
    ) -> tuple[list[Mention], list[Mention], dict[int, ArticleFacts]]:
        """What re-assessing the happenings an edit of ``event_ids`` can change needs:

        * the visible members of every happening touched: the events' own groups
          and every happening with a visible day event on one of ``days`` (whose
          attention the edit changed), whole;
        * the visible day events on every day those happenings name (what their
          date attention counts);
        * the facts of the articles involved.
        """
        ids = sorted(set(event_ids))
        marks = ",".join("?" * len(ids))
        groups = {
            group_id
            for (group_id,) in self.db.execute(
                f"SELECT group_id FROM events WHERE id IN ({marks}) AND group_id IS NOT NULL",
                ids,
            )
        }
        on_days = [m for day in set(days) for m in self._mentions_on(day)]
        lone = {m.id for m in on_days if m.group_id is None}
        groups |= {m.group_id for m in on_days if m.group_id is not None}
        members: list[Mention] = []
        for chunk in _chunks(sorted(groups)):
            where = f"hidden = 0 AND group_id IN ({','.join('?' * len(chunk))})"
            members += self._mentions(where, chunk)
        for chunk in _chunks(sorted(lone | set(ids))):
            where = f"hidden = 0 AND group_id IS NULL AND id IN ({','.join('?' * len(chunk))})"
            members += self._mentions(where, chunk)
        named = {m.start.date() for m in members if m.precision >= Precision.DAY}
        attention = [m for day in named for m in self._mentions_on(day)]
        articles = {m.article_id for m in members} | {m.article_id for m in attention}
        return members, attention, self._article_facts(articles)

    def _mentions_on(self, day: date) -> list[Mention]:
        """Visible events starting on ``day`` with a day's precision or finer."""
        start = (day - _EPOCH_DAY).days * _DAY
        return self._mentions(
            "hidden = 0 AND precision >= ? AND start_s >= ? AND start_s < ?",
            (int(Precision.DAY), start, start + _DAY),
        )

    def _mentions(self, where: str, params: Iterable[Any]) -> list[Mention]:
        from timeline_app.events.mention import Mention

        seconds, precisions = codec.from_seconds, codec.PRECISION_BY_VALUE
        kinds = codec.KIND_BY_VALUE
        return [
            Mention(
                event_id,
                article_id,
                seconds(start_s),
                seconds(end_s),
                precisions[precision],
                kinds[kind],
                confidence,
                group_id,
                label,
                sentence_start,
                sentence_end,
                importance,
                headline,
                reports,
            )
            for (
                event_id,
                article_id,
                start_s,
                end_s,
                precision,
                kind,
                confidence,
                group_id,
                label,
                sentence_start,
                sentence_end,
                importance,
                headline,
                reports,
            ) in self.db.execute(
                "SELECT id, article_id, start_s, end_s, precision, kind, confidence, group_id,"
                " label, sentence_start, sentence_end, importance, headline, reports"
                f" FROM events WHERE {where}",
                list(params),
            )
        ]

    def _article_facts(self, article_ids: Iterable[int] | None) -> dict[int, ArticleFacts]:
        """Each article's outlet and publication date (the user's when set); all with None."""
        from timeline_app.events.happenings import ArticleFacts

        sql = (
            "SELECT a.id, a.source, COALESCE(c.published, a.published)"
            " FROM articles a LEFT JOIN article_corrections c ON c.article_id = a.id"
        )
        chunks: Iterable[list[int]] = [[]] if article_ids is None else _chunks(sorted(article_ids))
        facts = {}
        for chunk in chunks:
            marks = ",".join("?" * len(chunk))
            where = f" WHERE a.id IN ({marks})" if article_ids is not None else ""
            for article_id, source, published in self.db.execute(sql + where, chunk):
                facts[article_id] = ArticleFacts(
                    outlet=source or "", published=codec.date_or_none(published)
                )
        return facts

    def event_sentences(self, events: Iterable[Dated]) -> dict[int, str]:
        """Event id -> the sentence it was found in (sliced from its article's text)."""
        wanted = list(events)
        texts = self.article_texts({event.article_id for event in wanted})
        return {
            event.id: texts.get(event.article_id, "")[event.sentence_start : event.sentence_end]
            for event in wanted
        }

    def set_happenings(
        self, facts: Mapping[int, HappeningFacts], scope: Iterable[int] | None = None
    ) -> int:
        """Store each event's happening facts; events not named get the defaults.

        With ``scope`` only those events are considered (a local re-assessment);
        only rows whose values change are written (a regroup after a small
        edit rewrites a few rows, not the library). Returns how many changed.
        """
        query = "SELECT id, importance, headline, reports FROM events"
        chunks: Iterable[list[int]] = [[]] if scope is None else _chunks(sorted(set(scope)))
        current = {}
        for chunk in chunks:
            where = f" WHERE id IN ({','.join('?' * len(chunk))})" if scope is not None else ""
            for event_id, importance, headline, reports in self.db.execute(query + where, chunk):
                current[event_id] = (importance, headline, reports)
        changes = []
        for event_id, stored in current.items():
            value = facts.get(event_id)
            wanted = (
                (float(value.importance), value.headline, int(value.reports))
                if value is not None
                else (0.0, "", 1)
            )
            if stored != wanted:
                changes.append((*wanted, event_id))
        with self.db.atomic():
            self.db.conn.executemany(
                "UPDATE events SET importance = ?, headline = ?, reports = ? WHERE id = ?",
                changes,
            )
        return len(changes)

    def key_events(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        search: str | None = None,
        limit: int | None = 100,
    ) -> list[Event]:
        """The most important happenings overlapping ``[start, end)``, one event each.

        In importance order (then earlier first); of a happening's events the
        most confident one stands for it. ``search`` keeps happenings with a
        matching event (that event stands for it). Hidden events never count.
        """
        filters = event_filters(start=start, end=end, search=search)
        if filters is None:
            return []
        clauses, params = filters
        sql = (
            f"SELECT {codec.EVENT_COLUMNS} FROM events{where_sql(clauses)}"
            " ORDER BY importance DESC, COALESCE(group_id, -id), confidence DESC, id"
        )
        chosen: list[Event] = []
        seen: set[int] = set()
        for row in self._stream(sql, params):
            event = codec.event_from_row(row)
            key = event.group_id if event.group_id is not None else -event.id
            if key in seen:
                continue
            seen.add(key)
            chosen.append(event)
            if limit is not None and len(chosen) >= limit:
                break
        return chosen

    def day_attention(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        search: str | None = None,
    ) -> list[DayAttention]:
        """Every day named by a visible event in ``[start, end)`` (day precision or finer):
        its most important happening's importance and how many articles name it.

        One aggregate over the events (no rows loaded): what ``key-dates`` ranks.
        """
        from timeline_app.events.key_dates import DayAttention

        filters = event_filters(start=start, end=end, search=search)
        if filters is None:
            return []
        clauses, params = filters
        clauses += ["kind = 'point'", "precision >= ?"]
        params.append(int(Precision.DAY))
        # Whole days since 1970, rounded down also before 1970 (SQLite's % truncates).
        day = f"(start_s - ((start_s % {_DAY}) + {_DAY}) % {_DAY}) / {_DAY}"
        sql = (
            f"SELECT {day} AS day, MAX(importance), COUNT(DISTINCT article_id)"
            f" FROM events{where_sql(clauses)} GROUP BY day"
        )
        return [
            DayAttention(_EPOCH_DAY + timedelta(days=number), importance, reports)
            for number, importance, reports in self.db.execute(sql, params)
        ]

    def events_on_day(
        self, day: date, search: str | None = None
    ) -> tuple[list[Event], dict[int, str]]:
        """The visible events dated to ``day`` (day precision or finer) and their sentences."""
        first = datetime.combine(day, datetime.min.time())
        filters = event_filters(start=first, end=first + timedelta(days=1), search=search)
        if filters is None:
            return [], {}
        clauses, params = filters
        clauses += ["kind = 'point'", "precision >= ?", "start_s >= ?"]
        params += [int(Precision.DAY), codec.to_seconds(first)]
        columns = ", ".join(f"e.{name.strip()}" for name in codec.EVENT_COLUMNS.split(","))
        sql = (
            f"WITH e AS (SELECT * FROM events{where_sql(clauses)})"
            f" SELECT {columns}, {_SENTENCE} FROM e JOIN articles a ON a.id = e.article_id"
            " ORDER BY e.start_s, e.id"
        )
        events, sentences = [], {}
        for row in self.db.execute(sql, params):
            event = codec.event_from_row(row[:-1])
            events.append(event)
            sentences[event.id] = row[-1]
        return events, sentences

    def _stream(self, sql: str, params: list[Any]) -> Iterator[tuple[Any, ...]]:
        cursor = self.db.conn.execute(sql, params)
        try:
            yield from cursor
        finally:
            cursor.close()


def _chunks(values: list[int], size: int = 500) -> Iterator[list[int]]:
    """``values`` in pieces small enough for SQLite's limit on parameters."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
