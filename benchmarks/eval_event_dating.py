"""Are events on real stories dated to the day the journalists' timeline gives?

Prints JSON. For one Timeline17 story (``LibyaWar`` by default; ``H1N1`` is
the check on another story), every article of every outlet is tagged against
its publication date and turned into events, exactly as the importer does
(tag, then build events). An event counts when its sentence closely matches a
sentence of the story's gold timelines (content-word Jaccard >= 0.5, the
content words the event grouping uses); it is right when its interval contains
the gold day or lies within it ("Thursday night"). The share right is the
figure (issue 11 target: >= 75% on LibyaWar). ``--misses`` lists the wrong
ones with their sentence and value.

Usage: ``.venv/bin/python benchmarks/eval_event_dating.py [--story H1N1] [--misses]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from timeline_app.events import build_events
from timeline_app.events.grouping import content_words
from timeline_app.temporal import tag
from timeline_app.temporal.numeric_order import reads_day_first

JACCARD = 0.5


def _articles(corpora: Path, story: str) -> Iterator[dict]:
    folder = corpora / "timeline17"
    paths = [*folder.glob(f"{story}_*.jsonl"), *folder.glob(f"more_outlets/{story}_*.jsonl")]
    for path in sorted(paths):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


def _gold_sentences(corpora: Path, story: str) -> list[tuple[date, frozenset[str], str]]:
    gold = []
    path = corpora / "timeline17_gold" / f"{story}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        timeline = json.loads(line)
        for day, sentences in timeline["timeline"]:
            for sentence in sentences:
                gold.append((date.fromisoformat(day), content_words(sentence), sentence))
    return gold


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def _dated_to(start: datetime, end: datetime, day: date) -> bool:
    """Whether an event interval contains the day, or lies within it ("Thursday
    night" is dated to Thursday; midnight ending a day belongs to that day)."""
    day_start = datetime.combine(day, datetime.min.time())
    day_end = day_start + timedelta(days=1)
    contains = start <= day_start and day_end <= end
    within = day_start <= start and end <= day_end and start < day_end
    return contains or within


def evaluate(corpora: Path, story: str) -> tuple[dict, list[dict]]:
    """The figures for one story, and the wrongly dated matched events."""
    gold = _gold_sentences(corpora, story)
    matched, right, articles = 0, 0, 0
    misses: list[dict] = []
    started = time.perf_counter()
    for article in _articles(corpora, story):
        articles += 1
        text = article["text"]
        published = date.fromisoformat(article["published"][:10])
        timexes = tag(text, published, day_first=bool(reads_day_first(text)))
        for event in build_events(text, timexes, published):
            sentence = text[event.sentence_start : event.sentence_end]
            words = content_words(sentence)
            best = max(gold, key=lambda entry: _jaccard(words, entry[1]))
            if _jaccard(words, best[1]) < JACCARD:
                continue
            matched += 1
            if _dated_to(event.start, event.end, best[0]):
                right += 1
            else:
                misses.append(
                    {
                        "article": article["id"],
                        "published": str(published),
                        "gold_day": str(best[0]),
                        "value": event.value,
                        "expression": event.expression,
                        "sentence": " ".join(sentence.split()),
                    }
                )
    figures = {
        "story": story,
        "articles": articles,
        "matched_events": matched,
        "dated_to_gold_day": right,
        "share": round(right / matched, 3) if matched else None,
        "seconds": round(time.perf_counter() - started, 1),
    }
    return figures, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--story", action="append", help="LibyaWar (default) and/or H1N1")
    parser.add_argument("--misses", action="store_true", help="list wrongly dated events")
    args = parser.parse_args(argv)
    if not (args.corpora / "timeline17_gold").is_dir():
        print(f"no corpora at {args.corpora}", file=sys.stderr)
        return 1
    results = []
    for story in args.story or ["LibyaWar"]:
        figures, misses = evaluate(args.corpora, story)
        if args.misses:
            figures["misses"] = misses
        results.append(figures)
    print(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
