"""Import time and peak memory of one very long article, by size (issue 12).

Each article has a date in every sentence (the worst case for event building
and grouping: before, 1 MB took 28 s and 4 MB 505 s, quadratic). Each size is
imported by the real command line in a fresh child process into a fresh
library; its wall time and peak resident memory (``ru_maxrss`` of that child)
are reported. Prints one JSON line.

    .venv/bin/python benchmarks/bench_article_size.py [--sizes 1MB 4MB 100000s]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
# Set to [] to measure a checkout from before the per-article limit existed.
LIMIT_OPTIONS = ["--max-record-size", "100"]
SUBJECTS = ("The council", "Officials", "Police", "The court", "Lawmakers", "Rescuers", "Doctors")
VERBS = ("approved", "rejected", "announced", "investigated", "delayed", "signed", "opened")
THINGS = ("the budget", "a bridge", "the water plan", "an inquiry", "the port", "a new school")


def sentence(rng: random.Random) -> str:
    day = date(2021, 1, 1) + timedelta(days=rng.randint(0, 3 * 365))
    return (
        f"On {day:%B} {day.day}, {day.year}, {rng.choice(SUBJECTS).lower()} in district "
        f"{rng.randint(1, 500)} {rng.choice(VERBS)} {rng.choice(THINGS)}."
    )


def article(size: str, seed: int = 12) -> tuple[str, int]:
    """The text and its sentence count; ``"4MB"``: about that many bytes, ``"100000s"``:
    that many sentences."""
    rng = random.Random(seed)
    parts: list[str] = []
    if size.endswith("s"):
        parts = [sentence(rng) for _ in range(int(size[:-1]))]
    else:
        target, length = float(size[:-2]) * 1024 * 1024, 0
        while length < target:
            parts.append(sentence(rng))
            length += len(parts[-1]) + 1
    # Paragraphs of ten sentences, as a long report would have.
    paragraphs = [" ".join(parts[i : i + 10]) for i in range(0, len(parts), 10)]
    return "Title: A long report\nDate: 2024-01-08\n\n" + "\n\n".join(paragraphs) + "\n", len(parts)


def measure(size: str, folder: Path) -> dict[str, object]:
    text, sentences = article(size)
    source = folder / f"article-{size}.txt"
    source.write_text(text, encoding="utf-8")
    db = folder / f"library-{size}.db"
    command = [sys.executable, "-m", "timeline_app", "--db", str(db), "ingest", str(source)]
    command += ["--max-size", "100", "--quiet", *LIMIT_OPTIONS]
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    import sqlite3

    with sqlite3.connect(db) as connection:
        events = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    return {
        "size": size,
        "mb": round(len(text.encode()) / 1024 / 1024, 2),
        "sentences": sentences,
        "events": events,
        "exit": os.waitstatus_to_exitcode(status),
        "seconds": round(seconds, 1),
        "peak_mb": round(usage.ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["1MB", "4MB", "100000s"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-article-size-") as folder:
        results = [measure(size, Path(folder)) for size in args.sizes]
    print(json.dumps({"load": os.getloadavg()[0], "articles": results}))


if __name__ == "__main__":
    main()
