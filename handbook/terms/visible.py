"""The prose as a reader sees it, and the way back to the page.

:func:`handbook.terms.extract.scannable` masks what is not prose; the passes here then rewrite the
masked text into what the browser shows, so that a term cannot hide from the linter behind
something the reader does not see:

- HTML entities are decoded (``&#112;`` is "p", ``&shy;`` a soft hyphen);
- what neither shows nor separates letters is removed: the markup that the masking marked
  :data:`DROP` (inline tags, link destinations, HTML comments: ``por<b></b>nography``), emphasis
  inside a word (``por*no*graphy``) and invisible characters (Unicode's
  Default_Ignorable_Code_Point: soft hyphen, zero-width space and joiners, word joiner, bidi
  marks, variation selectors...);
- accents typed as combining characters are composed (NFC), and a mark that has no composed form
  on a Latin, Greek or Cyrillic letter is dropped, as unaccented writing is matched anyway;
- a word that mixes Latin, Greek and Cyrillic letters is read as the Latin word it shows (a
  Cyrillic "о" in "pоrnography"), following Unicode TS #39's mixed-script detection. A word
  written wholly in one script is left alone, so Cyrillic and Arabic stay what they are.

Each pass records its :class:`Edits`, so that every offset in the scanned text maps back to the
page: findings keep the line and column of the source.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

DROP = "\x02"  # masked markup that a reader does not see and that does not separate two letters

# Default_Ignorable_Code_Point, from Unicode's DerivedCoreProperties.txt (15.1): the format
# characters (category Cf) less the visible ones the property excludes (Arabic number signs and
# other prepended concatenation marks, interlinear annotations, Egyptian format controls), plus
# Other_Default_Ignorable_Code_Point (grapheme joiner, fillers, variation selectors) and the
# reserved code points the property covers. tests/terms/test_hidden_terms.py checks the table
# against unicodedata.
_IGNORABLE_BMP = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                  "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8")
IGNORABLE = _IGNORABLE_BMP + "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
_IGNORABLE = re.compile(f"[{IGNORABLE}]")
_IGNORABLE_RUN = re.compile(f"[{IGNORABLE}]+")
_DROP_RUN = re.compile(f"{DROP}+")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY_SPACE = str.maketrans("\t\n\r\f", "    ")  # a decoded line break is a space in the page
_LOOSE_MARK = re.compile("[\u0300-\u036f]")  # Combining Diacritical Marks (accents)
_TOKEN = re.compile(r"\S+")

# --- scripts -------------------------------------------------------------------------------------

# Letters of the three scripts that share look-alikes, by block (Script property, Scripts.txt).
_LATIN = ((0x41, 0x5A), (0x61, 0x7A), (0xAA, 0xAA), (0xBA, 0xBA), (0xC0, 0x24F), (0x250, 0x2AF),
          (0x1D00, 0x1D25), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB64),
          (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
_GREEK = ((0x370, 0x3FF), (0x1F00, 0x1FFF))
_CYRILLIC = ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))
_GC_CLASS = "".join(f"{chr(a)}-{chr(b)}" for a, b in (*_GREEK, *_CYRILLIC))
_GREEK_CYRILLIC = re.compile(f"[{_GC_CLASS}]")
# Any character that the invisible, accent or script passes may change. Most pages have none, and
# one scan for this class is what they cost (a class with several supplementary ranges scans
# three times slower than one with a single range, so every supplementary character is let through).
_ATTENTION = re.compile(f"[{_IGNORABLE_BMP}\u0300-\u036f{_GC_CLASS}\U00010000-\U0010ffff]")


def _script(ch: str) -> str:
    cp = ord(ch)
    for name, ranges in (("Latin", _LATIN), ("Greek", _GREEK), ("Cyrillic", _CYRILLIC)):
        if any(a <= cp <= b for a, b in ranges):
            return name
    return ""


# Greek and Cyrillic letters that look like a Latin letter, from Unicode TS #39 confusables.txt
# (https://www.unicode.org/Public/security/latest/confusables.txt), single-letter prototypes
# only. Where the prototype of a capital is "l" (Ι, І, Ӏ), the capital "I" is used: words are
# compared in lower case, and an "I" among capitals reads as one.
CONFUSABLES = {
    # Cyrillic
    "а": "a", "г": "r", "е": "e", "ё": "ë", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "ѕ": "s", "і": "i", "ї": "ï", "ј": "j", "ѡ": "w", "ѵ": "v", "ү": "y", "һ": "h", "ҽ": "e",
    "ӏ": "i", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "Ё": "Ë", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ї": "Ï", "Ј": "J", "Ѵ": "V",
    "Ү": "Y", "Ӏ": "I", "Ԍ": "G", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "α": "a", "γ": "y", "ι": "i", "ν": "v", "ο": "o", "ρ": "p", "σ": "o", "υ": "u", "ϱ": "p",
    "ϲ": "c", "ϳ": "j",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C", "Ϳ": "J", "Ϝ": "F",
}


def _mixed_words(text: str) -> list[tuple[int, int]]:
    """Spans of the words (runs of letters) that mix Latin, Greek and Cyrillic letters."""
    spans: list[tuple[int, int]] = []
    end = 0
    for m in _GREEK_CYRILLIC.finditer(text):
        if m.start() < end or not text[m.start()].isalpha():
            continue
        start = m.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        end = m.end()
        while end < len(text) and text[end].isalpha():
            end += 1
        if len({_script(ch) for ch in text[start:end]} - {""}) > 1:
            spans.append((start, end))
    return spans


# --- offset map ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edits:
    """The replacements one pass made, in order: (out start, out end, in start, in end). Text
    between replacements is copied, so its offsets shift by a constant."""

    outs: tuple[int, ...]
    spans: tuple[tuple[int, int, int, int], ...]

    def back(self, i: int) -> tuple[int, int]:
        """The input span that output character ``i`` comes from."""
        k = bisect_right(self.outs, i) - 1
        if k < 0:
            return i, i + 1
        out_start, out_end, in_start, in_end = self.spans[k]
        if i < out_end:
            return in_start, in_end
        j = in_end + i - out_end
        return j, j + 1


class Rewrite:
    """Copies a text, replacing spans (in order), and records the edits when lengths change."""

    def __init__(self, text: str):
        self.text, self.parts, self.pos, self.size = text, [], 0, 0
        self.spans: list[tuple[int, int, int, int]] = []

    def replace(self, start: int, end: int, new: str) -> None:
        self.parts.append(self.text[self.pos:start])
        self.size += start - self.pos
        if len(new) != end - start:  # a same-length replacement keeps every offset
            self.spans.append((self.size, self.size + len(new), start, end))
        self.parts.append(new)
        self.size += len(new)
        self.pos = end

    def result(self) -> tuple[str, Edits | None]:
        if not self.parts:
            return self.text, None
        text = "".join(self.parts) + self.text[self.pos:]
        if not self.spans:
            return text, None
        return text, Edits(tuple(s[0] for s in self.spans), tuple(self.spans))


Pass = Callable[[str], tuple[str, Edits | None]]


def delete(pattern: re.Pattern[str], text: str) -> tuple[str, Edits | None]:
    """``text`` without the matches of ``pattern``."""
    rw = Rewrite(text)
    for m in pattern.finditer(text):
        rw.replace(m.start(), m.end(), "")
    return rw.result()


# --- passes --------------------------------------------------------------------------------------


def decode_entities(text: str) -> tuple[str, Edits | None]:
    """Character references decoded as a browser does (html.unescape); unknown names stay."""
    if "&" not in text:
        return text, None
    rw = Rewrite(text)
    for m in _ENTITY.finditer(text):
        new = html.unescape(m.group())
        if new != m.group():
            rw.replace(m.start(), m.end(), new.translate(_ENTITY_SPACE))
    return rw.result()


def remove_hidden(text: str, invisible: bool = True) -> tuple[str, Edits | None]:
    """Without dropped markup, asterisks between two letters (emphasis inside a word) and, if
    ``invisible`` (the caller knows whether the page has any), invisible characters."""
    spans = [m.span() for m in _IGNORABLE_RUN.finditer(text)] if invisible else []
    i = text.find(DROP)
    while i != -1:  # str.find, then a match where it stops: twenty times faster than finditer
        run = _DROP_RUN.match(text, i)
        spans.append(run.span())
        i = text.find(DROP, run.end())
    i = text.find("*")
    while i != -1:  # likewise: nearly every page has emphasis
        end = i + 1
        while end < len(text) and text[end] == "*":
            end += 1
        if i > 0 and end < len(text) and text[i - 1].isalpha() and text[end].isalpha():
            spans.append((i, end))
        i = text.find("*", end)
    if not spans:
        return text, None
    rw = Rewrite(text)
    for start, end in sorted(spans):
        rw.replace(start, end, "")
    return rw.result()


def compose(text: str, marks: bool = True) -> tuple[str, Edits | None]:
    """Accents typed as combining characters composed (NFC), one letter at a time so that offsets
    stay exact; a combining accent left on a Latin, Greek or Cyrillic letter is dropped (``marks``:
    whether the text may have such accents, if the caller knows)."""
    if unicodedata.is_normalized("NFC", text) and not (marks and _LOOSE_MARK.search(text)):
        return text, None
    rw = Rewrite(text)
    for token in _TOKEN.finditer(text):
        word = token.group()
        if unicodedata.is_normalized("NFC", word) and not _LOOSE_MARK.search(word):
            continue
        clusters, start = [], 0  # a character and the combining marks that follow it
        for i in range(1, len(word) + 1):
            if i == len(word) or not unicodedata.combining(word[i]):
                clusters.append((start, i))
                start = i
        changed = []
        for a, b in clusters:
            new = unicodedata.normalize("NFC", word[a:b])
            if _script(new[0]):
                new = new[0] + _LOOSE_MARK.sub("", new[1:])
            changed.append(new)
        if not unicodedata.is_normalized("NFC", "".join(changed)):
            # Composition across letters (Hangul jamo, some Indic vowels): the word as a whole.
            rw.replace(token.start(), token.end(), unicodedata.normalize("NFC", word))
            continue
        for (a, b), new in zip(clusters, changed):
            if new != word[a:b]:
                rw.replace(token.start() + a, token.start() + b, new)
    return rw.result()


def unmix(text: str) -> tuple[str, Edits | None]:
    """In words that mix scripts, Greek and Cyrillic look-alikes read as Latin letters.

    TS #39 flags a word whose letters come from more than one script; all its Greek and Cyrillic
    look-alikes are mapped, not only those of the minority script, because whoever disguises a
    word chooses the majority ("рогnоgrарһу" has eight Cyrillic letters and three Latin). A word
    in one script only is never changed."""
    if not _GREEK_CYRILLIC.search(text):
        return text, None
    rw = Rewrite(text)
    for start, end in _mixed_words(text):
        for i in range(start, end):
            if text[i] in CONFUSABLES:
                rw.replace(i, i + 1, CONFUSABLES[text[i]])
    return rw.result()


PASSES: tuple[Pass, ...] = (decode_entities, remove_hidden, compose, unmix)


def render(text: str) -> tuple[str, list[Edits]]:
    """The masked prose as a reader sees it, and the edits of each pass that changed lengths.
    The passes run in the order of :data:`PASSES`, each only where the page needs it (entities
    first: they can spell any of the characters the others look for)."""
    edits: list[Edits] = []

    def run(step: Pass) -> None:
        nonlocal text
        text, made = step(text)
        if made is not None:
            edits.append(made)

    if "&" in text:
        run(decode_entities)
    special = not text.isascii() and _ATTENTION.search(text) is not None
    run(partial(remove_hidden, invisible=special))
    if not text.isascii():  # NFC may still be needed without a listed accent (an Arabic hamza)
        run(partial(compose, marks=special))
    if special:
        run(unmix)
    return text, edits


def reveal(text: str) -> str:
    """``text`` with what hides a term spelled out, for messages: invisible characters and the
    look-alike letters of mixed-script words as ``<U+XXXX>``."""
    if text.isascii() or not _ATTENTION.search(text):  # called for every term the drift check quotes
        return text
    marks = {m.start() for m in _IGNORABLE.finditer(text)}
    for start, end in _mixed_words(text):
        marks.update(i for i in range(start, end) if text[i] in CONFUSABLES)
    if not marks:
        return text
    return "".join(f"<U+{ord(ch):04X}>" if i in marks else ch for i, ch in enumerate(text))
