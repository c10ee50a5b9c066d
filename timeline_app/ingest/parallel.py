"""Run import tasks on all cores: a spawn-safe process pool, results in input order.

Spawn (not fork) is used everywhere so behaviour is the same on Linux, macOS
and Windows and no Qt or SQLite state leaks into workers. Small batches run
in the calling process: starting workers costs more than it saves.

A worker that dies (killed for memory, a crash in a C extension) must not
hang or end the import: the chunk it was on is reported as lost through
:class:`WorkerDied` and the remaining tasks continue on a fresh pool.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
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


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple) -> None:
    """Runs first in every worker: leave with the parent, then the caller's initializer.

    A parent killed outright (kill -9, a crash) cannot shut its pool down, and
    idle workers would wait for work forever, holding the database and the
    caller's pipe. On Linux the kernel kills the worker when its parent dies
    (``PR_SET_PDEATHSIG``); elsewhere, and as a second line, a watchdog ends
    it once its parent is no longer ``parent``. The parent's pid is passed in
    rather than read here: a parent killed while the worker was still starting
    would otherwise be mistaken for the process that adopted it.
    """
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the worker got this far
        os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watchdog still ends the worker


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
            initargs=(os.getpid(), initializer, initargs),
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
