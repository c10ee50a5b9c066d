"""Accuracy floors on the development corpora (skipped when ../shared is absent).

Floors sit a little under the figures measured by ``benchmarks/eval_pubdate.py``
so that a change that makes date finding worse fails here.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import PROJECT_ROOT, require_corpus


def _benchmark():
    path = PROJECT_ROOT / "benchmarks" / "eval_pubdate.py"
    spec = importlib.util.spec_from_file_location("eval_pubdate", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_pubdate", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_timeline17_datelines_are_read_correctly() -> None:
    corpus = require_corpus("timeline17")
    bench = _benchmark()
    records = bench.load_jsonl(sorted(corpus.glob("*.jsonl")))
    from timeline_app.ingest.pubdate import find_dateline

    figures = bench.measure(records, lambda r: find_dateline(r["text"]))
    assert figures["coverage"] >= 0.2
    assert figures["exact_day_when_answered"] >= 0.93


@pytest.mark.slow
def test_timeline17_pipeline_floor() -> None:
    corpus = require_corpus("timeline17")
    bench = _benchmark()
    records = bench.load_jsonl(sorted(corpus.glob("*.jsonl")))
    from timeline_app.ingest.pubdate import find_publication_date

    figures = bench.measure(records, lambda r: find_publication_date(r["text"]))
    assert figures["exact_day"] >= 0.24
    assert figures["within_7_days_when_answered"] >= 0.8


@pytest.mark.slow
def test_wikinews_inference_is_rarely_wrong() -> None:
    corpus = require_corpus("wikinews", "articles.jsonl")
    bench = _benchmark()
    records = bench.load_jsonl([corpus])
    from timeline_app.ingest.pubdate import infer_publication_date

    figures = bench.measure(
        records,
        lambda r: infer_publication_date(r["text"], r.get("title", "")),
        text_of=lambda r: r["text"],
    )
    # Only about a fifth of these texts name a calendar day and a year at all, so
    # inference mostly (and rightly) abstains; what must hold is that it does
    # not hand out wrong dates: answers more than a week off stay rare.
    assert figures["articles"] >= 80
    assert figures["names_day_and_year"] <= 0.3
    wrong_share = float(figures["coverage"]) - float(figures["within_7_days"])
    assert wrong_share <= 0.05
