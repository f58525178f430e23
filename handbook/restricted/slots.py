"""Fill each ``/// restricted-slot | <id>`` of a page with its passage, in the restricted edition.

The passage is the one of the page's language (restricted/passages/<id>.<lang>.md), else the
English one, marked as web and PDF mark an untranslated page: in English (``lang``/``dir``) under a
note in the reader's language. A slot with no passage at all stops the restricted build (file,
line, id, fix). In the public edition this renderer does nothing, and the extension
handbook.mdext.restricted_slot removes every slot.
"""

from __future__ import annotations

from html import escape

from handbook.errors import HandbookError
from handbook.mdext.restricted_slot import NAME, SLOT_ID, Slot, replace_slots, slots
from handbook.pageinfo import PageInfo
from handbook.pages.walk import RESTRICTED
from handbook.paths import DOCS_DIR, RESTRICTED_PASSAGES_DIR, Project


def render_restricted_slots(markdown: str, info: PageInfo) -> str | None:
    if info.audience != RESTRICTED or NAME not in markdown or info.src_uri is None:
        return None
    from handbook.pages.model import load_passages  # late: only pages with a slot need the passages

    passages = {(p.lang, p.source[:-3]): p for p in load_passages(Project(info.root), info.i18n)}
    path = f"{DOCS_DIR}/{info.src_uri}"
    # The renderer sees the body, without the front matter: the error names the line in the file.
    in_file = iter(_file_lines(info))

    def fill(slot: Slot) -> str:
        line = next(in_file, slot.line)
        if not SLOT_ID.fullmatch(slot.id):
            raise HandbookError(path, f"restricted slot {slot.id!r} has no valid id.", line=line,
                                fix="Write '/// restricted-slot | <id>' with the passage's file name, in "
                                    "lower-case letters, digits and hyphens (restricted/passages/<id>.md).")
        if slot.body:
            raise HandbookError(path, f"restricted slot {slot.id!r} holds text: a slot holds nothing "
                                "public, and its text would be lost.", line=line,
                                fix="Move the text into restricted/passages/, and leave the slot empty.")
        own = passages.get((info.lang, slot.id))
        english = passages.get((info.i18n.default, slot.id))
        if own is None and english is None:
            raise HandbookError(path, f"restricted slot {slot.id!r} has no passage.", line=line,
                                fix=f"Add {RESTRICTED_PASSAGES_DIR}/{slot.id}.md (and its translations), "
                                    "or correct the id.")
        if own is not None:
            return f"\n{own.body.strip()}\n"
        return _fallback(info, english.body.strip())

    return replace_slots(markdown, fill)


def _fallback(info: PageInfo, body: str) -> str:
    """The English passage in a translated page: in English, under a note in the reader's language."""
    i18n, lang = info.i18n, info.lang
    note = escape(i18n.t(lang, "restricted_passage_fallback"))
    default = i18n.default
    return (f'\n<div class="hb-restricted-passage" markdown="1">\n\n'
            f'<p class="fallback-notice">{note}</p>\n\n'
            f'<div lang="{default}" dir="{i18n.language(default).dir}" markdown="1">\n\n{body}\n\n</div>\n\n</div>\n')


def _file_lines(info: PageInfo) -> list[int]:
    """The file's line of each slot of the page, in order (the body holds the same slots, in the same
    order, but MkDocs strips the front matter and the blank lines after it)."""
    try:
        text = (info.root / DOCS_DIR / str(info.src_uri)).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [slot.line for slot in slots(text.split("\n"))]
