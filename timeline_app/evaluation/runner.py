"""Run a tagger over TimeML gold documents and score it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from timeline_app.evaluation.scoring import Evaluation, SpanLike, score_document
from timeline_app.evaluation.timeml import TmlDocument, iter_tml_paths, read_tml

Tagger = Callable[[str, date], Sequence[SpanLike]]


def _default_tagger() -> Tagger:
    from timeline_app.temporal import tag

    return tag


def evaluate_documents(
    documents: Iterable[TmlDocument], tagger: Tagger | None = None
) -> Evaluation:
    """Tag each document's raw text against its DCT and score the result."""
    tagger = tagger or _default_tagger()
    evaluation = Evaluation()
    for document in documents:
        system = list(tagger(document.text, document.dct))
        evaluation.add(score_document(document.doc_id, document.gold, system))
    return evaluation


def evaluate_paths(paths: Iterable[str | Path], tagger: Tagger | None = None) -> Evaluation:
    """Read every ``.tml`` file below ``paths`` and score ``tagger`` (default: the engine)."""
    documents = [read_tml(path) for path in iter_tml_paths(paths)]
    return evaluate_documents(documents, tagger)
