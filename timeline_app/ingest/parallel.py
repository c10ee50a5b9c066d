"""Run import tasks on all cores: a spawn-safe process pool, results in input order.

Spawn (not fork) is used everywhere so behaviour is the same on Linux, macOS
and Windows and no Qt or SQLite state leaks into workers. Small batches run
in the calling process: starting workers costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")

MIN_TASKS_FOR_POOL = 24


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def run_in_order(
    function: Callable[[Task], Result],
    tasks: Sequence[Task],
    *,
    workers: int | None = None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
) -> Iterator[Result]:
    """Yield ``function(task)`` for each task, in order; closing the iterator stops the pool."""
    count = default_workers() if workers is None else max(1, workers)
    if count == 1 or len(tasks) < MIN_TASKS_FOR_POOL:
        if initializer is not None:
            initializer(*initargs)
        for task in tasks:
            yield function(task)
        return
    context = multiprocessing.get_context("spawn")
    chunksize = max(1, min(16, len(tasks) // (count * 8)))
    with context.Pool(count, initializer=initializer, initargs=initargs) as pool:
        yield from pool.imap(function, tasks, chunksize=chunksize)
