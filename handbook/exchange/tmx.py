"""TMX 1.4b: the handbook's translated segments as a translation memory a team can load into its
own tool. Only final units go in (the English segment unchanged since the translation was made);
markup is ``<bpt>``/``<ept>``/``<ph>`` holding the Markdown, as TMX 1.4b defines them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from handbook.exchange.model import FINAL, Exchange
from handbook.exchange.xliff12 import write_flat
from handbook.pages.segments import Code, Part

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render(exchanges: list[Exchange], lang: str) -> str:
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(root, "header", {
        "creationtool": "handbook", "creationtoolversion": "1", "segtype": "paragraph", "o-tmf": "handbook",
        "adminlang": "en", "srclang": "en", "datatype": "markdown"})
    body = ET.SubElement(root, "body")
    for ex in exchanges:
        for unit in ex.units:
            if unit.state != FINAL or unit.target is None:
                continue
            tu = ET.SubElement(body, "tu", {"tuid": f"{ex.page}#{unit.id}"})
            tu.tail = "\n"  # one unit a line; no indentation, which would enter <seg> text
            ET.SubElement(tu, "prop", {"type": "x-page"}).text = f"docs/{ex.page}:{unit.line}"
            for code, parts in (("en", unit.source), (lang, unit.target)):
                _seg(ET.SubElement(ET.SubElement(tu, "tuv", {XML_LANG: code}), "seg"), parts)
    body.text = "\n"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _seg(el: ET.Element, parts: tuple[Part, ...]) -> None:
    write_flat(el, parts, _code)


def _code(part: Code, tag: str) -> tuple[str, dict[str, str]]:
    # TMX pairs <bpt> and <ept> by a number: a code only the translation has (t1...) gets 1001...
    number = part.id if part.id.isdigit() else str(1000 + int(part.id.lstrip("t") or 0))
    attrs = {"i": number} if tag != "ph" else {"type": part.kind}
    if tag == "bpt":
        attrs["type"] = part.kind
    return tag, attrs
