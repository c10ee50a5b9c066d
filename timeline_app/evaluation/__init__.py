"""TempEval-3 scoring of the temporal engine against TimeML gold files.

``read_tml`` turns a ``.tml`` file into raw text, creation date and gold spans;
``score_document``/``evaluate_pairs`` compute the TempEval-3 figures;
``evaluate_paths`` runs the tagger over gold files and scores it in one go.
"""

from timeline_app.evaluation.runner import evaluate_documents, evaluate_paths
from timeline_app.evaluation.scoring import (
    Counts,
    DocumentResult,
    Evaluation,
    ScoringError,
    align,
    evaluate_pairs,
    score_document,
    summarise_errors,
)
from timeline_app.evaluation.timeml import GoldTimex, TimeMLError, TmlDocument, read_tml

__all__ = [
    "Counts",
    "DocumentResult",
    "Evaluation",
    "GoldTimex",
    "ScoringError",
    "TimeMLError",
    "TmlDocument",
    "align",
    "evaluate_documents",
    "evaluate_pairs",
    "evaluate_paths",
    "read_tml",
    "score_document",
    "summarise_errors",
]
