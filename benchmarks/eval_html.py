"""How well saved web pages import: text, title and publication day against annotations.

Prints JSON. Each page of ``html/gold.jsonl`` (under the corpora folder) is read
the way ``timeline-app ingest`` reads it (``read_path``: bytes, decoding, the HTML
reader) and then dated as the importer dates it (``with_publication_date``:
the page's own date, else its dateline or text). Counted:

* ``imported``: pages read without a ReaderError (the rest are listed in ``refused``);
* ``day_exact``: the stored publication day equals the annotated one;
* ``title_exact``: the title equals the annotated one, whitespace normalised (and
  soft hyphens, which no reader sees, dropped; everywhere below too);
* ``body_complete``: every ``text_contains`` snippet is in the text;
* ``no_furniture``: no ``text_lacks`` snippet (menus, cookie banners, related
  links) is in the text, out of the imported pages;
* ``pages_per_second``: pages read (``read_path`` alone, one process) per
  second of wall time, and per second of CPU time (steadier on a shared
  machine); report them with the load (``uptime``). The first page, which
  loads the libraries, is timed apart (``first_page_seconds``).

Usage: ``.venv/bin/python benchmarks/eval_html.py [--corpora DIR] [--misses]``
(``--misses`` adds, per page, what did not match.)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from datetime import date
from pathlib import Path

from timeline_app.articles import ParsedArticle
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.pubdate import with_publication_date
from timeline_app.ingest.readers import read_path

DEFAULT_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


def normalised(text: str) -> str:
    """Whitespace collapsed and soft hyphens (invisible, U+00AD) dropped, as a reader sees it."""
    return " ".join(text.replace("\u00ad", "").split())


def score_page(gold: dict, article: ParsedArticle | None) -> dict:
    """Which checks one page passes (all False when it was refused)."""
    if article is None:
        return {"imported": False}
    text = normalised(article.text)
    day = article.published
    return {
        "imported": True,
        "day_exact": day is not None and day == date.fromisoformat(gold["published"]),
        "title_exact": normalised(article.title) == normalised(gold["title"]),
        "body_complete": all(normalised(s) in text for s in gold["text_contains"]),
        "no_furniture": not any(normalised(s) in text for s in gold["text_lacks"]),
    }


def evaluate(folder: Path, show_misses: bool = False) -> dict:
    golds = [json.loads(line) for line in (folder / "gold.jsonl").open(encoding="utf-8") if line]
    read: list[ParsedArticle | None] = []
    refused: dict[str, str] = {}
    # The libraries load their models and word lists on first use (once per
    # process): timed apart, so pages/s is the steady rate of a long import.
    started = time.perf_counter()
    with contextlib.suppress(ReaderError):
        read_path(folder / golds[0]["file"])
    first_page = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), time.process_time()
    for gold in golds:
        try:
            (article,) = read_path(folder / gold["file"])
        except ReaderError as error:
            refused[gold["file"]] = str(error)
            article = None
        read.append(article)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    dated = [with_publication_date(a) if a is not None else None for a in read]
    scores = [score_page(g, a) for g, a in zip(golds, dated, strict=True)]
    result: dict = {
        "pages": len(golds),
        "imported": sum(s["imported"] for s in scores),
    }
    for check in ("day_exact", "title_exact", "body_complete", "no_furniture"):
        result[check] = sum(bool(s.get(check)) for s in scores)
    result["pages_per_second"] = round(len(golds) / seconds, 1)
    result["pages_per_cpu_second"] = round(len(golds) / cpu_seconds, 1)
    result["first_page_seconds"] = round(first_page, 2)
    result["refused"] = refused
    if show_misses:
        result["misses"] = {
            g["file"]: {
                "day": [a.published.isoformat() if a.published else None, g["published"]],
                "title": [a.title, g["title"]],
                "missing": [s for s in g["text_contains"] if normalised(s) not in text],
                "furniture": [s for s in g["text_lacks"] if normalised(s) in text],
                "reason": a.published_reason,
            }
            for g, a, s in zip(golds, dated, scores, strict=True)
            if a is not None
            and not all(s[k] for k in ("day_exact", "title_exact", "body_complete", "no_furniture"))
            for text in [normalised(a.text)]
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--misses", action="store_true", help="list what each page missed")
    args = parser.parse_args(argv)
    folder = args.corpora / "html"
    if not (folder / "gold.jsonl").exists():
        print(f"no annotated pages at {folder}", file=sys.stderr)
        return 1
    print(json.dumps({"html": evaluate(folder, args.misses)}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
