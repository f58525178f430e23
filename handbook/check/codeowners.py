"""Reading .github/CODEOWNERS the way GitHub does (the subset of gitignore patterns it uses).

Used to check that every chapter has a working group, every language a national team, and that
the toolchain stays with the maintainers whatever a file is called.

The matching rules are GitHub's, as documented in "About code owners" and as implemented by the
hmarr/codeowners library, which follows GitHub's behaviour where it differs from git's:

- the LAST matching line decides, and a line without owners leaves the file unowned;
- a leading ``/`` anchors a pattern to the repository root, and so does a ``/`` in its middle; a
  pattern with no ``/`` but a trailing one (``*.md``, ``logs/``) matches at any depth;
- ``*`` and ``?`` do not cross ``/``; ``**`` does (``a/**/b`` matches ``a/b`` and ``a/x/y/b``);
- a pattern that names a folder owns everything inside it (``/docs``, ``/docs/``), except that a
  final ``/*`` owns only the folder's direct children (``docs/*`` is not ``docs/a/b.md``);
- a trailing ``/`` matches only a folder's contents, never a file of that name.

gitignore's ``!`` negation, ``[...]`` ranges and ``\\#`` escapes do not work in CODEOWNERS: GitHub
skips such lines, so :func:`parse` refuses them rather than reading them differently.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from handbook.errors import HandbookError

CODEOWNERS_FILE = ".github/CODEOWNERS"


@dataclass(frozen=True)
class OwnerRule:
    pattern: str
    owners: tuple[str, ...]
    line: int

    def matches(self, path: str) -> bool:
        return bool(_regex(self.pattern).match(path))


def _segment(text: str) -> str:
    """One path segment of a pattern as a regular expression: ``*`` and ``?`` stay within it."""
    return "".join("[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch) for ch in text)


@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    segments = pattern.split("/")
    if segments[0] == "":
        segments = segments[1:]  # leading '/': relative to the root
    elif len(segments) == 1 or (len(segments) == 2 and segments[1] == ""):
        segments = ["**", *segments]  # 'name' or 'name/' alone: at any depth
    if len(segments) > 1 and segments[-1] == "":
        segments[-1] = "**"  # 'folder/': everything inside it, never a file called 'folder'
    text = ""
    slash = False  # whether the next segment must start with '/'
    last = len(segments) - 1
    for index, segment in enumerate(segments):
        if segment == "**":
            if index == 0:
                text += ".+" if index == last else "(?:.+/)?"
                slash = False
            elif index == last:
                text += "/.*"
            else:
                text += "(?:/.+)?"
                slash = True
            continue
        text += "/" if slash else ""
        if segment == "*":
            text += "[^/]+"  # a final '/*' owns direct children only: no descendants
        else:
            text += _segment(segment) + ("(?:/.*)?" if index == last else "")
        slash = True
    return re.compile(r"\A" + text + r"\Z")


def _unsupported(pattern: str) -> str | None:
    if pattern.startswith("!"):
        return "'!' negation"
    if "[" in pattern or "]" in pattern:
        return "'[...]' character ranges"
    if "\\" in pattern:
        return "'\\' escapes"
    if "***" in pattern:
        return "three asterisks in a row"
    return None


def parse(path: Path) -> list[OwnerRule]:
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        pattern, *owners = line.split()
        problem = _unsupported(pattern)
        if problem:
            raise HandbookError(path, f"pattern '{pattern}' uses {problem}, which CODEOWNERS does not support "
                                "(GitHub skips the line)", line=number,
                                fix="Write the pattern with '*', '?', '**' and '/' only.")
        rules.append(OwnerRule(pattern, tuple(owners), number))
    return rules


def owner_rule(rules: list[OwnerRule], path: str) -> OwnerRule | None:
    """The rule that decides ``path``'s owners: the last matching one."""
    found = None
    for rule in rules:
        if rule.matches(path):
            found = rule
    return found
