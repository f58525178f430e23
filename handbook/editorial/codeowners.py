"""Reading .github/CODEOWNERS the way GitHub does (the subset of gitignore patterns it uses).

Used to check that every chapter has a working group and every language a national team.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CODEOWNERS_FILE = ".github/CODEOWNERS"


@dataclass(frozen=True)
class Rule:
    pattern: str
    owners: tuple[str, ...]
    line: int

    def matches(self, path: str) -> bool:
        return bool(_regex(self.pattern).search(path))


def _regex(pattern: str) -> re.Pattern[str]:
    anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
    body = pattern.strip("/")
    text = ""
    i = 0
    while i < len(body):
        if body.startswith("**", i):
            text += ".*"
            i += 2
        elif body[i] == "*":
            text += "[^/]*"
            i += 1
        elif body[i] == "?":
            text += "[^/]"
            i += 1
        else:
            text += re.escape(body[i])
            i += 1
    prefix = "^" if anchored else r"(?:^|/)"
    # A pattern matches the path itself, or anything inside it when it names a folder.
    return re.compile(prefix + text + r"(?:/.*)?$")


def parse(path: Path) -> list[Rule]:
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append(Rule(pattern, tuple(owners), number))
    return rules


def owner_rule(rules: list[Rule], path: str) -> Rule | None:
    """The rule that decides ``path``'s owners: the last matching one."""
    found = None
    for rule in rules:
        if rule.matches(path):
            found = rule
    return found
