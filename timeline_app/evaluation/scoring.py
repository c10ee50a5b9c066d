"""TempEval-3 timex scoring: span precision/recall/F1 and attribute F1.

Definitions follow the official TempEval-3 scorer (UzZaman et al., 2013):

* a system expression and a gold expression *match (relaxed)* when their spans
  overlap; matching is one-to-one (a system span covering two gold spans
  matches only one of them);
* the match is *strict* when the two extents are identical;
* precision = matches / system expressions, recall = matches / gold expressions;
* attribute F1 (type, value) = relaxed F1 × attribute accuracy over relaxed
  matches. This equals the F1 of "attribute-correct matches" counted against
  system and gold totals, which is how the official scorer computes it.

Values are compared after the official scorer's light normalisation: surrounding
whitespace removed and letters upper-cased; otherwise the TIMEX3 strings must be
identical (``1998-01-08`` is not ``1998-01``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from timeline_app.evaluation.timeml import GoldTimex


class SpanLike(Protocol):
    """What scoring needs from a system expression (``Timex`` satisfies it)."""

    start: int
    end: int
    text: str
    value: str

    @property
    def type(self) -> object: ...


def normalise_value(value: str | None) -> str:
    """The form in which TIMEX3 values are compared."""
    return (value or "").strip().upper()


def _type_name(span: object) -> str:
    raw = getattr(span, "type", "")
    return str(getattr(raw, "value", raw)).strip().upper()


def value_shape(value: str) -> str:
    """Value with its digits masked (``1998-01-08`` -> ``dddd-dd-dd``), for grouping errors."""
    return re.sub(r"\d", "d", normalise_value(value)) or "(empty)"


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold and a system expression matched by overlapping spans."""

    gold: GoldTimex
    system: SpanLike

    @property
    def strict(self) -> bool:
        return self.gold.start == self.system.start and self.gold.end == self.system.end

    @property
    def type_correct(self) -> bool:
        return self.gold.type.strip().upper() == _type_name(self.system)

    @property
    def value_correct(self) -> bool:
        return normalise_value(self.gold.value) == normalise_value(self.system.value)


def align(gold: Sequence[GoldTimex], system: Sequence[SpanLike]) -> list[Pair]:
    """One-to-one pairs of overlapping spans.

    Identical extents are paired first, then the largest overlaps, so that a
    system span touching two gold spans is credited to the one it covers most.
    Ties fall to document order, which keeps results deterministic.
    """
    candidates: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = int(g.start == s.start and g.end == s.end)
                candidates.append((-exact, -overlap, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _exact, _overlap, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gi, si))
    pairs.sort()
    return [Pair(gold[gi], system[si]) for gi, si in pairs]


@dataclass(slots=True)
class Counts:
    """Raw tallies from which every figure is derived; they add across documents."""

    documents: int = 0
    gold: int = 0
    system: int = 0
    matched: int = 0  # relaxed, one-to-one
    strict: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: Counts) -> None:
        self.documents += other.documents
        self.gold += other.gold
        self.system += other.system
        self.matched += other.matched
        self.strict += other.strict
        self.type_correct += other.type_correct
        self.value_correct += other.value_correct

    def scores(self) -> dict[str, float]:
        """The TempEval-3 figures (0.0 when undefined, e.g. no system output)."""
        strict_p, strict_r = _ratio(self.strict, self.system), _ratio(self.strict, self.gold)
        relaxed_p, relaxed_r = _ratio(self.matched, self.system), _ratio(self.matched, self.gold)
        relaxed_f1 = _f1(relaxed_p, relaxed_r)
        type_accuracy = _ratio(self.type_correct, self.matched)
        value_accuracy = _ratio(self.value_correct, self.matched)
        return {
            "strict_p": strict_p,
            "strict_r": strict_r,
            "strict_f1": _f1(strict_p, strict_r),
            "relaxed_p": relaxed_p,
            "relaxed_r": relaxed_r,
            "relaxed_f1": relaxed_f1,
            "type_accuracy": type_accuracy,
            "value_accuracy": value_accuracy,
            "type_f1": relaxed_f1 * type_accuracy,
            "value_f1": relaxed_f1 * value_accuracy,
        }

    def as_dict(self) -> dict[str, int]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "system": self.system,
            "matched": self.matched,
            "strict": self.strict,
            "type_correct": self.type_correct,
            "value_correct": self.value_correct,
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


ERROR_KINDS = ("partial_span", "wrong_type", "wrong_value", "miss", "spurious")


@dataclass(frozen=True, slots=True)
class ScoringError:
    """One disagreement with the gold annotation, in a form people can act on.

    ``kind`` is one of ``ERROR_KINDS``; ``partial_span`` is a relaxed match
    whose extent differs (it costs strict F1 only). Offsets are those of the
    gold expression when there is one, else the system's.
    """

    kind: str
    doc: str
    start: int
    end: int
    text: str
    gold: dict[str, str | None] | None
    system: dict[str, object] | None

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "gold": self.gold,
            "system": self.system,
        }


def _gold_dict(gold: GoldTimex) -> dict[str, str | None]:
    return {"text": gold.text, "type": gold.type, "value": gold.value, "mod": gold.mod}


def _system_dict(system: SpanLike) -> dict[str, object]:
    return {
        "start": system.start,
        "end": system.end,
        "text": system.text,
        "type": _type_name(system),
        "value": system.value,
        "rule": getattr(system, "rule", ""),
    }


@dataclass(slots=True)
class DocumentResult:
    """Counts and errors of one document."""

    doc: str
    counts: Counts
    errors: list[ScoringError] = field(default_factory=list)
    # TIMEX type -> Counter of gold, system, matched_gold, matched_system, value_correct
    by_type: dict[str, Counter[str]] = field(default_factory=dict)


def score_document(
    doc: str, gold: Sequence[GoldTimex], system: Sequence[SpanLike]
) -> DocumentResult:
    """Score one document's system expressions against its gold expressions."""
    pairs = align(gold, system)
    counts = Counts(documents=1, gold=len(gold), system=len(system), matched=len(pairs))
    errors: list[ScoringError] = []
    matched_gold = {id(p.gold) for p in pairs}
    matched_system = {id(p.system) for p in pairs}
    for pair in pairs:
        counts.strict += pair.strict
        counts.type_correct += pair.type_correct
        counts.value_correct += pair.value_correct
        g, s = pair.gold, pair.system
        for kind, ok in (
            ("partial_span", pair.strict),
            ("wrong_type", pair.type_correct),
            ("wrong_value", pair.value_correct),
        ):
            if not ok:
                errors.append(
                    ScoringError(kind, doc, g.start, g.end, g.text, _gold_dict(g), _system_dict(s))
                )
    for g in gold:
        if id(g) not in matched_gold:
            errors.append(ScoringError("miss", doc, g.start, g.end, g.text, _gold_dict(g), None))
    for s in system:
        if id(s) not in matched_system:
            errors.append(
                ScoringError("spurious", doc, s.start, s.end, s.text, None, _system_dict(s))
            )
    errors.sort(key=lambda e: (e.start, ERROR_KINDS.index(e.kind)))
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    for g in gold:
        by_type[g.type.strip().upper()]["gold"] += 1
    for s in system:
        by_type[_type_name(s)]["system"] += 1
    for pair in pairs:
        gold_type = pair.gold.type.strip().upper()
        by_type[gold_type]["matched_gold"] += 1
        by_type[gold_type]["value_correct"] += pair.value_correct
        by_type[_type_name(pair.system)]["matched_system"] += 1
    return DocumentResult(doc, counts, errors, dict(by_type))


@dataclass(slots=True)
class Evaluation:
    """The whole run: totals, per-document results and every error."""

    totals: Counts = field(default_factory=Counts)
    documents: list[DocumentResult] = field(default_factory=list)

    def add(self, result: DocumentResult) -> None:
        self.documents.append(result)
        self.totals.add(result.counts)

    @property
    def errors(self) -> list[ScoringError]:
        return [error for result in self.documents for error in result.errors]

    def summary(self) -> dict[str, object]:
        """Figures and counts as one flat JSON-ready mapping."""
        return {**self.totals.scores(), **self.totals.as_dict()}

    def by_type(self) -> dict[str, dict[str, float]]:
        """Figures per TIMEX type: recall over gold of that type, precision over
        system output of that type, and value accuracy of that type's matches."""
        totals: dict[str, Counter[str]] = defaultdict(Counter)
        for result in self.documents:
            for timex_type, counter in result.by_type.items():
                totals[timex_type].update(counter)
        figures = {}
        for timex_type, c in sorted(totals.items()):
            recall = _ratio(c["matched_gold"], c["gold"])
            precision = _ratio(c["matched_system"], c["system"])
            figures[timex_type] = {
                "gold": c["gold"],
                "system": c["system"],
                "relaxed_p": precision,
                "relaxed_r": recall,
                "relaxed_f1": _f1(precision, recall),
                "value_accuracy": _ratio(c["value_correct"], c["matched_gold"]),
            }
        return figures

    def per_document(self) -> list[dict[str, object]]:
        return [{"doc": r.doc, **r.counts.scores(), **r.counts.as_dict()} for r in self.documents]


def evaluate_pairs(
    documents: Iterable[tuple[str, Sequence[GoldTimex], Sequence[SpanLike]]],
) -> Evaluation:
    """Score many ``(doc id, gold, system)`` triples."""
    evaluation = Evaluation()
    for doc, gold, system in documents:
        evaluation.add(score_document(doc, gold, system))
    return evaluation


def summarise_errors(errors: Iterable[ScoringError], examples: int = 3) -> list[dict[str, object]]:
    """Errors grouped by kind, value shape and the rule that fired, most frequent first.

    The grouping is what the engine's author needs to pick the next rule to fix:
    e.g. 40 misses of gold shape ``dddd-dd-dd`` or 25 wrong values from rule
    ``date.weekday`` whose gold shape is ``dddd-dd-dd`` but system shape ``XXXX-WXX-d``.
    """
    groups: dict[tuple[str, str, str, str], list[ScoringError]] = defaultdict(list)
    for error in errors:
        gold_shape = value_shape(str(error.gold["value"])) if error.gold else "-"
        system_shape = value_shape(str(error.system["value"])) if error.system else "-"
        rule = str(error.system.get("rule", "")) if error.system else "-"
        if error.kind == "wrong_type" and error.gold and error.system:
            gold_shape = f"{error.gold['type']}:{gold_shape}"
            system_shape = f"{error.system['type']}:{system_shape}"
        groups[(error.kind, gold_shape, system_shape, rule)].append(error)
    summary = []
    for (kind, gold_shape, system_shape, rule), members in groups.items():
        texts = Counter(m.text.lower() for m in members)
        summary.append(
            {
                "kind": kind,
                "count": len(members),
                "gold_shape": gold_shape,
                "system_shape": system_shape,
                "rule": rule,
                "examples": [text for text, _ in texts.most_common(examples)],
            }
        )
    summary.sort(key=lambda g: (-int(g["count"]), str(g["kind"]), str(g["gold_shape"])))
    return summary
