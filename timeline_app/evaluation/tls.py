"""Timeline summarisation scores: date F1 and ROUGE-N F1 "align+ m:1" (no network, no Perl).

The definitions of tilse (Martschat & Markert, EACL 2017, "Improving ROUGE for
Timeline Summarization"), as news-tls (Gholipour Ghalandari & Ifrim, ACL 2020)
reports them against one reference timeline at a time:

* **date F1**: precision = |predicted dates ∩ reference dates| / |predicted|,
  recall = the same over |reference|, F1 their harmonic mean.
* **align+ m:1** ROUGE-N F1. Each predicted date ``p`` is aligned to the
  reference date ``r`` of least cost ``(1 - 1/(|p - r| + 1)) * (1 - a(p, r))``
  (days apart times content mismatch), where ``a`` is tilse's ROUGE-1
  approximation: unigram F1 of the two days' token bags. Precision sums, over
  predicted dates, ``h(p, r) / (|p - r| + 1)`` and divides by the predicted
  n-gram count; recall aligns each reference date to its least-cost
  predicted date the same way and divides by the reference n-gram count.
  ``h`` is the clipped n-gram overlap of the two daily summaries
  (``sum min(count_p, count_r)``), as ROUGE-1.5.5 counts hits. Unaligned
  dates cannot occur in the many-to-one variant (every date takes its cheapest
  partner), except when the other side is empty (then the score is 0).

Tokenisation (ROUGE-1.5.5 with ``-m`` stemming and stopword removal, as tilse
runs it, approximated in Python): lower-cased runs of letters and digits;
the SMART-like stopwords of ``resources/events/stopwords.txt`` dropped; the
suffixes "ing", "ed", "es", "s" stripped from words longer than the suffix
plus three letters (a light stand-in for Porter stemming). Sentences of a day
are pooled. Because the stemmer and stopword list differ, figures are close
to, not identical with, the Perl script's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline_app.events.word_lists import word_set

Timeline = Mapping[date, Sequence[str]]  # date -> its summary sentences

_TOKEN = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ing", "ed", "es", "s")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """ROUGE tokens of ``text``: lower-cased, stopwords dropped, lightly stemmed."""
    stop = word_set("stopwords.txt")
    return [_stem(word) for word in _TOKEN.findall(text.lower()) if word not in stop]


def ngrams(sentences: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """The n-grams of a day's sentences (n-grams do not cross sentence ends)."""
    counts: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        words = tokens(sentence)
        counts.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return counts


def date_f1(predicted: Sequence[date], reference: Sequence[date]) -> float:
    """F1 of the predicted dates against the reference dates (exact day match)."""
    hits = len(set(predicted) & set(reference))
    if not hits:
        return 0.0
    precision, recall = hits / len(set(predicted)), hits / len(set(reference))
    return 2 * precision * recall / (precision + recall)


def _f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _overlap(first: Counter, second: Counter) -> int:
    if len(first) > len(second):
        first, second = second, first
    return sum(min(count, second[gram]) for gram, count in first.items() if gram in second)


def _content_agreement(predicted: Counter, reference: Counter) -> float:
    """tilse's ROUGE-1 approximation between two days: unigram F1 of their bags."""
    hits = _overlap(predicted, reference)
    if not hits:
        return 0.0
    return _f1(hits / sum(predicted.values()), hits / sum(reference.values()))


@dataclass(frozen=True, slots=True)
class RougeScore:
    precision: float
    recall: float
    f1: float


def align_m1_rouge(predicted: Timeline, reference: Timeline, n: int) -> RougeScore:
    """ROUGE-``n`` precision, recall and F1 of ``predicted``, align+ many-to-one."""
    if not predicted or not reference:
        return RougeScore(0.0, 0.0, 0.0)
    unigrams_p = {day: ngrams(text, 1) for day, text in predicted.items()}
    unigrams_r = {day: ngrams(text, 1) for day, text in reference.items()}
    grams_p = unigrams_p if n == 1 else {day: ngrams(text, n) for day, text in predicted.items()}
    grams_r = unigrams_r if n == 1 else {day: ngrams(text, n) for day, text in reference.items()}

    def cost(p: date, r: date) -> float:
        distance = 1 - 1 / (abs(p.toordinal() - r.toordinal()) + 1)
        return distance * (1 - _content_agreement(unigrams_p[p], unigrams_r[r]))

    def weighted_hits(p: date, r: date) -> float:
        return _overlap(grams_p[p], grams_r[r]) / (abs(p.toordinal() - r.toordinal()) + 1)

    ref_days, pred_days = sorted(reference), sorted(predicted)
    precision_hits = sum(
        weighted_hits(p, min(ref_days, key=lambda r, p=p: cost(p, r))) for p in pred_days
    )
    recall_hits = sum(
        weighted_hits(min(pred_days, key=lambda p, r=r: cost(p, r)), r) for r in ref_days
    )
    predicted_total = sum(sum(grams.values()) for grams in grams_p.values())
    reference_total = sum(sum(grams.values()) for grams in grams_r.values())
    precision = precision_hits / predicted_total if predicted_total else 0.0
    recall = recall_hits / reference_total if reference_total else 0.0
    return RougeScore(precision, recall, _f1(precision, recall))
