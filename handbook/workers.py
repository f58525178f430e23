"""Work spread over fresh worker processes, stopped cleanly when the build is interrupted.

Both the web build and the PDF step run one language per process. Why fresh processes: a build
changes process-wide state (environment, logging, MkDocs' and WeasyPrint's caches), and each
language's peak memory must be its own. A fork server imports the heavy modules once, so a
worker starts in milliseconds.

Why the care on interruption: on Ctrl-C or SIGTERM the caller removes its staging folder. A worker
still writing into it (or its Pagefind child) would bring the folder back after the removal, so
every worker is terminated, and has exited, before the exception reaches the caller.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
_JOIN_SECONDS = 10


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _call(fn: Callable[..., T], args: tuple[Any, ...]) -> T:
    # SIGTERM raises in the worker, so `subprocess.run` (Pagefind) kills its child before exiting.
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    return fn(*args)


def run_in_workers(fn: Callable[..., T], calls: Sequence[tuple[Any, ...]], *, jobs: int,
                   preload: Sequence[str]) -> list[T]:
    """``[fn(*args) for args in calls]``, each call in a fresh process, ``jobs`` at a time, in order."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(preload))
    pool = ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=ctx, max_tasks_per_child=1)
    try:
        futures = [pool.submit(_call, fn, args) for args in calls]
        return [f.result() for f in futures]
    except BaseException:
        stop(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def stop(pool: ProcessPoolExecutor) -> None:
    """Terminate every worker of ``pool`` and wait until each has exited."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public API lists them
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(_JOIN_SECONDS)
