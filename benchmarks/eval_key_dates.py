"""How well ``key-dates`` finds a story's key dates: Timeline17 against the journalists' timelines.

For each topic of ``../shared/corpora/timeline17`` (every outlet pooled, the
``more_outlets/`` files included) the articles are imported into a temporary
library exactly as ``timeline-app ingest`` would. Then, for each gold
timeline of ``../shared/corpora/timeline17_gold/<Topic>.jsonl``, key dates are
asked for as many dates as the gold has, within its first..last date, each
summary cut to the gold's mean number of sentences per date (rounded; the
news-tls setting). Prints one JSON line per gold timeline and one with the
means: **date F1** and **ROUGE-1 / ROUGE-2 F1, align+ many-to-one**.

Formulas and tokenisation are those of :mod:`timeline_app.evaluation.tls`
(tilse's definitions; a Python approximation of ROUGE-1.5.5's stemming and
stopwords, documented there). Published on Timeline17 (news-tls, all 19
timelines): DATEWISE date F1 .544, AR1 .120, AR2 .035.

``--baseline`` also scores ranking days by the number of articles with an
event on them (the "pub count of mentions" baseline), from the same library.
No topic words or outlet rules are involved: the same code runs on any story.

Usage: ``.venv/bin/python benchmarks/eval_key_dates.py [--corpora DIR]
[--topics LibyaWar H1N1] [--keep-dir DIR] [--baseline]``
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from timeline_app.commands import import_paths
from timeline_app.evaluation.tls import align_m1_rouge, date_f1
from timeline_app.events.key_dates import DayAttention
from timeline_app.store.repository import Repository
from timeline_app.story import key_dates

DEFAULT_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


def topic_files(corpora: Path, topic: str) -> list[Path]:
    folder = corpora / "timeline17"
    return sorted(folder.glob(f"{topic}_*.jsonl")) + sorted(
        (folder / "more_outlets").glob(f"{topic}_*.jsonl")
    )


def gold_timelines(corpora: Path, topic: str) -> list[tuple[str, dict[date, list[str]]]]:
    timelines = []
    path = corpora / "timeline17_gold" / f"{topic}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            timeline = {date.fromisoformat(day): list(text) for day, text in record["timeline"]}
            timelines.append((record["source"], timeline))
    return timelines


def library_for(corpora: Path, topic: str, folder: Path) -> Path:
    """The topic's pooled library in ``folder`` (imported once, reused when present)."""
    path = folder / f"{topic}.db"
    if not path.exists():
        started = time.perf_counter()
        with Repository(path) as repo:
            report = import_paths(repo, topic_files(corpora, topic))
        print(
            f"{topic}: {report.summary()} in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    return path


def _window(gold: dict[date, list[str]]) -> tuple[datetime, datetime]:
    first, last = min(gold), max(gold)
    return datetime.combine(first, datetime.min.time()), datetime.combine(
        last + timedelta(days=1), datetime.min.time()
    )


def score(predicted: dict[date, Sequence[str]], gold: dict[date, list[str]]) -> dict[str, float]:
    return {
        "date_f1": date_f1(list(predicted), list(gold)),
        "rouge1_f1": align_m1_rouge(predicted, gold, 1).f1,
        "rouge2_f1": align_m1_rouge(predicted, gold, 2).f1,
    }


def evaluate_timeline(repo: Repository, gold: dict[date, list[str]]) -> tuple[dict, float]:
    start, end = _window(gold)
    sentences = max(1, round(sum(len(v) for v in gold.values()) / len(gold)))
    started = time.perf_counter()
    chosen = key_dates(repo, count=len(gold), start=start, end=end, summary_sentences=sentences)
    seconds = time.perf_counter() - started
    return {key.day: list(key.summary) for key in chosen}, seconds


def baseline_days(repo: Repository, gold: dict[date, list[str]]) -> list[date]:
    """Days ranked by how many articles have an event on them (no importance)."""
    start, end = _window(gold)
    days: list[DayAttention] = repo.day_attention(start, end)
    days.sort(key=lambda d: (-d.reports, d.day))
    return [d.day for d in days[: len(gold)]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--topics", nargs="+", default=["LibyaWar", "H1N1"])
    parser.add_argument("--keep-dir", type=Path, help="keep (and reuse) the libraries here")
    parser.add_argument("--baseline", action="store_true", help="also score the count baseline")
    args = parser.parse_args(argv)
    if not (args.corpora / "timeline17_gold").is_dir():
        print(f"no Timeline17 corpus under {args.corpora}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="eval-key-dates-") as temporary:
        folder = args.keep_dir or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        results = []
        for topic in args.topics:
            with Repository(library_for(args.corpora, topic, folder)) as repo:
                for source, gold in gold_timelines(args.corpora, topic):
                    predicted, seconds = evaluate_timeline(repo, gold)
                    result = {
                        "topic": topic,
                        "timeline": source,
                        "gold_dates": len(gold),
                        **{k: round(v, 4) for k, v in score(predicted, gold).items()},
                        "seconds": round(seconds, 3),
                    }
                    if args.baseline:
                        days = baseline_days(repo, gold)
                        result["baseline_date_f1"] = round(date_f1(days, list(gold)), 4)
                    results.append(result)
                    print(json.dumps(result))
        keys = ["date_f1", "rouge1_f1", "rouge2_f1"] + (
            ["baseline_date_f1"] if args.baseline else []
        )
        mean = {key: round(sum(r[key] for r in results) / len(results), 4) for key in keys}
        by_topic = {
            topic: {
                key: round(
                    sum(r[key] for r in results if r["topic"] == topic)
                    / max(1, sum(1 for r in results if r["topic"] == topic)),
                    4,
                )
                for key in keys
            }
            for topic in args.topics
        }
        print(json.dumps({"mean": mean, "by_topic": by_topic, "timelines": len(results)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
