"""The one definition of a translation that is behind its English page.

A translation is behind when the English text it carries has changed since the version it records
(``source_blob``): the body, or a front-matter value that translations give in their own language
(``title``, ``description``: the fields marked ``translated`` in handbook.frontmatter). A review of
the English page (``last_reviewed``), a new owner, a chapter number or new paragraph numbers (which
``handbook paragraphs number`` copies into the translations) change the file and its blob id, but
not what a translator translates, so they leave every translation up to date.

`handbook status`, the translation notices on the web and in the PDF, and `handbook review`
(REV006) all take the state from handbook.translation.inventory, which applies this rule.
"""

from __future__ import annotations

from handbook import frontmatter
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.pages import paragraphs
from handbook.paths import DOCS_DIR


def carried(text: str) -> tuple[tuple[tuple[str, str], ...], str] | None:
    """What a translation carries of an English page's text: its translated front-matter values and
    its body. None when the front matter cannot be read (then any change counts)."""
    try:
        front = frontmatter.split(text)
    except HandbookError:
        return None
    values = tuple(sorted((key, str(front.meta[key])) for key, field in frontmatter.FIELDS.items()
                          if field.translated and key in front.meta))
    return values, paragraphs.strip_marks(front.body)  # numbers are copied by a command, not translated


def same_for_translators(old: str, new: str) -> bool:
    """Whether two versions of an English page differ only where translations do not follow."""
    before = carried(old)
    return before is not None and before == carried(new)


# The facts of the translation status that are findings, each under the one code that every
# command reports it with (handbook status --format github; check: PAR001; review: REV006).

def behind_finding(path: str, lang: str, source: str, translated_on: str | None) -> Diagnostic:
    """REV006: the translation ``path`` (docs-relative) is behind its English page ``source``."""
    since = f" (translated on {translated_on})" if translated_on else ""
    return Diagnostic(f"{DOCS_DIR}/{path}", 1, 1, "REV006",
                      f"the English page changed since this translation was last updated{since}",
                      severity="warning", hint=f"see what changed: handbook status --diff {lang} {source}")


def orphan_finding(path: str, source: str) -> Diagnostic:
    """PAR001: the translation ``path`` (project-relative) has no English page ``source``."""
    return Diagnostic(path, 1, 1, "PAR001", f"translation has no English original {DOCS_DIR}/{source}",
                      hint="rename it to match its original, or remove it")
