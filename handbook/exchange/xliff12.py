"""XLIFF 1.2, for translation tools that do not read XLIFF 2 yet.

The same units as XLIFF 2: paired markup is ``<bpt>``/``<ept>`` (matched by id), standalone
markup ``<ph>``; in 1.2 their content is the Markdown they stand for. Which page and English
version the file was made from travel as notes of the file's ``<header>`` (``from="handbook:page"``
and so on): the strict 1.2 schema accepts no attributes of other namespaces without a schema.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from defusedxml import ElementTree as SafeET

from handbook.errors import HandbookError
from handbook.exchange.model import FINAL, NEW, REVIEW, Exchange, Unit
from handbook.pages.segments import Code, Part

NS = "urn:oasis:names:tc:xliff:document:1.2"
DONE_STATES = ("final", "signed-off", "translated")
_STATE = {FINAL: "final", REVIEW: "needs-review-translation", NEW: "new"}


def _q(name: str, ns: str = NS) -> str:
    return f"{{{ns}}}{name}"


def render(ex: Exchange) -> str:
    root = ET.Element(_q("xliff"), {"version": "1.2"})
    file_el = ET.SubElement(root, _q("file"), {
        "original": f"docs/{ex.page}", "source-language": "en", "target-language": ex.lang, "datatype": "x-markdown"})
    header = ET.SubElement(file_el, _q("header"))
    for key, value in (("page", ex.page), ("source_blob", ex.source_blob), ("translation_blob", ex.translation_blob)):
        ET.SubElement(header, _q("note"), {"from": f"handbook:{key}"}).text = value or ""
    body = ET.SubElement(file_el, _q("body"))
    for unit in ex.units:
        tu = ET.SubElement(body, _q("trans-unit"), {"id": unit.id, "resname": unit.kind,
                                                     "{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        _inline(ET.SubElement(tu, _q("source")), unit.source)
        if unit.target is not None:
            _inline(ET.SubElement(tu, _q("target"), {"state": _STATE[unit.state]}), unit.target)
        ET.SubElement(tu, _q("note"), {"from": "handbook"}).text = (
            f"docs/{ex.page}:{unit.line}" + (f" — {' › '.join(unit.path)}" if unit.path else ""))
        if unit.terms:
            ET.SubElement(tu, _q("note"), {"from": "termbase"}).text = "; ".join(f"{a} → {' / '.join(b)}" for a, b in unit.terms)
    # ElementTree's prefixes are global: the unprefixed one is claimed for this version just
    # before writing (default_namespace= refuses unqualified attributes such as version=).
    ET.register_namespace("", NS)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


FLAT_TAGS = {"ph": "ph", "open": "bpt", "close": "ept"}  # XLIFF 1.2's and TMX's flat inline markup


def write_flat(el: ET.Element, parts: tuple[Part, ...], element: Callable[[Code, str], tuple[str, dict[str, str]]]) -> None:
    """``parts`` into ``el`` as text and flat <ph>/<bpt>/<ept> codes (XLIFF 1.2 and TMX alike);
    ``element(code, tag)`` gives each code's qualified name and attributes."""
    last: ET.Element | None = None
    for part in parts:
        if isinstance(part, str):
            if last is None:
                el.text = (el.text or "") + part
            else:
                last.tail = (last.tail or "") + part
            continue
        name, attrs = element(part, FLAT_TAGS[part.role])
        last = ET.SubElement(el, name, attrs)
        last.text = part.data


def _inline(el: ET.Element, parts: tuple[Part, ...]) -> None:
    write_flat(el, parts, lambda part, tag: (_q(tag), {"id": part.id} if tag == "ept" else
                                             {"id": part.id, "ctype": f"x-handbook-{part.kind}"}))


def parse(raw: bytes, shown: str) -> Exchange:
    try:
        root = SafeET.fromstring(raw)
    except Exception as err:  # defusedxml raises its own classes for entities and DTDs
        raise HandbookError(shown, f"not a well-formed XML file: {err}", fix="Export the file again as XLIFF.") from None
    files = root.findall(_q("file"))
    if root.tag != _q("xliff") or len(files) != 1:
        raise HandbookError(shown, "not an XLIFF 1.2 file of one page", fix="Export one page per file.")
    f = files[0]
    meta = {str(n.get("from", "")).removeprefix("handbook:"): (n.text or "") for n in f.findall(f"{_q('header')}/{_q('note')}")}
    page, blob = meta.get("page"), meta.get("source_blob")
    if not page or not blob:
        raise HandbookError(shown, "the file does not say which page and English version it was made from",
                            fix="Use a file made by `handbook translate export --format xliff12`.")
    units = []
    for tu in f.iter(_q("trans-unit")):
        uid = tu.get("id", "?")
        source_el, target_el = tu.find(_q("source")), tu.find(_q("target"))
        source = _read(source_el, uid, shown) if source_el is not None else ()
        target = _read(target_el, uid, shown) if target_el is not None and (target_el.text or len(target_el)) else None
        state = target_el.get("state", "translated") if target_el is not None else "new"
        kind = NEW if target is None else (FINAL if state in DONE_STATES else REVIEW)
        units.append(Unit(uid, tu.get("resname", ""), 0, (), source, target, kind))
    return Exchange(page, f.get("target-language", ""), blob, meta.get("translation_blob") or None, units)


def _read(el: ET.Element, uid: str, shown: str, kinds: dict[str, str] | None = None, depth: int = 0) -> tuple[Part, ...]:
    if depth > 32:
        raise HandbookError(shown, f"unit {uid}: markers nest more than 32 levels deep",
                            fix="Keep the placeholders as the export wrote them.")
    kinds = {} if kinds is None else kinds  # bpt id -> kind, for its ept
    out: list[Part] = [el.text or ""]
    for child in el:
        name = child.tag.rsplit("}", 1)[-1]
        kind = str(child.get("ctype", "")).removeprefix("x-handbook-") or kinds.get(child.get("id", ""), "other")
        if name == "bpt":
            kinds[child.get("id", "")] = kind
        if name in ("ph", "bpt", "ept"):
            role = {"ph": "ph", "bpt": "open", "ept": "close"}[name]
            out.append(Code(child.get("id", ""), role, kind, child.text or ""))
        elif name == "mrk":
            out.extend(_read(child, uid, shown, kinds, depth + 1))
        else:
            raise HandbookError(shown, f"unit {uid}: <{name}> is not supported here",
                                fix="Keep the placeholders as the export wrote them (<bpt>, <ept>, <ph>).")
        out.append(child.tail or "")
    return tuple(p for p in out if p != "")
