"""The one definition of a translation that is behind its English page.

A translation is behind when the English text it carries has changed since the version it records
(``source_blob``): the body, or a front-matter value that translations give in their own language
(``title``, ``description``: the fields marked ``translated`` in handbook.frontmatter). A review of
the English page (``last_reviewed``), a new owner or a chapter number changes the file and its blob
id, but not what a translator translates, so it leaves every translation up to date.

`handbook status`, the translation notices on the web and in the PDF, and `handbook review`
(REV006) all take the state from handbook.translation.inventory, which applies this rule.
"""

from __future__ import annotations

from handbook import frontmatter
from handbook.errors import HandbookError


def carried(text: str) -> tuple[tuple[tuple[str, str], ...], str] | None:
    """What a translation carries of an English page's text: its translated front-matter values and
    its body. None when the front matter cannot be read (then any change counts)."""
    try:
        front = frontmatter.split(text)
    except HandbookError:
        return None
    values = tuple(sorted((key, str(front.meta[key])) for key, field in frontmatter.FIELDS.items()
                          if field.translated and key in front.meta))
    return values, front.body


def same_for_translators(old: str, new: str) -> bool:
    """Whether two versions of an English page differ only where translations do not follow."""
    before = carried(old)
    return before is not None and before == carried(new)
