"""The integrity checker behind ``handbook check``.

One module per family of rules, each a function ``check(corpus) -> Iterable[Diagnostic]``
registered in :data:`CHECKS`. They share one :class:`~handbook.check.corpus.Corpus` (every page of
every language, read and inventoried once), so every language's problems come out of one run.
The built-site checks (lychee, CSP) live in :mod:`handbook.check.site`. Rule codes and their
summaries are in :mod:`handbook.check.rules`; each is documented in docs/contributing/check-rules.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from handbook.check import hygiene, links, meta, parity, safety, suppress
from handbook.check.corpus import Corpus, load_corpus
from handbook.diagnostics import Diagnostic
from handbook.paths import Project

Check = Callable[[Corpus], Iterable[Diagnostic]]

CHECKS: dict[str, Check] = {
    "links": links.check,
    "parity": parity.check,
    "frontmatter": meta.check,
    "safety": safety.check,
    "hygiene": hygiene.check,
}


def check_docs(project: Project, families: Sequence[str] | None = None, corpus: Corpus | None = None) -> list[Diagnostic]:
    """Markdown-level findings for every language, after suppression comments are applied."""
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
