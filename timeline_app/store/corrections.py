"""User corrections of events, and the machine's grouping they can override.

Split from ``repository.py`` to keep each module short; ``Repository``
inherits these methods. Corrections are keyed by the article and the time
expression's offsets, so they outlive the event rows a re-tag replaces.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from timeline_app.store import codec
from timeline_app.temporal.timex import Precision

if TYPE_CHECKING:
    from sqlite_utils import Database

    from timeline_app.events.model import Event

# Recomputes the effective columns of events from machine values + corrections.
APPLY_CORRECTIONS = """
UPDATE events SET
  start_s = COALESCE((SELECT c.start_s FROM event_corrections c WHERE {match}), machine_start_s),
  end_s = COALESCE((SELECT c.end_s FROM event_corrections c WHERE {match}), machine_end_s),
  precision = COALESCE((SELECT c.precision FROM event_corrections c WHERE {match}),
                       machine_precision),
  hidden = COALESCE((SELECT c.hidden FROM event_corrections c WHERE {match}), 0),
  group_id = CASE WHEN COALESCE((SELECT c.ungrouped FROM event_corrections c WHERE {match}), 0)
                  THEN NULL ELSE machine_group_id END
WHERE {where}
""".replace(
    "{match}",
    "c.article_id = events.article_id AND c.timex_start = events.timex_start "
    "AND c.timex_end = events.timex_end",
)


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


_UNGROUPED = (
    "EXISTS (SELECT 1 FROM event_corrections c WHERE c.article_id = events.article_id"
    " AND c.timex_start = events.timex_start AND c.timex_end = events.timex_end"
    " AND c.ungrouped = 1)"
)


class CorrectionsMixin:
    """Methods of ``Repository`` that record and apply what the user changed."""

    db: Database

    def event(self, event_id: int) -> Event:  # provided by Repository
        raise NotImplementedError

    def set_groups(self, groups: Mapping[int, int], scope: Collection[int] | None = None) -> None:
        """Replace the machine grouping (event id -> group id) of all events or of ``scope``.

        With ``scope``, only those events are regrouped; it must hold whole
        groups (see :meth:`grouping_neighbourhood`) so none is left half-updated.
        """
        with self.db.atomic():
            if scope is None:
                self.db.execute(
                    "UPDATE events SET machine_group_id = NULL, group_id = NULL"
                    " WHERE machine_group_id IS NOT NULL OR group_id IS NOT NULL"
                )
                where, params = "1", []
            else:
                where = "id IN (SELECT value FROM json_each(?))"
                params = [json.dumps(sorted(int(i) for i in scope))]
                self.db.execute(
                    f"UPDATE events SET machine_group_id = NULL, group_id = NULL WHERE {where}",
                    params,
                )
            self.db.conn.executemany(
                "UPDATE events SET machine_group_id = ?, group_id = ? WHERE id = ?",
                [(group, group, event_id) for event_id, group in groups.items()],
            )
            self.db.execute(
                f"UPDATE events SET group_id = NULL WHERE group_id IS NOT NULL AND {where}"
                f" AND {_UNGROUPED}",
                params,
            )

    def grouping_neighbourhood(
        self, article_ids: Collection[int], former_groups: Collection[int] = ()
    ) -> list[Event]:
        """Events whose grouping can change when these articles' events change.

        The articles' own events, every event overlapping one of them in time
        (found through the R*Tree), and all members of any group those belong
        to or that ``former_groups`` names (groups the articles' previous
        events were in), so the result holds whole groups.
        """
        articles = json.dumps(sorted(int(i) for i in article_ids))
        groups = json.dumps(sorted(int(g) for g in former_groups))
        sql = f"""
        WITH own AS (
            SELECT id, start_s, end_s FROM events
            WHERE article_id IN (SELECT value FROM json_each(:articles))
        ),
        near AS (
            SELECT id FROM own
            UNION
            SELECT r.id FROM own CROSS JOIN events_rtree r
            WHERE r.start_s <= own.end_s AND r.end_s >= own.start_s
        ),
        touched AS (
            SELECT machine_group_id AS g FROM events
            WHERE id IN (SELECT id FROM near) AND machine_group_id IS NOT NULL
            UNION SELECT value FROM json_each(:groups)
        )
        SELECT {codec.EVENT_COLUMNS} FROM events
        WHERE id IN (SELECT id FROM near)
           OR machine_group_id IN (SELECT g FROM touched)
        ORDER BY start_s, id
        """
        rows = self.db.execute(sql, {"articles": articles, "groups": groups})
        return [codec.event_from_row(row) for row in rows]

    # -- user corrections --------------------------------------------------

    def _correct(self, event_id: int, **values: Any) -> None:
        """Upsert correction columns for the event's time expression and re-apply them."""
        event = self.event(event_id)
        columns = ", ".join(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values)
        with self.db.atomic():
            self.db.execute(
                f"INSERT INTO event_corrections (article_id, timex_start, timex_end, {columns},"
                f" corrected_at) VALUES (?, ?, ?, {', '.join('?' for _ in values)}, ?)"
                f" ON CONFLICT(article_id, timex_start, timex_end) DO UPDATE SET {updates},"
                " corrected_at = excluded.corrected_at",
                (event.article_id, event.timex_start, event.timex_end, *values.values(), _now()),
            )
            self._apply_corrections(event)

    def _apply_corrections(self, event: Event) -> None:
        self.db.execute(
            APPLY_CORRECTIONS.replace(
                "{where}", "article_id = ? AND timex_start = ? AND timex_end = ?"
            ),
            (event.article_id, event.timex_start, event.timex_end),
        )

    def correct_event(
        self, event_id: int, start: datetime, end: datetime, precision: Precision
    ) -> None:
        """The user's dating of an event; survives re-tagging and date changes."""
        if end < start:
            raise ValueError(f"event would end before it starts: {start} > {end}")
        self._correct(
            event_id,
            start_s=codec.to_seconds(start),
            end_s=codec.to_seconds(end),
            precision=int(precision),
        )

    def hide_event(self, event_id: int, hidden: bool = True) -> None:
        self._correct(event_id, hidden=int(hidden))

    def ungroup_event(self, event_id: int) -> None:
        """Take an event out of its group (the user says it is a different happening)."""
        self._correct(event_id, ungrouped=1)

    def regroup_event(self, event_id: int) -> None:
        """Undo :meth:`ungroup_event`: the machine's grouping applies again."""
        self._correct(event_id, ungrouped=0)

    def clear_correction(self, event_id: int) -> None:
        """Forget every user correction of this event; machine values show again."""
        event = self.event(event_id)
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM event_corrections"
                " WHERE article_id = ? AND timex_start = ? AND timex_end = ?",
                (event.article_id, event.timex_start, event.timex_end),
            )
            self._apply_corrections(event)

    def is_corrected(self, event_id: int) -> bool:
        event = self.event(event_id)
        row = self.db.execute(
            "SELECT 1 FROM event_corrections"
            " WHERE article_id = ? AND timex_start = ? AND timex_end = ?",
            (event.article_id, event.timex_start, event.timex_end),
        ).fetchone()
        return row is not None
