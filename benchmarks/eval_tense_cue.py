"""Does the tagger's tense cue agree with TBAQ's own tense annotations?

A bare "Thursday", "October" or "Oct. 7" points back or forward by the tense
of its clause, which the tagger guesses from marker words
(``temporal.tagger.sentence_tense``). TimeBank and AQUAINT annotate, for
thousands of verbs, the tense (MAKEINSTANCE ``tense``) and link events to
time expressions (TLINK). For every bare weekday, month or month-day with a
gold value, linked to an event verb, this prints as JSON, per corpus:

* ``cue_vs_event_tense``: how often the cue (past/future/unknown) matches the
  annotated tense of the linked verb (PAST -> past, FUTURE -> future);
* ``cue_direction_accuracy``: how often the cue's direction (past -> before
  the DCT, future -> after) is the gold value's side of the DCT, over the
  expressions the cue decides;
* ``event_tense_direction_accuracy``: the same for the annotated tense itself,
  the ceiling a perfect tense reader could reach with this cue.

Weekdays are also reported alone: months and month-days take the nearest
occurrence unless the cue says future, so for them a past cue decides nothing.

Each corpus is a held-out check of the other: no number in the tagger was
fitted to this script's output. Usage:
``.venv/bin/python benchmarks/eval_tense_cue.py [--corpora DIR]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from timeline_app.evaluation.tense_cue import evaluate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    args = parser.parse_args(argv)
    folders = [args.corpora / "tbaq" / name for name in ("TimeBank", "AQUAINT")]
    if not all(folder.is_dir() for folder in folders):
        print(f"no TBAQ under {args.corpora}", file=sys.stderr)
        return 1
    results = [evaluate(folder, only) for only in (False, True) for folder in folders]
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
