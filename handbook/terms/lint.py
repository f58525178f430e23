"""Lint pages against the termbase: pages in, diagnostics out (no printing, no exit codes)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.languages import I18n, load_i18n, source_language, split_language_path
from handbook.paths import Project
from handbook.terms import extract, suppress, termbase as termbase_mod
from handbook.terms.rules import PAGE_CHECKS, PAIR_CHECKS, Page
from handbook.terms.termbase import Termbase


def make_page(path: str, text: str, lang: str) -> Page:
    scan = extract.scannable(text, lang)
    index = extract.LineIndex(text)

    def position(offset: int) -> tuple[int, int]:
        return index.position(scan.page_offset(offset))

    # Page-level findings (TERM003 "never uses") point at the first line of text after the front matter.
    front = extract._FRONT.match(text)
    body_start = front.end() if front else 0
    first_text = re.search(r"\S", text[body_start:])
    body_offset = body_start + (first_text.start() if first_text else 0)
    return Page(path, lang, text, scan, position, text.count("\n", 0, body_offset) + 1)


def lint_text(path: str, text: str, lang: str, termbase: Termbase, source: Page | None = None,
              page: Page | None = None) -> list[Diagnostic]:
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


def discover(project: Project, paths: Iterable[Path] = ()) -> list[Path]:
    """Markdown files to lint: the given files and folders, or every page under docs/."""
    paths = list(paths) or [project.docs]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.md")))
        elif path.is_file():
            found.append(path)
        else:
            raise HandbookError(path, "no such file or folder.", fix="Give a Markdown file or a folder under docs/.")
    return sorted(set(found))


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


def _english_original(i18n: I18n, path: Path, lang: str) -> Path | None:
    if lang == i18n.default:
        return None
    original = path.with_name(split_language_path(path.name, i18n.codes, i18n.default)[1])
    return original if original.is_file() else None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise HandbookError(path, f"not valid UTF-8 (byte {exc.start}).", fix="Save the file as UTF-8.") from None


def lint_paths(project: Project, paths: Iterable[Path] = ()) -> list[Diagnostic]:
    i18n = load_i18n(project.root)
    termbase = termbase_mod.load(project.root, i18n.codes)
    originals: dict[Path, Page] = {}  # English pages, prepared once for all their translations

    def original_page(path: Path) -> Page:
        if path not in originals:
            originals[path] = make_page(_display(project, path), _read(path), i18n.default)
        return originals[path]

    out: list[Diagnostic] = []
    for path in discover(project, paths):
        lang = source_language(i18n, path.name)
        if lang == i18n.default:
            page = original_page(path)
            out.extend(lint_text(page.path, page.text, lang, termbase, page=page))
            continue
        original = _english_original(i18n, path, lang)
        source = original_page(original) if original is not None else None
        out.extend(lint_text(_display(project, path), _read(path), lang, termbase, source))
    return sorted(out)
