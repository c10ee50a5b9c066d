"""The news texts the benchmarks read: every Timeline17 outlet and Wikinews.

One list, so the scripts that sample or count over "all our news" (titles,
the hand-judged real-news sample) read the same files.
"""

from __future__ import annotations

from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora"
NEWS_FILES = (
    "timeline17/LibyaWar_cnn.jsonl",
    "timeline17/H1N1_reuters.jsonl",
    "timeline17/more_outlets/LibyaWar_reuters.jsonl",
    "timeline17/more_outlets/H1N1_bbc.jsonl",
    "timeline17/more_outlets/H1N1_guardian.jsonl",
    "wikinews/articles.jsonl",
)
