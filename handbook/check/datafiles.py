"""SAFE010 (and HYG013, HYG014, SAFE003) in the data that becomes page text.

UI strings, the termbase, change-log entries, edition data and front matter are written into every
page that shows them. They are plain text: the build escapes them, and this check names the file
and line of any markup in them, so a `<meta http-equiv="refresh">` in a UI string or a `<!--` in a
site name is reported where it was written, not as a broken page somewhere else. Addresses in
them (termbase sources, download links) must be http(s).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from handbook.check import characters
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.paths import CHANGES_DIR, EDITION_FILE, TERMBASE_FILE, UI_DIR, Project
from handbook.yamlio import KeyPath, load_yaml

MARKUP = re.compile(r"<\s*[A-Za-z!/?]|&#|&[A-Za-z]+;")
_URL_KEYS = ("url", "downloads")
_WEB = re.compile(r"^https?://[^\s<>\"']+$")


def data_files(project: Project) -> list[Path]:
    root = project.root
    found = sorted((root / UI_DIR).glob("*.yml"))
    found += [p for p in (root / TERMBASE_FILE, root / EDITION_FILE) if p.exists()]
    found += sorted((root / CHANGES_DIR).rglob("*.yml"))
    return found


def strings(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))


def value_problems(shown: str, line: int, key: KeyPath, value: str) -> Iterator[Diagnostic]:
    name = ".".join(str(k) for k in key) or "value"
    markup = MARKUP.search(value)
    if markup:
        yield Diagnostic(shown, line, 1, "SAFE010", f"markup '{value[markup.start():markup.start() + 20]}' in "
                         f"'{name}', which is plain text", hint="write it as plain text: it is shown on pages "
                         "as it is written, and markup there could hide or change the page")
    for pattern, code, what in ((characters.CONTROL, "HYG013", "control"), (characters.INVISIBLE, "HYG014", "invisible")):
        found = pattern.search(value)
        if found:
            yield Diagnostic(shown, line, 1, code, f"{what} character U+{ord(found.group()):04X} in '{name}'",
                             hint="delete it: reviewers cannot see it")
    if key and key[-1] in _URL_KEYS and not _WEB.match(value.strip()):
        yield Diagnostic(shown, line, 1, "SAFE003", f"address '{value[:60]}' in '{name}' is not an http(s) URL",
                         hint="give the https:// address of the page")


def check(project: Project) -> Iterator[Diagnostic]:
    for path in data_files(project):
        shown = path.relative_to(project.root).as_posix()
        try:
            data, lines = load_yaml(path)
        except HandbookError:
            continue  # the file's own reader reports it with its line
        for key, value in strings(data):
            line = lines.get(key) or lines.get(key[:-1]) or 1
            yield from value_problems(shown, line, key, value)
