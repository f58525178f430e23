"""XLIFF 2.0 files (OASIS core, with the metadata and glossary modules), built with ElementTree.

translate-toolkit's XLIFF 2 support has no inline codes, so the XML is built here: links and
emphasis are ``<pc>`` (the translator can move them and translate what they hold), footnote
references, code spans, tags and attribute lists are ``<ph>``; the Markdown each stands for is in
``<originalData>``, so a CAT tool shows it but the translator cannot edit it. Files are read with
defusedxml: they come back from outside tools.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import ElementTree as SafeET

from handbook.errors import HandbookError
from handbook.exchange.model import FINAL, NEW, REVIEW, Exchange, Unit
from handbook.pages.segments import Code, Part

NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
GLS = "urn:oasis:names:tc:xliff:glossary:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TYPES = {"link": "link", "image": "image", "em": "fmt", "strong": "fmt"}
DONE_STATES = ("translated", "reviewed", "final")
ET.register_namespace("mda", MDA)
ET.register_namespace("gls", GLS)


def _q(name: str, ns: str = NS) -> str:
    return f"{{{ns}}}{name}"


# --- writing -------------------------------------------------------------------------------------


def render(ex: Exchange, version: str = "2.0", sentences: bool = False) -> str:
    """The document; with ``sentences``, a unit holds one <segment> per sentence (for tools whose
    translation memory works sentence by sentence), the spaces between them <ignorable>."""
    root = ET.Element(_q("xliff"), {"version": version, "srcLang": "en", "trgLang": ex.lang})
    file_el = ET.SubElement(root, _q("file"), {"id": "f1", "original": f"docs/{ex.page}", XML_SPACE: "preserve"})
    group = ET.SubElement(ET.SubElement(file_el, _q("metadata", MDA)), _q("metaGroup", MDA), {"category": "handbook"})
    for key, value in (("page", ex.page), ("source_blob", ex.source_blob),
                       ("translation_blob", ex.translation_blob or "")):
        ET.SubElement(group, _q("meta", MDA), {"type": key}).text = value
    for unit in ex.units:
        _unit(file_el, unit, ex.page, sentences)
    _indent(root, 0)
    # ElementTree's prefixes are global: the unprefixed one is claimed for this version just
    # before writing (default_namespace= refuses unqualified attributes such as version=).
    ET.register_namespace("", NS)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_STRUCTURE = {_q(n) for n in ("xliff", "file", "unit", "notes", "originalData", "segment")} | {
    _q("metadata", MDA), _q("metaGroup", MDA), _q("glossary", GLS), _q("glossEntry", GLS)}


def _indent(el: ET.Element, level: int) -> None:
    """Line breaks between structural elements only: text inside <source>, <target> and <data> is
    content (ElementTree's own indent() would add blanks to it)."""
    if el.tag not in _STRUCTURE or not len(el):
        return
    el.text = "\n" + "  " * (level + 1)
    for child in el:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    el[-1].tail = "\n" + "  " * level


def _unit(parent: ET.Element, unit: Unit, page: str, sentences: bool = False) -> None:
    el = ET.SubElement(parent, _q("unit"), {"id": unit.id, "name": unit.kind})
    if unit.terms:
        glossary = ET.SubElement(el, _q("glossary", GLS))
        for term, translations in unit.terms:
            entry = ET.SubElement(glossary, _q("glossEntry", GLS))
            ET.SubElement(entry, _q("term", GLS), {"source": "translations/termbase.yml"}).text = term
            for translation in translations:
                ET.SubElement(entry, _q("translation", GLS)).text = translation
    notes = ET.SubElement(el, _q("notes"))
    ET.SubElement(notes, _q("note"), {"category": "location"}).text = f"docs/{page}:{unit.line}"
    if unit.path:
        ET.SubElement(notes, _q("note"), {"category": "context"}).text = " › ".join(unit.path)
    data: dict[str, str] = {}  # Markdown -> data id: one entry per distinct piece
    codes = [p for p in unit.source + (unit.target or ()) if isinstance(p, Code)]
    if codes:
        original = ET.SubElement(el, _q("originalData"))
        for code in codes:
            if code.data not in data:
                data[code.data] = f"d{len(data) + 1}"
                ET.SubElement(original, _q("data"), {"id": data[code.data]}).text = code.data
    source = split_sentences(unit.source) if sentences else [(unit.source, "")]
    target = split_sentences(unit.target) if sentences and unit.target is not None else [(unit.target, "")]
    if len(source) != len(target) and unit.target is not None:  # the translation's sentences differ
        source, target = [(unit.source, "")], [(unit.target, "")]
    if unit.target is None:
        target = [(None, "")] * len(source)
    for (src, gap), (trg, trg_gap) in zip(source, target):
        segment = ET.SubElement(el, _q("segment"), {"state": "final" if unit.state == FINAL else "initial"})
        if unit.state == REVIEW:
            segment.set("subState", "handbook:review")
        _inline(ET.SubElement(segment, _q("source")), src, data)
        if trg is not None:
            _inline(ET.SubElement(segment, _q("target")), trg, data)
        if gap:
            ignorable = ET.SubElement(el, _q("ignorable"))
            ET.SubElement(ignorable, _q("source")).text = gap
            if trg is not None:
                ET.SubElement(ignorable, _q("target")).text = trg_gap or gap


_ENDS = ".!?؟…"


def split_sentences(parts: tuple[Part, ...]) -> list[tuple[tuple[Part, ...], str]]:
    """``parts`` cut after each sentence, outside any link or emphasis: (sentence, blanks after it).
    A sentence ends at '.', '!', '?' (or '؟'), after any footnote marker, before blanks and a
    character that is not a lower-case letter."""
    out: list[tuple[tuple[Part, ...], str]] = []
    current: list[Part] = []
    depth, ended = 0, False
    for part in parts:
        if isinstance(part, Code):
            current.append(part)
            depth += {"open": 1, "close": -1}.get(part.role, 0)
            ended = ended and part.role == "ph"
            continue
        if depth:
            current.append(part)
            ended = False
            continue
        pos = 0
        for m in re.finditer(r"\s+", part):
            before = part[m.start() - 1] if m.start() else ("." if ended else "")
            after = part[m.end():m.end() + 1]
            if before and before in _ENDS and after and not after.islower():
                current.append(part[pos:m.start()])
                out.append((tuple(p for p in current if p != ""), m.group(0)))
                current, pos = [], m.end()
        current.append(part[pos:])
        ended = bool(part) and part[-1] in _ENDS
    out.append((tuple(p for p in current if p != ""), ""))
    return out


def _inline(el: ET.Element, parts: tuple[Part, ...], data: dict[str, str]) -> None:
    stack = [el]
    last: ET.Element | None = None  # the element whose tail takes the next text

    def add_text(text: str) -> None:
        if last is None:
            stack[-1].text = (stack[-1].text or "") + text
        else:
            last.tail = (last.tail or "") + text

    for part in parts:
        if isinstance(part, str):
            add_text(part)
        elif part.role == "ph":
            last = ET.SubElement(stack[-1], _q("ph"), _attrs(part, {"id": part.id, "dataRef": data[part.data],
                                                                    "disp": part.data}))
        elif part.role == "open":
            pc = ET.SubElement(stack[-1], _q("pc"), _attrs(part, {"id": part.id, "dataRefStart": data[part.data]}))
            stack.append(pc)
            last = None
        else:
            pc = stack.pop()
            pc.set("dataRefEnd", data[part.data])
            last = pc


def _attrs(code: Code, attrs: dict[str, str]) -> dict[str, str]:
    attrs["type"] = _TYPES.get(code.kind, "other")
    attrs["subType"] = f"handbook:{code.kind}"
    if code.kind in ("footnote", "code", "html", "attr", "comment", "image", "para") or (code.kind == "link" and code.role == "ph"):
        attrs["canDelete"] = "no"
    return attrs


# --- reading -------------------------------------------------------------------------------------


def parse(raw: bytes, shown: str) -> Exchange:
    try:
        root = SafeET.fromstring(raw)
    except Exception as err:  # defusedxml raises its own classes for entities and DTDs
        raise HandbookError(shown, f"not a well-formed XML file: {err}", fix="Export the file again from the "
                            "translation tool as XLIFF 2.") from None
    if root.tag != _q("xliff") or not str(root.get("version", "")).startswith("2."):
        raise HandbookError(shown, f"not an XLIFF 2 document (root <{root.tag}>, version {root.get('version')!r})",
                            fix="Export XLIFF 2.0 or 2.1 from the translation tool.")
    files = root.findall(_q("file"))
    if len(files) != 1:
        raise HandbookError(shown, f"the file holds {len(files)} <file> elements; the handbook exchanges one page "
                            "per file", fix="Export each page to its own file.")
    meta = {m.get("type"): (m.text or "") for m in files[0].iter(_q("meta", MDA))}
    if not meta.get("page") or not meta.get("source_blob"):
        raise HandbookError(shown, "the file does not say which page and English version it was made from "
                            "(metadata 'page' and 'source_blob')", fix="Use a file made by `handbook translate export`.")
    units = [_read_unit(u, shown) for u in files[0].iter(_q("unit"))]
    return Exchange(meta["page"], root.get("trgLang") or "", meta["source_blob"], meta.get("translation_blob") or None,
                    units)


def _read_unit(el: ET.Element, shown: str) -> Unit:
    """A unit: its segments (one per sentence, or one) and ignorables joined back in order."""
    uid = el.get("id", "?")
    data = {d.get("id"): (d.text or "") for d in el.iter(_q("data"))}
    pieces = [c for c in el if c.tag in (_q("segment"), _q("ignorable"))]
    if not any(c.tag == _q("segment") for c in pieces):
        raise HandbookError(shown, f"unit {uid} has no segment", fix="Export the file again; do not join units.")
    source: list[Part] = []
    target: list[Part] = []
    states, missing = [], False
    for piece in pieces:
        source_el, target_el = piece.find(_q("source")), piece.find(_q("target"))
        source.extend(_read_inline(source_el, data, uid, shown) if source_el is not None else ())
        if target_el is not None:
            target.extend(_read_inline(target_el, data, uid, shown))
        elif piece.tag == _q("ignorable"):  # blanks between sentences: the source's, if no target
            target.extend(_read_inline(source_el, data, uid, shown) if source_el is not None else ())
        else:
            missing = True
        if piece.tag == _q("segment"):
            states.append(piece.get("state", "initial"))
    done = all(state in DONE_STATES for state in states)
    joined = None if missing else tuple(target)
    if joined is not None:
        kind = FINAL if done else REVIEW
    else:
        kind = FINAL if done else NEW
    return Unit(uid, el.get("name", ""), 0, (), tuple(source), joined, kind)


MAX_DEPTH = 32  # placeholders nested deeper are refused: no page nests so, and recursion has a limit


def _read_inline(el: ET.Element, data: dict[str, str], uid: str, shown: str, depth: int = 0) -> tuple[Part, ...]:
    if depth > MAX_DEPTH:
        raise HandbookError(shown, f"unit {uid}: placeholders nest more than {MAX_DEPTH} levels deep",
                            fix="Keep the placeholders as the export wrote them.")
    out: list[Part] = [el.text or ""]
    for child in el:
        name = child.tag.rsplit("}", 1)[-1]
        kind = str(child.get("subType", "handbook:other")).split(":", 1)[-1]
        if name == "ph":
            out.append(Code(child.get("id", ""), "ph", kind, _data(data, child.get("dataRef"), uid, shown)))
        elif name == "pc":
            out.append(Code(child.get("id", ""), "open", kind, _data(data, child.get("dataRefStart"), uid, shown)))
            out.extend(_read_inline(child, data, uid, shown, depth + 1))
            out.append(Code(child.get("id", ""), "close", kind, _data(data, child.get("dataRefEnd"), uid, shown)))
        elif name == "mrk":  # an annotation (a term, a comment) a tool added: its text counts
            out.extend(_read_inline(child, data, uid, shown, depth + 1))
        elif name == "cp":
            out.append(chr(int(child.get("hex", "0"), 16)))
        else:
            raise HandbookError(shown, f"unit {uid}: <{name}> is not supported here",
                                fix="Keep the placeholders as the export wrote them (<ph> and <pc>).")
        out.append(child.tail or "")
    return tuple(p for p in out if p != "")


def _data(data: dict[str, str], ref: str | None, uid: str, shown: str) -> str:
    if ref not in data:
        raise HandbookError(shown, f"unit {uid}: a placeholder refers to data {ref!r}, which the unit does not have",
                            fix="Keep the placeholders as the export wrote them.")
    return data[ref]
