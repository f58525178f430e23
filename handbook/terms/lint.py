"""Lint pages against the termbase: pages in, diagnostics out (no printing, no exit codes)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable
from pathlib import Path

from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.languages import source_language, split_language_path
from handbook.pages.model import Corpus, load_corpus
from handbook.paths import Project
from handbook.terms import extract, suppress, termbase as termbase_mod
from handbook.terms.rules import PAGE_CHECKS, PAIR_CHECKS, ScannedPage
from handbook.terms.termbase import Termbase


def make_page(path: str, text: str, lang: str) -> ScannedPage:
    scan = extract.scannable(text, lang)
    index = extract.LineIndex(text)

    def position(offset: int) -> tuple[int, int]:
        return index.position(scan.page_offset(offset))

    # ScannedPage-level findings (TERM003 "never uses") point at the first line of text after the front matter.
    front = extract._FRONT.match(text)
    body_start = front.end() if front else 0
    first_text = re.search(r"\S", text[body_start:])
    body_offset = body_start + (first_text.start() if first_text else 0)
    return ScannedPage(path, lang, text, scan, position, text.count("\n", 0, body_offset) + 1)


def lint_text(path: str, text: str, lang: str, termbase: Termbase, source: ScannedPage | None = None,
              page: ScannedPage | None = None) -> list[Diagnostic]:
    """Every finding of one page; ``source`` is the English original of a translation; ``page``
    the page already prepared by :func:`make_page` (an English page is the source of several
    translations and is prepared once)."""
    page = page or make_page(path, text, lang)
    raw: list[Diagnostic] = []
    for check in PAGE_CHECKS:
        raw.extend(check(page, termbase))
    if source is not None:
        for pair_check in PAIR_CHECKS:
            raw.extend(pair_check(page, source, termbase))
    directives, problems = suppress.parse(path, text, page.scan.comments, extract.LineIndex(text).position)
    kept, unused = suppress.apply(path, raw, directives)
    return sorted(kept + problems + unused)


@dataclass(frozen=True)
class _Target:
    shown: str           # the path as printed
    text: str
    lang: str
    original: Path | None = None  # a translation's English original, when it is a file outside docs/
    source: str | None = None     # a page's English original in the corpus ('chapters/x.md')


def _selected(project: Project, corpus: Corpus, paths: Iterable[Path]) -> list[_Target]:
    """Each page to lint: every page of the corpus (snippets too), or those in the given files and
    folders; a file outside docs/ is read as it is (its language from its name)."""
    pages = corpus.pages + corpus.snippets
    targets = {page.path: _Target(page.path, page.text, page.lang, source=page.source) for page in pages}
    paths = list(paths)
    if not paths:
        return [targets[key] for key in sorted(targets)]
    by_file = {(project.root / page.path).resolve(): page.path for page in pages}
    found: dict[str, _Target] = {}
    for path in paths:
        if not path.exists():
            raise HandbookError(path, "no such file or folder.", fix="Give a Markdown file or a folder under docs/.")
        resolved = path.resolve()
        if path.is_dir():
            found.update((shown, targets[shown]) for file, shown in by_file.items()
                         if resolved == file.parent or resolved in file.parents)
        elif resolved in by_file:
            found[by_file[resolved]] = targets[by_file[resolved]]
        else:  # a file outside docs/: its original is the file next to it without the language suffix
            lang = source_language(corpus.i18n, path.name)
            original = path.with_name(split_language_path(path.name, corpus.i18n.codes, corpus.i18n.default)[1])
            shown = _display(project, path)
            found[shown] = _Target(shown, _read(path), lang, original if original.is_file() else None)
    return [found[key] for key in sorted(found)]


def _display(project: Project, path: Path) -> str:
    """The path as printed: relative to the checkout when inside it."""
    for candidate, root in ((path, project.root), (path.absolute(), project.root.absolute())):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    try:
        return path.resolve().relative_to(project.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise HandbookError(path, f"not valid UTF-8 (byte {exc.start}).", fix="Save the file as UTF-8.") from None


def lint_paths(project: Project, paths: Iterable[Path] = (), corpus: Corpus | None = None) -> list[Diagnostic]:
    corpus = corpus or load_corpus(project)
    i18n = corpus.i18n
    termbase = termbase_mod.load(project.root, i18n.codes)
    originals: dict[str, ScannedPage] = {}  # English pages, prepared once for all their translations

    def original_page(source: str) -> ScannedPage | None:
        if source not in originals:
            page = corpus.page(i18n.default, source)
            if page is None:
                return None
            originals[source] = make_page(page.path, page.text, i18n.default)
        return originals[source]

    out: list[Diagnostic] = []
    for target in _selected(project, corpus, paths):
        if target.lang == i18n.default:
            page = original_page(target.source) if target.source else None
            out.extend(lint_text(target.shown, target.text, target.lang, termbase, page=page))
        elif target.original is not None:
            source = make_page(_display(project, target.original), _read(target.original), i18n.default)
            out.extend(lint_text(target.shown, target.text, target.lang, termbase, source))
        else:
            source_page = original_page(target.source) if target.source else None
            out.extend(lint_text(target.shown, target.text, target.lang, termbase, source_page))
    return sorted(out)
