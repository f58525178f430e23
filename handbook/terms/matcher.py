"""Finding terms in prose, fast.

Each term is compiled alone (see :mod:`handbook.terms.inflect`) and indexed by its *anchor*, a
literal that every match contains. Scanning a page is one ``str.find`` loop per anchor, which runs
at memory speed; a term's regex runs only in a small window around each anchor found. Where two
hits overlap, the longer wins ("child sex tourism" over "child sex").

Exempt spans, the exact titles of legal instruments (per concept) and terms mentioned as terms
("the term «...»", any concept), are searched only around the hits they could exempt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from handbook.terms import inflect
from handbook.terms.termbase import Concept, Termbase

# Quotation marks, by pairs, so an apostrophe inside «l'enfant» does not close the quotation.
_QUOTES = [("«", "»"), ("\u201c", "\u201d"), ('"', '"'), ("\u201e", "\u201c"), ("\u2018", "\u2019"),
           ("\u2039", "\u203a"), ("'", "'")]
_QUOTED = "(?:" + "|".join(
    f"{re.escape(o)}[^{re.escape(o + c)}\\n]{{0,150}}(?:\\n[^{re.escape(o + c)}\\n]{{0,150}})?{re.escape(c)}"
    for o, c in _QUOTES) + ")"
_LIST_SEP = r"(?:\s*(?:,|;|/|\w{1,3})?\s*)"
_QUOTE_OPEN = re.compile("[" + "".join(sorted({o for o, _ in _QUOTES})) + "]")
_EXEMPT_REACH = 600  # a legal title never extends further than this around a hit
_MENTION_REACH = 360  # nor a mention (a marker and a few quotations) before it


@dataclass(frozen=True, eq=False)
class Form:
    concept: Concept
    text: str
    kind: str  # avoid | prefer | variant
    regex: re.Pattern[str]
    anchors: tuple[str, ...]
    scan: re.Pattern[str] | None  # for terms without a good anchor (only common words)
    reach: int  # the furthest a match extends from its anchor, either side


@dataclass(frozen=True)
class Hit:
    form: Form
    start: int
    end: int


def _form(concept: Concept, text: str, kind: str, rule_set: inflect.RuleSet, common: frozenset[str]) -> Form:
    tp = inflect.term(text, rule_set, common=common)
    scan = re.compile(tp.scan) if tp.scan else None
    return Form(concept, text, kind, re.compile(inflect.bounded(tp.pattern)), tp.anchors, scan, 3 * len(text) + 24)


class AnchorIndex:
    """Terms grouped by anchor; finds every hit with one ``str.find`` loop per anchor."""

    def __init__(self, forms: Iterable[Form]):
        forms = list(forms)
        self.by_anchor: dict[str, list[Form]] = {}
        self.scanned: list[Form] = []
        for form in forms:
            if form.scan is not None:
                self.scanned.append(form)
            for anchor in form.anchors:
                self.by_anchor.setdefault(anchor, []).append(form)
        self.concepts = frozenset(f.concept for f in forms)
        # Longer terms of other concepts that contain a term ("child sexual abuse material"
        # contains "child sexual abuse"): an occurrence inside one does not use the shorter term.
        self.containers: dict[int, list[Form]] = {
            id(f): [g for g in forms if g.concept is not f.concept and len(g.text) > len(f.text)
                    and inflect.fold(f.text) in inflect.fold(g.text)]
            for f in forms}

    def _contained(self, text: str, hit: Hit) -> bool:
        for g in self.containers[id(hit.form)]:
            for m in g.regex.finditer(text, max(0, hit.start - g.reach), min(len(text), hit.end + g.reach)):
                if m.start() <= hit.start and hit.end <= m.end():
                    return True
        return False

    def hits(self, text: str, *, first_per_concept: bool = False, only: frozenset[Concept] | None = None,
             standalone: bool = False) -> list[Hit]:
        """Every hit (the longest where they overlap); or, with ``first_per_concept``, the first hit
        of each concept (of the concepts in ``only``, if given), overlaps included, or with
        ``standalone`` too, the first hit that is not part of a longer term of another concept."""
        found: dict[tuple[int, int, int], Hit] = {}
        done: set[Concept] = set(self.concepts - only) if only is not None else set()
        size = len(text)

        def record(form: Form, start: int, end: int) -> bool:
            hit = Hit(form, start, end)
            if first_per_concept and standalone and self.containers[id(form)] and self._contained(text, hit):
                return False
            found[(start, end, id(form))] = hit
            done.add(form.concept)
            return True

        for anchor, forms in self.by_anchor.items():
            if first_per_concept and all(form.concept in done for form in forms):
                continue
            i = text.find(anchor)
            while i != -1:
                if first_per_concept and all(form.concept in done for form in forms):
                    break
                for form in forms:
                    if first_per_concept and form.concept in done:
                        continue
                    lo, hi = max(0, i - form.reach), min(size, i + len(anchor) + form.reach)
                    for m in form.regex.finditer(text, lo, hi):
                        if m.start() > i:
                            break
                        if m.end() >= i + len(anchor) and (m.end() < hi or hi == size):
                            record(form, m.start(), m.end())
                            break
                i = text.find(anchor, i + 1)
        for form in self.scanned:
            if first_per_concept and form.concept in done:
                continue
            for candidate in form.scan.finditer(text):
                m = form.regex.search(text, max(0, candidate.start() - 12), candidate.end())
                if m and record(form, m.start(), m.end()) and first_per_concept:
                    break
        if first_per_concept:
            return sorted(found.values(), key=lambda h: (h.start, h.end, h.form.text))
        return _longest(found.values())


def _longest(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping hits, the longest first where two overlap."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start), h.form.text)):
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


class LanguageMatcher:
    """Every term of one language, compiled once per termbase."""

    def __init__(self, termbase: Termbase, lang: str):
        self.lang = lang
        rule_set = inflect.rules(termbase.inflection.get(lang, ""))
        avoid, uses = [], []
        exceptions: dict[str, set[Concept]] = {}
        originals: dict[str, str] = {}
        common = termbase.common_words.get(lang, frozenset())
        for concept in termbase.concepts:
            entry = concept.entry(lang)
            avoid += [_form(concept, t, "avoid", rule_set, common) for t in entry.avoid]
            uses += [_form(concept, t, "prefer", rule_set, common) for t in entry.prefer]
            uses += [_form(concept, t, "variant", rule_set, common) for t in entry.variants]
            for text in entry.exceptions:
                exceptions.setdefault(inflect.fold(text), set()).add(concept)
                originals.setdefault(inflect.fold(text), text)
        self.avoid = AnchorIndex(avoid)
        self.prefer = AnchorIndex(f for f in uses if f.kind == "prefer")
        self.variant = AnchorIndex(f for f in uses if f.kind == "variant")
        # Exceptions exempt hits of their own concepts only; a mention exempts any term it quotes.
        # Each is searched only where it could apply: an exception where its anchor occurs near
        # the hit, a mention where a quotation mark opens shortly before it.
        self.exceptions: dict[Concept, list[tuple[re.Pattern[str], tuple[str, ...]]]] = {}
        for key, concepts in exceptions.items():
            tp = inflect.term(originals[key], rule_set, common=common)
            compiled = (re.compile(inflect.bounded(tp.pattern)), tp.anchors)
            for concept in concepts:
                self.exceptions.setdefault(concept, []).append(compiled)
        markers = termbase.mention_markers.get(lang, ())
        self.mention_re = None
        if markers:
            marker = "|".join(inflect.term(m, rule_set, inflect=False).pattern
                              for m in sorted(markers, key=len, reverse=True))
            prefix = rule_set.clitics
            self.mention_re = re.compile(inflect.bounded(
                f"{prefix}(?:{marker}){inflect.GAP}:?{inflect.GAP}{_QUOTED}(?:{_LIST_SEP}{_QUOTED})*"))

    def _exempt(self, text: str, hit: Hit) -> bool:
        lo = max(0, hit.start - _EXEMPT_REACH)
        hi = min(len(text), hit.end + _EXEMPT_REACH)
        for regex, anchors in self.exceptions.get(hit.form.concept, ()):
            if anchors and not any(text.find(a, lo, hi) != -1 for a in anchors):
                continue
            if any(m.start() <= hit.start and hit.end <= m.end() for m in regex.finditer(text, lo, hi)):
                return True
        if self.mention_re is not None and _QUOTE_OPEN.search(text, max(0, hit.start - 160), hit.start):
            # A mention is a marker, then one or more quotations, the hit in one of them.
            for m in self.mention_re.finditer(text, max(0, hit.start - _MENTION_REACH), min(len(text), hit.end + 160)):
                if m.start() <= hit.start and hit.end <= m.end():
                    return True
        return False

    def avoid_hits(self, text: str) -> list[Hit]:
        """Avoid forms in scanned prose that are not inside a legal title or a mention."""
        return [h for h in self.avoid.hits(text) if not self._exempt(text, h)]

    def prefer_hits(self, text: str, *, longest: bool = False, only: frozenset[Concept] | None = None) -> list[Hit]:
        """One hit per concept whose preferred term the text uses; where terms overlap, every
        concept counts ("abus sexuel" approves two concepts), unless ``longest``, where only the
        longest term does (an English page that says "child sexual abuse material" uses that
        concept, not also "sexual abuse")."""
        return self.prefer.hits(text, first_per_concept=True, only=only, standalone=longest)

    def variant_hits(self, text: str) -> list[Hit]:
        return self.variant.hits(text)


@lru_cache(maxsize=16)
def matcher(termbase: Termbase, lang: str) -> LanguageMatcher:
    return LanguageMatcher(termbase, lang)
