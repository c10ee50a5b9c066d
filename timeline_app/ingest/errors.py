"""The exceptions readers raise for bad input; their messages are shown to the user."""

from __future__ import annotations


class ReaderError(ValueError):
    """A file (or one record of it) cannot be imported; the message says why, plainly."""


class UnreadableDate(ReaderError):
    """A metadata date that is no date. Readers may recover (date the article from its text).

    ``predicate`` says what is wrong without naming where the value came
    from ("is not a real date (day is out of range for month)"), so a warning
    can put it after its own description of the source ("header 'Date: …'").
    """

    def __init__(self, message: str, predicate: str) -> None:
        super().__init__(message)
        self.predicate = predicate
