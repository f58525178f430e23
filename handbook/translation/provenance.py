"""Provenance in a translation's front matter: writing a new translation, and recording a version.

Edits are line-based on purpose: only the lines of the keys this module owns change, and every
other byte of the file (the translator's text, comments, key order, line endings) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from handbook import frontmatter
from handbook.errors import HandbookError

OWNED_KEYS = ("source_blob", "translated_on", "reviewed_by", "reviewed_on")
# Written empty into every new translation: made by the project, not yet reviewed by a national team.
UNREVIEWED = {"reviewed_by": ""}

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
            out_blocks.append(_line(key, remaining.pop(key), nl))
        else:
            out_blocks.extend(block)
    if out_blocks and not out_blocks[-1].endswith(("\n", "\r")):
        out_blocks[-1] += nl
    out_blocks.extend(_line(key, value, nl) for key, value in remaining.items())
    return "".join(lines[:start + 1] + out_blocks + lines[end:])


def _line(key: str, value: str, nl: str) -> str:
    return f"{key}: {value}{nl}" if value != "" else f"{key}:{nl}"  # an empty value is YAML null


def add_missing_keys(text: str, values: Mapping[str, str], path: str = "<page>") -> str:
    """:func:`set_keys` for the keys of ``values`` that the front matter does not have yet."""
    present = {key for key, _ in _blocks(*_lines_and_span(text, path))}
    missing = {key: value for key, value in values.items() if key not in present}
    return set_keys(text, missing, path) if missing else text


def _lines_and_span(text: str, path: str) -> tuple[list[str], int, int]:
    lines = text.splitlines(keepends=True)
    start, end = _front_matter_span(lines, path)
    return lines, start, end


def is_reviewed(meta: Mapping[str, object]) -> bool:
    """Whether a national team has reviewed this version of the translation.

    A review dated before the translation was last brought up to date covers an older text, so it
    no longer counts: the reader is told the translation is not reviewed until the team reviews again.
    """
    by, on, updated = meta.get("reviewed_by"), meta.get("reviewed_on"), meta.get("translated_on")
    if by is None or not str(by).strip():
        return False
    return on is None or updated is None or str(on) >= str(updated)


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
    head += [_line(key, value, nl) for key, value in UNREVIEWED.items()]
    return "".join(head + lines[end:])
