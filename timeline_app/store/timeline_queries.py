"""The counting queries of the timeline, and the event filters every event query shares.

Split from ``repository.py`` to keep each module short; ``Repository`` inherits
these methods. The timeline asks for counts and a few start times, never for the
events themselves, so each query reads a covering index and returns numbers.

Filters are built as a list of clauses joined by ``where_sql``: an empty list
gives no WHERE at all, so no filter combination can produce a bare "WHERE".
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from timeline_app.store import codec

if TYPE_CHECKING:
    from sqlite_utils import Database

    from timeline_app.events.model import Event


def event_filters(
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    search: str | None = None,
    article_ids: Collection[int] | None = None,
    include_hidden: bool = False,
) -> tuple[list[str], list[Any]] | None:
    """WHERE clauses (on ``events``) shared by the event queries; None = matches nothing
    (only a search can do that: a query with no searchable words)."""
    clauses: list[str] = []
    params: list[Any] = []
    if not include_hidden:
        # With an article filter, "+hidden" keeps the planner on the article
        # index whatever its statistics say; otherwise the hidden-first
        # covering indexes serve time windows, span and density.
        clauses.append("+hidden = 0" if article_ids is not None else "hidden = 0")
    if end is not None:
        clauses.append("start_s < ?")
        params.append(codec.to_seconds(end))
    if start is not None:
        # A zero-length event at ``start`` still overlaps the range.
        clauses.append("(end_s > ? OR (end_s = start_s AND start_s >= ?))")
        params += [codec.to_seconds(start)] * 2
    if article_ids is not None:
        clauses.append("article_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(int(i) for i in article_ids)))
    if search is not None and search.strip():  # blank: no filter, never "nothing"
        query = codec.fts_query(search)
        if query is None:
            return None
        clauses.append("id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(query)
    return clauses, params


def unsearched_filters(
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    article_ids: Collection[int] | None = None,
    include_hidden: bool = False,
) -> tuple[list[str], list[Any]]:
    """``event_filters`` without a search: never None, so callers need no fallback."""
    filters = event_filters(
        start=start, end=end, article_ids=article_ids, include_hidden=include_hidden
    )
    assert filters is not None, "only a search can make the filters match nothing"
    return filters


def where_sql(clauses: Sequence[str]) -> str:
    """`` WHERE a AND b`` for the clauses, or nothing at all when there are none."""
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""


class TimelineQueriesMixin:
    """Methods of ``Repository`` that count and place events for the timeline."""

    db: Database

    def event_density(
        self,
        start: datetime,
        end: datetime,
        buckets: int,
        article_ids: Collection[int] | None = None,
        search: str | None = None,
    ) -> list[int]:
        """Visible events per equal slice of ``[start, end)``, counted in SQL.

        An event counts once, in the slice holding its middle, which is where the
        timeline draws a day's dot (12:00, not the midnight it starts at) and the
        middle of a month's or a year's bar (not piled on the 1st). Middles outside
        the range count in its first or last slice, so the counts sum to the number
        of events overlapping the range. ``search`` keeps only matching events.
        """
        if buckets <= 0:
            raise ValueError(f"buckets must be positive, got {buckets}")
        low, high = codec.to_seconds(start), codec.to_seconds(end)
        if high <= low:
            raise ValueError(f"empty range: {start} .. {end}")
        filters = event_filters(start=start, end=end, article_ids=article_ids, search=search)
        counts = [0] * buckets
        if filters is None:
            return counts
        clauses, params = filters
        # Integer arithmetic: middles before ``low`` give buckets <= 0, clamped below.
        sql = (
            "SELECT ((start_s + end_s) / 2 - ?) * ? / ? AS bucket, COUNT(*)"
            f" FROM events{where_sql(clauses)} GROUP BY bucket"
        )
        for bucket, count in self.db.execute(sql, [low, buckets, high - low, *params]):
            counts[min(max(int(bucket), 0), buckets - 1)] += count
        return counts

    def event_start_count(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        article_ids: Collection[int] | None = None,
        search: str | None = None,
    ) -> int:
        """How many visible events start in ``[start, end)`` (open where None).

        Unlike ``event_density`` it ignores events already running at ``start``:
        the timeline asks how many events begin beyond each edge of the view, and
        counting along the start index reads only those.
        """
        filters = event_filters(article_ids=article_ids, search=search)
        if filters is None:
            return 0
        clauses, params = filters
        if start is not None:
            clauses.append("start_s >= ?")
            params.append(codec.to_seconds(start))
        if end is not None:
            clauses.append("start_s < ?")
            params.append(codec.to_seconds(end))
        sql = f"SELECT COUNT(*) FROM events{where_sql(clauses)}"
        return self.db.execute(sql, params).fetchone()[0]

    def event_start_quantiles(
        self,
        fractions: Sequence[float],
        article_ids: Collection[int] | None = None,
        search: str | None = None,
    ) -> list[datetime]:
        """Start times of the visible events at ``fractions`` (0 = earliest, 1 = latest)
        of their order by start, nearest rank; empty when there are no events.

        Each value is one step along the covering index from its nearer end (a
        small OFFSET), so framing the bulk of a 100,000-event library costs
        milliseconds and never loads the events.
        """
        if any(not 0.0 <= fraction <= 1.0 for fraction in fractions):
            raise ValueError(f"fractions must lie in [0, 1], got {list(fractions)}")
        filters = event_filters(article_ids=article_ids, search=search)
        if filters is None:
            return []
        clauses, params = filters
        where = where_sql(clauses)
        total = self.db.execute(f"SELECT COUNT(*) FROM events{where}", params).fetchone()[0]
        if not total:
            return []
        starts = []
        for fraction in fractions:
            rank = round(fraction * (total - 1))
            order, offset = ("ASC", rank) if rank <= (total - 1) / 2 else ("DESC", total - 1 - rank)
            row = self.db.execute(
                f"SELECT start_s FROM events{where} ORDER BY start_s {order} LIMIT 1 OFFSET ?",
                [*params, offset],
            ).fetchone()
            if row is None:  # events deleted since the count (another connection): clamp
                return self.event_start_quantiles(fractions, article_ids, search)
            starts.append(codec.from_seconds(row[0]))
        return starts

    def events_by_importance(
        self,
        start: datetime,
        end: datetime,
        limit: int,
        article_ids: Collection[int] | None = None,
        search: str | None = None,
    ) -> list[Event]:
        """Up to ``limit`` happenings overlapping ``[start, end)``, most important first,
        one event standing for each: its most precise member (the day "air strikes
        began on March 19" names, not a "since March 19" that runs for months),
        then the surest.

        What the timeline labels over a crowded window. It reads the importance
        index in order and stops after ``limit`` happenings, instead of sorting
        every event of the window (two seconds for a library's whole span): the
        canvas only asks when its window holds hundreds of events or more.
        """
        filters = event_filters(start=start, end=end, article_ids=article_ids, search=search)
        if filters is None or limit <= 0:
            return []
        clauses, params = filters
        # The index leads with ``hidden``: the article filter's "+hidden" (which keeps
        # other queries on the article index) would turn the ordered read into a sort.
        clauses = ["hidden = 0" if clause == "+hidden = 0" else clause for clause in clauses]
        sql = (
            f"SELECT {codec.EVENT_COLUMNS} FROM events INDEXED BY events_by_importance"
            f"{where_sql(clauses)} ORDER BY importance DESC, MAX(end_s - start_s, 86400),"
            " confidence DESC, id"
        )
        chosen: list[Event] = []
        seen: set[int] = set()
        cursor = self.db.conn.execute(sql, params)
        try:
            for row in cursor:
                event = codec.event_from_row(row)
                key = event.group_id if event.group_id is not None else -event.id
                if key not in seen:
                    seen.add(key)
                    chosen.append(event)
                    if len(chosen) >= limit:
                        break
        finally:
            cursor.close()
        return chosen
