"""The terminology rules: their codes are in the one registry (:mod:`handbook.rules`); here are their checks.

Each rule is documented under its code in docs/contributing/terminology-rules.md (a test checks
that every code has its section). ScannedPage checks and pair checks (a translation against its English
original) are generators of :class:`~handbook.diagnostics.Diagnostic`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from handbook.diagnostics import Diagnostic
from handbook.rules import TERMS_DOCS, rules_of
from handbook.rules import resolve as resolve_rule
from handbook.terms import visible
from handbook.terms.matcher import Hit, matcher
from handbook.terms.termbase import Termbase


RULES = rules_of("TERM")  # the terminology linter's slice of the one registry
DOCS_PAGE = TERMS_DOCS


def resolve(token: str) -> str | None:
    """A rule code from a code or a rule name (``TERM001`` or ``avoid-term``); None when unknown."""
    return resolve_rule(token, RULES)


@dataclass
class ScannedPage:
    """A page's text as the terminology checks scan it (built by :mod:`handbook.terms.lint` from a
    :class:`handbook.pages.Page`, or from any text in the tests)."""

    path: str
    lang: str
    text: str
    scan: object           # extract.Scannable
    position: Callable[[int], tuple[int, int]]  # scannable offset -> (line, col) in the file
    body_line: int = 1
    cache: dict = field(default_factory=dict)  # results reused when a page is the source of several translations


def _found(page: ScannedPage, hit: Hit) -> str:
    """The words of a hit as the page writes them (the scanned text is folded), with what hides
    them from a reader spelled out (``por<U+200B>nography``)."""
    start, end = page.scan.page_span(hit.start, hit.end)
    found = visible.reveal(" ".join(page.text[start:end].replace("*", "").replace("_", " ").split()))
    # Markup hidden inside a term can be any length; the message shows its two ends.
    return found if len(found) <= _QUOTE_MAX else found[:_QUOTE_MAX // 2] + " … " + found[-_QUOTE_MAX // 2:]


_QUOTE_MAX = 160


def _diag(page: ScannedPage, hit: Hit, code: str, message: str, hint: str) -> Diagnostic:
    line, col = page.position(hit.start)
    return Diagnostic(page.path, line, col, code, message, RULES[code].severity, hint)


def check_terms(page: ScannedPage, termbase: Termbase) -> Iterator[Diagnostic]:
    """TERM001 and TERM002: avoid forms and use-with-care forms outside titles and mentions."""
    for hit in matcher(termbase, page.lang).avoid_hits(page.scan.text):
        concept = hit.form.concept
        entry = concept.entry(page.lang)
        hint = "prefer: " + "; ".join(entry.prefer)
        if concept.severity == "avoid":
            yield _diag(page, hit, "TERM001", f'avoid "{_found(page, hit)}": {entry.reason}', hint)
        else:
            yield _diag(page, hit, "TERM002", f'use "{_found(page, hit)}" with care: {entry.reason}', hint)


def check_drift(page: ScannedPage, source: ScannedPage, termbase: Termbase) -> Iterator[Diagnostic]:
    """TERM003: concepts whose preferred term the English page uses, and the translation does not."""
    if "prefer" not in source.cache:
        source.cache["prefer"] = matcher(termbase, source.lang).prefer_hits(source.scan.text, longest=True)
    used_in_source = {hit.form.concept: hit for hit in source.cache["prefer"]}
    if not used_in_source:
        return
    mine = matcher(termbase, page.lang)
    approved = {hit.form.concept for hit in mine.prefer_hits(page.scan.text, only=frozenset(used_in_source))}
    variants = mine.variant_hits(page.scan.text)
    for concept, source_hit in sorted(used_in_source.items(), key=lambda item: item[1].start):
        entry = concept.entry(page.lang)
        if not entry.prefer:  # the language's column of the termbase is not started yet
            continue
        english = _found(source, source_hit)
        hint = "prefer: " + "; ".join(entry.prefer)
        own_variants = [h for h in variants if h.form.concept is concept]
        for hit in own_variants:
            yield _diag(page, hit, "TERM003", f'translation drift: "{_found(page, hit)}" is a variant; '
                        f'the English page says "{english}" and the approved term is "{entry.prefer[0]}"', hint)
        if concept not in approved and not own_variants:
            yield Diagnostic(page.path, page.body_line, 1, "TERM003",
                             f'translation drift: the English page uses "{english}" ({concept.id}); '
                             f"this translation never uses an approved term for it",
                             RULES["TERM003"].severity, hint)


PAGE_CHECKS: list[Callable[[ScannedPage, Termbase], Iterator[Diagnostic]]] = [check_terms]
PAIR_CHECKS: list[Callable[[ScannedPage, ScannedPage, Termbase], Iterator[Diagnostic]]] = [check_drift]
