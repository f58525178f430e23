"""Citable paragraph numbers (handbook.pages.paragraphs): every block of a chapter has its number,
each number is given once, and a translation carries its English page's numbers, block for block,
so that "4.12" names the same passage in every language.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook.chapters import is_chapter
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.pages import paragraphs
from handbook.pages.model import Corpus

FIX = "run ./hb paragraphs number"


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    for page in corpus.pages:
        if not is_chapter(page.source) or isinstance(page.front, HandbookError):
            continue
        found = page.blocks
        if page.lang == corpus.i18n.default:
            yield from _english(page.path, found, page.meta.get(paragraphs.LAST_KEY))
            continue
        english = corpus.page(corpus.i18n.default, page.source)
        if english is not None:
            yield from _translation(page.path, found, english.blocks, english.path)


def _english(path: str, found: list[paragraphs.Block], last: object) -> Iterator[Diagnostic]:
    last = last if isinstance(last, int) and not isinstance(last, bool) else 0
    seen: dict[int, int] = {}
    for block in found:
        if block.number is None:
            yield Diagnostic(path, block.line, 1, "PARA001", f"{block.kind} without its paragraph number",
                             hint=f"{FIX}: it gives the next number after {last} and changes no other")
        elif block.number in seen:
            yield Diagnostic(path, block.mark_line or block.line, 1, "PARA002",
                             f"paragraph number {block.number} is also the number of the {block.kind} at line "
                             f"{seen[block.number]}", hint=f"remove it, then {FIX} to give this block a new one")
        elif block.number > last:
            yield Diagnostic(path, block.mark_line or block.line, 1, "PARA002",
                             f"paragraph number {block.number} was never given (last_paragraph is {last})",
                             hint=f"remove it, then {FIX}: numbers are given once, never typed")
        if block.number is not None:
            seen.setdefault(block.number, block.line)


def _translation(path: str, found: list[paragraphs.Block], english: list[paragraphs.Block],
                 english_path: str) -> Iterator[Diagnostic]:
    for index, (mine, theirs) in enumerate(zip(found, english)):
        if mine.number != theirs.number or mine.kind != theirs.kind:
            expected = "no number" if theirs.number is None else f"number {theirs.number}"
            have = "none" if mine.number is None else str(mine.number)
            yield Diagnostic(path, mine.mark_line or mine.line, 1, "PARA003",
                             f"{mine.kind} {index + 1} carries number {have}; the English {theirs.kind} at "
                             f"{english_path}:{theirs.line} has {expected}",
                             hint=f"{FIX} copies the English numbers by structure")
            return
    if len(found) != len(english):
        block = found[len(english)] if len(found) > len(english) else (found[-1] if found else None)
        yield Diagnostic(path, block.line if block else 1, 1, "PARA003",
                         f"{len(found)} numbered blocks; the English page {english_path} has {len(english)}",
                         hint="give the translation the English page's paragraphs, items and tables, in order")
