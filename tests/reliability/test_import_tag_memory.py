"""``timeline-app tag`` writes its JSON as it goes (issue 12).

Before: the whole document was built as one string, on top of a dict per
time expression: ``'2024-' * 200_000`` took 709 MB. Measured in-process with
``tracemalloc`` against the size of what is written.
"""

from __future__ import annotations

import json
import tracemalloc

from timeline_app.cli import main

REPETITIONS = 2_000


def test_tag_output_is_not_held_in_memory_whole(tmp_path):
    source = tmp_path / "dates.txt"
    source.write_text("2024-" * REPETITIONS)
    output = tmp_path / "timexes.json"
    warm = tmp_path / "warm.txt"
    warm.write_text("2024-" * 3)  # the rules compile on first use, outside the measure
    main(["tag", "--dct", "2024-01-01", str(warm), "-o", str(tmp_path / "warm.json")])

    tracemalloc.start()
    try:
        status = main(["tag", "--dct", "2024-01-01", str(source), "-o", str(output)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert status == 0
    written = output.stat().st_size
    assert len(json.loads(output.read_text())) == REPETITIONS
    print(f"peak {peak / 2**20:.1f} MB for {written / 2**20:.1f} MB written")
    assert peak < 3 * written, f"peak {peak / 2**20:.1f} MB for {written / 2**20:.1f} MB written"
