"""The termbase as TBX (TermBase eXchange, ISO 30042), the format translators' CAT tools import.

The output follows the TBX-Basic dialect in its widely imported MARTIF form: one ``termEntry``
per concept, one ``langSet`` per language, one ``tig`` per term with its administrative status:
preferred (``prefer``), admitted (``variants``), deprecated (``avoid``: an error) or superseded
(``avoid`` of a use-with-care concept). The reason and the sources travel as notes.

The import (``handbook terms import FILE``) reads the same dialect back, and TBX v3's element
names: what this export writes comes back as it was, so a round trip through a CAT tool loses
nothing TBX can hold (sources, exceptions, decisions and confidence stay in the YAML).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from handbook.errors import HandbookError
from handbook.terms.termbase import TERMBASE_FILE, Concept, Termbase

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = {
    "prefer": "preferredTerm-admn-sts",
    "variant": "admittedTerm-admn-sts",
    "avoid": "deprecatedTerm-admn-sts",
    "care": "supersededTerm-admn-sts",
}


def _tig(parent: ET.Element, term: str, status: str, note: str = "") -> None:
    tig = ET.SubElement(parent, "tig")
    ET.SubElement(tig, "term").text = term
    ET.SubElement(tig, "termNote", type="administrativeStatus").text = STATUS[status]
    if note:
        ET.SubElement(tig, "note").text = note


def render(termbase: Termbase) -> str:
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: termbase.codes[0]})
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = "Handbook of Good Practice: termbase"
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = (
        "Generated from translations/termbase.yml by `handbook lint terms --export tbx`. "
        "Based on the Terminology Guidelines for the Protection of Children from Sexual Exploitation "
        "and Sexual Abuse; an independent publication.")
    ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for concept in termbase.concepts:
        entry_el = ET.SubElement(body, "termEntry", id=concept.id)
        sources = "; ".join(termbase.sources[s].title for s in concept.sources)
        if sources:
            ET.SubElement(entry_el, "note").text = f"Sources: {sources}"
        for code in termbase.codes:
            if code not in concept.langs:  # a column not started yet: no terms to exchange
                continue
            entry = concept.entry(code)
            lang_set = ET.SubElement(entry_el, "langSet", {XML_LANG: code})
            ET.SubElement(lang_set, "note").text = entry.reason + (
                "" if entry.verified else " [wording not verified against the primary source]")
            for term in entry.prefer:
                _tig(lang_set, term, "prefer")
            for term in entry.variants:
                _tig(lang_set, term, "variant", "understood, but use the preferred term")
            for term in entry.avoid:
                _tig(lang_set, term, "avoid" if concept.severity == "avoid" else "care",
                     "avoid" if concept.severity == "avoid" else "use with care")
    ET.indent(root, "  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
            + ET.tostring(root, encoding="unicode") + "\n")


def write(termbase: Termbase, dest: Path) -> list[tuple[Path, bool]]:
    text = render(termbase)
    changed = not dest.is_file() or dest.read_text(encoding="utf-8") != text
    if changed:
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
    return [(dest, changed)]


# --- import --------------------------------------------------------------------------------------
# A TBX-Basic termbase (MARTIF, as written above, or TBX v3's <tbx>/<conceptEntry>) merged into
# translations/termbase.yml. The merge never changes a decision already in the YAML: a concept the
# termbase has is only compared, and every difference is reported; a concept it does not have is
# appended, marked unverified (confidence: U), when it has a preferred term in every language.
# Appending text keeps the file's comments and layout, which a YAML round trip would lose.

STATUS_BACK = {value: key for key, value in STATUS.items()}
STATUS_BACK.update({"preferred": "prefer", "admitted": "variant", "deprecated": "avoid", "superseded": "care",
                    "notRecommended": "avoid"})
_ID_SAFE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class TbxConcept:
    id: str
    terms: dict[str, dict[str, tuple[str, ...]]]  # language -> status (prefer, variant, avoid, care) -> terms
    notes: dict[str, str]  # language -> note (the reason)


@dataclass(frozen=True)
class Merge:
    added: list[TbxConcept]
    conflicts: list[str]
    text: str  # the new termbase.yml


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse(raw: bytes, shown: str) -> list[TbxConcept]:
    from defusedxml import ElementTree as SafeET

    try:
        root = SafeET.fromstring(raw)
    except Exception as err:  # defusedxml raises its own classes for entities and external DTDs
        raise HandbookError(shown, f"not a well-formed TBX file: {err}", fix="Export the termbase again as TBX.") from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise HandbookError(shown, f"not a TBX file (root <{_local(root.tag)}>)", fix="Export TBX-Basic from the tool.")
    out = []
    for index, entry in enumerate(e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")):
        terms: dict[str, dict[str, list[str]]] = {}
        notes: dict[str, str] = {}
        for lang_set in (e for e in entry if _local(e.tag) in ("langSet", "langSec")):
            code = lang_set.get(XML_LANG) or ""
            for child in lang_set:
                if _local(child.tag) == "note" and child.text:
                    notes[code] = child.text.replace(" [wording not verified against the primary source]", "")
            for tig in (e for e in lang_set if _local(e.tag) in ("tig", "termSec", "ntig")):
                term = next((e.text for e in tig.iter() if _local(e.tag) == "term" and e.text), None)
                status = next((e.text for e in tig.iter() if _local(e.tag) == "termNote"
                               and e.get("type") == "administrativeStatus"), None) or "preferredTerm-admn-sts"
                if term:
                    terms.setdefault(code, {}).setdefault(STATUS_BACK.get(status.strip(), "variant"), []).append(term.strip())
        cid = entry.get("id") or f"tbx-{index + 1}"
        out.append(TbxConcept(cid, {c: {s: tuple(t) for s, t in by.items()} for c, by in terms.items()}, notes))
    return out


def merge(termbase: Termbase, text: str, imported: list[TbxConcept]) -> Merge:
    """Compare ``imported`` with the termbase; the YAML ``text`` with the new concepts appended."""
    by_id = {c.id: c for c in termbase.concepts}
    by_term = {t.casefold(): c for c in termbase.concepts for t in c.entry(termbase.codes[0]).prefer}
    added, conflicts = [], []
    for concept in imported:
        english = concept.terms.get(termbase.codes[0], {}).get("prefer", ())
        known = by_id.get(concept.id) or next((by_term[t.casefold()] for t in english if t.casefold() in by_term), None)
        if known is not None:
            conflicts.extend(_compare(known, concept, termbase.codes))
            continue
        missing = [code for code in termbase.codes if not concept.terms.get(code, {}).get("prefer")]
        if missing:
            conflicts.append(f"{concept.id}: not added: no preferred term in {', '.join(missing)} "
                             "(every concept needs every language)")
            continue
        added.append(concept)
    if added:
        text = text.rstrip("\n") + "\n" + "".join(_yaml(c, termbase.codes) for c in added)
    return Merge(added, conflicts, text)


def _compare(known: Concept, concept: TbxConcept, codes: tuple[str, ...]) -> list[str]:
    out = []
    fields = {"prefer": "prefer", "variant": "variants", "avoid": "avoid", "care": "avoid"}
    for code, by_status in concept.terms.items():
        if code not in codes:
            out.append(f"{known.id}: language {code!r} is not one of the handbook's; ignored")
            continue
        entry = known.entry(code)
        for status, terms in by_status.items():
            have = {t.casefold() for t in getattr(entry, fields[status])}
            for term in terms:
                if term.casefold() not in have:
                    out.append(f"{known.id} ({code}): the TBX lists {term!r} as {status}; the termbase does not "
                               f"(kept as it is: decide in {TERMBASE_FILE})")
    return out


def _yaml(concept: TbxConcept, codes: tuple[str, ...]) -> str:
    """One concept as YAML (strings JSON-quoted, which YAML reads as they are)."""
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731
    severity = "avoid" if any("avoid" in concept.terms[c] for c in codes) else (
        "care" if any("care" in concept.terms[c] for c in codes) else "none")
    cid = _ID_SAFE.sub("-", concept.id.lower()).strip("-") or "tbx-concept"
    lines = [f"  - id: {cid}", f"    severity: {severity}", "    sources: []"]
    for code in codes:
        terms = concept.terms[code]
        lines.append(f"    {code}:")
        lines.append(f"      prefer: [{', '.join(map(q, terms['prefer']))}]")
        avoid = terms.get("avoid", ()) + terms.get("care", ())
        if avoid:
            lines.append(f"      avoid: [{', '.join(map(q, avoid))}]")
        if terms.get("variant"):
            lines.append(f"      variants: [{', '.join(map(q, terms['variant']))}]")
        lines.append(f"      reason: {q(concept.notes.get(code) or 'Imported from TBX; not reviewed yet.')}")
        lines.append("      confidence: U")
    return "\n".join(lines) + "\n"
