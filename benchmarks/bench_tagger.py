"""Tagger throughput over the TBAQ text: prints one JSON line.

``words_per_s`` is the median of three runs over the raw text of every ``.tml``
file, timed in CPU seconds of this process (``time.process_time``) so that the
figure is "on one core" even when other work shares the machine. A first pass
compiles the rule alternations the text needs; it is not in the median but
reported as ``cold_seconds`` (what a first import pays).
``regex_scan_words_per_s`` is a plain ``re`` scan for month and weekday names
over the same text, a floor no real tagger can beat; ``ratio`` is how many
times slower the tagger is than that scan.

    .venv/bin/python benchmarks/bench_tagger.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "tbaq"
NAMES = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _median_seconds(function, runs: int = 3) -> float:
    timings = []
    for _ in range(runs):
        began = time.process_time()
        function()
        timings.append(time.process_time() - began)
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .tml files")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(PROJECT_ROOT))
    from timeline_app.evaluation.timeml import iter_tml_paths, read_tml
    from timeline_app.temporal import tag

    paths = list(iter_tml_paths([args.corpus]))
    if not paths:
        print(f"bench_tagger: no .tml files below {args.corpus}", file=sys.stderr)
        return 2
    documents = [read_tml(path) for path in paths]
    words = sum(len(document.text.split()) for document in documents)

    def run_tagger() -> None:
        for document in documents:
            tag(document.text, document.dct)

    began = time.process_time()
    run_tagger()
    cold_seconds = time.process_time() - began

    def run_scan() -> None:
        for document in documents:
            NAMES.findall(document.text)

    seconds = _median_seconds(run_tagger)
    scan_seconds = _median_seconds(run_scan)
    result = {
        "words": words,
        "seconds": round(seconds, 4),
        "cold_seconds": round(cold_seconds, 2),
        "words_per_s": round(words / seconds),
        "regex_scan_words_per_s": round(words / scan_seconds),
        "ratio": round(scan_seconds and seconds / scan_seconds, 2),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
