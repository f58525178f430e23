"""Paragraph numbers across editions: what an edition added, changed and removed, and in which
edition a number that is gone was removed.

An edition is recorded by its git tag (``edition-<number>``, :attr:`Edition.tag`, made by the release
workflow). The English chapters at that tag are compared with the English chapters now; a chapter
is the same chapter when its path is the same. Nothing here guesses: a tag the repository does not
hold (a shallow clone, a handbook with no git) gives no history, and readers are then told "in an
earlier edition" rather than a wrong number.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from handbook.editorial.edition import Editions
from handbook.errors import HandbookError
from handbook.pages.paragraphs import blocks, strip_marks
from handbook.paths import DOCS_DIR
from handbook.translation.gitio import read_blobs


@dataclass(frozen=True)
class ParagraphDiff:
    added: tuple[int, ...]
    changed: tuple[int, ...]
    removed: tuple[int, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def texts_by_number(text: str) -> dict[int, str]:
    """Each numbered block's text, without its number and with its spaces normalised, so that
    re-wrapping a paragraph is not a change."""
    lines = text.split("\n")
    out: dict[int, str] = {}
    for block in blocks(text):
        if block.number is None:
            continue
        last = max(block.end, block.mark_line or block.end)
        out[block.number] = " ".join(strip_marks("\n".join(lines[block.line - 1:last])).split())
    return out


def compare(old: str, new: str) -> ParagraphDiff:
    """Numbers added, changed (same number, different text) and removed from ``old`` to ``new``."""
    before, after = texts_by_number(old), texts_by_number(new)
    return ParagraphDiff(added=tuple(sorted(set(after) - set(before))),
                         changed=tuple(sorted(n for n in set(before) & set(after) if before[n] != after[n])),
                         removed=tuple(sorted(set(before) - set(after))))


def read_at(root: Path, tag: str, rels: list[str]) -> dict[str, str]:
    """The English pages ``rels`` (docs-relative) as the tag recorded them, with one git process;
    a page the tag does not hold, or a tag the repository does not hold, is left out."""
    names = {f"refs/tags/{tag}:{DOCS_DIR}/{rel}": rel for rel in rels}  # the tag, never a branch of that name
    try:
        found = read_blobs(root, list(names))
    except HandbookError:  # no git on the machine: no history, the same as a missing tag
        return {}
    return {names[name]: text for name, text in found.items()}


def has_tag(root: Path, tag: str) -> bool:
    try:
        proc = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}"], cwd=root,
                              capture_output=True)
    except FileNotFoundError:
        return False
    return proc.returncode == 0


def previous_tag(editions: Editions) -> str | None:
    """The tag of the edition before the current one (None for the first edition)."""
    return editions.editions[-2].tag if len(editions.editions) > 1 else None


def removed_in(root: Path, editions: Editions, rel: str, now: str) -> dict[int, int | None]:
    """For the English chapter ``rel`` whose text is ``now``: every number it no longer has that an
    earlier edition had, with the edition that removed it. A number between two recorded editions
    (added and removed again) or with no tag to read is not listed: the reader is told "an earlier
    edition"."""
    present = set(texts_by_number(now))
    history = editions.editions
    gone: dict[int, int | None] = {}
    later, later_index = present, len(history) - 1  # the newest edition read so far, going back
    for index in range(len(history) - 2, -1, -1):
        text = read_at(root, history[index].tag, [rel]).get(rel)
        if text is None:
            continue
        had = set(texts_by_number(text))
        for number in had - later:
            # Edition ``index`` had it and the next edition read did not: removed by the edition
            # right after ``index``, unless an unreadable tag lies between them.
            if number not in present:
                gone.setdefault(number, history[index + 1].number if later_index == index + 1 else None)
        later, later_index = had, index
    return {n: e for n, e in gone.items() if e is not None}


def edition_changes(root: Path, editions: Editions, chapters: dict[str, str]) -> dict[str, ParagraphDiff] | None:
    """For each English chapter (docs-relative path -> text now), the numbers added, changed and
    removed since the previous edition's tag; None when there is no previous edition or the
    repository does not hold its tag (then nothing is listed rather than everything as "added")."""
    tag = previous_tag(editions)
    if tag is None or not has_tag(root, tag):
        return None
    before = read_at(root, tag, list(chapters))
    found = {rel: compare(before.get(rel, ""), now) for rel, now in chapters.items()}
    return {rel: diff for rel, diff in found.items() if diff}
