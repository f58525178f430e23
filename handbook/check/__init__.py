"""The integrity checker behind ``handbook check``.

One module per family of rules, each a function ``check(corpus) -> Iterable[Diagnostic]``
registered in :data:`CHECKS`. They share one :class:`~handbook.pages.model.Corpus` (every page of
every language, read and inventoried once), so every language's problems come out of one run.
The built-site checks (lychee, CSP) live in :mod:`handbook.check.site`. Rule codes and their
summaries are in the one registry, :mod:`handbook.rules` (check's slice: :mod:`handbook.check.rules`);
each is documented in docs/contributing/check-rules.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handbook.pages.model import Corpus
    from handbook.diagnostics import Diagnostic
    from handbook.paths import Project

Check = Callable[["Corpus"], Iterable["Diagnostic"]]


def _family(module: str) -> Check:
    """The check of ``handbook.check.<module>``, imported when it first runs: `handbook check`
    starts lychee before it needs any of them."""

    def check(corpus: Corpus) -> Iterable[Diagnostic]:
        return importlib.import_module(f"handbook.check.{module}").check(corpus)

    check.__name__ = f"{module}.check"
    return check


CHECKS: dict[str, Check] = {
    "links": _family("links"),
    "parity": _family("parity"),
    "frontmatter": _family("meta"),
    "safety": _family("safety"),
    "hygiene": _family("hygiene"),
    "fonts": _family("fonts"),  # every language's text against the shipped fonts (FONT001)
    "paragraphs": _family("paragraphs"),  # citable paragraph numbers of chapters (PARA codes)
    "owners": _family("owners"),  # who approves a change: .github/CODEOWNERS (OWN codes)
    "workflows": _family("workflows"),  # the CI workflows that publish the handbook (WF codes)
    "leaks": _family("leaks"),  # what public pages must not say about the restricted tree (LEAK codes)
}


def check_docs(project: Project, families: Sequence[str] | None = None, corpus: Corpus | None = None) -> list[Diagnostic]:
    """Markdown-level findings for every language, after suppression comments are applied."""
    # Imported here, like the families above: `handbook check` starts lychee before it reads pages.
    from handbook.check import safety, suppress
    from handbook.pages.model import load_corpus

    corpus = corpus or load_corpus(project)
    chosen = list(families or CHECKS)
    # Rendering every page is most of the work: it starts first, in worker processes, and the
    # other families run here meanwhile.
    pending = {"safety": safety.start(corpus)} if "safety" in chosen else {}
    found: list[Diagnostic] = []
    for name in chosen:
        if name not in pending:
            found.extend(CHECKS[name](corpus))
    for finish in pending.values():
        found.extend(finish())
    return sorted(set(suppress.apply(corpus, found, set(chosen))))
