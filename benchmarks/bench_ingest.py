"""Import speed: build N articles in a temp folder, import them into a fresh database.

The articles are the Wikinews corpus re-dated and varied (paragraph order,
a dated lead sentence, shifted publication dates), written as one file each
and cycling through the formats users bring: text with headers, JSON, HTML.
Prints one JSON line: articles, seconds, articles_per_s, db_mb (plus details).

    .venv/bin/python benchmarks/bench_ingest.py --articles 10000
"""

from __future__ import annotations

import argparse
import html
import json
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
WIKINEWS = PROJECT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl"


def load_corpus(path: Path) -> list[dict]:
    if not path.exists():
        sys.exit(f"corpus not available: {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def variant(record: dict, index: int, rng: random.Random) -> tuple[str, str, date]:
    """A distinct article derived from a corpus record: new date, reordered paragraphs."""
    from timeline_app.ingest.pubdate.metadata import parse_metadata_date

    published = parse_metadata_date(record["published"]) + timedelta(days=rng.randint(-3000, 3000))
    paragraphs = [p for p in record["text"].split("\n") if p.strip()]
    head, tail = paragraphs[:1], paragraphs[1:]
    rng.shuffle(tail)
    lead = f"Update {index}: officials met on {published:%B} {published.day}, {published.year}."
    title = f"{record['title']} ({index})"
    return title, "\n\n".join([lead, *head, *tail]), published


def write_article(folder: Path, index: int, title: str, text: str, published: date) -> None:
    kind = index % 3
    if kind == 0:
        body = f"Title: {title}\nDate: {published.isoformat()}\n\n{text}\n"
        (folder / f"{index:06d}.txt").write_text(body, encoding="utf-8")
    elif kind == 1:
        record = {"title": title, "text": text, "published": published.isoformat()}
        (folder / f"{index:06d}.json").write_text(json.dumps(record), encoding="utf-8")
    else:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n"))
        page = (
            f"<html><head><title>{html.escape(title)}</title>"
            f'<meta property="article:published_time" content="{published.isoformat()}">'
            "<script>track()</script></head><body><nav>Home | World</nav>"
            f"<article><h1>{html.escape(title)}</h1>\n{paragraphs}</article>"
            "<footer>Copyright</footer></body></html>"
        )
        (folder / f"{index:06d}.html").write_text(page, encoding="utf-8")


def query_timings(repo) -> dict[str, float]:
    """Milliseconds (best of 5) of the queries the timeline runs, on the imported library."""
    span = repo.event_span()
    if span is None:
        return {}
    start, end = span
    middle = start + (end - start) / 2
    cases = {
        "span_ms": lambda: repo.event_span(),
        "density_1000_ms": lambda: repo.event_density(start, end, 1000),
        "events_month_ms": lambda: repo.events(start=middle, end=middle + timedelta(days=30)),
        "events_all_limit_2000_ms": lambda: repo.events(start=start, end=end, limit=2000),
        "search_ms": lambda: repo.events(search="government", limit=500),
    }
    timings = {}
    for name, query in cases.items():
        best = float("inf")
        for _ in range(5):
            began = time.perf_counter()
            query()
            best = min(best, time.perf_counter() - began)
        timings[name] = round(best * 1000, 1)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--keep-db", type=Path, default=None, help="copy the imported library here afterwards"
    )
    args = parser.parse_args(argv)

    sys.path.insert(0, str(PROJECT))
    from timeline_app.commands import import_paths, regroup
    from timeline_app.store.repository import Repository

    corpus = load_corpus(WIKINEWS)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench_ingest_") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for index in range(args.articles):
            write_article(folder, index, *variant(corpus[index % len(corpus)], index, rng))
        db_path = Path(tmp) / "bench.db"
        started = time.perf_counter()
        with Repository(db_path) as repo:
            report = import_paths(repo, [folder], workers=args.workers, group=False)
            imported_at = time.perf_counter()
            regroup(repo)
            grouped_at = time.perf_counter()
            events = repo.event_count(include_hidden=True)
            repo.checkpoint()
            seconds = time.perf_counter() - started
            queries = query_timings(repo)
        size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
        if args.keep_db is not None:
            shutil.copyfile(db_path, args.keep_db)
    print(
        json.dumps(
            {
                "articles": len(report.imported),
                "seconds": round(seconds, 2),
                "articles_per_s": round(len(report.imported) / seconds, 1),
                "db_mb": round(size / 1024 / 1024, 1),
                "events": events,
                "import_s": round(imported_at - started, 2),
                "grouping_s": round(grouped_at - imported_at, 2),
                **queries,
                "failures": len(report.failures),
                "duplicates": len(report.duplicates),
            }
        )
    )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
