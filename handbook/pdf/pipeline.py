"""Build the PDF edition of one or every language: assemble, check, render, check again, write.

Languages render in separate processes (one fresh process per language, so each one's peak memory
is its own and can be reported).
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from handbook.chapters import has_own_pdf
from handbook.diagnostics import Diagnostic
from handbook.errors import BuildFailed, HandbookError
from handbook.languages import load_i18n
from handbook.paths import Project
from handbook.pdf.assemble import page_url
from handbook.pages.model import Corpus, load_corpus
from handbook.pages.walk import PUBLIC
from handbook.pdf.book import assemble_book, own_pdf_name, probe_document, site_pdf_path
from handbook.pdf.checks import TAIL_CODE, check_rendered, short_tails
from handbook.pdf.link import fill_details, fill_own_details
from handbook.pages.config import read_content_config
from handbook.pdf.source import BookEntry, book_order
from handbook.pdf import cache as pdf_cache
from handbook.pdf.weasy import layout, render_pdf
from handbook.site.cache import inputs_digest
from handbook.translation.gate import decide
from handbook.workers import run_in_workers


@dataclass
class PdfResult:
    code: str
    path: Path
    pages: int = 0
    seconds: float = 0.0
    peak_mb: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # assemble / render / checks, seconds
    own: list[tuple[str, Path, int]] = field(default_factory=list)  # (English source, file, pages) of each page's own PDF
    cache_keys: list[str] = field(default_factory=list)  # the PDF cache's entries this language used or wrote
    reused: int = 0  # documents taken from the PDF cache
    renders: dict[str, int] = field(default_factory=dict)  # document ('' the book, else its English source) -> renders
    tried: list[str] = field(default_factory=list)  # chapters laid out alone to find their spacing (book keys)
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


@dataclass
class _Reuse:
    """The PDF cache (handbook.pdf.cache) as one language's worker uses it."""

    folder: Path
    environment: str = ""  # digest of what every render reads besides its HTML, computed at the first document


def build_pdf(root: str, code: str, target: str, epoch: str, own_dir: str = "", audience: str = PUBLIC,
              dates: dict[str, str] | None = None, cache_dir: str = "") -> PdfResult:
    """Build the PDF of ``code`` into ``target``; problems are returned, not raised (runs in a worker).

    With ``own_dir`` (the language's folder of the site), every chapter and checklist also gets a
    PDF of its own, next to its page there, dated by ``dates`` (English source -> its date,
    handbook.site.epochs.document_epochs; ``epoch`` for a page it does not name). Nothing is written
    unless every document passed. With ``cache_dir``, documents rendered before with the same
    inputs are taken from the PDF cache there (handbook.pdf.cache).
    """
    project = Project(Path(root))
    result = PdfResult(code, Path(target))
    reuse = _Reuse(Path(cache_dir)) if cache_dir else None
    started = time.perf_counter()
    try:
        # Read once for the book and every page's own PDF: the language's pages and the English ones
        # (a book shows its own language's status only; handbook.translation.site).
        i18n = load_i18n(project.root)
        corpus = load_corpus(project, i18n, audience=audience, languages={code, i18n.default})
        inputs = inputs_digest(project, i18n, code, audience)  # the colophon's, hashed once
        book, rendered = _render_checked(project, code, epoch, None, result, corpus, audience, inputs, reuse)
        if result.problems:  # refuse before spending time on the pages' own PDFs
            return _finish(result, started)
        result.pages = rendered.pages
        files = [(result.path, rendered.pdf)]
        if own_dir:
            for entry in book.entries:
                if not has_own_pdf(entry.base):
                    continue
                own_epoch = (dates or {}).get(entry.base, epoch)
                _, own = _render_checked(project, code, own_epoch, entry.base, result, corpus, audience, inputs,
                                         reuse)
                path = Path(own_dir) / page_url(entry.base) / own_pdf_name(code, entry.base, audience)
                files.append((path, own.pdf))
                result.own.append((entry.base, path, own.pages))
        if not result.problems:
            for path, data in files:
                write_atomic(path, data)
    except HandbookError as exc:
        result.error = str(exc)
    except Exception as exc:  # a crash in an extension or in WeasyPrint: report it with the language, no traceback
        result.error = f"{type(exc).__name__}: {exc}"
    return _finish(result, started)


# A chapter that ends on a page of a few lines is laid out again a little tighter (so the tail
# moves back), and if that is not enough, a little looser (so more of the chapter joins its tail).
_NEXT_SPACING = {"": "hb-tight", "hb-tight": "hb-loose"}
_SPACINGS = ("", *_NEXT_SPACING.values())
_LAYOUTS = len(_SPACINGS)  # the most times a document is rendered


def _next_spacing(tails: Collection[str], spacing: dict[str, str]) -> dict[str, str]:
    """The next spacing of each chapter of ``tails`` (those ending on a page of a few lines) that
    has one left: the one rule for the book's own layouts and the chapters' trial layouts."""
    return {k: _NEXT_SPACING[spacing.get(k, "")] for k in tails if spacing.get(k, "") in _NEXT_SPACING}


def _render_checked(project: Project, code: str, epoch: str, only: str | None, result: PdfResult,
                    corpus: Corpus, audience: str = PUBLIC, inputs: str | None = None, reuse: _Reuse | None = None):
    """Assemble, render and check one document (the book, or with ``only`` one page's own PDF),
    adding its problems and timings to ``result``. The book is rendered with the spacing each
    chapter needs, found beforehand (:func:`_settled_spacing`); a chapter that still ends on a page
    of a few lines is given the next spacing and the document rendered again. With ``reuse``, a
    document the PDF cache holds is assembled but not rendered again."""
    spacing: dict[str, str] = {}
    key = ""
    settled: dict[str, str] = {}  # chapter key -> its spacing's key in the cache
    book = _assemble(project, code, epoch, only, spacing, corpus, audience, inputs, result)
    if book.problems:
        result.problems = sorted({*result.problems, *book.problems})
        return book, None
    if reuse is not None:  # the first layout's HTML is the key; the later ones follow from it
        reuse.environment = reuse.environment or pdf_cache.environment_digest(book.roots)
        key = pdf_cache.document_key(reuse.environment, book.html, book.base_url)
        if only is None:  # listed as used even when the book comes from the cache, so pruning keeps them
            settled = {e.key: pdf_cache.spacing_key(reuse.environment, probe_document(book, [e.key]), book.base_url)
                       for e in book.entries}
        result.cache_keys += [key, *settled.values()]
        found = pdf_cache.load(reuse.folder, key)
        if found is not None:
            result.reused += 1
            return book, found
    if only is None:
        spacing = _settled_spacing(book, reuse, settled, result)
        if spacing:
            book = _assemble(project, code, epoch, only, spacing, corpus, audience, inputs, result)
    for attempt in range(_LAYOUTS):
        mark = time.perf_counter()
        rendered = render_pdf(book.html, base_url=book.base_url, roots=book.roots)
        result.renders[only or ""] = result.renders.get(only or "", 0) + 1
        _add(result, "render", time.perf_counter() - mark - rendered.check_seconds)
        mark = time.perf_counter()
        problems = check_rendered(book, rendered)
        _add(result, "checks", time.perf_counter() - mark + rendered.check_seconds)
        tails = {e.key for e in book.entries for d in problems if d.code == TAIL_CODE and d.path == e.source_path}
        following = _next_spacing(tails, spacing)
        if not following or attempt == _LAYOUTS - 1:
            break
        spacing = {**spacing, **following}
        book = _assemble(project, code, epoch, only, spacing, corpus, audience, inputs, result)
    result.problems = sorted({*result.problems, *problems})
    if key and not problems:  # only a document that passed every check is kept
        pdf_cache.save(reuse.folder, key, pdf_cache.Document(rendered.pdf, rendered.pages))
        for chapter, chapter_key in settled.items():
            pdf_cache.save_spacing(reuse.folder, chapter_key, spacing.get(chapter, ""))
    return book, rendered


def _assemble(project: Project, code: str, epoch: str, only: str | None, spacing: dict[str, str], corpus: Corpus,
              audience: str, inputs: str | None, result: PdfResult):
    mark = time.perf_counter()
    book = assemble_book(project, code, epoch, only=only, spacing=spacing, corpus=corpus, audience=audience,
                         inputs=inputs)
    _add(result, "assemble", time.perf_counter() - mark)
    return book


def _settled_spacing(book, reuse: _Reuse | None, settled: dict[str, str], result: PdfResult) -> dict[str, str]:
    """The spacing of the book's chapters, found before the book is rendered, so that it is
    rendered once and not up to three times.

    A chapter's spacing depends on its text alone (book.probe_document says why). The PDF cache
    keeps it under the key of the chapter's trial layout (``settled``: chapter -> that key); the
    chapters it does not know (all of them without the cache, the edited ones with it) are laid
    out alone, without painting or writing a PDF, which costs a fraction of a render."""
    spacing: dict[str, str] = {}
    if reuse is not None:
        spacing = {k: found for k, spacing_key in settled.items()
                   if (found := pdf_cache.load_spacing(reuse.folder, spacing_key, _SPACINGS)) is not None}
    unknown = [e.key for e in book.entries if e.key not in spacing]
    if unknown:
        spacing.update(_trial_spacing(book, unknown, result))
    return {k: s for k, s in spacing.items() if s}


def _trial_spacing(book, keys: Sequence[str], result: PdfResult) -> dict[str, str]:
    """Lay the chapters ``keys`` out on their own, tighter then looser while one ends on a page of a
    few lines: the spacing each one needs, found as the book's own layouts would find it."""
    mark = time.perf_counter()
    spacing: dict[str, str] = {}
    pending = list(keys)
    result.tried += pending
    for _ in range(_LAYOUTS):
        laid = layout(probe_document(book, pending, spacing), base_url=book.base_url, roots=book.roots)
        following = _next_spacing(short_tails(pending, laid.anchor_pages, laid.lines, laid.pages), spacing)
        if not following:
            break
        spacing.update(following)
        pending = [k for k in pending if k in following]
    _add(result, "trials", time.perf_counter() - mark)
    return spacing


def _add(result: PdfResult, step: str, seconds: float) -> None:
    result.timings[step] = result.timings.get(step, 0.0) + seconds


def _finish(result: PdfResult, started: float) -> PdfResult:
    result.seconds = time.perf_counter() - started
    result.peak_mb = _peak_mb()
    return result


def build_pdfs(project: Project, targets: dict[str, Path], *, epoch: str | dict[str, str], jobs: int | None = None,
               own_dirs: dict[str, Path] | None = None, audience: str = PUBLIC,
               own_dates: dict[str, dict[str, str]] | None = None, cache: Path | None = None) -> list[PdfResult]:
    """Build several languages in parallel, one fresh process each; raise PdfFailed on any problem.
    ``epoch``: the build date, or each language's. ``own_dirs`` (language -> its folder of the site)
    asks for each chapter's and checklist's own PDF, dated by ``own_dates`` (language -> English
    source -> date). ``cache``: the PDF cache's folder (handbook.pdf.cache), None for none."""
    dates = epoch if isinstance(epoch, dict) else {code: epoch for code in targets}
    own = {code: str(path) for code, path in (own_dirs or {}).items()}
    codes = list(targets)
    jobs = max(1, min(len(codes), jobs or os.cpu_count() or 1))
    calls = {code: (str(project.root), code, str(targets[code]), dates[code], own.get(code, ""), audience,
                    (own_dates or {}).get(code), str(cache or "")) for code in codes}
    if len(codes) == 1:
        results = [build_pdf(*calls[codes[0]])]
    else:
        # One fresh process per language, so its peak memory is its own and no WeasyPrint state is
        # shared; largest language first, so the last one to finish is a small one.
        order = sorted(codes, key=lambda code: -_source_bytes(project, code))
        done = run_in_workers(build_pdf, [calls[code] for code in order],
                              jobs=jobs, preload=["weasyprint", "markdown", "jinja2", "handbook.pdf.book",
                                                  "handbook.pdf.weasy"])
        by_code = {r.code: r for r in done}
        results = [by_code[code] for code in codes]
    failed = [r for r in results if not r.ok]
    if failed:
        raise PdfFailed(failed)
    return results


def _own_pages(project: Project, config, i18n, code: str) -> list[str]:
    """The English sources of the public pages of ``code``'s book that get a PDF of their own (a
    restricted page's own PDF has its language's date: its tree is one submodule commit)."""
    return [e.base for e in book_order(project, config, i18n, code)
            if isinstance(e, BookEntry) and has_own_pdf(e.base)]


def _source_bytes(project: Project, code: str) -> int:
    """Size of the Markdown a language's PDF is made of: a good predictor of its rendering time."""
    i18n = load_i18n(project.root)
    order = book_order(project, read_content_config(project), i18n, code)
    return sum((project.root.joinpath(*e.tree)).stat().st_size for e in order if isinstance(e, BookEntry))


def site_targets(project: Project, site: Path, codes: Sequence[str] | None = None,
                 audience: str = PUBLIC) -> dict[str, Path]:
    i18n = load_i18n(project.root)
    return {code: site / site_pdf_path(i18n, code, audience) for code in (codes or i18n.codes)}


def report(results: Sequence[PdfResult], log: Callable[[str], None] = print) -> None:
    for r in results:
        own = f" and {len(r.own)} chapter and checklist PDFs" if r.own else ""
        reused = f" ({r.reused} from the PDF cache)" if r.reused else ""
        log(f"[{r.code}] PDF {r.path.name}: {r.pages} pages{own}{reused} in {r.seconds:.1f}s, "
            f"peak memory {r.peak_mb:.0f} MB")


def publishes(project: Project, code: str) -> bool:
    """Whether the build publishes this language's PDF: the publication gate of translations/publication.yml."""
    return decide(project, code).publish


def post_build(site: Path, project: Project, audience: str = PUBLIC, cache: bool = False) -> None:
    """Build step: every language in the assembled ``site`` that the publication gate lets through
    gets its PDF next to its pages; the build log says what the gate decided for each language.
    With ``cache`` (a build with its cache on), documents come from the PDF cache when they can."""
    # Imported here: site.build loads the whole build and its checks, and every web page imports
    # this package (for its PDF link); only the build step needs it.
    from handbook.site.cache import KEPT_PER_LANGUAGE, prune
    from handbook.site.epochs import document_epochs, language_epochs

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
    # Each language's own date (handbook.site.epochs): a commit to one language changes its PDF only.
    epochs = language_epochs(project, codes, audience)
    config = read_content_config(project)
    own_dates = {code: document_epochs(project, code, _own_pages(project, config, i18n, code), audience)
                 for code in codes}
    folder = pdf_cache.pdf_cache_root(project) if cache else None
    try:
        results = build_pdfs(project, site_targets(project, site, codes, audience), epoch=epochs,
                             own_dirs={code: site / i18n.prefix(code) for code in codes}, audience=audience,
                             own_dates=own_dates, cache=folder)
    except PdfFailed as exc:
        raise BuildFailed(f"{exc}\n(site/ was left unchanged)") from None
    report(results)
    if folder is not None:  # a few states of every document, the ones used last
        used = [key for r in results for key in r.cache_keys]
        per_language = max(len(r.cache_keys) for r in results)
        prune(folder, used, KEPT_PER_LANGUAGE * per_language * len(i18n.codes))
    for result in results:
        fill_details(site, i18n, result.code, result.path, result.pages)
        for base, path, pages_count in result.own:
            fill_own_details(site, i18n, result.code, base, path, pages_count)
