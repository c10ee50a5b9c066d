"""The one exception readers raise for bad input; its message is shown to the user."""

from __future__ import annotations


class ReaderError(ValueError):
    """A file (or one record of it) cannot be imported; the message says why, plainly."""
