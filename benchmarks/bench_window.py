"""Main-window speed on an existing library, offscreen; prints one JSON line.

Build a large library first, e.g. with the canvas benchmark::

    .venv/bin/python benchmarks/bench_gui.py --events 100000 --db /tmp/big.db
    .venv/bin/python benchmarks/bench_window.py --db /tmp/big.db

Keys: ``events``, ``window_s`` (create the window and paint it once),
``table_full_s`` (until the events table holds every event), ``select_ms_median``
(select an event: timeline, table and reader in step), ``step_ms_median``
(Right arrow), ``filter_ms`` (take one article off the timeline and put it back),
``correction_ms`` (hide an event and undo it), ``poll_ms_median`` (one tick of
the library watcher with nothing changed: it runs twice a second),
``refresh_elsewhere_s`` (another process commits: until the window shows it,
table included, with the selection kept).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="an existing library database")
    parser.add_argument("--selections", type=int, default=40)
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no such database (build one first, see --help)")

    from timeline_app.gui.app import application, create_main_window
    from timeline_app.gui.settings import AppSettings
    from timeline_app.store.repository import Repository

    app = application([])
    settings = AppSettings.at(Path(tempfile.mkdtemp()) / "settings.ini")
    with Repository(args.db) as repo:
        started = time.perf_counter()
        window = create_main_window(repo, settings=settings, seed=False)
        window.show()
        app.processEvents()
        window_s = time.perf_counter() - started
        while window.event_model.loading:
            app.processEvents()
            time.sleep(0.005)
        table_full_s = time.perf_counter() - started

        events = window.event_model.all_items()
        stride = max(1, len(events) // args.selections)
        select_ms = []
        for event in events[::stride][: args.selections]:
            began = time.perf_counter()
            window.select_event(event.id)
            app.processEvents()
            select_ms.append((time.perf_counter() - began) * 1000)
        step_ms = []
        for _ in range(args.selections):
            began = time.perf_counter()
            window.step_event(1)
            app.processEvents()
            step_ms.append((time.perf_counter() - began) * 1000)

        article_id = window.article_model.row_item(0).id
        began = time.perf_counter()
        window.article_model.set_included(article_id, False)
        window.article_model.set_included(article_id, True)
        app.processEvents()
        filter_ms = (time.perf_counter() - began) * 1000

        target = events[len(events) // 2]
        window.select_event(target.id)
        began = time.perf_counter()
        window.set_event_hidden(target.id, True)
        window.undo_stack.undo()
        app.processEvents()
        correction_ms = (time.perf_counter() - began) * 1000

        window.library_watch.stop()  # ticks are driven by hand below
        window.select_event(target.id)  # hiding it took the selection away
        poll_ms = []
        for _ in range(50):
            began = time.perf_counter()
            window.library_watch.poll()
            poll_ms.append((time.perf_counter() - began) * 1000)
        subprocess.run(  # another process changes the library
            [
                sys.executable,
                "-m",
                "timeline_app",
                "--db",
                str(args.db),
                "set-date",
                str(article_id),
                "2001-09-09",
            ],
            check=True,
            capture_output=True,
        )
        began = time.perf_counter()
        window.library_watch.poll()
        while window.event_model.loading:
            app.processEvents()
            time.sleep(0.005)
        refresh_elsewhere_s = time.perf_counter() - began
        selection_kept = window.current_event_id() == target.id
        window.close()

    print(
        json.dumps(
            {
                "events": len(events),
                "window_s": round(window_s, 3),
                "table_full_s": round(table_full_s, 3),
                "select_ms_median": round(statistics.median(select_ms), 1),
                "step_ms_median": round(statistics.median(step_ms), 1),
                "filter_ms": round(filter_ms, 1),
                "correction_ms": round(correction_ms, 1),
                "poll_ms_median": round(statistics.median(poll_ms), 2),
                "refresh_elsewhere_s": round(refresh_elsewhere_s, 3),
                "selection_kept": selection_kept,
                "load_average": round(os.getloadavg()[0], 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
