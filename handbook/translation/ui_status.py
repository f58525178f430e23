"""UI strings a language has not translated yet: `handbook status` lists them.

`handbook language add` writes each string of a new language as its English text, with the line
``# untranslated`` above it. A string counts as untranslated while it carries the marker and still
reads as the English text: a translator who translates it but forgets the marker is not nagged.
"""

from __future__ import annotations

from pathlib import Path

from handbook.languages import I18n
from handbook.paths import UI_DIR
from handbook.yamlio import load_yaml

UNTRANSLATED = "# untranslated"


def untranslated_strings(root: Path, i18n: I18n, code: str) -> list[str]:
    """Keys of ``code``'s UI strings still marked untranslated and equal to the English text."""
    found: list[str] = []
    for path in sorted((root / UI_DIR).glob(f"*.{code}.yml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        data, where = load_yaml(path)
        for key in data or {}:
            line = where.get((key,))
            marked = line is not None and line >= 2 and lines[line - 2].strip() == UNTRANSLATED
            if marked and data[key] == i18n.strings[i18n.default].get(key):
                found.append(key)
    return found
