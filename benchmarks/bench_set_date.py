"""How long a set-date keeps the story layer current, local refresh against a full one.

On an existing library (copied first: the original is never written), sets
the publication date of ``--changes`` random articles one day later, as the
window's Set Date does, timing the happenings refresh each one runs (only
what the change can move), then times full refreshes of the same library.
Prints one JSON line: ``events``, ``local_refresh_s`` (one per change),
``rows_changed``, ``full_refresh_s`` (three runs), ``set_date_s`` (whole
commands, tagging and regrouping included).

    .venv/bin/python benchmarks/bench_set_date.py --db /tmp/big.db
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="an existing library database")
    parser.add_argument("--changes", type=int, default=8)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"{args.db}: no such database")

    from timeline_app import commands, story
    from timeline_app.store.repository import Repository

    spent: list[tuple[float, int]] = []

    def timed_refresh(repo: Repository, change: story.StoryChange | None = None) -> int:
        started = time.perf_counter()
        changed = story.refresh_happenings(repo, change)
        spent.append((time.perf_counter() - started, changed))
        return changed

    with tempfile.TemporaryDirectory(prefix="bench_set_date_") as tmp:
        path = Path(tmp) / "library.db"
        shutil.copyfile(args.db, path)
        with Repository(path) as repo:
            story.refresh_happenings(repo)  # a consistent start (and a warm cache)
            commands.refresh_happenings = timed_refresh
            articles = random.Random(args.seed).sample(repo.articles(), args.changes)
            whole = []
            for article in articles:
                day = (article.published or date(2011, 3, 1)) + timedelta(days=1)
                started = time.perf_counter()
                commands.set_publication_date(repo, article.id, day)
                whole.append(round(time.perf_counter() - started, 3))
            fulls = []
            for _ in range(3):
                started = time.perf_counter()
                story.refresh_happenings(repo)
                fulls.append(round(time.perf_counter() - started, 3))
            result = {
                "events": repo.event_count(),
                "local_refresh_s": [round(seconds, 3) for seconds, _ in spent],
                "rows_changed": [changed for _, changed in spent],
                "full_refresh_s": fulls,
                "set_date_s": whole,
            }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
