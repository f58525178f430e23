"""Turn a term into a regular expression that also matches its inflected forms in running prose.

Inflection rules are named rule sets (``RULE_SETS``); each language names its set in
translations/languages.yml (``inflection:``), and a language without one gets exact matching
(lowercase, accents folded). Arabic letter variants and vowel marks are unified wherever Arabic
letters occur: that follows the script, not the language. Patterns match lowercased text (see :func:`handbook.terms.extract.scannable`)
and carry character classes for accents and Arabic letter variants, so "pedopornographie" and
"prostituciones" match "pédopornographie" and "prostitución". Each term also has *anchors*:
literals that every match contains, which the matcher finds with ``str.find`` before running any
regex. Only syntax that Python's ``re`` and Vale's regexp2 both understand is used, so the Vale
export reuses the patterns (with ``ignorecase``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

ARABIC_MARKS = frozenset(chr(c) for c in [*range(0x064B, 0x0653), 0x0670, 0x0640])

# --- folding -------------------------------------------------------------------------------------


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in [*range(0x41, 0x5B), *range(0xC0, 0x250)]:
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if len(base) == 1 and base != ch and base.isalpha():
            table[cp] = base
    table[ord("\u2019")] = "'"
    table.update(ARABIC_VARIANTS)
    return table


# Arabic letters written several ways: alef with hamza or madda, alef maqsura, taa marbuta.
ARABIC_VARIANTS = {ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا", ord("ى"): "ي", ord("ة"): "ه"}
HAMZA_ALEF = {ord("أ"): "ا", ord("إ"): "ا", ord("آ"): "ا"}  # what scanned Arabic text unifies
FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Lowercase, strip accents, unify Arabic letter variants: same length as ``text``."""
    return text.translate(FOLD_TABLE)


# --- pattern pieces ------------------------------------------------------------------------------

_SP = r"[ \t\u00a0\u202f\u2009]"
# Between two words of a term: spaces, inline markup (emphasis, brackets, quote markers), a hyphen,
# at most one line break. A blank line, which ends the paragraph, is never crossed; a table border
# or a backtick is not in the gap, so a term never spans two cells or enters code.
_SPM = r"[ \t\u00a0\u202f\u2009*_~=#>\[\]\\]"
GAP = rf"(?:{_SPM}*[-\u2010\u2011]?{_SPM}*(?:\n{_SPM}*)?)"
APOSTROPHE = "['\u2019]"
LEFT = r"(?<!\w)"
RIGHT = r"(?!\w)"

_CLASSES = {"a": "[aàáâä]", "e": "[eèéêë]", "i": "[iìíîï]", "o": "[oòóôö]", "u": "[uùúûü]",
            "c": "[cç]", "n": "[nñ]", "ا": "[اأإآ]", "ي": "[يى]", "ه": "[هة]"}


@dataclass(frozen=True)
class Style:
    """How literal text is written in a pattern (one style today; kept as the seam for others)."""

    gap: str = GAP
    apostrophe: str = APOSTROPHE

    def lit(self, text: str) -> str:
        out = []
        for ch in fold(text):
            if ch in ARABIC_MARKS:  # vowel marks and tatweel are removed from scanned text
                continue
            if ch == "'":
                out.append(self.apostrophe)
            elif ch in "-\u2010\u2011":
                out.append(rf"(?:[-\u2010\u2011]|{_SP})?")
            elif ch in _CLASSES:
                out.append(_CLASSES[ch])
            else:
                out.append(re.escape(ch))
        return "".join(out)


# A word builder returns (pattern, stem): the stem is the part of the word present in every match.
WordBuilder = Callable[[str, bool, Style], tuple[str, str]]

_EN_SHORT = {"the", "and", "with", "for", "of", "in", "a", "an", "to", "or"}


def _en(word: str, first: bool, s: Style) -> tuple[str, str]:  # noqa: ARG001
    if word.isupper() and len(word) > 1:  # acronyms: CSAM, CSAMs
        return s.lit(word) + "s?", word
    low = word.lower()
    if low in _EN_SHORT or len(word) <= 2 or not word[-1].isalpha():
        return s.lit(word), word
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return s.lit(word[:-1]) + "(?:y|ies)", word[:-1]
    if low.endswith(("s", "x", "ch", "sh")):
        return s.lit(word) + "(?:es)?", word
    return s.lit(word) + f"(?:s|es|{s.apostrophe}s)?", word


def _fr(word: str, first: bool, s: Style) -> tuple[str, str]:
    # Elision before the first word: l'enfant, d'enfants, qu'un...
    prefix = f"(?:(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu){s.apostrophe})?" if first else ""
    low = fold(word)
    if len(word) <= 3 or "'" in low or not low[-1].isalpha() or low.endswith(("s", "x")):
        return prefix + s.lit(word), word
    if word.lower().endswith("e"):  # not "é": prostitué -> prostituée
        return prefix + s.lit(word) + "s?", word
    if low.endswith("al"):
        return prefix + s.lit(word[:-2]) + "(?:al|aux|ale|ales)", word[:-2]
    return prefix + s.lit(word) + "(?:e|es|s|x)?", word


_ES_SHORT = {"los", "las", "del", "con", "por", "una", "uno", "que", "en", "de", "la", "el", "y", "o"}


def _es(word: str, first: bool, s: Style) -> tuple[str, str]:
    low = fold(word)
    if len(word) <= 2 or low in _ES_SHORT or not low[-1].isalpha():
        return s.lit(word), word
    if low.endswith("ia"):  # pornografía(s)
        return s.lit(word) + "s?", word
    if low[-1] in "oa":  # gender and number: niño, niña, niños, niñas
        return s.lit(word[:-1]) + "[oa]s?", word[:-1]
    if low.endswith("e"):
        return s.lit(word) + "s?", word
    if low.endswith("z"):
        return s.lit(word[:-1]) + "(?:z|ces)", word[:-1]
    if low.endswith("or"):  # agresor, agresora, agresores
        return s.lit(word) + "(?:a|as|es)?", word
    return s.lit(word) + "(?:es)?", word  # infantil(es), prostitución -> prostituciones


# Attached prefixes: conjunctions و ف, prepositions ب ك ل, the article ال (ل + ال -> لل).
_AR_PREFIX_FIRST = "(?:[وف]?(?:[بكل]?ال|لل|[بكل])?)"
_AR_PREFIX_NEXT = "(?:[بكل]?ال|لل|[بكل])?"
_AR_SUFFIX = "(?:ات|ين|ون)?"


def _ar(word: str, first: bool, s: Style) -> tuple[str, str]:
    base = word
    if base.startswith(("لل", "ال")) and len(base) > 3:
        base = base[2:]
    prefix = _AR_PREFIX_FIRST if first else _AR_PREFIX_NEXT
    return prefix + s.lit(base) + _AR_SUFFIX, base


def _exact(word: str, first: bool, s: Style) -> tuple[str, str]:
    return s.lit(word), word


@dataclass(frozen=True)
class RuleSet:
    """How a language inflects a term: its word builder, and the clitics that may be attached to a
    mention marker ('the term', 'المصطلح' with و, ف, ب, ك or ل in front)."""

    words: WordBuilder
    clitics: str = ""


RULE_SETS: dict[str, RuleSet] = {
    "english": RuleSet(_en),
    "french": RuleSet(_fr),
    "spanish": RuleSet(_es),
    "arabic": RuleSet(_ar, clitics="(?:[وف]?[بكل]?)"),
}
EXACT = RuleSet(_exact)  # a language without rules: terms match as written (case and accents folded)


def rules(name: str) -> RuleSet:
    """The rule set ``name`` ('' for none); languages.yml's loader has checked the name."""
    return RULE_SETS.get(name, EXACT) if name else EXACT


@dataclass(frozen=True)
class TermPattern:
    pattern: str              # without boundaries
    anchors: tuple[str, ...]  # lowercase literals: every match contains at least one of them
    scan: str = ""            # when there is no good anchor: a regex that starts with the first word


# Arabic letters that scanned text does not unify (only hamza forms of alef are) and that writers
# swap (ى for final ي, ه for ة): they split anchors.
_AR_UNSTABLE = "[ىهة]"


def _anchors(stems: list[str], common: frozenset[str]) -> tuple[str, ...]:
    """The literal(s) to search for: the longest stem that is not a common word, as written in
    the termbase and without its accents (a writer may drop them; a plural may move them). Arabic
    letters that writers swap split stems (they are not in any other script, so this is safe)."""
    pieces = [p for stem in stems for p in re.split(r"[^\w]+|" + _AR_UNSTABLE, stem) if p]
    rare = [p for p in pieces if fold(p) not in common and len(p) >= 3]
    if not rare:
        return ()
    best = max(rare, key=len)
    # An Arabic stem has no accents, and its hamza forms are unified already: fold changes nothing.
    return tuple(sorted({best, fold(best)}))


def term(text: str, rule_set: RuleSet, *, inflect: bool = True, common: frozenset[str] = frozenset()) -> TermPattern:
    """The pattern of ``text`` with the language's ``rule_set``; ``inflect=False`` matches it as written (titles)."""
    style = Style()
    build = rule_set.words if inflect else _exact
    words = text.split()
    parts, stems = [], []
    for i, word in enumerate(words):
        pattern, stem = build(word, i == 0, style)
        parts.append(pattern)
        stems.append(_scan_form(stem))
    pattern = style.gap.join(parts)
    anchors = _anchors(stems, common)
    if anchors:
        return TermPattern(pattern, anchors)
    # Only common words ("child sex"): scan with the pattern minus the first word's optional
    # prefix, so that it starts with a literal, which the regex engine searches fast.
    first = build(words[0], False, style)[0] if words else ""
    return TermPattern(pattern, (), style.gap.join([first, *parts[1:]]) + RIGHT)


def _scan_form(stem: str) -> str:
    """A stem as it appears in scanned text: lowercase; Arabic letter variants unified, marks removed."""
    return "".join(c for c in stem.lower().translate(HAMZA_ALEF) if c not in ARABIC_MARKS)


def term_pattern(text: str, rule_set: RuleSet) -> str:
    """The pattern of a term (used case-insensitively by the Vale export)."""
    return term(text, rule_set).pattern


def bounded(pattern: str) -> str:
    return f"{LEFT}(?:{pattern}){RIGHT}"
