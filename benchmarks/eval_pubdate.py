"""How well publication dates are recovered when an article's date is hidden.

Prints JSON. For each corpus the known ``published`` date is hidden and:

* ``wikinews``: ``infer_publication_date(text, title)`` (Wikinews has no datelines);
* ``timeline17_dateline``: ``find_dateline(text)`` alone (Reuters/CNN openings);
* ``timeline17_pipeline``: what the importer does: dateline, else inference;
* ``timeline17_no_dateline``: inference on the text with its dateline removed;
* ``tbaq_pipeline``: dateline, else inference, on the raw text of the TimeBank and
  AQUAINT TimeML files, their DCT hidden. A check more than a target: no value
  was fitted to it, though two general rules (years written out are history;
  "due March 1, 2011" is a term, not news) came from reading its errors.

Figures: coverage (share answered); exact-day, within-7, -31 and -365-days
accuracy over all articles (an unanswered article counts as wrong), over
answered ones, and per confidence band (0-0.1, 0.1-0.4, 0.4-1: the confidence
is meant as the probability of being within a week, so each band's
``within_7_days`` should sit near its ``mean_confidence``); the median error;
and ``names_day_and_year``, the share of texts that name a calendar day and a
year at all (without both, no honest exact-day answer exists).

Usage: ``.venv/bin/python benchmarks/eval_pubdate.py [--corpora DIR] [--misses N]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from timeline_app.evaluation.timeml import iter_tml_paths, read_tml
from timeline_app.ingest.pubdate.cues import scan_cues
from timeline_app.ingest.pubdate.dateline import strip_dateline
from timeline_app.ingest.pubdate.inference import (
    DateFinding,
    find_dateline,
    find_publication_date,
    infer_publication_date,
)

DEFAULT_CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


def load_jsonl(paths: Iterable[Path]) -> list[dict]:
    records = []
    for path in paths:
        with path.open(encoding="utf-8") as stream:
            for number, line in enumerate(stream, 1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except json.JSONDecodeError as error:
                        raise SystemExit(f"{path}:{number}: not JSON ({error})") from error
    return records


def gold_date(record: dict) -> date | None:
    """The record's ``published`` as a date; None when it is not ISO (skipped, counted)."""
    try:
        return date.fromisoformat(str(record.get("published", ""))[:10])
    except ValueError:
        return None


CONFIDENT = 0.4
# Confidence bands, so that the confidence can be seen to mean something.
BANDS = ((0.0, 0.1), (0.1, 0.4), (0.4, 1.01))


def names_day_and_year(text: str) -> bool:
    """Whether the text names a full date, or a day and (somewhere) a year."""
    cues = scan_cues(text)
    named_year = bool(cues.years or cues.months)
    return any(d.year is not None for d in cues.days) or bool(cues.days and named_year)


def _accuracy(errors: list[int], whole: int) -> dict[str, float]:
    """Shares of ``whole`` that were exact, within a week, a month, the same year."""
    return {
        "exact_day": _share(sum(e == 0 for e in errors), whole),
        "within_7_days": _share(sum(e <= 7 for e in errors), whole),
        "within_31_days": _share(sum(e <= 31 for e in errors), whole),
        "within_365_days": _share(sum(e <= 365 for e in errors), whole),
    }


def measure(
    records: list[dict],
    guess: Callable[[dict], DateFinding | None],
    misses: int = 0,
    text_of: Callable[[dict], str] | None = None,
) -> dict[str, object]:
    """Coverage and accuracy of ``guess`` over records with a usable gold date.

    Accuracy is given over all evaluated articles (an unanswered one counts as
    wrong), over answered ones, and per confidence band (over that band's
    answers), with the median error in days of the answers.
    """
    evaluated = skipped = answerable = 0
    answers: list[tuple[int, float]] = []  # (error in days, confidence)
    examples: list[dict[str, object]] = []
    began = time.perf_counter()
    for record in records:
        truth = gold_date(record)
        if truth is None:
            skipped += 1
            continue
        evaluated += 1
        if text_of is not None:
            answerable += names_day_and_year(text_of(record))
        finding = guess(record)
        if finding is None:
            continue
        error_days = abs((finding.date - truth).days)
        answers.append((error_days, finding.confidence))
        if error_days and len(examples) < misses:
            examples.append(
                {
                    "id": record.get("id"),
                    "gold": truth.isoformat(),
                    "guess": finding.date.isoformat(),
                    "reason": finding.reason,
                    "confidence": finding.confidence,
                }
            )
    seconds = time.perf_counter() - began
    errors = [error for error, _ in answers]
    result: dict[str, object] = {
        "articles": evaluated,
        "skipped_no_gold_date": skipped,
        "coverage": _share(len(answers), evaluated),
        **_accuracy(errors, evaluated),
        "median_error_days_when_answered": sorted(errors)[len(errors) // 2] if errors else None,
        "when_answered": _accuracy(errors, len(errors)),
    }
    confident = [error for error, confidence in answers if confidence >= CONFIDENT]
    result[f"coverage_confidence_{CONFIDENT}"] = _share(len(confident), evaluated)
    result[f"exact_day_confidence_{CONFIDENT}"] = _share(
        sum(e == 0 for e in confident), len(confident)
    )
    result[f"within_7_days_confidence_{CONFIDENT}"] = _share(
        sum(e <= 7 for e in confident), len(confident)
    )
    result["by_confidence"] = {
        f"{low:.1f}-{min(high, 1.0):.1f}": {
            "answers": len(band),
            "mean_confidence": round(sum(c for _, c in band_answers) / len(band), 3)
            if band
            else None,
            **_accuracy(band, len(band)),
        }
        for low, high in BANDS
        for band_answers in [[a for a in answers if low <= a[1] < high]]
        for band in [[e for e, _ in band_answers]]
    }
    result["ms_per_article"] = round(1000 * seconds / max(evaluated, 1), 2)
    if text_of is not None:
        result["names_day_and_year"] = _share(answerable, evaluated)
    if misses:
        result["misses"] = examples
    return result


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--misses", type=int, default=0, help="list up to N wrong guesses")
    args = parser.parse_args(argv)
    wikinews = args.corpora / "wikinews" / "articles.jsonl"
    timeline17 = sorted((args.corpora / "timeline17").glob("*.jsonl"))
    if not wikinews.exists() or not timeline17:
        print(f"corpora not found under {args.corpora}", file=sys.stderr)
        return 2
    wiki_records = load_jsonl([wikinews])
    t17_records = load_jsonl(timeline17)
    tbaq = args.corpora / "tbaq"
    tbaq_records = (
        [
            {"id": doc.doc_id, "published": doc.dct.isoformat(), "text": doc.text}
            for doc in (read_tml(path) for path in iter_tml_paths([tbaq]))
        ]
        if tbaq.exists()
        else []
    )
    report = {
        "wikinews": measure(
            wiki_records,
            lambda r: infer_publication_date(r["text"], r.get("title", "")),
            args.misses,
            text_of=lambda r: r["text"],
        ),
        "timeline17_dateline": measure(t17_records, lambda r: find_dateline(r["text"]), 0),
        "timeline17_pipeline": measure(
            t17_records, lambda r: find_publication_date(r["text"]), args.misses
        ),
        "timeline17_no_dateline": measure(
            t17_records,
            lambda r: infer_publication_date(strip_dateline(r["text"])),
            args.misses,
            text_of=lambda r: strip_dateline(r["text"]),
        ),
    }
    if tbaq_records:
        report["tbaq_pipeline"] = measure(
            tbaq_records,
            lambda r: find_publication_date(r["text"]),
            args.misses,
            text_of=lambda r: r["text"],
        )
    json.dump(report, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
