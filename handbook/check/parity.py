"""PAR0xx: each translation keeps the structure of its English original.

Compared: explicit heading ids (so anchors work in every language), admonitions (number and
kind), tables, images, code blocks (number and language) and internal link targets (a
translation may link to other-language versions of outside sources, so external URLs are not
compared). Problems are reported on the translation, at the first place where it diverges.
"""

from __future__ import annotations

import re

from collections import Counter
from collections.abc import Iterator, Sequence

from handbook.pages.model import Corpus, Page, split_language
from handbook.translation.behind import orphan_finding
from handbook.check.links import is_internal, split_url
from handbook.diagnostics import Diagnostic


def _diverge(source: Sequence[object], translation: Sequence[object]) -> int:
    for index, (a, b) in enumerate(zip(source, translation)):
        if a != b:
            return index
    return min(len(source), len(translation))


def _line_at(lines: Sequence[int], index: int, fallback: int) -> int:
    if not lines:
        return fallback
    return lines[min(index, len(lines) - 1)]


def _sequence(code: str, what: str, src: Page, tr: Page, src_items: list[str], src_lines: list[int],
              tr_items: list[str], tr_lines: list[int]) -> Iterator[Diagnostic]:
    if src_items == tr_items:
        return
    index = _diverge(src_items, tr_items)
    line = _line_at(tr_lines, index, 1)
    shown = lambda items: ", ".join(items) if any(items) else str(len(items))  # noqa: E731
    yield Diagnostic(tr.path, line, 1, code,
                     f"{what} differ from the English original: {len(tr_items)} here ({shown(tr_items)}), "
                     f"{len(src_items)} in {src.path} ({shown(src_items)})",
                     hint=f"first difference at item {index + 1}"
                          + (f" (line {src_lines[index]} of the original)" if index < len(src_lines) else ""))


def _headings(src: Page, tr: Page) -> Iterator[Diagnostic]:
    src_ids = [(h.id, h.line) for h in src.inv.headings if h.id]
    tr_ids = [(h.id, h.line) for h in tr.inv.headings if h.id]
    tr_names = {name for name, _ in tr_ids}
    src_names = {name for name, _ in src_ids}
    tr_lines = [h.line for h in tr.inv.headings]
    for index, (name, src_line) in enumerate(src_ids):
        if name not in tr_names:
            yield Diagnostic(tr.path, _line_at(tr_lines, index, 1), 1, "PAR002",
                             f"heading id '#{name}' of the English original is missing",
                             hint=f"{src.path}:{src_line}; give the translated heading {{ #{name} }}")
    for name, line in tr_ids:
        if name not in src_names:
            yield Diagnostic(tr.path, line, 1, "PAR003", f"heading id '#{name}' is not in the English original",
                             hint=f"use the id of the matching heading in {src.path}")


def _targets(page: Page, corpus: Corpus) -> list[tuple[str, int]]:
    out = []
    for link in page.inv.links:
        if link.image or link.origin == "attr" or not is_internal(link.url):
            continue
        path, fragment = split_url(link.url)
        if path.endswith(".md"):
            path = split_language(path, corpus.i18n.codes, corpus.i18n.default)[1]
        out.append((path + (f"#{fragment}" if fragment else ""), link.line))
    return out


def _links(src: Page, tr: Page, corpus: Corpus) -> Iterator[Diagnostic]:
    src_targets, tr_targets = _targets(src, corpus), _targets(tr, corpus)
    missing = Counter(t for t, _ in src_targets) - Counter(t for t, _ in tr_targets)
    extra = Counter(t for t, _ in tr_targets) - Counter(t for t, _ in src_targets)
    src_index = {t: index for index, (t, _) in reversed(list(enumerate(src_targets)))}
    tr_lines = [line for _, line in tr_targets]
    for target in missing:
        index = src_index[target]  # reported where the translation's link in that position is
        yield Diagnostic(tr.path, _line_at(tr_lines, index, 1), 1, "PAR008",
                         f"link to '{target}' of the English original is missing",
                         hint=f"{src.path}:{src_targets[index][1]} links there")
    for target, line in tr_targets:
        if extra[target] > 0:
            extra[target] -= 1
            yield Diagnostic(tr.path, line, 1, "PAR008", f"link to '{target}' is not in the English original",
                             hint=f"link to the same targets as {src.path}")


_LANGUAGE_SUFFIX = re.compile(r"\.([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\.md$")


def _unknown_languages(corpus: Corpus) -> Iterator[Diagnostic]:
    """'page.de.md' in a handbook without German is not an English page: say so."""
    from babel import localedata  # only when such a name is found

    for page in corpus.pages:
        m = _LANGUAGE_SUFFIX.search(page.rel)
        if m and page.lang == corpus.i18n.default and localedata.exists(m.group(1).replace("-", "_")):
            yield Diagnostic(page.path, 1, 1, "PAR009", f"named as a translation into '{m.group(1)}', which "
                             "translations/languages.yml does not list", hint="add the language first "
                             f"(translations/languages.yml), or rename the file: {page.rel[:m.start()]}.md is English")


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    yield from _unknown_languages(corpus)
    default = corpus.i18n.default
    for tr in corpus.pages:
        if tr.lang == default:
            continue
        src = corpus.page(default, tr.source)
        if src is None:
            yield orphan_finding(tr.path, tr.source)
            continue
        yield from _headings(src, tr)
        s, t = src.inv, tr.inv
        yield from _sequence("PAR004", "admonitions", src, tr, [b.name for b in s.blocks], [b.line for b in s.blocks],
                             [b.name for b in t.blocks], [b.line for b in t.blocks])
        yield from _sequence("PAR005", "tables", src, tr, [""] * len(s.tables), s.tables, [""] * len(t.tables), t.tables)
        yield from _sequence("PAR006", "images", src, tr, [""] * len(s.images), [i.line for i in s.images],
                             [""] * len(t.images), [i.line for i in t.images])
        yield from _sequence("PAR007", "code blocks", src, tr, [f.lang or "-" for f in s.fences],
                             [f.line for f in s.fences], [f.lang or "-" for f in t.fences], [f.line for f in t.fences])
        yield from _links(src, tr, corpus)
