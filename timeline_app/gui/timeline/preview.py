"""Open just the timeline canvas and its overview strip on a database (a developer tool).

    python -m timeline_app.gui.timeline.preview DB [--from DATE --to DATE] [--select ID]
        [--colour-by source] [--png OUT.png] [--svg OUT.svg]

Handy for looking at the canvas without the main window, for screenshots, and
for trying a library's worst case (``benchmarks/bench_gui.py --db`` builds one).
With ``--png``/``--svg`` it writes the exports and exits instead of showing a window.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m timeline_app.gui.timeline.preview", description=__doc__.splitlines()[0]
    )
    parser.add_argument("db", type=Path)
    parser.add_argument("--from", dest="start", type=datetime.fromisoformat)
    parser.add_argument("--to", dest="end", type=datetime.fromisoformat)
    parser.add_argument("--select", type=int, help="event id to select")
    parser.add_argument("--colour-by", choices=("article", "source"), default="article")
    parser.add_argument("--size", default="1200x560", help="window size WxH")
    parser.add_argument("--png", type=Path)
    parser.add_argument("--svg", type=Path)
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"{args.db}: no such database")
    try:
        width, height = (int(part) for part in args.size.split("x"))
    except ValueError:
        parser.error(f"--size: expected WxH, got {args.size!r}")

    if args.png or args.svg:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # exports need no display
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from timeline_app.gui.timeline.overview import OverviewStrip
    from timeline_app.gui.timeline.source import RepositoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView
    from timeline_app.store.repository import Repository

    app = QApplication.instance() or QApplication(sys.argv[:1])
    repo = Repository(args.db)
    window = QWidget()
    window.setWindowTitle(f"Timeline: {args.db.name}")
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    view = TimelineView()
    layout.addWidget(view, 1)
    layout.addWidget(OverviewStrip(view))
    window.resize(width, height)
    view.set_source(RepositoryTimelineSource(repo))
    view.set_color_mode(args.colour_by)
    if args.start and args.end:
        view.set_visible_range(args.start, args.end)
    if args.select is not None:
        view.select_event(args.select)
    view.eventActivated.connect(lambda event_id: print(f"activated event {event_id}"))
    if args.png or args.svg:
        window.show()
        app.processEvents()
        view.settle()
        if args.png:
            print(view.export_png(args.png))
        if args.svg:
            print(view.export_svg(args.svg))
        repo.close()
        return 0
    window.show()
    view.setFocus()
    code = app.exec()
    repo.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
