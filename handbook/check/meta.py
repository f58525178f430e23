"""FM0xx: front matter parses, is a mapping, and follows the registry in handbook/frontmatter.py.

The rules themselves (required keys, types, unknown keys: FM003-FM005) live in that registry,
which every feature extends; this module only runs it over every page in every language.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook import frontmatter
from handbook.check.corpus import Corpus
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    for page in corpus.pages:
        if not page.text.lstrip("\ufeff").startswith("---"):
            yield Diagnostic(page.path, 1, 1, "FM002", "page has no front matter",
                             hint="start the file with '---', 'title:', 'description:' (and more for English pages), '---'")
            continue
        front = page.front
        if isinstance(front, HandbookError):
            yield Diagnostic(page.path, front.line or 1, 1, "FM001", front.message.rstrip("."), hint=front.fix)
            continue
        kind = frontmatter.PageKind(page.lang, is_source=page.lang == corpus.i18n.default)
        yield from frontmatter.validate(front, page.path, kind)
