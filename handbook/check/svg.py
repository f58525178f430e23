"""SAFE009: what an SVG image in docs/ may hold.

An SVG is a document: opened on its own, it runs its scripts, and the page's Content-Security-Policy
does not cover it. A blocklist of bad tags is talked past (a script in a DTD entity, a UTF-16 file,
an <animate> that rewrites an href), so the handbook accepts a drawing only: UTF-8, no DOCTYPE and
no entities, and nothing but the elements and attributes listed here. Anything else is refused
with its line. The XML is read by defusedxml (no DTD, no entity expansion, no network).
"""

from __future__ import annotations

import io
import re
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Editors' own markup (Inkscape, Sodipodi, the metadata block): inert data, kept when editors save it.
EDITOR_NS = frozenset({
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/",
})

ELEMENTS = frozenset("""
svg g defs symbol use title desc metadata switch a
path rect circle ellipse line polyline polygon
text tspan textPath
linearGradient radialGradient stop pattern clipPath mask marker image style
filter feBlend feColorMatrix feComponentTransfer feComposite feDropShadow feFlood feFuncA feFuncB
feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset feTile
""".split())

ATTRIBUTES = frozenset("""
id class style lang tabindex role focusable version baseProfile
x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height d points pathLength
viewBox preserveAspectRatio transform gradientTransform gradientUnits patternTransform patternUnits
patternContentUnits spreadMethod offset clipPathUnits maskUnits maskContentUnits markerUnits markerWidth
markerHeight refX refY orient filterUnits primitiveUnits in in2 result mode type values operator k1 k2 k3 k4
stdDeviation dx dy radius flood-color flood-opacity tableValues slope intercept amplitude exponent
text-anchor dominant-baseline alignment-baseline baseline-shift font-family font-size font-style font-weight
font-variant font-stretch letter-spacing word-spacing writing-mode direction unicode-bidi textLength
lengthAdjust startOffset method spacing rotate
fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-miterlimit
stroke-dasharray stroke-dashoffset opacity color display visibility overflow clip-path clip-rule mask filter
marker-start marker-mid marker-end stop-color stop-opacity color-interpolation color-interpolation-filters
shape-rendering text-rendering image-rendering paint-order vector-effect mix-blend-mode isolation
href media title target
""".split())

# A link may only point inside the drawing, an <a> may also lead to a web page, and an <image>
# may embed a raster image. (Animations, which could rewrite a link, are not accepted at all.)
_FRAGMENT = re.compile(r"^#[A-Za-z_][\w.:-]*$")
_WEB = re.compile(r"^https?://[^\s\"'<>]+$", re.I)
_RASTER = re.compile(r"^data:image/(?:png|jpe?g|gif|webp);base64,[A-Za-z0-9+/=\s]*$")
# CSS: only references inside the drawing; no imports, fonts, behaviours or expressions.
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_CSS_BAD = re.compile(r"@import|@font-face|expression\s*\(|behavior\s*:|-moz-binding|javascript:", re.I)


@dataclass(frozen=True)
class SvgProblem:
    line: int
    message: str


class _Handler(xml.sax.handler.ContentHandler):
    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.lines = text.split("\n")
        self.problems: list[SvgProblem] = []
        self.stack: list[str] = []
        self._locator: xml.sax.xmlreader.Locator | None = None

    def setDocumentLocator(self, locator: xml.sax.xmlreader.Locator) -> None:
        self._locator = locator

    def _line(self) -> int:
        return self._locator.getLineNumber() if self._locator else 1

    def _refuse(self, message: str, attribute: str = "") -> None:
        line = self._line()
        if attribute:  # the element's start tag may span lines: find the line that holds the attribute
            pattern = re.compile(r"(?<![\w:-])" + re.escape(attribute) + r"\s*=")
            line = next((n for n in range(line, len(self.lines) + 1) if pattern.search(self.lines[n - 1])), line)
        self.problems.append(SvgProblem(line, message))

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs) -> None:
        ns, local = name
        self.stack.append(local)
        if ns in EDITOR_NS or (self.stack[:-1] and "metadata" in self.stack[:-1]):
            return  # editors' data, or inside <metadata>: never drawn or run
        if ns != SVG_NS or local not in ELEMENTS:
            self._refuse(f"element <{qname or local}> is not one the handbook accepts in an SVG image")
            return
        for (attr_ns, attr), value in attrs.items():
            shown = f"{'xlink:' if attr_ns == XLINK_NS else 'xml:' if attr_ns == XML_NS else ''}{attr}"
            if attr_ns in EDITOR_NS or (attr_ns == XML_NS and attr in ("space", "lang")):
                continue
            if attr_ns not in (None, XLINK_NS) or (attr not in ATTRIBUTES and not attr.startswith("aria-")):
                self._refuse(f"attribute '{shown}' on <{local}> is not one the handbook accepts", shown)
            elif attr == "href" and not (_FRAGMENT.match(value.strip())
                                         or (local == "image" and _RASTER.match(value.strip()))
                                         or (local == "a" and _WEB.match(value.strip()))):
                self._refuse(f"link '{value[:60]}' in '{shown}' on <{local}>: an SVG may only refer to a part of "
                             "itself (#id), a link (<a>) may lead to an https:// page, and an <image> may embed a "
                             "PNG, JPEG, GIF or WebP image", shown)
            elif attr == "style":
                self._css(value, f"the style attribute of <{local}>")

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self._css(content, "a <style> element")

    def processingInstruction(self, target: str, data: str) -> None:
        self._refuse(f"processing instruction <?{target} ...?> is not accepted")

    def _css(self, css: str, where: str) -> None:
        if _CSS_BAD.search(css):
            self._refuse(f"CSS in {where} imports, loads or runs something")
        for m in _CSS_URL.finditer(css):
            if not _FRAGMENT.match(m.group(2).strip()):
                self._refuse(f"CSS in {where} loads '{m.group(2)[:60]}': only url(#id) is accepted")


def problems(data: bytes) -> list[SvgProblem]:
    """Why the SVG file ``data`` is refused; an empty list when it is a drawing the handbook accepts."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")) or b"\x00" in data[:4]:
        return [SvgProblem(1, "the file is UTF-16 or UTF-32; SVG images must be saved as UTF-8")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [SvgProblem(data.count(b"\n", 0, exc.start) + 1, "the file is not valid UTF-8")]
    declared = re.match(r"""<\?xml[^>]*encoding\s*=\s*["']([^"']+)""", text.lstrip("\ufeff"))
    if declared and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        return [SvgProblem(1, f"the file declares encoding '{declared.group(1)}'; SVG images must be UTF-8")]
    doctype = re.search(r"<!DOCTYPE|<!ENTITY", text, re.I)
    if doctype:
        return [SvgProblem(text.count("\n", 0, doctype.start()) + 1,
                           "a DOCTYPE or entity declaration is not accepted in an SVG image")]
    handler = _Handler(text)
    parser = make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))  # parse(), not feed(): it gives the handler its locator (lines)
    except DefusedXmlException as exc:
        return [*handler.problems, SvgProblem(handler._line(), f"refused XML construct: {exc}")]
    except xml.sax.SAXParseException as exc:
        return [*handler.problems, SvgProblem(exc.getLineNumber(), f"not well-formed XML: {exc.getMessage()}")]
    return handler.problems
