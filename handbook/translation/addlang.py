"""``handbook language add``: everything a new language needs that is not translation.

The plan is computed first, in memory, as whole new file texts; nothing is written until every
file has been planned, and the result is read back with the handbook's own loaders. Existing files
are never overwritten: new files must not exist, and data files get an entry inserted as text, so
their comments and layout stay as their authors wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.paths import LANGUAGES_FILE, TERMBASE_FILE, THEME_DIR, UI_DIR, Project
from handbook.translation import workflow_matrix
from handbook.translation.ui_status import UNTRANSLATED

POLICY_FILE = "translations/publication.yml"
CODEOWNERS_FILE = ".github/CODEOWNERS"

_CODE = re.compile(r"^[a-z]{2,3}$")

# CLDR's delimiters (common/main/<locale>.xml, <delimiters>: quotationStart, quotationEnd,
# alternateQuotationStart, alternateQuotationEnd), CLDR 46. Babel does not carry them, so the
# languages a national team is likely to add are copied here; `--quotes` gives any other.
CLDR_QUOTES: dict[str, tuple[str, str, str, str]] = {
    "ar": ("”", "“", "’", "‘"),
    "de": ("„", "“", "‚", "‘"),
    "el": ("«", "»", "“", "”"),
    "en": ("“", "”", "‘", "’"),
    "es": ("«", "»", "“", "”"),
    "fa": ("«", "»", "‹", "›"),
    "fr": ("«", "»", "«", "»"),
    "he": ("”", "”", "’", "’"),
    "hi": ("“", "”", "‘", "’"),
    "it": ("«", "»", "“", "”"),
    "ka": ("„", "“", "«", "»"),
    "ja": ("「", "」", "『", "』"),
    "nl": ("‘", "’", "“", "”"),
    "pl": ("„", "”", "«", "»"),
    "pt": ("“", "”", "‘", "’"),
    "ru": ("«", "»", "„", "“"),
    "sw": ("“", "”", "‘", "’"),
    "th": ("“", "”", "‘", "’"),
    "tr": ("“", "”", "‘", "’"),
    "uk": ("«", "»", "„", "“"),
    "zh": ("“", "”", "‘", "’"),
}


@dataclass(frozen=True)
class NewLanguage:
    code: str
    name: str
    dir: str
    quotes: tuple[str, str, str, str]


def _fail(project: Project, message: str, fix: str = "") -> HandbookError:
    return HandbookError(project.languages_file, message, fix=fix)


def describe(project: Project, code: str, name: str, direction: str | None = None,
             quotes: str | None = None) -> NewLanguage:
    """The new language's entry, from CLDR (Babel) unless ``direction`` or ``quotes`` say otherwise.

    Refuses a code that is not ISO 639, a language already listed, and a code CLDR does not know.
    """
    from babel import Locale, UnknownLocaleError

    if not _CODE.match(code):
        raise _fail(project, f"{code!r} is not an ISO 639 language code.",
                    "Use two or three lowercase letters, e.g. 'pt' (a region such as pt-BR is not supported).")
    i18n = load_i18n(project.root)
    if code in i18n.codes:
        raise _fail(project, f"language {code!r} ({i18n.language(code).name}) is already in the handbook.",
                    "Nothing to add; translate its files instead.")
    from handbook.terms.termbase import CONCEPT_KEYS

    if code in CONCEPT_KEYS:
        raise _fail(project, f"{code!r} is also the name of a field of every termbase concept ({TERMBASE_FILE}), "
                    "which holds each language's terms under its code, so the termbase could not tell the two apart.",
                    "This is a known limit of the termbase's format: record the language in an issue, so that the "
                    "termbase gives languages a block of their own before the language is added.")
    if not name.strip():
        raise _fail(project, "--name is empty.", "Give the language's name in that language, e.g. --name Português.")
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise _fail(project, f"CLDR (the Unicode locale data, through Babel) has no locale {code!r}, so its "
                    "direction, dates, digits and plural rules are unknown.",
                    "Check the code at https://www.unicode.org/cldr/charts/latest/supplemental/territory_language_information.html.") from None
    from handbook.fonts import coverage, describe, uncovered

    missing = uncovered(name, coverage(project.root))
    if missing:
        raise _fail(project, f"no font the handbook ships can show {name.strip()!r}: it has {describe(missing)}. "
                    "Readers would see boxes in every page's language switcher, and in all of the language's text.",
                    "Add a font for the script to overrides/assets/stylesheets/fonts.css, with its licence in "
                    "overrides/assets/fonts/, then run the command again.")
    if direction is None:
        direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    if direction not in ("ltr", "rtl"):
        raise _fail(project, f"--dir {direction!r} must be ltr or rtl.")
    if quotes is None:
        if code not in CLDR_QUOTES:
            raise _fail(project, f"no CLDR quotation marks recorded for {code!r}.",
                        "Give them with --quotes, open, close, nested open, nested close, e.g. --quotes '“”‘’' "
                        "(CLDR's <delimiters> of the language), or add the language to CLDR_QUOTES in "
                        "handbook/translation/addlang.py.")
        marks = CLDR_QUOTES[code]
    else:
        if len(quotes) != 4 or any(m.isspace() or m in "\"'" for m in quotes):
            raise _fail(project, f"--quotes {quotes!r} must be four quotation marks, one character each.",
                        "Write them together: open, close, nested open, nested close, e.g. --quotes '«»“”'.")
        marks = (quotes[0], quotes[1], quotes[2], quotes[3])
    return NewLanguage(code, name.strip(), direction, marks)


# --- inserting into YAML files as text --------------------------------------------------------

def _block_end(lines: list[str], start: int) -> int:
    """Index after the last line of the block that starts at ``lines[start]`` (a top-level key):
    its indented lines, list items and comments, up to the next top-level key. Trailing comment
    lines and blank lines are left after the insertion point: they usually introduce what follows."""
    end = start + 1
    last = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.startswith((" ", "-", "#", "\t")):
            break
        if line.strip() and not line.lstrip().startswith("#"):
            last = end + 1
        end += 1
    return last


def insert_in_block(text: str, key: str, entry: str, path: Path) -> str:
    """``text`` with ``entry`` (lines, already indented) at the end of the top-level ``key:`` block.

    An empty flow mapping or list (``key: {}``) becomes a block holding the entry.
    """
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        m = re.match(rf"^{re.escape(key)}:\s*(\{{\}}|\[\])?\s*(#.*)?$", line.rstrip("\n"))
        if m:
            if m.group(1):
                lines[index] = f"{key}:\n"
            end = _block_end(lines, index)
            if end > 0 and not lines[end - 1].endswith("\n"):
                lines[end - 1] += "\n"
            lines[end:end] = [entry if entry.endswith("\n") else entry + "\n"]
            return "".join(lines)
    raise HandbookError(path, f"no top-level '{key}:' block to add the language to.",
                        fix=f"Restore the '{key}:' key, then run the command again.")


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def languages_entry(lang: NewLanguage) -> str:
    marks = ", ".join(_yaml_str(m) for m in lang.quotes)
    return (f"  - code: {lang.code}\n    name: {_yaml_str(lang.name)}\n    dir: {lang.dir}\n"
            f"    quotes: [{marks}]  # CLDR's delimiters; the national team may choose the house style\n")


def scaffold_ui(english: str, lang: NewLanguage) -> str:
    """A UI string file of ``lang`` from the English one: the same strings, each marked untranslated."""
    out = [f"# UI strings in {lang.name} ({lang.code}), scaffolded from English by `handbook language add`.\n",
           f"# Translate each string, then delete the '{UNTRANSLATED}' line above it. Until then readers\n",
           "# see the English text, and `handbook status` lists the string as untranslated.\n"]
    for line in english.splitlines(keepends=True):
        if line.startswith("#"):
            continue  # the English file's header speaks of English
        if line.strip() and not line.startswith((" ", "\t", "-")):
            out.append(UNTRANSLATED + "\n")
        out.append(line)
    return "".join(out)


def codeowners_text(text: str, code: str, path: Path) -> str:
    """CODEOWNERS with the new language's national team after the last language's lines."""
    lines = text.splitlines(keepends=True)
    last = max((i for i, line in enumerate(lines) if line.startswith("/translations/ui/*.")), default=None)
    if last is None:
        raise HandbookError(path, "no '/translations/ui/*.<code>.yml' line to put the new language's team after.",
                            fix="Add the section of the national teams (see the comment at the top of the file).")
    team = f"@OWNER/translators-{code}  # placeholder: the committee names the team"
    new = [f"{f'/docs/**/*.{code}.md':<52}{team}\n", f"{f'/translations/ui/*.{code}.yml':<52}{team}\n",
           f"{f'/translations/po/{code}/':<52}{team}\n"]
    lines[last + 1:last + 1] = new
    return "".join(lines)


def plan(project: Project, lang: NewLanguage) -> dict[Path, str]:
    """Every file the new language adds or changes, with its whole new text (nothing written)."""
    root = project.root
    read = lambda rel: (root / rel).read_text(encoding="utf-8")  # noqa: E731
    i18n = load_i18n(root)
    files: dict[Path, str] = {}
    files[root / LANGUAGES_FILE] = insert_in_block(read(LANGUAGES_FILE), "languages", languages_entry(lang),
                                                   root / LANGUAGES_FILE)
    for source in sorted((root / UI_DIR).glob(f"*.{i18n.default}.yml")):
        area = source.name.split(".")[0]
        target = root / UI_DIR / f"{area}.{lang.code}.yml"
        if target.exists():
            raise HandbookError(target, "already exists; `language add` never overwrites a file.",
                                fix="Move it away, or add the language to translations/languages.yml by hand.")
        files[target] = scaffold_ui(source.read_text(encoding="utf-8"), lang)
    termbase = root / TERMBASE_FILE
    if termbase.exists():
        text = read(TERMBASE_FILE)
        # Empty lists: the team fills them in; meanwhile every mention is reported (the safe side).
        text = insert_in_block(text, "mention_markers", f"  {lang.code}: []\n", termbase)
        text = insert_in_block(text, "common_words", f"  {lang.code}: []\n", termbase)
        files[termbase] = text
    policy = root / POLICY_FILE
    if policy.exists():
        files[policy] = insert_in_block(read(POLICY_FILE), "languages",
                                        f"  {lang.code}:  # placeholder: the committee sets the thresholds\n"
                                        "    pdf_min_up_to_date: 50  # no PDF until half the chapters are translated\n"
                                        "    web_min_up_to_date: 50  # until then the web pages say they are a draft\n"
                                        "    web_below: draft\n", policy)
    owners = root / CODEOWNERS_FILE
    if owners.exists():
        files[owners] = codeowners_text(read(CODEOWNERS_FILE), lang.code, owners)
    partial = material_language_partial(project, lang)
    if partial is not None:
        files[partial[0]] = partial[1]
    # The CI matrix of per-language build jobs (handbook.translation.workflow_matrix).
    files.update(workflow_matrix.plan(project, [*i18n.codes, lang.code]))
    return files


def material_language_partial(project: Project, lang: NewLanguage) -> tuple[Path, str] | None:
    """The theme's language file for a language Material does not ship (Swahili, say), or None.

    Material takes a page's lang attribute and direction from partials/languages/<code>.html and
    stops the build when there is none; a file in the theme's overrides gives both, and Material's
    own interface strings fall back to English (partials/language.html), as the handbook's do.
    """
    import material

    shipped = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang.code}.html"
    target = project.root / THEME_DIR / "partials" / "languages" / f"{lang.code}.html"
    if shipped.exists() or target.exists():
        return None
    return target, ("{#- Written by `handbook language add`: Material ships no language file for "
                    f"{lang.code!r}. Its interface strings fall back to English (partials/language.html). -#}}\n"
                    "{% macro t(key) %}{{ {\n"
                    f'  "language": "{lang.code}",\n'
                    f'  "direction": "{lang.dir}",\n'
                    "}[key] }}{% endmacro %}\n")


def apply(project: Project, files: dict[Path, str], verify: Callable[[Project], None]) -> list[Path]:
    """Write ``files``, then ``verify`` the project; on any error put every file back as it was."""
    before = {path: (path.read_text(encoding="utf-8") if path.exists() else None) for path in files}
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)  # overrides/partials/languages/ may be new
            path.write_text(text, encoding="utf-8")
        verify(project)
    except BaseException:
        for path, old in before.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(old, encoding="utf-8")
        raise
    return sorted(files)


def verify(project: Project) -> None:
    """Read the changed data back with the loaders the build uses."""
    from handbook.terms.termbase import load as load_termbase
    from handbook.translation.gate import load_policy

    i18n = load_i18n(project.root)
    load_termbase(project.root, i18n.codes)
    load_policy(project.root, i18n.translated_codes)


def add_language(project: Project, code: str, name: str, direction: str | None = None,
                 quotes: str | None = None) -> tuple[NewLanguage, list[Path]]:
    lang = describe(project, code, name, direction, quotes)
    return lang, apply(project, plan(project, lang), verify)
