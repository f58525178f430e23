"""Provenance in a translation's front matter: writing a new translation, and recording a version.

Edits are line-based on purpose: only the lines of the keys this module owns change, and every
other byte of the file (the translator's text, comments, key order, line endings) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from handbook import frontmatter
from handbook.errors import HandbookError

OWNED_KEYS = ("source_blob", "translated_on")

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")
_CONTINUATION = re.compile(r"^(?:[ \t]+\S|-(?:[ \t]|\r?\n|$))")  # indented text or a list item of the key


def _front_matter_span(lines: list[str], path: str) -> tuple[int, int]:
    """Indices of the opening '---' line and the closing '---' or '...' line (frontmatter's rule)."""
    if not frontmatter.opens_front_matter(lines):
        raise HandbookError(path, "the page has no front matter.", line=1,
                            fix="Start the file with '---', the title and description, and '---'.")
    end = frontmatter.closing_fence(lines)
    if end is not None:
        return 0, end
    raise HandbookError(path, "front matter starts with '---' but never ends.", line=1,
                        fix="Close it with a line holding only '---'.")


def _blocks(lines: list[str], start: int, end: int) -> list[tuple[str | None, list[str]]]:
    """Front matter lines grouped by top-level key (continuation lines stay with their key)."""
    blocks: list[tuple[str | None, list[str]]] = []
    for line in lines[start + 1:end]:
        match = _TOP_KEY.match(line)
        continues = bool(blocks) and blocks[-1][0] is not None and _CONTINUATION.match(line)
        if continues:
            blocks[-1][1].append(line)
        else:  # a key, or a comment or blank line, which stays where it is
            blocks.append((match.group(1) if match else None, [line]))
    return blocks


def _newline(lines: list[str]) -> str:
    return "\r\n" if lines and lines[0].endswith("\r\n") else "\n"


def set_keys(text: str, values: Mapping[str, str], path: str = "<page>") -> str:
    """Set top-level front matter keys to plain scalar values, changing nothing else in ``text``.

    A key already present has its line (and any continuation lines) replaced in place; a new key
    is added at the end of the front matter.
    """
    lines = text.splitlines(keepends=True)
    start, end = _front_matter_span(lines, path)
    nl = _newline(lines)
    blocks = _blocks(lines, start, end)
    remaining = dict(values)
    out_blocks: list[str] = []
    for key, block in blocks:
        if key in remaining:
            out_blocks.append(f"{key}: {remaining.pop(key)}{nl}")
        else:
            out_blocks.extend(block)
    if out_blocks and not out_blocks[-1].endswith(("\n", "\r")):
        out_blocks[-1] += nl
    out_blocks.extend(f"{key}: {value}{nl}" for key, value in remaining.items())
    return "".join(lines[:start + 1] + out_blocks + lines[end:])


def new_translation(english: str, blob: str, date: str, path: str = "<page>") -> str:
    """The first version of a translation: the English page with translator-facing front matter.

    Keys only English pages carry (owner, review dates) are dropped; title, description and the
    whole body are kept, in English, for the translator to replace. Heading ids, admonitions,
    tables, images and links are therefore identical to the source.
    """
    lines = english.splitlines(keepends=True)
    start, end = _front_matter_span(lines, path)
    nl = _newline(lines)
    source_only = {name for name, f in frontmatter.FIELDS.items() if f.required is frontmatter.source_only}
    kept = [line for key, block in _blocks(lines, start, end)
            if key not in source_only and key not in OWNED_KEYS for line in block]
    if kept and not kept[-1].endswith(("\n", "\r")):
        kept[-1] += nl
    head = lines[:start + 1] + kept + [f"source_blob: {blob}{nl}", f"translated_on: {date}{nl}"]
    return "".join(head + lines[end:])
