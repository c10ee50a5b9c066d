"""A generated library with one big happening among many minor events (story-layer tests).

Twelve articles, published over the following days, report the capture of a
port on 19 March 2011 in their own words; fifty others each date ten minor,
unrelated meetings on other days (500 minor events). Every sentence of the
minor articles uses words of its own, so none of them groups with another.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

KEY_DAY = date(2011, 3, 19)
KEY_REPORTS = 12
MINOR_ARTICLES, MINOR_EVENTS_EACH = 50, 10

_KEY_SENTENCES = (
    "Rebel fighters captured the port city of Zawara on {when}, witnesses said.",
    "On {when} rebels seized the port of Zawara after heavy fighting, residents said.",
    "The port city of Zawara fell to rebel fighters on {when}, officials confirmed.",
    "Rebels took control of Zawara's port on {when} following clashes with troops.",
)
_WORDS = (
    "amber",
    "basalt",
    "cedar",
    "dahlia",
    "ember",
    "fjord",
    "garnet",
    "harbor",
    "indigo",
    "juniper",
    "kestrel",
    "lagoon",
    "meadow",
    "nectar",
    "onyx",
    "pebble",
    "quartz",
    "raven",
    "saffron",
    "tundra",
    "umber",
    "violet",
    "willow",
    "xenon",
    "yarrow",
    "zephyr",
    "alder",
    "birch",
    "cobalt",
    "delta",
    "falcon",
    "glacier",
    "heron",
    "iris",
    "jasper",
    "kelp",
    "lotus",
    "maple",
    "nickel",
    "orchid",
    "plover",
    "quill",
    "rowan",
    "sorrel",
    "thistle",
    "urchin",
    "vervain",
    "walnut",
    "yucca",
)


def _when(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _minor_sentence(rng: random.Random, serial: int, day: date) -> str:
    # Words of its own (a serial-numbered name) so no two minor events look alike.
    words = rng.sample(_WORDS, 4)
    return f"Ward{serial}ville {words[0]} {words[1]} {words[2]} {words[3]} on {_when(day)}."


def story_records(seed: int = 7) -> list[dict[str, str]]:
    """The articles as JSON records (title, published, source, text)."""
    rng = random.Random(seed)
    records = []
    for index in range(KEY_REPORTS):
        published = KEY_DAY + timedelta(days=1 + index % 5)
        sentence = _KEY_SENTENCES[index % len(_KEY_SENTENCES)].format(when=_when(KEY_DAY))
        records.append(
            {
                "title": f"Report {index}",
                "published": published.isoformat(),
                "source": ("Wire", "Daily", "Herald")[index % 3],
                "text": f"{sentence} Aid workers in Sabratha{index} counted the damage.",
            }
        )
    serial = 0
    for index in range(MINOR_ARTICLES):
        published = date(2011, 1, 1) + timedelta(days=rng.randrange(300))
        sentences = []
        for _ in range(MINOR_EVENTS_EACH):
            day = published - timedelta(days=rng.randrange(1, 200))
            if day == KEY_DAY:
                day -= timedelta(days=1)
            serial += 1
            sentences.append(_minor_sentence(rng, serial, day))
        records.append(
            {
                "title": f"Minor {index}",
                "published": published.isoformat(),
                "source": "Gazette",
                "text": " ".join(sentences),
            }
        )
    return records


def write_story(folder: Path, seed: int = 7) -> Path:
    """The generated articles as one JSONL file in ``folder``."""
    path = folder / "story.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for record in story_records(seed):
            stream.write(json.dumps(record) + "\n")
    return path
