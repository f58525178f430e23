"""Gettext PO files (polib), laid out for a Weblate or Pootle "gettext PO" component:
``translations/po/<lang>/<page>.po``, one file per page, ``msgctxt`` the unit id.

Codes become tokens a translator can move but must keep: ``{1}`` for a placeholder or the start
of a pair, ``{/1}`` for the end of a pair. What each token stands for is in the entry's comment,
and a Weblate ``placeholders:`` flag lets the server check them too. A translation's own codes
(a link to a source in its language, emphasis the English does not have) travel in a ``data:``
comment line, so that they come back on import.
"""

from __future__ import annotations

import json
import re

import polib

from handbook.errors import HandbookError
from handbook.exchange.model import FINAL, NEW, REVIEW, Exchange, Unit
from handbook.pages.segments import Code, Part

_TOKEN = re.compile(r"\{(/?)(t?\d+)\}")
FLAG = r'placeholders:r"\{/?t?\d+\}"'
_DATA = "data: "


def _tokens(parts: tuple[Part, ...]) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            out.append(f"{{/{part.id}}}" if part.role == "close" else f"{{{part.id}}}")
    return "".join(out)


def render(ex: Exchange) -> str:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "handbook",
        "Language": ex.lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Handbook-Page": ex.page,
        "X-Handbook-Source-Blob": ex.source_blob,
        "X-Handbook-Translation-Blob": ex.translation_blob or "",
    }
    for unit in ex.units:
        po.append(_entry(unit, ex.page))
    return str(po) + "\n"


def _entry(unit: Unit, page: str) -> polib.POEntry:
    comment = [f"{unit.kind}" + (f" in: {' › '.join(unit.path)}" if unit.path else "")]
    legend = {}
    for code in unit.source:
        if isinstance(code, Code):
            legend.setdefault(code.id, []).append(code.data)
    for ident, data in legend.items():
        comment.append(f"{{{ident}}}: {' … '.join(data)}")
    if unit.terms:
        comment.append("Terms: " + "; ".join(f"{en} → {' / '.join(tr)}" for en, tr in unit.terms))
    source_data = {(c.id, c.role): c.data for c in unit.source if isinstance(c, Code)}
    own = [[c.id, c.role, c.kind, c.data] for c in unit.target or () if isinstance(c, Code)
           and source_data.get((c.id, c.role)) != c.data]
    if own:
        comment.append(_DATA + json.dumps(own, ensure_ascii=False))
    flags = [FLAG] + (["fuzzy"] if unit.state == REVIEW else [])
    return polib.POEntry(msgctxt=unit.id, msgid=_tokens(unit.source),
                         msgstr=_tokens(unit.target) if unit.target is not None else "",
                         comment="\n".join(comment), occurrences=[(f"docs/{page}", str(unit.line))], flags=flags)


def parse(raw: bytes, shown: str, english: list[Unit]) -> Exchange:
    """Read a PO file; ``english`` gives the codes its tokens stand for (the current English units)."""
    try:
        po = polib.pofile(raw.decode("utf-8"))
    except (UnicodeDecodeError, OSError, ValueError) as err:
        raise HandbookError(shown, f"not a readable PO file: {err}", fix="Export the file again as gettext PO.") from None
    page, blob = po.metadata.get("X-Handbook-Page"), po.metadata.get("X-Handbook-Source-Blob")
    if not page or not blob:
        raise HandbookError(shown, "the file does not say which page and English version it was made from "
                            "(X-Handbook-Page and X-Handbook-Source-Blob)", fix="Use a file made by "
                            "`handbook translate export --format po`.")
    by_id = {u.id: u for u in english}
    units = []
    for entry in po:
        if entry.obsolete:
            continue
        source_unit = by_id.get(entry.msgctxt or "")
        codes = {(c.id, c.role): c for c in source_unit.source if isinstance(c, Code)} if source_unit else {}
        own = dict(codes)
        for line in entry.comment.splitlines():
            if line.startswith(_DATA):
                try:
                    for ident, role, kind, data in json.loads(line[len(_DATA):]):
                        own[(str(ident), str(role))] = Code(str(ident), str(role), str(kind), str(data))
                except (ValueError, TypeError):
                    raise HandbookError(shown, f"unit {entry.msgctxt}: its 'data:' comment is damaged",
                                        fix="Keep the comments of the exported file as they are.") from None
        source = _parts(entry.msgid, codes, entry.msgctxt, shown)
        target = _parts(entry.msgstr, own, entry.msgctxt, shown) if entry.msgstr else None
        state = NEW if target is None else (REVIEW if "fuzzy" in entry.flags else FINAL)
        units.append(Unit(entry.msgctxt or "?", source_unit.kind if source_unit else "", 0, (), source, target, state))
    return Exchange(page, po.metadata.get("Language", ""), blob, po.metadata.get("X-Handbook-Translation-Blob") or None,
                    units)


def _parts(text: str, codes: dict[tuple[str, str], Code], uid: str | None, shown: str) -> tuple[Part, ...]:
    out: list[Part] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        ident = m.group(2)
        role = "close" if m.group(1) else ("open" if (ident, "open") in codes else "ph")
        code = codes.get((ident, role))
        if code is None:
            raise HandbookError(shown, f"unit {uid}: token {m.group(0)} is not one of the unit's placeholders",
                                fix="Use only the {n} and {/n} tokens of the English text.")
        out.append(code)
    out.append(text[pos:])
    return tuple(p for p in out if p != "")
