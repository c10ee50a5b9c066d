"""Run import tasks on all cores: a spawn-safe process pool, results in input order.

Spawn (not fork) is used everywhere so behaviour is the same on Linux, macOS
and Windows and no Qt or SQLite state leaks into workers. Small batches run
in the calling process: starting workers costs more than it saves.

A worker that dies (killed for memory, a crash in a C extension) must not
hang or end the import: the chunk it was on is reported as lost through
:class:`WorkerDied` and the remaining tasks continue on a fresh pool.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Generic, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")

MIN_TASKS_FOR_POOL = 24
MAX_FRUITLESS_POOLS = 3
PARENT_CHECK_SECONDS = 0.5


@dataclass(frozen=True, slots=True)
class WorkerDied(Generic[Task]):
    """Stands in for the result of a task whose worker process died."""

    task: Task


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """Runs first in every worker: leave with the parent, then the caller's initializer.

    A parent killed outright (kill -9, a crash) cannot shut its pool down, and
    idle workers would wait for work forever; this watchdog notices the
    parent is gone (re-parented) and ends the worker.
    """
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _apply_all(function: Callable[[Task], Result], chunk: list[Task]) -> list[Result]:
    return [function(task) for task in chunk]


def run_in_order(
    function: Callable[[Task], Result],
    tasks: Sequence[Task],
    *,
    workers: int | None = None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
) -> Iterator[Result | WorkerDied[Task]]:
    """Yield ``function(task)`` for each task, in order; closing the iterator stops the pool."""
    count = default_workers() if workers is None else max(1, workers)
    if count == 1 or len(tasks) < MIN_TASKS_FOR_POOL:
        if initializer is not None:
            initializer(*initargs)
        for task in tasks:
            yield function(task)
        return
    size = max(1, min(16, len(tasks) // (count * 8)))
    chunks = [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]
    fruitless_rounds = 0  # pools in a row that broke before finishing any chunk
    while chunks:
        pool = ProcessPoolExecutor(
            count,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(initializer, initargs),
        )
        try:
            futures: list[Future] = []
            for chunk in chunks:
                try:
                    futures.append(pool.submit(_apply_all, function, chunk))
                except BrokenProcessPool:  # a worker died while work was being handed out
                    break
            finished = 0
            for future in futures:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    break
                finished += 1
                yield from results
            if futures and finished == len(futures):
                chunks = chunks[finished:]  # empty unless submitting was cut short
                continue
            if not futures:  # broke before taking any work: nothing to blame yet
                fruitless_rounds += 1
                if fruitless_rounds > MAX_FRUITLESS_POOLS:
                    yield from (WorkerDied(task) for chunk in chunks for task in chunk)
                    chunks = []
                continue
            # The earliest unfinished chunk is reported lost (the dead worker was on it
            # or on a later one, which then breaks the next pool and is reported in turn).
            fruitless_rounds = 0 if finished else fruitless_rounds + 1
            lost, chunks = chunks[finished], chunks[finished + 1 :]
            yield from (WorkerDied(task) for task in lost)
            if fruitless_rounds > MAX_FRUITLESS_POOLS:  # workers cannot even start
                yield from (WorkerDied(task) for chunk in chunks for task in chunk)
                chunks = []
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
