"""Whole processes, timed from start to exit, with the peak memory of every process they start.

Why /proc sampling: the build's workers are children of a fork server, not of the command, so
getrusage(RUSAGE_CHILDREN) in the benchmark never sees them, and it would give one maximum for
the whole tree rather than one per worker. Each process's VmHWM (its own peak resident set) is
read every few hundredths of a second while it lives; a worker that lives less than that is missed,
and none of the build's does.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

INTERVAL = 0.05


@dataclass
class Run:
    seconds: float
    returncode: int
    stderr: str
    peaks: dict[int, tuple[str, int]] = field(default_factory=dict)  # pid -> (kind, peak kB)

    def peak_mb(self, kind: str) -> list[float]:
        return sorted((kb / 1024 for k, kb in self.peaks.values() if k == kind), reverse=True)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _descendants(pid: int, tree: dict[int, list[int]]) -> list[int]:
    out, todo = [], [pid]
    while todo:
        here = todo.pop()
        out.append(here)
        todo += tree.get(here, [])
    return out


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _kind(pid: int, top: int, tree: dict[int, list[int]]) -> str:
    """'main' (the command); 'server' (a fork server or resource tracker it started, which does no
    build work); 'worker' (a process forked by a fork server: one language's build); else the
    program's name (pagefind...). Asked again at every sample: a child forked to run a program
    shows its parent's command line until it has started the program."""
    if pid == top:
        return "main"
    servers = [p for p in tree.get(top, []) if "multiprocessing." in _cmdline(p)]
    if pid in servers:
        return "server"
    if any(pid in tree.get(server, []) for server in servers):
        return "worker"
    program = _cmdline(pid).split(" ")[0]
    return Path(program).name or "gone"


def _hwm(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd: list[str], cwd: Path, env: dict[str, str], memory: bool = False) -> Run:
    """Run ``cmd`` to its end; with ``memory``, sample every descendant's peak resident set."""
    err_file = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a pipe unread while sampling could fill up
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err_file)
    peaks: dict[int, tuple[str, int]] = {}
    try:
        while memory and proc.poll() is None:
            tree = _children()
            for pid in _descendants(proc.pid, tree):
                kb = _hwm(pid)
                if kb:
                    peaks[pid] = (_kind(pid, proc.pid, tree), max(kb, peaks.get(pid, ("", 0))[1]))
            time.sleep(INTERVAL)
        proc.wait()
    finally:
        if proc.poll() is None:  # interrupted: a benchmark that starts a build stops it
            proc.kill()
            proc.wait()
    seconds = time.perf_counter() - started
    with err_file:
        err_file.seek(0)
        err = err_file.read()
    return Run(seconds, proc.returncode, err, peaks)
