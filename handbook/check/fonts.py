"""FONT001: text that no shipped font can show, in pages, UI strings and language names.

Every language's text is checked against the fonts the web and the PDF use (handbook/fonts.py), so
that a script the handbook has no font for is refused here, naming the characters, before a
reader sees a box.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook.pages.model import Corpus
from handbook.diagnostics import Diagnostic
from handbook.fonts import FONTS_CSS, coverage, describe, uncovered
from handbook.languages import load_i18n
from handbook.paths import LANGUAGES_FILE, UI_DIR
from handbook.yamlio import load_yaml

_HINT = (f"add a font that covers them to {FONTS_CSS} (with its licence in overrides/assets/fonts), "
         "or write the text without them")


def _finding(path: str, line: int, col: int, chars: list[str]) -> Diagnostic:
    return Diagnostic(path, line, col, "FONT001", f"no shipped font has {describe(chars)}", hint=_HINT)


def _all_covered(text: str, covered: frozenset[int]) -> bool:
    """Whether every character of ``text`` is drawn: asked of its distinct characters first, so
    that only a text with a problem is read line by line (every build checks every page)."""
    return text.isascii() or not uncovered("".join(set(text)), covered)


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    root = corpus.project.root
    covered = coverage(root)
    for page in corpus.pages:
        if _all_covered(page.text, covered):
            continue
        for number, line in enumerate(page.text.split("\n"), start=1):
            chars = uncovered(line, covered)
            if chars:
                yield _finding(page.path, number, line.index(chars[0]) + 1, chars)
    i18n = load_i18n(root)
    for index, lang in enumerate(i18n.languages):
        chars = uncovered(lang.name, covered)
        if chars:
            _, lines = load_yaml(root / LANGUAGES_FILE)
            yield _finding(LANGUAGES_FILE, lines.get(("languages", index), 1), 1, chars)
    for path in sorted((root / UI_DIR).glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if _all_covered(text, covered):
            continue
        for number, line in enumerate(text.split("\n"), start=1):
            chars = uncovered(line, covered)
            if chars and not line.lstrip().startswith("#"):
                yield _finding(f"{UI_DIR}/{path.name}", number, line.index(chars[0]) + 1, chars)
