"""The plain word lists of ``resources/events/`` (see its README), read one way.

One entry a line, ``#`` starts a comment, ``[name]`` starts a section; an
entry with a space in it is a mistake in the file and is reported with its
line.
"""

from __future__ import annotations

from functools import cache

from timeline_app.resources import resource_path


def read_words(name: str) -> list[tuple[str, str]]:
    """(section, word) pairs of a resources/events file; section '' before any header."""
    path = resource_path("events", name)
    section = ""
    pairs = []
    for line_number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        if " " in line:
            raise ValueError(f"{path}:{line_number}: one word a line expected, got {line!r}")
        pairs.append((section, line))
    return pairs


@cache
def word_set(name: str) -> frozenset[str]:
    """Every entry of a resources/events file, in lower case (read once)."""
    return frozenset(word.lower() for _, word in read_words(name))


def read_phrases(name: str) -> list[str]:
    """The lines of a resources/events file of phrases (spaces allowed), ``#`` comments dropped."""
    path = resource_path("events", name)
    lines = (raw.split("#", 1)[0].strip() for raw in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]
