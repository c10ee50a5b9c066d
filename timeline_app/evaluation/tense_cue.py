"""The tagger's tense cue against TBAQ's own tense annotations.

A bare "Thursday", "October" or "Oct. 7" points back or forward by the tense
of its clause, which the tagger guesses from marker words
(``temporal.tagger.sentence_tense``). TimeBank and AQUAINT annotate the tense
of thousands of verbs (MAKEINSTANCE) and link events to time expressions
(TLINK), so they can test the cue: for every bare weekday, month or month-day
linked to an event, does the cue's direction (past -> before the DCT) match
the gold value's side of the DCT, and does the annotated tense? The figures
(``benchmarks/eval_tense_cue.py``) show the cue as good a predictor as the
annotated tense for weekdays, so no learned model replaces it.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from timeline_app.evaluation.timeml import read_tml
from timeline_app.temporal.resolver import Tense
from timeline_app.temporal.tagger import default_engine, sentence_tense

_BARE = re.compile(
    r"(?:on |the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?: \d{1,2})?"
    r"|may(?: \d{1,2})?",
    re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")


def _annotations(path: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """Each event instance's annotated tense (eiid -> tense) and the TLINKs."""
    source = path.read_text(encoding="utf-8")
    instances = {}
    for attributes in re.findall(r"<MAKEINSTANCE([^>]*)>", source):
        found = dict(_ATTRIBUTE.findall(attributes))
        instances[found["eiid"]] = found.get("tense", "NONE")
    links = [dict(_ATTRIBUTE.findall(m)) for m in re.findall(r"<TLINK([^>]*)>", source)]
    return instances, links


def _side(value: str, dct: date) -> str | None:
    found = _DAY_VALUE.match(value)
    if not found:
        return None
    year, month, day = int(found[1]), int(found[2]), int(found[3] or 0)
    key, dct_key = (year, month, day), (dct.year, dct.month, dct.day if day else 0)
    if key == dct_key or (not day and (year, month) == (dct.year, dct.month)):
        return None
    return "before" if key < dct_key else "after"


_WEEKDAY = re.compile(r"(?:on |the )?\w+day", re.IGNORECASE)


def evaluate(folder: Path, weekdays_only: bool = False) -> dict:
    """The figures for one corpus folder of ``.tml`` files."""
    engine = default_engine()
    cue_tense: Counter[str] = Counter()
    cue_right = cue_decided = tense_right = tense_decided = total = 0
    for path in sorted(folder.glob("*.tml")):
        document = read_tml(path)
        instances, links = _annotations(path)
        by_tid = {gold.tid: gold for gold in document.gold if gold.tid}
        for link in links:
            tid = link.get("relatedToTime") or link.get("timeID")
            eiid = link.get("eventInstanceID") or link.get("relatedToEventInstance")
            gold = by_tid.get(tid or "")
            if gold is None or eiid not in instances or not _BARE.fullmatch(gold.text.strip()):
                continue
            if weekdays_only and not _WEEKDAY.fullmatch(gold.text.strip()):
                continue
            side = _side(gold.value, document.dct)
            if side is None:
                continue
            total += 1
            annotated = instances[eiid]
            cue = sentence_tense(document.text, gold.start, gold.end, engine)
            cue_tense[f"{annotated}->{cue.value}"] += 1
            if cue in (Tense.PAST, Tense.FUTURE):
                cue_decided += 1
                cue_right += (cue is Tense.PAST) == (side == "before")
            if annotated in ("PAST", "FUTURE"):
                tense_decided += 1
                tense_right += (annotated == "PAST") == (side == "before")
    return {
        "corpus": folder.name,
        "expressions": "weekdays" if weekdays_only else "weekdays, months, month-days",
        "linked_bare_expressions": total,
        "cue_vs_event_tense": dict(cue_tense.most_common()),
        "cue_decides": cue_decided,
        "cue_direction_accuracy": round(cue_right / cue_decided, 3) if cue_decided else None,
        "event_tense_decides": tense_decided,
        "event_tense_direction_accuracy": (
            round(tense_right / tense_decided, 3) if tense_decided else None
        ),
    }
