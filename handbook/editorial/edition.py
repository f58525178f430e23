"""Editions: number, date and status of every edition, read from ``translations/edition.yml``.

That file is the one place where editions are defined. The footer of every web page, the archive
page, the PDF step (through :func:`current`), ``handbook review`` and the release workflow all read
it from here. It lives in ``translations/`` beside ``languages.yml`` because, like the language
list, every build and every fixture handbook needs it.

Editing is done by ``handbook edition new`` and ``handbook edition publish``, which change only the
lines concerned, so the file's comments and layout are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from handbook.editorial.dates import as_date
from handbook.errors import HandbookError
from handbook.paths import CHANGES_DIR, EDITION_FILE, Project
from handbook.yamlio import load_yaml

STATUSES = ("draft", "published")
# In the repository's template 'downloads' URL until the handbook's own GitHub path is written in.
DOWNLOADS_PLACEHOLDER = "OWNER/REPOSITORY"
SEVERITY_CHOICES = ("warning", "error")
CONTEXTS = ("pull_request", "release")


@dataclass(frozen=True)
class Edition:
    number: int
    date: dt.date      # publication date; planned publication date while a draft
    status: str        # 'draft' or 'published'
    line: int = 0      # line of the entry in the editions file

    @property
    def published(self) -> bool:
        return self.status == "published"

    @property
    def tag(self) -> str:
        """The git tag that releases this edition (the release workflow runs on it)."""
        return f"edition-{self.number}"


@dataclass(frozen=True)
class Editions:
    path: Path
    editions: tuple[Edition, ...]   # oldest first; the last one is the current edition
    downloads: str                  # URL of an edition's release files, with {number}
    pdf_file: str                   # release file name of a PDF, with {number} and {lang}
    due_within_days: int            # a review is "due" this many days before its date
    overdue: dict[str, str]         # context ('pull_request', 'release') -> 'warning' | 'error'

    @property
    def current(self) -> Edition:
        return self.editions[-1]

    def pdf_name(self, edition: Edition, code: str) -> str:
        return self.pdf_file.format(number=edition.number, lang=code)

    def pdf_url(self, edition: Edition, code: str) -> str:
        return self.downloads.format(number=edition.number) + self.pdf_name(edition, code)

    def checksums_url(self, edition: Edition) -> str:
        return self.downloads.format(number=edition.number) + CHECKSUMS_FILE


CHECKSUMS_FILE = "SHA256SUMS.txt"


def edition_file(project: Project) -> Path:
    return project.root / EDITION_FILE


def load(project: Project) -> Editions:
    """Read and validate the editions file (cached until the file changes)."""
    path = edition_file(project)
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise HandbookError(path, "file not found: the editions file defines the current edition.",
                            fix="Restore it from git, or create it (see docs/contributing/editorial-guide.md).") from None
    return _load_cached(path, mtime)


def current(project: Project) -> Edition:
    """The edition being built (the last one in the editions file): for the PDF step and the site."""
    return load(project).current


@lru_cache(maxsize=8)
def _load_cached(path: Path, _mtime: int) -> Editions:
    data, lines = load_yaml(path)
    return parse(data, lines, path)


def _require(cond: bool, path: Path, message: str, line: int | None, fix: str = "") -> None:
    if not cond:
        raise HandbookError(path, message, line=line, fix=fix)


def parse(data: Any, lines: dict, path: Path) -> Editions:
    """Validate the parsed editions file; every problem names the file, the line and the fix."""
    _require(isinstance(data, dict), path, "expected a mapping with 'editions', 'downloads', 'pdf_file' "
             "and 'review'.", 1)
    items = data.get("editions")
    _require(isinstance(items, list) and bool(items), path, "'editions' must be a list with at least one "
             "edition.", lines.get(("editions",), 1), "Add '- {number: 1, date: YYYY-MM-DD, status: draft}'.")
    editions: list[Edition] = []
    for index, item in enumerate(items):
        line = lines.get(("editions", index), 1)
        _require(isinstance(item, dict) and set(item) == {"number", "date", "status"}, path,
                 "each edition needs exactly the keys number, date and status.", line)
        number, status = item["number"], item["status"]
        day = as_date(item["date"])
        _require(isinstance(number, int) and not isinstance(number, bool) and number == index + 1, path,
                 f"edition number {number!r} should be {index + 1}: editions are numbered 1, 2, 3... "
                 "oldest first.", lines.get(("editions", index, "number"), line))
        _require(day is not None, path, f"edition date {item['date']!r} is not a date.",
                 lines.get(("editions", index, "date"), line), "Write it YYYY-MM-DD.")
        _require(status in STATUSES, path, f"edition status {status!r} must be 'draft' or 'published'.",
                 lines.get(("editions", index, "status"), line))
        if editions:
            _require(day >= editions[-1].date, path, f"edition {number} is dated {day}, before edition "
                     f"{editions[-1].number} ({editions[-1].date}).", lines.get(("editions", index, "date"), line))
        editions.append(Edition(number, day, status, line))
    for edition in editions[:-1]:
        _require(edition.published, path, f"edition {edition.number} is a draft but is not the last edition.",
                 edition.line, "Only the current (last) edition may be a draft; publish the earlier one.")

    downloads, pdf_file = data.get("downloads"), data.get("pdf_file")
    _require(isinstance(downloads, str) and "{number}" in downloads, path,
             "'downloads' must be the URL of an edition's release files, containing {number}.",
             lines.get(("downloads",), 1))
    _require(isinstance(pdf_file, str) and "{number}" in pdf_file and "{lang}" in pdf_file, path,
             "'pdf_file' must be a file name containing {number} and {lang}.", lines.get(("pdf_file",), 1))
    review = data.get("review")
    _require(isinstance(review, dict), path, "'review' must be a mapping with 'due_within_days' and "
             "'overdue'.", lines.get(("review",), 1))
    due = review.get("due_within_days")
    _require(isinstance(due, int) and not isinstance(due, bool) and due >= 0, path,
             "'due_within_days' must be a whole number of days (0 or more).",
             lines.get(("review", "due_within_days"), lines.get(("review",), 1)))
    overdue = review.get("overdue")
    _require(isinstance(overdue, dict) and set(overdue) == set(CONTEXTS)
             and all(v in SEVERITY_CHOICES for v in overdue.values()), path,
             "'overdue' must map pull_request and release to 'warning' or 'error'.",
             lines.get(("review", "overdue"), lines.get(("review",), 1)))
    return Editions(path, tuple(editions), downloads, pdf_file, due, dict(overdue))


# --- editing: only the lines concerned change ---------------------------------------------------

def _insertion_point(text: str) -> tuple[str, int]:
    """The indentation of the 'editions' list items, and the end of the last item's last line."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for key, value in root.value:
        if key.value == "editions" and isinstance(value, yaml.SequenceNode) and not value.flow_style:
            first, last = value.value[0], value.value[-1]
            if not isinstance(last, yaml.MappingNode) or last.flow_style:
                break
            # The '- ' marker sits two columns before the first key of a block mapping item.
            indent = " " * max(first.start_mark.column - 2, 0)
            end = last.value[-1][1].end_mark.index
            newline = text.find("\n", end)
            return indent, len(text) if newline < 0 else newline
    raise ValueError("the 'editions' list is not written as a block list")


def start_next(project: Project, day: dt.date) -> Edition:
    """Append the next edition, as a draft planned for ``day``, and create its change-log folder."""
    editions = load(project)
    path = editions.path
    latest = editions.current
    if not latest.published:
        raise HandbookError(path, f"edition {latest.number} is still a draft; the next edition starts "
                            "once it is published.", line=latest.line,
                            fix="Run `handbook edition publish` when the committee has approved it.")
    if day < latest.date:
        raise HandbookError(path, f"the new edition's date {day} is before edition {latest.number} "
                            f"({latest.date}).", fix="Pass a later --date.")
    text = path.read_text(encoding="utf-8")
    try:
        indent, end = _insertion_point(text)
    except ValueError:
        raise HandbookError(path, "'editions' must be a block list ('- number: 1' lines) to be edited.",
                            line=latest.line) from None
    number = latest.number + 1
    item = (f"\n{indent}- number: {number}\n{indent}  date: {day.isoformat()}\n"
            f"{indent}  status: draft")
    path.write_text(text[:end] + item + text[end:], encoding="utf-8")
    folder = project.root / CHANGES_DIR / str(number)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitkeep").touch()
    return load(project).current


_VALUE = re.compile(r"^(\s*(?:-\s+)?(?P<key>\w+):\s*)(?P<value>[^#\n]*?)(\s*(?:#.*)?)$")


def _set_value(lines: list[str], index: int, key: str, value: str) -> None:
    match = _VALUE.match(lines[index])
    if not match or match.group("key") != key:
        raise ValueError(index)
    lines[index] = match.group(1) + value + lines[index][match.end("value"):]


def publish(project: Project, day: dt.date) -> Edition:
    """Mark the current edition published on ``day``."""
    editions = load(project)
    latest = editions.current
    path = editions.path
    if latest.published:
        raise HandbookError(path, f"edition {latest.number} is already published.", line=latest.line,
                            fix="Start the next one with `handbook edition new`.")
    if len(editions.editions) > 1 and day < editions.editions[-2].date:
        raise HandbookError(path, f"publication date {day} is before the previous edition "
                            f"({editions.editions[-2].date}).", fix="Pass a later --date.")
    _, lines = load_yaml(path)
    if DOWNLOADS_PLACEHOLDER in editions.downloads:
        raise HandbookError(path, f"'downloads' still holds the placeholder {DOWNLOADS_PLACEHOLDER}, so readers "
                            "would get broken PDF links; the edition was not published.",
                            line=lines.get(("downloads",)),
                            fix=f"Replace {DOWNLOADS_PLACEHOLDER} by the repository's path on GitHub "
                            "(e.g. my-org/handbook), then publish again.")
    index = len(editions.editions) - 1
    text_lines = path.read_text(encoding="utf-8").split("\n")
    try:
        _set_value(text_lines, lines[("editions", index, "status")] - 1, "status", "published")
        _set_value(text_lines, lines[("editions", index, "date")] - 1, "date", day.isoformat())
    except (KeyError, ValueError):
        raise HandbookError(path, "write the current edition's date and status on lines of their own "
                            "('date: ...', 'status: ...') so they can be edited.", line=latest.line) from None
    path.write_text("\n".join(text_lines), encoding="utf-8")
    return load(project).current
