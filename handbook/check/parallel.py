"""Worker processes for the slow, independent parts of ``handbook check``.

Rendering the pages (the markup-safety check) takes most of a run and each page needs nothing
from the others, so pages are rendered in a small pool of processes, one per core, while lychee
runs and the main process does the other Markdown-level checks.
Work is handed out in ordered chunks and the results come back in the same order, so findings
and errors are exactly those of a run in one process. Small inputs stay in the process: starting
workers would cost more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

MIN_ITEMS = 48  # below this many items a task runs in the calling process
_pool: ProcessPoolExecutor | None = None
# Run once in this process just before the workers are forked, so each worker starts with what
# they set up (imported extensions, a loaded Markdown renderer) instead of building it again.
WARMERS: list[Callable[[Any], None]] = []


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _executor(project: Any) -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        import multiprocessing  # here, not at import: `handbook check` starts lychee first
        from concurrent.futures import ProcessPoolExecutor

        # fork: workers start at once with what this process has loaded (spawn re-imports everything)
        methods = multiprocessing.get_all_start_methods()
        fork = "fork" in methods
        if fork and project is not None:
            for warm in WARMERS:
                warm(project)
        _pool = ProcessPoolExecutor(max_workers=cores(), mp_context=multiprocessing.get_context("fork") if fork else None)
    return _pool


def shutdown() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown()
        _pool = None


def chunks(items: Sequence[Any], count: int) -> list[Sequence[Any]]:
    """``items`` in ``count`` consecutive slices of near-equal size (none empty)."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    out, at = [], 0
    for index in range(count):
        end = at + size + (index < extra)
        out.append(items[at:end])
        at = end
    return out


def start(task: Callable[..., list[Any]], items: Sequence[Any], *args: Any, project: Any = None,
          min_items: int | None = None) -> Callable[[], list[Any]]:
    """Start ``task(*args, chunk)`` over ``items``; return a function that waits for the results,
    ``task``'s lists joined in the order of ``items``. ``task`` must be a module-level function
    and its arguments picklable. An exception raised by ``task`` is raised by the returned
    function, the first chunk's first. ``project`` is handed to the :data:`WARMERS` when this
    call starts the workers."""
    if len(items) < (MIN_ITEMS if min_items is None else min_items) or cores() < 2:
        return lambda: task(*args, items)
    pool = _executor(project)
    futures: list[Future[list[Any]]] = [pool.submit(task, *args, chunk) for chunk in chunks(items, 4 * cores())]

    def wait() -> list[Any]:
        out: list[Any] = []
        for future in futures:
            out.extend(future.result())
        return out

    return wait
