"""The ``/// restricted-slot | <id>`` block: the point of a public page where a restricted passage
goes (issue 17). It holds nothing public:

- the public edition removes it, lines and all, before Python-Markdown reads the page, so it leaves
  no element, comment, id or space a reader could see, and takes no paragraph number (the numbering
  of handbook.pages.paragraphs skips ``///`` lines, and a slot has no text of its own);
- the restricted edition fills it, before Markdown runs too, with the passage of that id in the
  page's language (handbook.restricted.render_restricted_slots, through the renderers).

The extension (in mkdocs.yml, so the web and the PDF both load it) is what makes removal the
default: any slot still in the text when Markdown runs, in any build, is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

NAME = "restricted-slot"
_OPEN = re.compile(r"^(?P<indent>[ \t]*)///[ \t]+restricted-slot[ \t]*(?:\|[ \t]*(?P<id>[^\s|]*)[ \t]*)?$")
_CLOSE = re.compile(r"^[ \t]*///[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
SLOT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # the passage's file name: restricted/passages/<id>.md


@dataclass(frozen=True)
class Slot:
    id: str     # '' when the opening line names none
    line: int   # 1-based line of '/// restricted-slot | id'
    end: int    # 1-based line of its closing '///' (== line when it is never closed)
    body: bool  # whether anything but blank lines stands between them
    indent: str = ""


def slots(lines: list[str], first_line: int = 1) -> list[Slot]:
    """The slots of a page (outside code fences), in order."""
    found, fence, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        opened = _FENCE.match(line)
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
        elif opened:
            fence = opened.group(1)[0] * 3
        else:
            match = _OPEN.match(line)
            if match:
                j = i + 1
                while j < len(lines) and not _CLOSE.match(lines[j]):
                    j += 1
                closed = j < len(lines)
                end = j if closed else i
                found.append(Slot(match.group("id") or "", i + first_line, end + first_line,
                                  any(s.strip() for s in lines[i + 1:end]), match.group("indent")))
                i = end
        i += 1
    return found


def replace_slots(text: str, fill: Callable[[Slot], str | None]) -> str:
    """``text`` with each slot's lines replaced by ``fill(slot)`` (None: removed, lines and all)."""
    lines = text.split("\n")
    found = slots(lines)
    if not found:
        return text
    out: list[str] = []
    last = 0
    for slot in found:
        out += lines[last:slot.line - 1]
        content = fill(slot)
        if content is not None:
            out += [slot.indent + row if row else row for row in content.split("\n")]
        last = slot.end
    out += lines[last:]
    return "\n".join(out)


def remove_slots(text: str) -> str:
    return replace_slots(text, lambda slot: None)


class _RemoveSlots(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return lines if not any(NAME in line for line in lines) else remove_slots("\n".join(lines)).split("\n")


class RestrictedSlotExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Before every block parser and before pymdownx.blocks reads '///' (its blocks are parsed
        # later, as block processors): the slot must never reach them.
        md.preprocessors.register(_RemoveSlots(md), "handbook_restricted_slot", 29)


def makeExtension(**kwargs: object) -> RestrictedSlotExtension:  # noqa: N802 (Markdown's API)
    return RestrictedSlotExtension(**kwargs)
