"""The language list of the CI workflows, generated from translations/languages.yml.

The pull-request workflow builds each language in a job of its own (a matrix), then assembles the
parts. Its list of languages is a line marked ``# hb:languages``:

    lang: [en, fr, es, ar]  # hb:languages (generated: handbook language workflow)

:func:`sync` rewrites every marked line of ``.github/workflows/*.yml`` from languages.yml;
``handbook language workflow --check`` and a test fail when one differs, and ``handbook language
add`` rewrites them with the rest. Never copy the list by hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from handbook.languages import load_i18n
from handbook.paths import Project

WORKFLOWS_DIR = ".github/workflows"
MARK = "# hb:languages"
_LINE = re.compile(r"(?m)^(?P<head>\s*(?:-\s+)?[\w-]+:\s*)\[[^\]\n]*\](?P<tail>\s*" + re.escape(MARK) + r".*)$")


def synced(text: str, codes: Sequence[str]) -> str:
    """``text`` with every marked list replaced by ``codes``."""
    return _LINE.sub(lambda m: f"{m['head']}[{', '.join(codes)}]{m['tail']}", text)


def marked(text: str) -> int:
    return len(_LINE.findall(text))


def workflow_files(project: Project) -> list[Path]:
    folder = project.root / WORKFLOWS_DIR
    return sorted(folder.glob("*.yml")) if folder.is_dir() else []


def plan(project: Project, codes: Sequence[str] | None = None) -> dict[Path, str]:
    """The workflows whose marked lines differ from the languages, with their new text."""
    codes = list(codes or load_i18n(project.root).codes)
    changed = {}
    for path in workflow_files(project):
        text = path.read_text(encoding="utf-8")
        new = synced(text, codes)
        if new != text:
            changed[path] = new
    return changed


def sync(project: Project) -> list[Path]:
    """Rewrite the marked lines; return the files changed."""
    changed = plan(project)
    for path, text in changed.items():
        path.write_text(text, encoding="utf-8")
    return sorted(changed)
