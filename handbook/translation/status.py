"""Translation status, computed purely from an inventory of pages and blob ids.

States of a page in a translated language:

- ``up_to_date``: the translation records the English file's current blob id, or a version that
  differs from it only where translations do not follow (review dates, owner: see
  :mod:`handbook.translation.behind`);
- ``outdated``: it records another version (or none), so the English text changed since;
- ``missing``: no translation; readers get the English page;
- ``orphaned``: a translation whose English source no longer exists.

Apart from its state, a translation is *reviewed* once a national team has recorded its review
(``reviewed_by``); translations made by the project are not, and readers are told so.

Percentages count English pages (orphans are not part of the handbook) and the words of their
English text, so a long chapter weighs more than a checklist in the word percentage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from handbook.paths import is_reader_page

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
MISSING = "missing"
ORPHANED = "orphaned"
STATES = (UP_TO_DATE, OUTDATED, MISSING, ORPHANED)


@dataclass(frozen=True)
class SourcePage:
    path: str   # docs-relative English file, 'chapters/x.md'
    blob: str   # current git blob id of the file
    words: int
    title: str = ""


@dataclass(frozen=True)
class Translation:
    path: str    # docs-relative translation, 'chapters/x.fr.md'
    lang: str
    source: str  # the English file it belongs to, 'chapters/x.md'
    source_blob: str | None = None
    translated_on: str | None = None
    title: str = ""
    reviewed: bool = False


@dataclass(frozen=True)
class PageStatus:
    source: str        # the English file ('chapters/x.md'); for orphans, the file it would be
    lang: str
    state: str
    path: str          # the translation's file, or the English file when missing
    words: int         # English words the page counts for (0 for orphans)
    title: str = ""
    recorded_blob: str | None = None
    current_blob: str | None = None
    translated_on: str | None = None
    reviewed: bool | None = None  # None where there is no translation to review (missing)
    reader: bool = True           # a reader page (not contributor material): see paths.is_reader_page


def percent(part: int, whole: int) -> float:
    """A percentage rounded to one decimal; 100 when there is nothing to translate."""
    return 100.0 if whole == 0 else round(100 * part / whole, 1)


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    pages: tuple[PageStatus, ...]

    def of_state(self, state: str) -> list[PageStatus]:
        return [p for p in self.pages if p.state == state]

    @property
    def counted(self) -> list[PageStatus]:
        return [p for p in self.pages if p.state != ORPHANED]

    @property
    def pages_total(self) -> int:
        return len(self.counted)

    @property
    def pages_up_to_date(self) -> int:
        return len(self.of_state(UP_TO_DATE))

    @property
    def words_total(self) -> int:
        return sum(p.words for p in self.counted)

    @property
    def words_up_to_date(self) -> int:
        return sum(p.words for p in self.of_state(UP_TO_DATE))

    @property
    def pages_percent(self) -> float:
        return percent(self.pages_up_to_date, self.pages_total)

    @property
    def words_percent(self) -> float:
        return percent(self.words_up_to_date, self.words_total)

    def counts(self) -> dict[str, int]:
        return {state: len(self.of_state(state)) for state in STATES}

    @property
    def unreviewed(self) -> list[PageStatus]:
        """Translations of current pages that no national team has reviewed yet."""
        return [p for p in self.pages if p.state in (UP_TO_DATE, OUTDATED) and not p.reviewed]

    @property
    def reader_pages(self) -> list[PageStatus]:
        return [p for p in self.counted if p.reader]

    @property
    def reader_pages_up_to_date(self) -> int:
        return sum(1 for p in self.reader_pages if p.state == UP_TO_DATE)


@dataclass(frozen=True)
class Report:
    sources: tuple[SourcePage, ...]
    languages: tuple[LanguageStatus, ...] = field(default=())

    def language(self, code: str) -> LanguageStatus:
        for status in self.languages:
            if status.lang == code:
                return status
        raise KeyError(code)

    def page(self, code: str, source: str) -> PageStatus | None:
        for status in self.language(code).pages:
            if status.source == source:
                return status
        return None


def compute(sources: Iterable[SourcePage], translations: Iterable[Translation], codes: Sequence[str],
            equivalent: frozenset[tuple[str, str]] = frozenset()) -> Report:
    """The status of every English page in every language of ``codes`` (the translated languages).
    ``equivalent`` holds (recorded blob, current blob) pairs that differ only where translations
    do not follow: a translation recording such a version is up to date."""
    by_path = {s.path: s for s in sorted(sources, key=lambda s: s.path)}
    found = {(t.lang, t.source): t for t in translations}
    languages = []
    for code in codes:
        rows: list[PageStatus] = []
        for source in by_path.values():
            t = found.get((code, source.path))
            reader = is_reader_page(source.path)
            if t is None:
                rows.append(PageStatus(source.path, code, MISSING, source.path, source.words, source.title,
                                       current_blob=source.blob, reader=reader))
                continue
            current = t.source_blob == source.blob or (t.source_blob, source.blob) in equivalent
            state = UP_TO_DATE if current else OUTDATED
            rows.append(PageStatus(source.path, code, state, t.path, source.words, t.title or source.title,
                                   t.source_blob, source.blob, t.translated_on, t.reviewed, reader))
        for (lang, src), t in sorted(found.items()):
            if lang == code and src not in by_path:
                rows.append(PageStatus(src, code, ORPHANED, t.path, 0, t.title, t.source_blob, None, t.translated_on,
                                       t.reviewed, is_reader_page(src)))
        languages.append(LanguageStatus(code, tuple(rows)))
    return Report(tuple(by_path.values()), tuple(languages))


# --- words ---------------------------------------------------------------------------------------

_ATTR_LIST = re.compile(r"\{\s*[#.:][^}\n]*\}")          # { #heading-id } and other attribute lists
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")  # the (url "title") part of a link
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_BLOCK_FENCE = re.compile(r"(?m)^///.*$")                 # /// note | Title  -> keep the title words
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(markdown_body: str) -> int:
    """Words a translator translates: text, titles of admonitions and link texts; not URLs, ids or tags.

    A word is a run of letters or digits, possibly joined by an apostrophe or hyphen
    ("child-friendly", "officer's" and "2016" are one word each).
    """
    text = _COMMENT.sub(" ", markdown_body)
    text = _ATTR_LIST.sub(" ", text)
    text = _LINK_TARGET.sub("]", text)
    text = _TAG.sub(" ", text)
    text = _BLOCK_FENCE.sub(lambda m: m.group(0).replace("///", " ").split("|", 1)[-1]
                            if "|" in m.group(0) else " ", text)
    return len(_WORD.findall(text))
