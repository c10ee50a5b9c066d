"""The story layer's storage: happenings' facts on events, and key events in importance order.

Split from ``repository.py`` to keep each module short; ``Repository``
inherits these methods. Importance, headline and reports are stored on every
event of a happening (``events.importance``/``headline``/``reports``, migration
``0004_happenings``) so the timeline can ask "the most important events in this
window" with one indexed query.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from timeline_app.store import codec
from timeline_app.store.timeline_queries import event_filters, where_sql
from timeline_app.temporal.timex import Precision

if TYPE_CHECKING:
    from sqlite_utils import Database

    from timeline_app.events.happenings import HappeningFacts
    from timeline_app.events.key_dates import DayAttention
    from timeline_app.events.mention import ArticleFacts, Dated, Mention
    from timeline_app.events.model import Event

# SQLite's substr counts characters, as Python's offsets do.
_DAY = 86_400
_EPOCH_DAY = date(1970, 1, 1)
# What the story layer reads of an event (``events.mention.Mention``'s fields, in order).
_MENTION_COLUMNS = (
    "id, article_id, start_s, end_s, precision, kind, confidence, group_id, label,"
    " sentence_start, sentence_end, importance, headline, reports, hidden"
)
_SENTENCE = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


class StoryQueriesMixin:
    """Methods of ``Repository`` for happenings and key events."""

    db: Database

    def happening_inputs(self) -> tuple[list[Mention], dict[int, ArticleFacts]]:
        """What :func:`events.happenings.assess_happenings` needs for the whole library:
        the visible events (as narrow ``Mention`` values: the story layer's
        columns only) in id order, and each article's outlet and publication
        date (the user's date when set)."""
        rows = self.db.execute(
            f"SELECT {_MENTION_COLUMNS} FROM events WHERE hidden = 0 ORDER BY id"
        )
        return [_mention(row) for row in rows], self.article_facts()

    def happening_members(
        self,
        event_ids: Collection[int],
        days: Collection[date] = (),
        group_ids: Collection[int] = (),
    ) -> list[Mention]:
        """The events (hidden ones too) a local story refresh reads, in id order.

        These events, the events dated to one of ``days`` (day precision or
        finer points: what date attention counts), and every member of
        ``group_ids`` and of the groups any of those belong to, so the result
        holds whole happenings.
        """
        starts = sorted(
            codec.to_seconds(datetime.combine(day, datetime.min.time())) for day in days
        )
        sql = f"""
        WITH seed AS (
            SELECT id, group_id FROM events WHERE id IN (SELECT value FROM json_each(:ids))
            UNION
            SELECT e.id, e.group_id FROM json_each(:days) d
            JOIN events e ON e.start_s >= d.value AND e.start_s < d.value + {_DAY}
            WHERE e.kind = 'point' AND e.precision >= :day
        )
        SELECT {_MENTION_COLUMNS} FROM events WHERE id IN (
            SELECT id FROM seed
            UNION SELECT e.id FROM events e WHERE e.group_id IN (
                SELECT group_id FROM seed WHERE group_id IS NOT NULL
                UNION SELECT value FROM json_each(:groups)
            )
        )
        ORDER BY id
        """
        params = {
            "groups": json.dumps(sorted(int(g) for g in group_ids)),
            "ids": json.dumps(sorted(int(i) for i in event_ids)),
            "days": json.dumps(starts),
            "day": int(Precision.DAY),
        }
        return [_mention(row) for row in self.db.execute(sql, params)]

    def group_ids(self, event_ids: Collection[int]) -> dict[int, int | None]:
        """Event id -> the group it is in now (None: alone), for these events."""
        sql = "SELECT id, group_id FROM events WHERE id IN (SELECT value FROM json_each(?))"
        ids = json.dumps(sorted(int(i) for i in event_ids))
        return dict(self.db.execute(sql, [ids]).fetchall())

    def article_facts(self) -> dict[int, ArticleFacts]:
        """Each article's outlet and publication date (the user's date when set)."""
        from timeline_app.events.mention import ArticleFacts

        return {
            article_id: ArticleFacts(outlet=source or "", published=codec.date_or_none(published))
            for article_id, source, published in self.db.execute(
                "SELECT a.id, a.source, COALESCE(c.published, a.published)"
                " FROM articles a LEFT JOIN article_corrections c ON c.article_id = a.id"
            )
        }

    def event_sentences(self, events: Iterable[Dated]) -> dict[int, str]:
        """Event id -> the sentence it was found in (sliced from its article's text)."""
        wanted = list(events)
        texts = self.article_texts({event.article_id for event in wanted})
        return {
            event.id: texts.get(event.article_id, "")[event.sentence_start : event.sentence_end]
            for event in wanted
        }

    def set_happenings(
        self, facts: Mapping[int, HappeningFacts], event_ids: Collection[int] | None = None
    ) -> int:
        """Store each event's happening facts; events not named get the defaults.

        With ``event_ids``, only those events are considered (a local refresh);
        without, every event. Only rows whose values change are written (a
        regroup after a small edit rewrites a few rows, not the library).
        Returns how many changed.
        """
        sql = "SELECT id, importance, headline, reports FROM events"
        params: list[Any] = []
        if event_ids is not None:
            sql += " WHERE id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(int(i) for i in event_ids)))
        current = {
            event_id: (importance, headline, reports)
            for event_id, importance, headline, reports in self.db.execute(sql, params)
        }
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
        most precise one (to the day: a page's posting time is no more precise
        about a happening than its day) stands for it, then the surest, as on the timeline
        (``events_by_importance``): the list and the canvas show one date.
        ``search`` keeps happenings with a matching event (that event stands
        for it). Hidden events never count.
        """
        filters = event_filters(start=start, end=end, search=search)
        if filters is None:
            return []
        clauses, params = filters
        sql = (
            f"SELECT {codec.EVENT_COLUMNS} FROM events{where_sql(clauses)}"
            " ORDER BY importance DESC, COALESCE(group_id, -id), MAX(end_s - start_s, 86400),"
            " confidence DESC, id"
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


def _mention(row: tuple[Any, ...]) -> Mention:
    """A ``Mention`` from a row of ``_MENTION_COLUMNS`` (Mention's field order): the times,
    precision, kind and hidden flag decoded, the rest (confidence ... reports) as stored."""
    from timeline_app.events.mention import Mention

    return Mention(
        row[0],
        row[1],
        codec.from_seconds(row[2]),
        codec.from_seconds(row[3]),
        codec.PRECISION_BY_VALUE[row[4]],
        codec.KIND_BY_VALUE[row[5]],
        *row[6:14],
        hidden=bool(row[14]),
    )
