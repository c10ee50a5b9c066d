"""When an article was published: the one place the importer asks.

``with_publication_date(parsed)`` is the entry point: it keeps a date the
file's metadata gave (settling a day/month that reads both ways), else takes a
wire dateline, else infers the day from the article's own words, and always
says why. Readers use ``metadata`` to read the date strings files carry;
``inference`` (with ``cues``, ``model`` and ``dateline``) reasons over text.
"""

from timeline_app.ingest.pubdate.article import (
    NO_DATE_REASON,
    published_problem_of,
    with_publication_date,
)
from timeline_app.ingest.pubdate.inference import DateFinding, find_publication_date

__all__ = [
    "NO_DATE_REASON",
    "DateFinding",
    "find_publication_date",
    "published_problem_of",
    "with_publication_date",
]
