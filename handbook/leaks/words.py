"""Words as the leak scan compares them: normalised as the terminology linter normalises prose.

A word is a run of letters and digits. Marks, invisible characters, character references
(``&eacute;``) and JSON escapes (``\\u00e9``) inside a run belong to the word, so that neither an
accent typed as a combining character nor an escape in a search bundle splits it. Each word is
then normalised as the linter's passes (:mod:`handbook.terms.visible`) do: invisible characters
removed, accents composed, look-alike letters of mixed-script words read as Latin (its ``unmix``),
lowercased and folded (:func:`handbook.terms.inflect.fold`: accents stripped, Arabic letter
variants unified), and Arabic vowel marks and tatweel removed. NFKC is applied too, because text
taken out of a PDF may carry ligatures (U+FB01 "fi") and Arabic presentation forms.

The words keep the offset where they start in the text they were read from, so a finding can name
its line and column.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from handbook.terms import inflect, visible

# Markup the scan blanks without separating letters (an inline tag inside a word): part of a word,
# removed by normalisation. The terminology linter's own DROP character.
DROP = visible.DROP
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
# Invisible characters of the Basic Multilingual Plane (soft hyphen, zero-width space and joiners,
# bidi marks, word joiner, byte order mark): one class without supplementary ranges scans fastest.
_INVISIBLE = "\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff"
# One character class, so the scan is one fast loop: letters, digits, marks, invisible characters,
# and the characters of references ("&#233;", "&eacute;") and escapes ("\u00e9", "\n"). A token
# may so hold several words ("l&#39;agent", "a;b"): normalise() splits it after decoding.
WORD = re.compile(f"[\\w{_MARKS}{_INVISIBLE}{DROP}&#;\\\\]+")
_LETTERS = re.compile(r"[^\W_]+")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_BACKSLASH = re.compile(r"\\[nrtbf\"/\\]")  # JSON and JavaScript escapes that are not letters
_MARKS_RE = re.compile(f"[{_MARKS}]")
_GREEK_CYRILLIC = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f]")
_HIDDEN = re.compile(f"[{DROP}{_INVISIBLE}]")

_cache: dict[str, tuple[str, ...]] = {}


def normalise(token: str) -> tuple[str, ...]:
    """The normalised word(s) of a token found by :data:`WORD`: usually one; none when it holds
    only invisible characters; several when an escape decodes to a separator (``l&#39;agent``)."""
    if token.isascii() and token.isalnum():
        return (token.lower(),)
    known = _cache.get(token)
    if known is not None:
        return known
    text = token
    if "&" in text:
        text = html.unescape(text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
        text = _BACKSLASH.sub(" ", text)
    text = _HIDDEN.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _GREEK_CYRILLIC.search(text):  # "рогnоgrарһу": look-alike letters read as Latin
            text = visible.unmix(text)[0]
        # Folded as the linter's patterns match: accents, Arabic letter variants, vowel marks.
        text = unicodedata.normalize("NFD", inflect.fold(text.lower()))
        text = unicodedata.normalize("NFC", _MARKS_RE.sub("", text))
    else:
        text = text.lower()
    words = tuple(_LETTERS.findall(text))
    if len(_cache) < 200_000:  # a site repeats its words: the cache is most of the speed
        _cache[token] = words
    return words


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """Every normalised word of ``text`` with the span of the token it comes from."""
    for m in WORD.finditer(text):
        token = m.group()
        if token.isascii() and token.isalnum():
            yield token.lower(), m.start(), m.end()
            continue
        for word in normalise(token):
            yield word, m.start(), m.end()


def sequence(text: str) -> list[str]:
    """The normalised words of ``text``, without their offsets: the scan's fast path (findall and
    no match objects: three times faster than :func:`tokens`); :func:`offsets` gives them when a
    view has a finding."""
    out: list[str] = []
    for token in WORD.findall(text):
        if token.isascii() and token.isalnum():
            out.append(token.lower())
        else:
            out.extend(normalise(token))
    return out


def offsets(text: str) -> list[int]:
    """Where each word of :func:`sequence` starts in ``text``."""
    return [start for _, start, _ in tokens(text)]


def split(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` and the offsets where they start, as two lists."""
    found = list(tokens(text))
    return [w for w, _, _ in found], [s for _, s, _ in found]
