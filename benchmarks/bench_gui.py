"""Timeline canvas speed on a large library, offscreen.

Builds (untimed) a database of ``--events`` synthetic events across
``--articles`` articles with the store's own ``Repository``, then starts a fresh
Python process that opens it, shows a ``TimelineView`` and measures:

* ``first_paint_s``: from just before that process is launched to the end of
  the first painted timeline (interpreter start, imports, queries, paint);
* ``pan_ms_*`` / ``zoom_ms_*``: one pan or zoom step plus a synchronous repaint,
  at several zoom levels from everything (drawn as counts) down to days;
* ``rss_mb``: the peak resident memory of that process;
* ``settle_ms_*``: the re-query and repaint the view does once the user pauses
  (after every 20 pan or 5 zoom steps here); gesture frames never wait for it;
* ``*_cpu_ms_p95`` and ``load_average``: processor time per step and the machine's
  load, to read the wall-clock figures on a shared machine.

Prints one JSON line. ``--db PATH`` keeps (or reuses) the database.

    .venv/bin/python benchmarks/bench_gui.py --events 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

WORDS = [
    "talks",
    "ministers",
    "protest",
    "election",
    "court",
    "ruling",
    "storm",
    "flood",
    "markets",
    "rally",
    "strike",
    "ceasefire",
    "summit",
    "vote",
    "budget",
    "inquiry",
    "verdict",
    "launch",
    "merger",
    "outage",
    "recall",
    "drought",
]


def synthetic_events(count: int, articles: int, seed: int = 1) -> dict[int, list]:
    """Events clustered like news: bursts around story dates, mixed precision and kind."""
    from timeline_app.events.model import Event, EventKind
    from timeline_app.temporal.timex import Precision

    rng = random.Random(seed)
    origin = datetime(1995, 1, 1)
    stories = [origin + timedelta(days=rng.randrange(30 * 365)) for _ in range(400)]
    lengths = {
        Precision.DAY: timedelta(days=1),
        Precision.MONTH: timedelta(days=30),
        Precision.YEAR: timedelta(days=365),
        Precision.HOUR: timedelta(hours=1),
    }
    by_article: dict[int, list] = {}
    for index in range(count):
        article = index % articles + 1
        story = stories[(article * 7919) % len(stories)]
        start = story + timedelta(days=int(rng.gauss(0, 40)), hours=rng.randrange(24))
        start = start.replace(minute=0, second=0)
        precision = rng.choice([Precision.DAY] * 7 + [Precision.MONTH, Precision.YEAR])
        if precision is Precision.DAY:
            start = start.replace(hour=0)
        kind = rng.choice([EventKind.POINT] * 8 + [EventKind.SPAN, EventKind.ONGOING])
        if kind is EventKind.POINT:
            end = start + lengths[precision]
        else:
            end = start + timedelta(days=rng.randrange(2, 90))
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 9)))
        offset = len(by_article.get(article, [])) * 20
        event = Event(
            article_id=article,
            start=start,
            end=end,
            precision=precision,
            kind=kind,
            timex_start=offset,
            timex_end=offset + 8,
            expression=f"{start:%B %d}",
            value=start.date().isoformat(),
            sentence_start=offset,
            sentence_end=offset + 18,
            label=words.capitalize(),
            confidence=0.9,
            explanation="synthetic",
            # The story layer's facts, skewed as in news: few happenings matter much.
            importance=round(rng.paretovariate(1.5), 3),
            headline=words.capitalize(),
            reports=int(rng.paretovariate(2.0)),
        )
        by_article.setdefault(article, []).append(event)
    return by_article


def build_database(path: Path, events: int, articles: int) -> None:
    """Write the synthetic library through the Repository (not timed)."""
    from timeline_app.articles import ParsedArticle
    from timeline_app.store.repository import Repository

    with Repository(path) as repo:
        if repo.event_count() == events:
            return
        by_article = synthetic_events(events, articles)
        with repo.transaction():
            for number, group in sorted(by_article.items()):
                article, _ = repo.add_article(
                    ParsedArticle(
                        text=f"Synthetic article {number}. " + "Words of the story. " * 20,
                        title=f"Story {number}",
                        source=f"Outlet {number % 12}",
                    )
                )
                events_for = [
                    e.__class__(**{**_fields(e), "article_id": article.id}) for e in group
                ]
                repo.replace_analysis(article.id, [], events_for)


def _fields(event) -> dict:
    return {name: getattr(event, name) for name in event.__slots__}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def child(db: str, launched_at: float, width: int, height: int) -> None:
    """Runs in the measured process: open, paint, pan, zoom; print JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import resource

    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.timeline.source import RepositoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView
    from timeline_app.store.repository import Repository

    app = QApplication.instance() or QApplication([])
    painted: list[float] = []

    class ProbedView(TimelineView):
        def paintEvent(self, event) -> None:
            super().paintEvent(event)
            if not painted:
                painted.append(time.time())

    repo = Repository(db)
    view = ProbedView()
    view.resize(width, height)
    view.set_source(RepositoryTimelineSource(repo))
    view.show()
    while not painted:
        app.processEvents()
    first_paint = painted[0] - launched_at

    rng = random.Random(5)

    cpu: dict[str, list[float]] = {"pan": [], "zoom": []}

    def timed(step, kind: str = "") -> float:
        """Wall time of one step and its repaint (CPU time kept too: on a busy machine it
        shows what the step costs without waiting for the processor)."""
        began, began_cpu = time.perf_counter(), time.process_time()
        step()
        view.repaint()
        if kind:
            cpu[kind].append((time.process_time() - began_cpu) * 1000)
        return (time.perf_counter() - began) * 1000

    def fit_then_zoom(factor: float) -> None:
        view.fit_all()
        view.zoom_by(factor, rng.uniform(0.3, 0.7) * width)
        view.repaint()

    settles: list[float] = []

    def settle() -> None:
        """What the view does once the user pauses: re-query for the new zoom, repaint."""
        settles.append(timed(view.settle))

    pans: list[float] = []
    for factor in (1.0, 8.0, 60.0, 700.0, 5000.0):  # everything .. a few days
        fit_then_zoom(factor)
        direction = rng.choice((-1, 1))
        for _ in range(60):
            pans.append(timed(lambda d=direction: view.pan_by_pixels(d * 12), "pan"))
            if len(pans) % 20 == 0:
                settle()

    zooms: list[float] = []
    for _ in range(3):
        view.fit_all()
        view.repaint()
        for step in [1.25] * 40 + [1 / 1.25] * 40:
            anchor = rng.uniform(0.2, 0.8) * width
            zooms.append(timed(lambda s=step, a=anchor: view.zoom_by(s, a), "zoom"))
            if len(zooms) % 5 == 0:  # a pause every five wheel notches
                settle()

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "events": repo.event_count(),
                "first_paint_s": round(first_paint, 3),
                "pan_ms_median": round(statistics.median(pans), 2),
                "pan_ms_p95": round(percentile(pans, 0.95), 2),
                "zoom_ms_median": round(statistics.median(zooms), 2),
                "zoom_ms_p95": round(percentile(zooms, 0.95), 2),
                "rss_mb": round(peak_kb / 1024, 1),
                "settle_ms_median": round(statistics.median(settles), 2),
                "settle_ms_p95": round(percentile(settles, 0.95), 2),
                "pan_cpu_ms_p95": round(percentile(cpu["pan"], 0.95), 2),
                "zoom_cpu_ms_p95": round(percentile(cpu["zoom"], 0.95), 2),
                "load_average": round(os.getloadavg()[0], 2),
            }
        )
    )
    repo.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--db", type=Path, help="keep (or reuse) the database here")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=600)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--launched-at", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.launched_at, args.width, args.height)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.db"
        build_database(db, args.events, args.articles)
        launched_at = time.time()
        result = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(db),
                "--launched-at",
                repr(launched_at),
                "--width",
                str(args.width),
                "--height",
                str(args.height),
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            return result.returncode
        print(result.stdout.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
