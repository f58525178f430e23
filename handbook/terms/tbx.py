"""The termbase as TBX (TermBase eXchange, ISO 30042), the format translators' CAT tools import.

The output follows the TBX-Basic dialect in its widely imported MARTIF form: one ``termEntry``
per concept, one ``langSet`` per language, one ``tig`` per term with its administrative status:
preferred (``prefer``), admitted (``variants``), deprecated (``avoid``: an error) or superseded
(``avoid`` of a use-with-care concept). The reason and the sources travel as notes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from handbook.terms.termbase import Termbase

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
