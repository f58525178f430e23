"""Who must approve a change, checked with the handbook: every chapter and checklist has its
working group in .github/CODEOWNERS, and every translated language its team, for its pages, UI strings and PO files (OWN001-OWN003).

Read with GitHub's matching rules (handbook.check.codeowners), so a chapter added without its
line, or a language added without its team, is refused in CI before anyone merges it unreviewed.
"""

from __future__ import annotations

from collections.abc import Iterator

from handbook.check.codeowners import CODEOWNERS_FILE, owner_rule, parse
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.languages import translation_path
from handbook.pages.model import Corpus
from handbook.paths import CHAPTERS_DIR, CHECKLISTS_DIR, DOCS_DIR, PO_DIR, UI_DIR


def _pieces(pattern: str, code: str) -> list[str]:
    """How ``pattern`` names the language: '.fr.' in a file name, or '/fr/' as a folder."""
    return [piece for piece in (f".{code}.", f"/{code}/") if piece in pattern]


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    path = corpus.project.root / CODEOWNERS_FILE
    if not path.is_file():
        return
    try:
        rules = parse(path)
    except HandbookError as exc:
        yield Diagnostic(CODEOWNERS_FILE, exc.line or 1, 1, "OWN003", exc.message, hint=exc.fix or
                         "write the pattern without it")
        return
    for page in corpus.english():
        if page.source.startswith((CHAPTERS_DIR, CHECKLISTS_DIR)):
            rule = owner_rule(rules, page.path)
            if rule is None or rule.pattern != f"/{page.path}" or not rule.owners:
                yield Diagnostic(page.path, 1, 1, "OWN001", f"no line of its own in {CODEOWNERS_FILE}: its "
                                 "working group is not asked to review changes to it",
                                 hint=f"add '/{page.path}  @<organisation>/<group>-wg' to section 3 of "
                                      f"{CODEOWNERS_FILE}")
    for code in corpus.i18n.translated_codes:
        for sample in (translation_path(f"{DOCS_DIR}/{CHAPTERS_DIR}x.md", code), translation_path(f"{UI_DIR}/core.yml", code),
                       f"{PO_DIR}/{code}/chapters/x.po"):
            rule = owner_rule(rules, sample)
            if rule is None or not _pieces(rule.pattern, code) or not rule.owners:
                yield Diagnostic(CODEOWNERS_FILE, rule.line if rule else 1, 1, "OWN002",
                                 f"'{code}' files such as {sample} are not given to the {code} team "
                                 f"(decided by {'line ' + str(rule.line) if rule else 'no line'})",
                                 hint=f"add the lines of '{code}' to section 4 of {CODEOWNERS_FILE}")
                break
