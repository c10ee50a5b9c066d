"""A web page's headline, as its readers see it, without the site's name.

The metadata title (``og:title``, JSON-LD ``headline``, ``<title>``, as
trafilatura reads them) often carries the outlet ("... - apolut.net",
"NWX Magazin | ...") or a time stamp, while the page's ``<h1>`` may carry a
kicker or a subtitle run into it. The two are compared piece by piece
(pieces are the parts between " | ", " - ", " : " and the like): where one
holds the other, the shorter, common part is the headline.
"""

from __future__ import annotations

import re
import unicodedata

from lxml.html import HtmlElement

# Separators between a title and the outlet, section or time stamp around it.
_SEPARATOR = re.compile(r"\s+(?:[|·•»«:/]|::|-{1,2}|[–—])\s+")
MIN_HEADLINE_WORDS = 3
SAME_WORDS_SHARE = 0.6
MAX_HEADINGS = 10


def choose_headline(metadata_title: str, tree: HtmlElement) -> str:
    """The headline of the page: the metadata title reconciled with the page's ``<h1>``s."""
    title = _squash(metadata_title)
    headings = [h for h in (_squash(e.text_content()) for e in _headings(tree)) if h]
    if not title:
        return headings[0] if len(headings) == 1 else ""
    if not headings:
        return title
    pieces = _runs(title)
    # Longest runs of pieces first: the whole title before "title minus outlet".
    for run in pieces:
        folded_run = _fold(run)
        if len(run.split()) < MIN_HEADLINE_WORDS and run != title:
            continue
        for heading in headings:
            folded = _fold(heading)
            if folded == folded_run:
                return heading  # as the page shows it (its quotes and dashes)
            if len(heading.split()) >= MIN_HEADLINE_WORDS and _holds(folded_run, folded):
                return heading  # the title adds an outlet, a kicker or a time stamp
            if _holds(folded, folded_run):
                return run  # the heading adds a kicker or subtitle: the title (minus its outlet)
    best = max(headings, key=lambda h: _shared_words(h, title))
    if _shared_words(best, title) >= SAME_WORDS_SHARE:
        return best
    return title


def same_title(one: str, other: str) -> bool:
    """The same words, whatever the case, quotes, dashes or spacing."""
    return _fold(one) == _fold(other)


def _headings(tree: HtmlElement) -> list[HtmlElement]:
    return list(tree.iter("h1"))[:MAX_HEADINGS]


def _runs(title: str) -> list[str]:
    """Contiguous runs of the title's pieces, longest first ("A | B - C": the whole, A | B, ...)."""
    bounds = [0]
    for match in _SEPARATOR.finditer(title):
        bounds += [match.start(), match.end()]
    bounds.append(len(title))
    starts = bounds[0::2]
    ends = bounds[1::2]
    runs = [
        title[starts[i] : ends[j]]
        for i in range(len(starts))
        for j in range(i, len(ends))
        if title[starts[i] : ends[j]].strip()
    ]
    return sorted(runs, key=len, reverse=True)


def _holds(longer: str, shorter: str) -> bool:
    """``longer`` is ``shorter`` with something before or after it, not in its middle."""
    return longer != shorter and (longer.startswith(shorter) or longer.endswith(shorter))


def _fold(text: str) -> str:
    """Compare titles regardless of case, quote and dash styles, soft hyphens and spacing."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").casefold()
    text = re.sub(r"[‘’‚‛`´]", "'", text)
    text = re.sub(r"[“”„‟«»]", '"', text)
    text = re.sub(r"[‐‑‒–—―]", "-", text)
    return " ".join(text.split())


def _shared_words(heading: str, title: str) -> float:
    ours = set(re.findall(r"\w+", _fold(heading)))
    theirs = set(re.findall(r"\w+", _fold(title)))
    if not ours or not theirs:
        return 0.0
    return len(ours & theirs) / len(ours | theirs)


def _squash(text: str) -> str:
    return " ".join(text.split())
