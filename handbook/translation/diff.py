"""A readable word diff of the English text, for translators updating a page.

Lines are aligned first (so unchanged paragraphs are skipped), then each changed block is diffed
word by word, in the style of ``git diff --word-diff=plain``: ``[-removed-]{+added+}``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|[^\W_]+(?:['’\-][^\W_]+)*|.", re.DOTALL)


@dataclass(frozen=True)
class Hunk:
    old_line: int  # 1-based first changed line in the old text
    new_line: int  # 1-based first changed line in the new text
    text: str      # the changed block with [-...-] and {+...+} marks


@dataclass(frozen=True)
class Style:
    delete: tuple[str, str] = ("[-", "-]")
    insert: tuple[str, str] = ("{+", "+}")


PLAIN = Style()
COLOUR = Style(("\x1b[31m[-", "-]\x1b[0m"), ("\x1b[32m{+", "+}\x1b[0m"))


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff_text(old: str, new: str, style: Style = PLAIN) -> str:
    """``old`` -> ``new`` as one text with marked deletions and insertions, word by word."""
    a, b = tokens(old), tokens(new)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append("".join(a[i1:i2]))
            continue
        if i2 > i1:
            out.append(style.delete[0] + "".join(a[i1:i2]) + style.delete[1])
        if j2 > j1:
            out.append(style.insert[0] + "".join(b[j1:j2]) + style.insert[1])
    return "".join(out)


def hunks(old: str, new: str, context: int = 1, style: Style = PLAIN) -> list[Hunk]:
    """The changed blocks of ``new`` against ``old``, each with ``context`` unchanged lines around it."""
    a, b = old.splitlines(), new.splitlines()
    result: list[Hunk] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        parts: list[str] = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                parts.append("\n".join(a[i1:i2]))
            else:
                parts.append(word_diff_text("\n".join(a[i1:i2]), "\n".join(b[j1:j2]), style))
        text = "\n".join(p for p in parts if p != "")
        first = next(op for op in group if op[0] != "equal")
        result.append(Hunk(first[1] + 1, first[3] + 1, text))
    return result


def render(old: str, new: str, *, header: str = "", style: Style = PLAIN, context: int = 1) -> str:
    """The whole diff as text: a header, then each hunk under '@@ line N @@'."""
    found = hunks(old, new, context, style)
    lines = [header] if header else []
    if not found:
        lines.append("No changes in the English text.")
    for hunk in found:
        lines.append(f"@@ English line {hunk.new_line} @@")
        lines.append(hunk.text)
    return "\n".join(lines) + "\n"
