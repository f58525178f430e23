"""Exchange files on disk: export a page for a language, import files back into docs/.

Import validates every file before it writes any: a refused file leaves every page as it was.
A translation edited since its export is kept as a .bak copy before it is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook import backups, frontmatter
from handbook.errors import HandbookError
from handbook.exchange import po, xliff2, xliff12
from handbook.exchange.build import Leverage, Result, apply, units_for
from handbook.exchange.model import Exchange
from handbook.paths import DOCS_DIR, Project

SUFFIX = {"xliff": ".xlf", "xliff12": ".xlf", "po": ".po"}


def _read(path: Path) -> str | None:
    if not path.is_file():
        return None
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _translation_path(page: str, lang: str) -> str:
    from handbook.languages import translation_path

    return translation_path(page, lang)


def exchange_for(project: Project, page: str, lang: str) -> tuple[Exchange, Leverage]:
    from handbook.translation import gitio

    english = _read(project.docs / page)
    if english is None:
        raise HandbookError(f"{DOCS_DIR}/{page}", "no such page.", fix="Name a page under docs/, e.g. chapters/terminology.md.")
    tr_rel = f"{DOCS_DIR}/{_translation_path(page, lang)}"
    translation = _read(project.root / tr_rel)
    blob = gitio.store_blob(project.root, f"{DOCS_DIR}/{page}")
    old = None
    tr_blob = None
    if translation is not None:
        tr_blob = gitio.blob_ids(project.root, [tr_rel])[tr_rel]
        recorded = str(frontmatter.split(translation.replace("\r\n", "\n"), tr_rel).meta.get("source_blob") or "")
        old = english if recorded == blob else (gitio.read_blob(project.root, recorded) if recorded else None)
    units, leverage = units_for(english, translation, old)
    _add_terms(project, lang, units)
    return Exchange(page, lang, blob, tr_blob, units), leverage


def _add_terms(project: Project, lang: str, units: list) -> None:
    """The termbase's approved terms for the words of each unit (glossary module / PO comment)."""
    from handbook.languages import load_i18n
    from handbook.terms.termbase import load

    try:
        termbase = load(project.root, load_i18n(project.root).codes)
    except (HandbookError, FileNotFoundError):
        return  # a handbook without a termbase exports without glossary entries
    import re

    forms = []
    for concept in termbase.concepts:
        english, target = concept.entry(termbase.codes[0]), concept.entry(lang) if lang in termbase.codes else None
        if target is None or not target.prefer:
            continue
        for index, term in enumerate(english.prefer):
            # The lists of a concept run in parallel when they have the same length (sexual abuse,
            # sexual exploitation, rape); otherwise every approved term is offered.
            approved = (target.prefer[index],) if len(target.prefer) == len(english.prefer) else target.prefer
            forms.append((re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.I), term, approved))
    for unit in units:
        words = "".join(p for p in unit.source if isinstance(p, str))
        unit.terms = [(term, approved) for pattern, term, approved in forms if pattern.search(words)]


def render(ex: Exchange, fmt: str, sentences: bool = False) -> str:
    if fmt == "xliff":
        return xliff2.render(ex, sentences=sentences)
    return {"xliff12": xliff12.render, "po": po.render}[fmt](ex)


def out_path(out: Path, ex: Exchange, fmt: str) -> Path:
    return out / ex.lang / (ex.page[:-3] + SUFFIX[fmt])


# --- import --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Planned:
    target: Path
    shown: str
    old: str | None
    result: Result
    edited: bool  # the translation changed since the export


def _page(project: Project, page: str, shown: str) -> str:
    """The English page a file names, or an error: a file from outside names any path it likes."""
    from pathlib import PurePosixPath

    rel = PurePosixPath(page)
    if (not page or rel.is_absolute() or ".." in rel.parts or "\\" in page or rel.suffix != ".md"
            or rel.name.count(".") != 1 or not (project.docs / page).is_file()):
        raise HandbookError(shown, f"the file is for docs/{page}, which is not an English page of this handbook",
                            fix="Import files made for this handbook's pages.")
    return page


MAX_FILE_BYTES = 20_000_000  # an exchange file of the largest page allowed (1 MB) is a few MB


def parse(project: Project, path: Path) -> Exchange:
    shown = str(path)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise HandbookError(shown, f"the file is {path.stat().st_size // 1_000_000} MB; an exchange file of one page "
                            f"is at most {MAX_FILE_BYTES // 1_000_000} MB", fix="Import the files made by the export.")
    raw = path.read_bytes()
    if raw.lstrip().startswith(b"<"):
        return xliff12.parse(raw, shown) if xliff12.NS.encode() in raw[:2000] else xliff2.parse(raw, shown)
    # PO: its tokens are read against the current English page's codes
    import polib

    try:
        page = polib.pofile(raw.decode("utf-8")).metadata.get("X-Handbook-Page", "")
    except (UnicodeDecodeError, OSError, ValueError) as err:
        raise HandbookError(shown, f"neither XLIFF nor a readable PO file: {err}") from None
    english = _read(project.docs / _page(project, page, shown))
    return po.parse(raw, shown, units_for(english or "", None, None)[0])


def plan(project: Project, path: Path, languages: tuple[str, ...], today: str, rebase: bool = False) -> Planned:
    from handbook.translation import gitio

    ex = parse(project, path)
    shown = str(path)
    if ex.lang not in languages:
        raise HandbookError(shown, f"the file is for language {ex.lang!r}, which is not a translated language "
                            f"({', '.join(languages)})", fix="Check the target language set in the translation tool.")
    english = _read(project.docs / _page(project, ex.page, shown)) or ""
    current = gitio.blob_ids(project.root, [f"{DOCS_DIR}/{ex.page}"])[f"{DOCS_DIR}/{ex.page}"]
    if current != ex.source_blob and rebase:
        old_english = gitio.read_blob(project.root, ex.source_blob)
        if old_english is None:
            raise HandbookError(shown, f"the English version {ex.source_blob[:10]} the file was made from is not in "
                                "git, so it cannot be rebased", fix="Export the page again and translate that file.")
        ex = rebased(ex, old_english, english, current, shown)
    elif current != ex.source_blob:
        raise HandbookError(shown, f"the file was made from English version {ex.source_blob[:10]} of docs/{ex.page}, "
                            f"which has changed since (now {current[:10]}); nothing was written",
                            fix=f"Export the page again (`handbook translate export {ex.lang} {ex.page}`), let the "
                            "tool's translation memory fill in the unchanged units, and import that file.")
    rel = f"{DOCS_DIR}/{_translation_path(ex.page, ex.lang)}"
    target = project.root / rel
    old = _read(target)
    edited = False
    if old is not None:
        now = gitio.blob_ids(project.root, [rel])[rel]
        edited = now != ex.translation_blob
    result = apply(ex, english, old, rel, today)
    return Planned(target, rel, old, result, edited or (old is not None and result.rebuilt))


def rebased(ex: Exchange, old_english: str, english: str, current: str, shown: str) -> Exchange:
    """``ex`` moved onto the current English page: a unit whose English segment is unchanged keeps
    its target and state; an edited or new segment gets no target (its text stays as it is)."""
    import difflib

    from handbook.exchange.build import check_units, units_of
    from handbook.exchange.model import NEW
    from handbook.pages.segments import segments

    old, now = segments(old_english), segments(english)
    check_units(ex, old, shown)  # the file must belong to the version it names
    units = units_of(english)
    matcher = difflib.SequenceMatcher(None, [(s.kind, s.source) for s in old], [(s.kind, s.source) for s in now],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i2 - i1 if op == "equal" else 0):
            units[j1 + k].target, units[j1 + k].state = ex.units[i1 + k].target, ex.units[i1 + k].state
    for unit in units:
        if unit.target is None:
            unit.state = NEW
    return Exchange(ex.page, ex.lang, current, ex.translation_blob, units)


def write(planned: Planned) -> str:
    """Write one planned import; what happened, in a sentence."""
    if planned.old == planned.result.text:
        return f"{planned.shown} already holds this translation; nothing changed."
    note = ""
    if planned.old is not None and planned.edited:
        backup = backups.keep(planned.target)
        note = (f" It had been edited since the export (or its structure differed), so the previous file was kept "
                f"as {backup.name}.")
    planned.target.parent.mkdir(parents=True, exist_ok=True)
    with open(planned.target, "w", encoding="utf-8", newline="") as handle:
        handle.write(planned.result.text)
    if planned.result.complete:
        state = "every unit is final: the English version is recorded"
    elif planned.old is None:
        state = (f"a new translation: {planned.result.translated} of its units translated, the others in English, "
                 "and the English version recorded, as `translate start` does")
    else:
        state = "some units are not final yet: the recorded English version is unchanged"
    return f"Wrote {planned.shown} ({state}).{note}"

