"""Build the PDF edition of one or every language: assemble, check, render, check again, write.

Languages render in separate processes (one fresh process per language, so each one's peak memory
is its own and can be reported).
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from handbook.diagnostics import Diagnostic
from handbook.languages import load_i18n
from handbook.paths import Project
from handbook.workers import run_in_workers


@dataclass
class PdfResult:
    code: str
    path: Path
    pages: int = 0
    seconds: float = 0.0
    peak_mb: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # assemble / render / checks, seconds
    problems: list[Diagnostic] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and not self.error


class PdfFailed(Exception):
    """At least one language's PDF was refused; nothing was written for it."""

    def __init__(self, results: Sequence[PdfResult]):
        self.results = list(results)
        lines = []
        for r in self.results:
            lines += [f"[{r.code}] {d.text()}" for d in r.problems]
            if r.error:
                lines.append(f"[{r.code}] error: {r.error}")
        super().__init__("The PDF edition found problems:\n" + "\n".join(lines))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    tmp.replace(path)


def build_pdf(root: str, code: str, target: str, epoch: str) -> PdfResult:
    """Build the PDF of ``code`` into ``target``; problems are returned, not raised (runs in a worker)."""
    from handbook.errors import HandbookError
    from handbook.pdf.book import assemble_book
    from handbook.pdf.checks import check_rendered
    from handbook.pdf.weasy import render_pdf

    project = Project(Path(root))
    result = PdfResult(code, Path(target))
    started = time.perf_counter()
    try:
        book = assemble_book(project, code, epoch)
        result.timings["assemble"] = time.perf_counter() - started
        if book.problems:  # refuse before spending time on rendering
            result.problems = sorted(book.problems)
        else:
            mark = time.perf_counter()
            rendered = render_pdf(book.html, base_url=book.base_url, roots=book.roots)
            result.timings["render"] = time.perf_counter() - mark - rendered.check_seconds
            mark = time.perf_counter()
            result.problems = sorted(check_rendered(book, rendered))
            result.timings["checks"] = time.perf_counter() - mark + rendered.check_seconds
            result.pages = rendered.pages
            if not result.problems:
                write_atomic(result.path, rendered.pdf)
    except HandbookError as exc:
        result.error = str(exc)
    except Exception as exc:  # a crash in an extension or in WeasyPrint: report it with the language, no traceback
        result.error = f"{type(exc).__name__}: {exc}"
    result.seconds = time.perf_counter() - started
    result.peak_mb = _peak_mb()
    return result


def build_pdfs(project: Project, targets: dict[str, Path], *, epoch: str, jobs: int | None = None) -> list[PdfResult]:
    """Build several languages in parallel, one fresh process each; raise PdfFailed on any problem."""
    codes = list(targets)
    jobs = max(1, min(len(codes), jobs or os.cpu_count() or 1))
    if len(codes) == 1:
        results = [build_pdf(str(project.root), codes[0], str(targets[codes[0]]), epoch)]
    else:
        # One fresh process per language, so its peak memory is its own and no WeasyPrint state is
        # shared; largest language first, so the last one to finish is a small one.
        order = sorted(codes, key=lambda code: -_source_bytes(project, code))
        done = run_in_workers(build_pdf, [(str(project.root), code, str(targets[code]), epoch) for code in order],
                              jobs=jobs, preload=["weasyprint", "markdown", "jinja2", "handbook.pdf.book",
                                                  "handbook.pdf.weasy"])
        by_code = {r.code: r for r in done}
        results = [by_code[code] for code in codes]
    failed = [r for r in results if not r.ok]
    if failed:
        raise PdfFailed(failed)
    return results


def _source_bytes(project: Project, code: str) -> int:
    """Size of the Markdown a language's PDF is made of: a good predictor of its rendering time."""
    from handbook.pdf.source import Entry, book_order, read_config

    i18n = load_i18n(project.root)
    order = book_order(project, read_config(project), i18n, code)
    return sum((project.docs / e.src).stat().st_size for e in order if isinstance(e, Entry))


def site_targets(project: Project, site: Path, codes: Sequence[str] | None = None) -> dict[str, Path]:
    from handbook.pdf.book import site_pdf_path

    i18n = load_i18n(project.root)
    return {code: site / site_pdf_path(i18n, code) for code in (codes or i18n.codes)}


def report(results: Sequence[PdfResult], log: Callable[[str], None] = print) -> None:
    for r in results:
        log(f"[{r.code}] PDF {r.path.name}: {r.pages} pages in {r.seconds:.1f}s, peak memory {r.peak_mb:.0f} MB")


def publishes(project: Project, code: str) -> bool:
    """Whether the build publishes this language's PDF: the publication gate of translations/publication.yml."""
    from handbook.translation.gate import decide

    return decide(project, code).publish


def post_build(site: Path, project: Project) -> None:
    """Build step: every language in the assembled ``site`` that the publication gate lets through
    gets its PDF next to its pages; the build log says what the gate decided for each language."""
    from handbook.site.build import BuildFailed, source_date_epoch
    from handbook.translation.gate import decide

    i18n = load_i18n(project.root)
    built = [code for code in i18n.codes if (site / i18n.prefix(code) / "index.html").is_file()]
    codes = []
    for code in built:
        decision = decide(project, code)
        if code != i18n.default:
            print(decision.summary())
        if decision.publish:
            codes.append(code)
    if not codes:
        return
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(project.root)
    try:
        results = build_pdfs(project, site_targets(project, site, codes), epoch=epoch)
    except PdfFailed as exc:
        raise BuildFailed(f"{exc}\n(site/ was left unchanged)") from None
    report(results)
    from handbook.pdf.link import fill_details

    for result in results:
        fill_details(site, i18n, result.code, result.path, result.pages)
