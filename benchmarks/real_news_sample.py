"""A fixed random sample of sentences from real news, tagged, for judging the tagger by hand.

The rules were written on TBAQ; this sample is news they were not written for:
the Timeline17 articles (CNN, Reuters, BBC, Guardian) and Wikinews. From each of
the six files it draws, with a fixed seed, sentences that either hold a tagged
time expression or a time word the tagger might have missed ("days", "ago",
"later", "decade", a month or weekday name, a number), ``PER_SOURCE`` sentences a
file. The choice of sentences does not depend on the tagger, so the same
sentences come back after a rule change and can be re-judged.
Each sentence is printed with its expressions marked ``[text|TYPE|value|mod]`` so
that extent, type and value can be judged by the TimeML 1.2.1 guidelines, and
time words outside every expression are listed so misses are looked for too.

    .venv/bin/python benchmarks/real_news_sample.py            # markdown table rows
    .venv/bin/python benchmarks/real_news_sample.py --json     # one JSON object a sentence
    .venv/bin/python benchmarks/real_news_sample.py --seed 12  # a fresh sample (held out)

The judged sample is ``benchmarks/real_news_sample.md``; re-running this script
after a rule change gives the same sentences with the new tags to re-judge.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date
from pathlib import Path

from news_corpora import CORPORA, NEWS_FILES

from timeline_app.events.sentences import split_sentences
from timeline_app.temporal import tag

PER_SOURCE = 22
SEED = 11
TIME_WORDS = re.compile(
    r"\b(?:second|minute|hour|day|night|week|weekend|fortnight|month|year|decade|century"
    r"|season|quarter|ago|later|earlier|since|until|recent|recently|now|today|tonight"
    r"|yesterday|tomorrow|morning|afternoon|evening|annual|annually|daily|weekly|monthly"
    r"|currently|former|past|future|soon|once|twice|time|times|period|era|dawn|dusk|midnight"
    r"|noon|spring|summer|autumn|fall|winter|\d{4}|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)s?\b",
    re.IGNORECASE,
)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _published(record: dict) -> date | None:
    try:
        return date.fromisoformat(str(record.get("published", ""))[:10])
    except ValueError:  # one Wikinews record has "03-02-2009": which order is unknown
        return None


def sample_source(path: Path, rng: random.Random) -> list[dict]:
    """PER_SOURCE sentences of one file with a time word, drawn at random."""
    records = [r for r in _records(path) if _published(r) and r.get("text")]
    picked: list[dict] = []
    seen: set[tuple[int, int]] = set()
    tagged: dict[int, list] = {}
    while len(picked) < PER_SOURCE and len(seen) < 20 * PER_SOURCE:
        index = rng.randrange(len(records))
        record = records[index]
        text = record["text"]
        sentences = split_sentences(text)
        if not sentences:
            continue
        number = rng.randrange(len(sentences))
        if (index, number) in seen:
            continue
        seen.add((index, number))
        start, end = sentences[number]
        sentence = text[start:end]
        if len(sentence) > 600 or not TIME_WORDS.search(sentence):
            continue
        published = _published(record)
        if index not in tagged:
            tagged[index] = tag(text, published)
        timexes = [t for t in tagged[index] if start <= t.start and t.end <= end]
        marked, cursor, covered = [], start, []
        for timex in timexes:
            marked.append(text[cursor : timex.start])
            mod = f"|{timex.mod}" if timex.mod else ""
            marked.append(f"[{timex.text}|{timex.type.value}|{timex.value}{mod}]")
            covered.append((timex.start, timex.end))
            cursor = timex.end
        marked.append(text[cursor:end])
        outside = [
            m.group(0)
            for m in TIME_WORDS.finditer(sentence)
            if not any(s <= start + m.start() < e for s, e in covered)
        ]
        picked.append(
            {
                "source": path.name,
                "article": record.get("id", str(index)),
                "dct": published.isoformat(),
                "sentence": " ".join("".join(marked).split()),
                "timexes": [
                    {"text": t.text, "type": t.type.value, "value": t.value, "mod": t.mod}
                    for t in timexes
                ],
                "unmarked_time_words": outside,
            }
        )
    return picked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object a sentence")
    parser.add_argument("--seed", type=int, default=SEED, help="another seed: a fresh sample")
    args = parser.parse_args(argv)
    for name in NEWS_FILES:
        rng = random.Random(f"{args.seed}:{name}")
        path = CORPORA / name
        if not path.exists():
            print(f"corpus not found: {path}", file=sys.stderr)
            return 2
        for number, item in enumerate(sample_source(path, rng), 1):
            if args.json:
                print(json.dumps(item, ensure_ascii=False))
            else:
                words = ", ".join(item["unmarked_time_words"]) or "-"
                print(f"| {path.stem}-{number} | {item['dct']} | {item['sentence']} | {words} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
