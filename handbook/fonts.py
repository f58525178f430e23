"""Which characters the handbook's shipped fonts can show: the web's fonts.css, which the PDF uses too.

A character no shipped font covers shows as a box on the web (or in a system font the reader may
not have), and the PDF check stops on it only after a full render. Knowing the coverage up front
lets `language add`, `handbook check` and the build refuse such text first, naming the characters.
Coverage is, for each @font-face rule, the font file's character map (fontTools) limited to the
rule's unicode-range: what a browser or WeasyPrint would take from that file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from handbook.errors import HandbookError

FONTS_CSS = "overrides/assets/stylesheets/fonts.css"
# Not drawn with a glyph: controls, format characters (bidi marks, joiners), line and paragraph
# separators. Their visibility is the hygiene checks' business (HYG013, HYG014).
_NOT_DRAWN = {"Cc", "Cf", "Zl", "Zp"}
_RANGE = re.compile(r"U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?")


def _ranges(text: str) -> list[tuple[int, int]]:
    out = []
    for start, end in _RANGE.findall(text):
        if "?" in start:  # U+4?? wildcard form
            out.append((int(start.replace("?", "0"), 16), int(start.replace("?", "F"), 16)))
        else:
            out.append((int(start, 16), int(end or start, 16)))
    return out


def _font_face_rules(css_path: Path) -> Iterator[list]:
    """The declarations of every @font-face rule of ``css_path`` (a stylesheet or a Jinja template of one)."""
    import tinycss2

    for rule in tinycss2.parse_stylesheet(css_path.read_text(encoding="utf-8"), skip_comments=True,
                                          skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face" and rule.content is not None:
            yield [d for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                   if d.type == "declaration"]


def families(css_path: Path) -> dict[str, list[str]]:
    """family -> the style and weight of each of its @font-face rules ('italic 400'), for every
    @font-face rule of ``css_path``."""
    import tinycss2

    out: dict[str, list[str]] = {}
    for decls in _font_face_rules(css_path):
        found = {d.lower_name: tinycss2.serialize(d.value).strip().strip('"\'') for d in decls}
        face = f"{found.get('font-style', 'normal')} {found.get('font-weight', '400')}"
        out.setdefault(found.get("font-family", ""), []).append(face)
    return out


def split_families(css_path: Path) -> list[str]:
    """Families of ``css_path`` with two files for one style and weight (subsets split by
    unicode-range). Browsers handle those; WeasyPrint embeds all files of a family as one PDF font,
    and then draws one file's glyph numbers with another's glyphs: Cyrillic came out as Latin
    letters, 'Łódź' as 'Âódù'. Each subset is a family of its own, listed in every font stack."""
    return sorted(family for family, faces in families(css_path).items() if len(faces) != len(set(faces)))


def _faces(css_path: Path) -> list[tuple[Path, list[tuple[int, int]] | None]]:
    """(font file, unicode ranges or None for all) of every @font-face rule of ``css_path``."""
    import tinycss2

    faces = []
    for decls in _font_face_rules(css_path):
        urls: list[str] = []
        ranges = None
        for decl in decls:
            if decl.lower_name == "src":
                urls += [token.value for token in decl.value if token.type == "url"]
                urls += [token.arguments[0].value for token in decl.value
                         if token.type == "function" and token.lower_name == "url" and token.arguments]
            elif decl.lower_name == "unicode-range":
                ranges = _ranges(tinycss2.serialize(decl.value))
        for url in urls:
            faces.append(((css_path.parent / url).resolve(), ranges))
    return faces


def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def coverage(root: Path) -> frozenset[int]:
    """Code points some shipped font of the project at ``root`` draws."""
    css = root / FONTS_CSS
    files = [css, *(face for face, _ in _faces(css))] if css.is_file() else []
    return _coverage(css, tuple(f.stat().st_mtime_ns if f.exists() else 0 for f in files))


@lru_cache(maxsize=4)
def _coverage(css: Path, _key: tuple[int, ...]) -> frozenset[int]:
    if not css.is_file():
        raise HandbookError(css, "the web fonts' stylesheet is missing, so no font is known.",
                            fix="Restore it from the repository.")
    covered: set[int] = set()
    for path, ranges in _faces(css):
        if not path.is_file():
            raise HandbookError(css, f"@font-face names {path.name}, which is not in {path.parent}.",
                                fix="Add the font file, or remove its @font-face rule.")
        chars = _cmap(path)
        if ranges is not None:
            chars = frozenset(c for c in chars if any(lo <= c <= hi for lo, hi in ranges))
        covered |= chars
    return frozenset(covered)


def uncovered(text: str, covered: frozenset[int]) -> list[str]:
    """Characters of ``text`` that no font in ``covered`` draws, in order of first appearance."""
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) not in covered and ch not in seen and unicodedata.category(ch) not in _NOT_DRAWN:
            seen[ch] = None
    return list(seen)


def describe(chars: list[str], limit: int = 8) -> str:
    """'Ж (U+0416 CYRILLIC CAPITAL LETTER ZHE), ...' for a message."""
    shown = [f"{ch} (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')})" for ch in chars[:limit]]
    more = f" and {len(chars) - limit} more" if len(chars) > limit else ""
    return ", ".join(shown) + more
