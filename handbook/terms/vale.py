"""A Vale style generated from the termbase, for editors who run Vale in their editor.

One substitution rule per language and severity (``Avoid-fr.yml`` is an error, ``Care-fr.yml`` a
warning), applied with ``[*.fr.md]`` sections in ``.vale.ini``. The patterns are the linter's own
(from :mod:`handbook.terms.inflect`), so Vale and ``handbook lint terms`` flag the same words.
Vale cannot apply the handbook's exceptions for legal titles and mentions; the linter is the
reference.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import yaml

from handbook import languages
from handbook.terms import inflect
from handbook.paths import TERMBASE_FILE
from handbook.terms.termbase import Termbase

STYLE = "Handbook"
_LEVEL = {"avoid": "error", "care": "warning"}
_HEADER = ("# Generated from translations/termbase.yml by `handbook lint terms --export vale styles`.\n"
           "# Do not edit: edit the termbase and export again.\n")


def rules(termbase: Termbase) -> dict[str, str]:
    """File name -> YAML text of every rule file of the style."""
    files: dict[str, str] = {}
    for code in termbase.codes:
        for severity, level in _LEVEL.items():
            swap: dict[str, str] = {}
            exceptions: list[str] = []
            for concept in termbase.concepts:
                if concept.severity != severity:
                    continue
                entry = concept.entry(code)
                for form in entry.avoid:
                    swap[inflect.bounded(inflect.term_pattern(form, inflect.rules(termbase.inflection.get(code, ""))))] = "|".join(entry.prefer)
                exceptions += [e for e in entry.exceptions if e not in exceptions]
            if not swap:
                continue
            rule = {
                "extends": "substitution",
                "message": "Use %s instead of '%s' (Terminology Guidelines; see the handbook glossary).",
                "level": level,
                "ignorecase": True,
                "nonword": True,  # the patterns carry their own boundaries (Arabic prefixes, elision)
                "action": {"name": "replace"},
                "swap": swap,
            }
            if exceptions:
                rule["exceptions"] = exceptions
            name = f"{'Avoid' if severity == 'avoid' else 'Care'}-{code}.yml"
            files[name] = _HEADER + yaml.safe_dump(rule, allow_unicode=True, sort_keys=False, width=1000)
    return files


def default_language(termbase: Termbase) -> str:
    """The handbook's default language (translations/languages.yml of the termbase's project)."""
    root = termbase.path.parents[len(PurePosixPath(TERMBASE_FILE).parts) - 1]
    return languages.load_i18n(root).default


def vale_ini(termbase: Termbase, default: str) -> str:
    """The example .vale.ini; ``default`` is the language whose pages have no code suffix (x.md)."""
    lines = ["# Example .vale.ini for the handbook (generated). Vale applies every section whose glob",
             "# matches, so [*.md] (English) also applies to translations: harmless, since English",
             "# terms to avoid have no place in a translation either.",
             "StylesPath = styles", "MinAlertLevel = warning", ""]
    for code in termbase.codes:
        glob = "*.md" if code == default else f"*.{code}.md"
        lines += [f"[{glob}]", f"{STYLE}.Avoid-{code} = YES", f"{STYLE}.Care-{code} = YES", ""]
    return "\n".join(lines)


def write(termbase: Termbase, dest: Path, default: str | None = None) -> list[tuple[Path, bool]]:
    """Write the style into ``dest/Handbook/`` (files whose content changed only).

    ``default`` is the default language; by default, the one of the termbase's project.
    """
    out = []
    files = {f"{STYLE}/{name}": text for name, text in rules(termbase).items()}
    files["vale.ini.example"] = vale_ini(termbase, default or default_language(termbase))
    for rel, text in sorted(files.items()):
        path = dest / rel
        changed = not path.is_file() or path.read_text(encoding="utf-8") != text
        if changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        out.append((path, changed))
    return out
