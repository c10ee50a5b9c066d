"""50 random events of CNN's Libya texts, for checking by hand how many are page furniture.

Prints one JSON line: the number of events with and without furniture marking,
then one line per sampled event (article id, expression, date, the sentence,
and the furniture kind the finder now gives its position, or "story"). The
seed is fixed, so the same events come back run after run:

    .venv/bin/python benchmarks/furniture_sample.py                    # furniture skipped (now)
    .venv/bin/python benchmarks/furniture_sample.py --with-furniture   # as before issue 13

Hand-checked results are in ``benchmarks/furniture_sample.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date
from pathlib import Path

from timeline_app.events import build_events
from timeline_app.events.furniture import find_furniture, furniture_kind_at
from timeline_app.temporal import tag

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "timeline17"
SAMPLE = 50
SEED = 13


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-furniture", action="store_true", help="do not skip furniture")
    parser.add_argument("--corpus", default=str(CORPUS / "LibyaWar_cnn.jsonl"))
    args = parser.parse_args(argv)
    path = Path(args.corpus)
    if not path.exists():
        print(f"corpus not found: {path}", file=sys.stderr)
        return 2
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text, published = record["text"], date.fromisoformat(record["published"])
        furniture = find_furniture(text)
        timexes = tag(text, published)
        built = build_events(
            text, timexes, published, furniture=[] if args.with_furniture else furniture
        )
        for event in built:
            kind = furniture_kind_at(furniture, event.timex_start)
            sentence = " ".join(text[event.sentence_start : event.sentence_end].split())
            events.append(
                {
                    "article": record["id"],
                    "expression": event.expression,
                    "date": event.start.date().isoformat(),
                    "furniture": kind.value if kind else "story",
                    "sentence": sentence[:160],
                }
            )
    print(json.dumps({"events": len(events), "marked_furniture": args.with_furniture is False}))
    for item in random.Random(SEED).sample(events, min(SAMPLE, len(events))):
        print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
