"""Export: the units of a page, with the existing translation as targets (translation-memory leverage
from the handbook's own history). Import: the translated page, validated before anything is written.

Leverage matches by position and structure, not by text alone: the translation's segments line up
with the English version it records (``source_blob``), and that version lines up with the current
English by a sequence diff over (kind, text). An unchanged English segment keeps its translation as
final; a changed one keeps it as a draft to review; a new one has none.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from handbook import frontmatter
from handbook.errors import HandbookError
from handbook.exchange.model import FINAL, NEW, REVIEW, Exchange, Unit, check_target, map_translation
from handbook.pages import paragraphs
from handbook.pages.segments import Segment, render, segments
from handbook.translation import provenance


@dataclass(frozen=True)
class Leverage:
    reused: int
    changed: int
    new: int
    note: str = ""  # why nothing could be reused, when that is the case


def _kinds(segs: list[Segment]) -> list[str]:
    return [s.kind for s in segs]


def unit_ids(english: str, segs: list[Segment]) -> list[str]:
    """An id for each unit that survives edits elsewhere on the page: the citable number of the
    paragraph, list item or table it belongs to ('p12', 'p12-2' for its second unit), else its
    position ('u3'). A translation tool or Weblate then keeps a unit's history when a paragraph is
    inserted above it. Import matches units by position and structure, not by these ids."""
    spans = [(b.line, b.end, b.number) for b in paragraphs.blocks(english) if b.number is not None]
    ids, seen = [], {}
    for index, seg in enumerate(segs):
        number = next((n for first, last, n in spans if first <= seg.line <= last), None)
        if number is None:
            ids.append(f"u{index + 1}")
            continue
        seen[number] = seen.get(number, 0) + 1
        ids.append(f"p{number}" if seen[number] == 1 else f"p{number}-{seen[number]}")
    return ids


def units_of(english: str) -> list[Unit]:
    segs = segments(english)
    return [Unit(uid, s.kind, s.line, s.path, s.parts) for uid, s in zip(unit_ids(english, segs), segs)]


def units_for(english: str, translation: str | None, old_english: str | None) -> tuple[list[Unit], Leverage]:
    """The units of ``english``; targets from ``translation``, whose English original was ``old_english``."""
    current = segments(english)
    units = units_of(english)
    if translation is None:
        return units, Leverage(0, 0, len(units))
    translated = segments(translation)
    pairs: dict[int, tuple[int, str]] = {}  # current index -> (translation index, state)
    note = ""
    if old_english is not None and _kinds(segments(old_english)) == _kinds(translated):
        old = segments(old_english)
        matcher = difflib.SequenceMatcher(None, [(s.kind, s.source) for s in old],
                                          [(s.kind, s.source) for s in current], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                pairs.update({j1 + k: (i1 + k, FINAL) for k in range(i2 - i1)})
            elif op == "replace":  # edited segments: paired in order while their kinds agree
                for k in range(min(i2 - i1, j2 - j1)):
                    if old[i1 + k].kind == current[j1 + k].kind:
                        pairs[j1 + k] = (i1 + k, REVIEW)
    elif _kinds(translated) == _kinds(current):
        # The recorded English version is not in the repository: same structure, so each segment
        # keeps its translation, to be reviewed.
        pairs = {i: (i, REVIEW) for i in range(len(current))}
        note = "the English version the translation records is not in git; every unit is to be reviewed"
    else:
        note = ("the translation's structure differs from the English version it records "
                "(run `handbook check`); no translation was reused")
    for index, (t, state) in pairs.items():
        unit = units[index]
        unit.target = map_translation(unit, translated[t].parts)
        unit.state = state
    counts = [u.state for u in units]
    return units, Leverage(counts.count(FINAL), counts.count(REVIEW), counts.count(NEW), note)


# --- import --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    text: str  # the new translation
    complete: bool  # every unit translated and final: the English version is recorded
    rebuilt: bool  # built on the English page, not on the existing translation (which is then backed up)
    translated: int = 0  # units with a translation


def apply(ex: Exchange, english: str, translation: str | None, shown: str, today: str) -> Result:
    """The translation rebuilt from the units of ``ex``. Raises HandbookError naming every unit
    that cannot be used; nothing is written here."""
    current = segments(english)
    check_units(ex, current, shown)
    errors: list[str] = []
    for unit, seg in zip(ex.units, current):
        unit.source, unit.line = seg.parts, seg.line
        if unit.target is None:
            if unit.state == FINAL:
                errors.append(f"unit {unit.id} (line {seg.line}) is marked final but has no translation")
            continue
        if unit.state == FINAL and not "".join(p for p in unit.target if isinstance(p, str)).strip():
            errors.append(f"unit {unit.id} (line {seg.line}) is marked final but its translation is empty")
        errors.extend(f"unit {unit.id} (line {seg.line}): {p}" for p in check_target(unit, unit.target))
    if translation is None and all(u.target is None for u in ex.units):
        errors.append("no unit has a translation, and the page has none yet")
    if errors:
        raise HandbookError(shown, "; ".join(errors), fix="Correct these units in the translation tool and "
                            "export the file again; nothing was written.")
    base, spans = _skeleton(ex, english, translation, today, shown)
    text = base
    for unit, span in sorted(zip(ex.units, spans), key=lambda pair: -pair[1].start):
        if unit.target is not None:
            text = text[:span.start] + render(unit.target) + text[span.end:]
    complete = all(u.target is not None and u.state == FINAL for u in ex.units)
    if not complete and translation is not None and base is not translation:
        # Rebuilt on the English page: the new file must not claim to be more up to date than the
        # translation it replaces (which is kept as a backup).
        old = frontmatter.split(translation.replace("\r\n", "\n"), shown).meta
        kept = {key: str(old[key]) for key in ("source_blob", "translated_on") if old.get(key) is not None}
        if kept:
            text = provenance.set_keys(text, kept, shown)
    if complete:
        meta = frontmatter.split(text, shown).meta
        if str(meta.get("source_blob")) != ex.source_blob:
            text = provenance.set_keys(text, {"source_blob": ex.source_blob, "translated_on": today}, shown)
        text = provenance.add_missing_keys(text, provenance.UNREVIEWED, shown)
    _check_result(text, base, shown)
    return Result(text, complete, base is not translation, sum(u.target is not None for u in ex.units))


def check_units(ex: Exchange, english: list[Segment], shown: str) -> None:
    """The file's units are the segments of this English text: same number, kinds and text."""
    errors = []
    if len(ex.units) != len(english):
        errors.append(f"the file has {len(ex.units)} units and docs/{ex.page} has {len(english)} segments: it was "
                      "made from another page or another version of it")
    for unit, seg in zip(ex.units, english):
        if unit.kind != seg.kind or render(unit.source) != seg.source:
            errors.append(f"unit {unit.id} (line {seg.line}): its English text is not the page's: "
                          f"{render(unit.source)[:60]!r}; the file was made from another page or version")
            break
    if errors:
        raise HandbookError(shown, "; ".join(errors), fix="Import the file made for this page; nothing was written.")


def _skeleton(ex: Exchange, english: str, translation: str | None, today: str, shown: str) -> tuple[str, list[Segment]]:
    """The text the targets go into: the translation itself when its segments line up with the
    English (its own line breaks, table padding and provenance are kept), else the English page."""
    wanted = [u.kind for u in ex.units]
    if translation is not None:
        spans = segments(translation)
        if _kinds(spans) == wanted:
            return translation, spans
    base = provenance.new_translation(english, ex.source_blob, today, shown)
    spans = segments(base)
    if _kinds(spans) != wanted:
        raise HandbookError(shown, "the English page cannot be used as a skeleton (its front matter changed "
                            "the segments)", fix="Report this as a bug with the page name.")
    return base, spans


def _check_result(text: str, base: str, shown: str) -> None:
    """The targets changed no structure of the page they went into: what the parity check compares."""
    from handbook.pages.markdown import inventory

    try:
        frontmatter.split(text, shown)
    except HandbookError as err:
        raise HandbookError(shown, f"a translated title or description breaks the front matter: {err.message}",
                            fix="Remove quotation marks or line breaks from the title and description.") from None
    a, b = inventory(base.replace("\r\n", "\n")), inventory(text.replace("\r\n", "\n"))
    same = ([h.id for h in a.headings], [x.name for x in a.blocks], len(a.tables), len(a.images), len(a.fences)) == \
        ([h.id for h in b.headings], [x.name for x in b.blocks], len(b.tables), len(b.images), len(b.fences))
    if not same:
        raise HandbookError(shown, "the translated page would not keep the English structure (headings, blocks, "
                            "tables, images or code blocks)", fix="Check the units that hold Markdown markers.")
