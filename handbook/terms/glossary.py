"""The glossary pages, generated from the termbase in each language at build time.

:func:`render_glossary` (registered in ``handbook.adapter.renderers.RENDERERS``) replaces the marker line
of ``glossary*.md`` by a table of the concepts in the page's language: preferred terms, the terms
to avoid or use with care, the reason, and the sources. The files in docs/ are never rewritten.
Column headers and labels are UI strings (translations/ui/terms.<code>.yml).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from handbook.markdown_table import cell
from handbook.terms import termbase as termbase_mod
from handbook.terms.termbase import Termbase

if TYPE_CHECKING:
    from handbook.languages import I18n
    from handbook.pageinfo import PageInfo

GLOSSARY_MARKER = "<!-- handbook:glossary -->"
GLOSSARY_PAGE = "glossary"


def glossary_markdown(termbase: Termbase, i18n: I18n, code: str) -> str:
    """The glossary of language ``code``, as Markdown (a table, then the list of sources)."""
    t = lambda key: i18n.t(code, key)  # noqa: E731
    rows = [f"| {t('glossary_preferred')} | {t('glossary_instead')} | {t('glossary_reason')} | {t('glossary_sources')} |",
            "|---|---|---|---|"]
    sep = t("glossary_separator")
    # Terms are alternatives, listed in the language's own pattern (CLDR: 'A, B or C', 'A أو B'); the separator
    # between the labelled groups ('Avoid: ...; Variant: ...') is the translators' punctuation.
    def labelled(label: str, terms: list[str]) -> str:
        return i18n.t(code, "glossary_labelled", label=label, terms=i18n.join(code, [cell(t) for t in terms], "or"))

    cited: list[str] = []
    for concept in termbase.concepts:
        entry = concept.entry(code)
        if not entry.prefer:  # a column not started yet: the English terms, as the English page gives them
            entry = concept.entry(i18n.default)
        preferred = i18n.join(code, [f"**{cell(term)}**" if i == 0 else cell(term)
                                     for i, term in enumerate(entry.prefer)], "or")
        if not entry.verified:
            preferred += f" ({t('glossary_unverified')})"
        parts = []
        if entry.avoid:
            parts.append(labelled(t("glossary_avoid") if concept.severity == "avoid" else t("glossary_care"), entry.avoid))
        if entry.variants:
            parts.append(labelled(t("glossary_variant"), entry.variants))
        instead = sep.join(parts)
        sources = []
        for sid in entry.sources:
            if sid not in cited:
                cited.append(sid)
            sources.append(str(cited.index(sid) + 1))
        # The language's own list pattern (CLDR): Arabic '1 و2 و3' reads in order, where '1, 2, 3'
        # showed as '3 ,2 ,1' to a reader of the right-to-left page.
        # No-break spaces: a list of source numbers is not split across lines.
        rows.append(f"| {preferred} | {instead} | {cell(entry.reason)} | "
                    f"{i18n.join(code, sources).replace(' ', chr(0xA0))} |")
    # Each title is isolated (U+2068 ... U+2069, "first strong isolate"): an English title in the
    # Arabic list is laid out left to right as a whole, its punctuation where its writer put it
    # (without it, 'OHCHR, ...:' showed as ':OHCHR, ...'). Browsers and the PDF both honour it.
    notes = [f"{n}. [\u2068{cell(termbase.sources[sid].title)}\u2069]({termbase.sources[sid].url})"
             for n, sid in enumerate(cited, 1)]
    return "\n".join(rows) + "\n\n" + "\n".join(notes) + "\n"


def render_glossary(markdown: str, info: PageInfo) -> str | None:
    if info.src_uri is None or GLOSSARY_MARKER not in markdown:
        return None
    if PurePosixPath(info.src_uri).name.split(".")[0] != GLOSSARY_PAGE:
        return None
    termbase = termbase_mod.load(info.root, info.i18n.codes)  # a HandbookError: the hooks report it
    return markdown.replace(GLOSSARY_MARKER, glossary_markdown(termbase, info.i18n, info.lang))
