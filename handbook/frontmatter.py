"""Front matter: parsing with line numbers, and the registry of the keys pages may carry.

Each feature declares its keys here (or calls :func:`register` from its own module), so the
integrity checker, the hooks and the CLI all validate pages against one schema.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.yamlio import KeyPath, parse_yaml

_FENCE = re.compile(r"^---[ \t]*$")


def _content(line: str) -> str:
    """A line without its line ending ('\\n' or '\\r\\n')."""
    return line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line


def opens_front_matter(lines: Sequence[str]) -> bool:
    """Whether the page's first line is a '---' fence (a byte-order mark before it is ignored)."""
    return bool(lines) and bool(_FENCE.match(_content(lines[0]).lstrip("\ufeff")))


def closing_fence(lines: Sequence[str]) -> int | None:
    """Index of the line that closes the front matter opened by ``lines[0]``, or None if none does.

    The closing line holds only '---' or '...', as MkDocs accepts. ``lines`` may keep their line
    endings (``splitlines(keepends=True)``) or not (``split("\\n")``). Readers and writers of
    front matter use it, except the cut of an over-limit page in pages/model.py and the quick
    ``startswith("---")`` tests before a full read.
    """
    for end in range(1, len(lines)):
        line = _content(lines[end])
        if _FENCE.match(line) or line.strip() == "...":
            return end
    return None


@dataclass(frozen=True)
class FrontMatter:
    meta: dict[str, Any]
    lines: dict[KeyPath, int]  # key path -> 1-based line in the file
    body: str
    body_line: int  # 1-based line of the file where the body starts

    def line_of(self, *key: Any) -> int:
        return self.lines.get(tuple(key), 1)


def split(text: str, path: Path | str = "<page>") -> FrontMatter:
    """Separate and parse the YAML front matter of a Markdown page.

    Raises HandbookError (file and line) for YAML that does not parse or is not a mapping;
    MkDocs would silently render such a block as page text.
    """
    lines = text.split("\n")
    if not opens_front_matter(lines):
        return FrontMatter({}, {}, text, 1)
    end = closing_fence(lines)
    if end is None:
        raise HandbookError(path, "front matter starts with '---' but never ends.", line=1,
                            fix="Close it with a line holding only '---'.")
    data, where = parse_yaml("\n".join(lines[1:end]), path, first_line=2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise HandbookError(path, "front matter must be a mapping of keys to values.", line=2,
                            fix="Write it as 'key: value' lines.")
    return FrontMatter(data, where, "\n".join(lines[end + 1:]), end + 2)


def decode(data: bytes, shown: Path | str) -> str:
    """A page's text; a file that is not UTF-8 is a HandbookError naming the line and the fix."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HandbookError(shown, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}).",
                            line=data.count(b"\n", 0, exc.start) + 1,
                            fix="Save the file as UTF-8 (in most editors: Save with encoding, UTF-8).") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read(path: Path, shown: Path | str | None = None) -> FrontMatter:
    """The front matter of the page at ``path`` (errors name ``shown``, default the path)."""
    return split(decode(path.read_bytes(), shown or path), shown or path)


# --- the schema ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PageKind:
    """What a rule needs to know about the page being validated."""

    lang: str
    is_source: bool  # English original (True) or translation (False)


Validator = Callable[[Any], str | None]  # returns a problem, or None when the value is fine


@dataclass(frozen=True)
class Field:
    name: str
    description: str
    required: Callable[[PageKind], bool]
    validate: Validator
    translated: bool = False  # a translation gives its own value (title), not a copy of the English one


FIELDS: dict[str, Field] = {}


def register(field: Field) -> Field:
    FIELDS[field.name] = field
    return field


def always(_: PageKind) -> bool:
    return True


def source_only(kind: PageKind) -> bool:
    return kind.is_source


def non_empty_text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be non-empty text"
    return None


def iso_date(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return None
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return "must be a date written YYYY-MM-DD"


def positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return "must be a whole number greater than 0"
    return None


register(Field("title", "Page title, in the page's language.", always, non_empty_text, translated=True))
register(Field("description", "One-sentence summary, in the page's language (search engines, PDF).",
               always, non_empty_text, translated=True))
register(Field("owner", "Committee member or working group responsible for the page.", source_only, non_empty_text))
register(Field("last_reviewed", "Date the editorial committee last reviewed the page (YYYY-MM-DD).",
               source_only, iso_date))
register(Field("review_interval_months", "Months between reviews.", source_only, positive_int))


def translation_only(kind: PageKind) -> bool:
    return not kind.is_source


def git_blob_id(value: Any) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{40}", value):
        return None
    return "must be a 40-character git blob id (run `handbook translate done <lang> <page>`)"


register(Field("source_blob", "Git blob id of the English source as translated (`git hash-object docs/<page>.md`).",
               translation_only, git_blob_id))
register(Field("translated_on", "Date the translation last matched its English source (YYYY-MM-DD).",
               translation_only, iso_date))


def never(_: PageKind) -> bool:
    return False


def optional_name(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and "\n" not in value and len(value) <= 200):
        return None
    return "must be empty or one line naming the national team that reviewed the translation"


def optional_date(value: Any) -> str | None:
    return None if value is None else iso_date(value)


register(Field("reviewed_by", "National team that reviewed the translation; empty until one has "
               "(`handbook translate review`).", never, optional_name))
register(Field("chapter", "Chapter number (English chapter pages only): assigned once, never reused; translations "
               "take the English page's number.", never, positive_int))
register(Field("reviewed_on", "Date of that review (YYYY-MM-DD).", never, optional_date))
register(Field("last_paragraph", "Highest paragraph number ever given in this chapter (English chapter pages only; "
               "written by `handbook paragraphs number`): a new paragraph gets the next one, so none is reused.",
               never, positive_int))


def missing_key(path: str, name: str) -> Diagnostic:
    """FM003 for a required key the page lacks: `check` and `review` report this fact alike."""
    return Diagnostic(path, 1, 1, "FM003", f"front matter lacks required key '{name}'",
                      hint=f"add '{name}:' ({FIELDS[name].description})")


def validate(front: FrontMatter, path: str, kind: PageKind) -> list[Diagnostic]:
    """Check a page's front matter against the registry: required keys, types, unknown keys."""
    out: list[Diagnostic] = []
    for name, field in FIELDS.items():
        if name not in front.meta:
            if field.required(kind):
                out.append(missing_key(path, name))
            continue
        problem = field.validate(front.meta[name])
        if problem:
            out.append(Diagnostic(path, front.line_of(name), 1, "FM004", f"front matter key '{name}' {problem}",
                                  hint=field.description))
    for name in front.meta:
        if name not in FIELDS:
            out.append(Diagnostic(path, front.line_of(name), 1, "FM005", f"unknown front matter key '{name}'",
                                  hint=f"known keys: {', '.join(sorted(FIELDS))}"))
    return out
