"""``handbook paragraphs number``: give every new block of the English chapters its paragraph
number, and copy the numbers into the translations by structure (handbook.pages.paragraphs).

Only numbers are added (and the English page's ``last_paragraph``); no word of a page changes. A
file with changes that are not committed is refused, so the text as it was is always in git.
Nothing is written unless every page can be numbered.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.chapters import is_chapter
from handbook.errors import HandbookError
from handbook.pages import paragraphs
from handbook.pages.model import Corpus, Page
from handbook.translation import gitio
from handbook.translation.provenance import set_keys


@dataclass(frozen=True)
class Change:
    path: str  # project-relative
    text: str
    note: str


def plan(corpus: Corpus, sources: list[str] | None = None) -> list[Change]:
    """What numbering the English chapters ``sources`` (default: every chapter) changes, page by page;
    a HandbookError naming the page when a translation's structure differs from its English page's."""
    changes: list[Change] = []
    problems: list[tuple[str, str]] = []
    chosen = [p for p in corpus.english() if is_chapter(p.source) and (sources is None or p.source in sources)]
    for english in chosen:
        last = english.meta.get(paragraphs.LAST_KEY) or 0
        if not isinstance(last, int) or isinstance(last, bool) or last < 0:
            raise HandbookError(english.path, f"{paragraphs.LAST_KEY} is {last!r}, not a whole number.",
                                fix="Set it to the highest paragraph number the page has had.")
        text, new_last = paragraphs.number_english(english.text, last)
        if new_last != last:
            text = set_keys(text, {paragraphs.LAST_KEY: str(new_last)}, english.path)
            changes.append(Change(english.path, text, f"numbers {last + 1} to {new_last} given"))
        for translation in _translations(corpus, english):
            copied = paragraphs.copy_numbers(text, translation.text)
            if copied is None:
                problems.append((translation.path, f"its paragraphs, list items and tables do not follow "
                                 f"{english.path} one for one, so the numbers cannot be copied by structure"))
            elif copied != translation.text:
                changes.append(Change(translation.path, copied, f"numbers copied from {english.path}"))
    if problems:
        others = "".join(f"; {path}: {message}" for path, message in problems[1:])
        raise HandbookError(problems[0][0], problems[0][1] + others + ".",
                            fix="Make the translation follow its English page block for block (handbook check "
                                "reports where: PAR codes), or add the numbers by hand, then run this again.")
    return changes


def _translations(corpus: Corpus, english: Page) -> list[Page]:
    return [p for p in corpus.translations() if p.source == english.source]


def apply(root: Path, changes: list[Change]) -> None:
    """Write the changes; refused (nothing written) when one of the files has uncommitted changes."""
    dirty = gitio.uncommitted(root, [c.path for c in changes])
    if dirty:
        raise HandbookError(dirty[0], f"has changes that are not committed ({len(dirty)} file(s) in all: "
                            f"{', '.join(dirty[:3])}{'…' if len(dirty) > 3 else ''}).",
                            fix="Commit them first, so that the text as it was stays in git; then number.")
    for change in changes:
        path = root / change.path
        tmp = path.with_name(f".{path.name}.numbering")
        tmp.write_text(change.text, encoding="utf-8")
        tmp.replace(path)
