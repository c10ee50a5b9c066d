"""The process pool: input order kept, a dying worker neither hangs nor ends the run."""

from __future__ import annotations

import os

from timeline_app.ingest.parallel import MIN_TASKS_FOR_POOL, WorkerDied, run_in_order


def square_or_die(value: int) -> int:
    """Module-level so spawned workers can import it; value -1 kills its worker."""
    if value == -1:
        os._exit(3)
    return value * value


def test_results_in_input_order_on_two_workers() -> None:
    tasks = list(range(MIN_TASKS_FOR_POOL * 2))
    assert list(run_in_order(square_or_die, tasks, workers=2)) == [t * t for t in tasks]


def test_small_batches_run_in_process() -> None:
    seen_pids = []

    def record(value: int) -> int:  # a closure: would not pickle, so proves no pool
        seen_pids.append(os.getpid())
        return value

    assert list(run_in_order(record, [1, 2, 3], workers=2)) == [1, 2, 3]
    assert set(seen_pids) == {os.getpid()}


def test_a_dying_worker_loses_only_its_chunk() -> None:
    tasks = list(range(60))
    tasks[30] = -1
    results = list(run_in_order(square_or_die, tasks, workers=2))
    assert len(results) == len(tasks)
    died = [r.task for r in results if isinstance(r, WorkerDied)]
    assert -1 in died
    assert len(died) < len(tasks) // 2, died
    for result, task in zip(results, tasks, strict=True):
        if not isinstance(result, WorkerDied):
            assert result == task * task
    assert results[-1] == tasks[-1] ** 2  # work after the crash still ran


def always_die(value: int) -> int:
    os._exit(4)


def test_workers_that_always_die_end_the_run_instead_of_looping() -> None:
    tasks = list(range(MIN_TASKS_FOR_POOL))
    results = list(run_in_order(always_die, tasks, workers=2))
    assert len(results) == len(tasks)
    assert all(isinstance(r, WorkerDied) for r in results)
