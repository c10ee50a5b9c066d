"""Where each article's title comes from, on Timeline17 and Wikinews.

Prints one JSON line of counts per corpus file: titles from metadata, from
the headline the text opens with (before a byline, time stamp or dateline),
from a short first line, and first-sentence fallbacks; never empty. With
``--sample N`` it also prints N random titles (fixed seed) with their kind,
for checking by hand (results in ``benchmarks/furniture_sample.md``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from news_corpora import CORPORA, NEWS_FILES

from timeline_app.events.lead import read_opening
from timeline_app.ingest.titles import article_title, title_from_text

SEED = 7


def kind_of(text: str, given: str) -> str:
    """Which rule gave the title: metadata, headline, first line or first sentence."""
    if given.strip():
        return "metadata"
    if read_opening(text).headline is not None:
        return "headline"
    title = title_from_text(text)
    return "first_sentence" if title.endswith("…") or title.endswith(".") else "first_line"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="print N random titles")
    args = parser.parse_args(argv)
    picked: list[dict[str, str]] = []
    for name in NEWS_FILES:
        path = CORPORA / name
        if not path.exists():
            print(f"corpus not found: {path}", file=sys.stderr)
            return 2
        counts: dict[str, int] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text, given = record.get("text", ""), record.get("title", "")
            if not text.strip():
                continue  # import refuses empty articles
            kind = kind_of(text, given)
            counts[kind] = counts.get(kind, 0) + 1
            title = article_title(text, given)
            assert title.strip(), record.get("id")
            picked.append({"file": name, "kind": kind, "title": title})
        print(json.dumps({"file": name, **counts}))
    chosen = random.Random(SEED).sample(picked, min(args.sample, len(picked)))
    for item in chosen:
        print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
