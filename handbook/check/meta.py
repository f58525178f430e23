"""FM0xx: front matter parses, is a mapping, and follows the registry in handbook/frontmatter.py.

The rules themselves (required keys, types, unknown keys: FM003-FM005) live in that registry,
which every feature extends; this module only runs it over every page in every language.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook import chapters, frontmatter
from handbook.pages.model import Corpus
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    yield from _pages(corpus)
    yield from _chapter_numbers(corpus)


def _pages(corpus: Corpus) -> Iterator[Diagnostic]:
    for page in corpus.pages:
        if not page.text.lstrip("\ufeff").startswith("---"):
            yield Diagnostic(page.path, 1, 1, "FM002", "page has no front matter",
                             hint="start the file with '---', 'title:', 'description:' (and more for English pages), '---'")
            continue
        front = page.front
        if isinstance(front, HandbookError):
            yield Diagnostic(page.path, front.line or 1, 1, "FM001", front.message.rstrip("."), hint=front.fix)
            continue
        kind = frontmatter.PageKind(page.lang, is_source=page.lang == corpus.i18n.default)
        yield from frontmatter.validate(front, page.path, kind)


def _chapter_numbers(corpus: Corpus) -> Iterator[Diagnostic]:
    """FM006: every English chapter has a number of its own; translations carry none (they take
    their English page's number, so a chapter cannot have two numbers)."""
    seen: dict[int, str] = {}
    key = chapters.CHAPTER_KEY
    for page in corpus.pages:
        front = page.front
        if page.snippet or isinstance(front, HandbookError) or not chapters.is_chapter(page.source):
            continue
        value = front.meta.get(key)
        if page.lang != corpus.i18n.default:
            if key in front.meta:
                yield Diagnostic(page.path, front.line_of(key), 1, "FM006",
                                 f"translation sets '{key}'; the number comes from the English page",
                                 hint=f"remove the '{key}:' line")
            continue
        if key not in front.meta:
            yield Diagnostic(page.path, 1, 1, "FM006", "chapter has no number",
                             hint=f"add '{key}: N' with the next number not used by any chapter, now or before")
        elif isinstance(value, int) and not isinstance(value, bool) and value > 0:
            if value in seen:
                yield Diagnostic(page.path, front.line_of(key), 1, "FM006",
                                 f"chapter number {value} is already used by {seen[value]}",
                                 hint="give this chapter the next unused number; never reuse a number")
            else:
                seen[value] = page.path
