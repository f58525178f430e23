"""Change-log entries kept with the changes: ``changes/<edition>/<name>.yml``, one per change.

An author who changes what officers are told adds an entry in the same pull request, written for
officers in plain language, in every language the team can provide::

    type: updated                 # new | updated | corrected | removed
    pages: [chapters/missing-children.md]
    text:
      en: The first-hour checklist now starts with the child's immediate safety.
      fr: ...

The "What changed in this edition" page (docs/whats-new*.md) is built from these entries. English
text is required; a language without text shows the English text, marked "not yet translated".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.diagnostics import Diagnostic
from handbook.editorial.edition import Editions
from handbook.errors import HandbookError
from handbook.frontmatter import read
from handbook.languages import I18n, translation_path
from handbook.paths import CHANGES_DIR, Project
from handbook.yamlio import load_yaml

TYPES = ("new", "updated", "corrected", "removed")  # display order; UI strings change_type_<type>


@dataclass(frozen=True)
class Entry:
    path: Path
    edition: int
    type: str
    pages: tuple[str, ...]
    text: dict[str, str]


def load_entries(project: Project, i18n: I18n, edition: int) -> list[Entry]:
    """The entries of one edition, validated (file, line and fix on every error), in display order."""
    folder = project.root / CHANGES_DIR / str(edition)
    entries = [parse_entry(path, project, i18n, edition) for path in sorted(folder.glob("*.yml"))]
    return sorted(entries, key=lambda e: (TYPES.index(e.type), e.path.name))


def parse_entry(path: Path, project: Project, i18n: I18n, edition: int) -> Entry:
    data, lines = load_yaml(path)
    if not isinstance(data, dict) or set(data) - {"type", "pages", "text"} or "type" not in data \
            or "text" not in data:
        raise HandbookError(path, "a change entry is a mapping with 'type', 'text' and optionally 'pages'.",
                            line=1, fix="See docs/contributing/editorial-guide.md for an example.")
    kind = data["type"]
    if kind not in TYPES:
        raise HandbookError(path, f"type {kind!r} is not one of {', '.join(TYPES)}.", line=lines.get(("type",)))
    pages = data.get("pages") or []
    if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
        raise HandbookError(path, "'pages' must be a list of docs/ paths, e.g. chapters/missing-children.md.",
                            line=lines.get(("pages",)))
    for index, page in enumerate(pages):
        if not (project.docs / page).is_file() or not page.endswith(".md"):
            raise HandbookError(path, f"page {page!r} does not exist in docs/.", line=lines.get(("pages", index)),
                                fix="Give the English page's path below docs/, e.g. chapters/missing-children.md.")
    text = data["text"]
    if not isinstance(text, dict):
        raise HandbookError(path, "'text' must map language codes to the change, written for officers.",
                            line=lines.get(("text",)))
    for code, value in text.items():
        line = lines.get(("text", code))
        if code not in i18n.codes:
            raise HandbookError(path, f"unknown language {code!r}; translations/languages.yml lists "
                                f"{', '.join(i18n.codes)}.", line=line)
        if not isinstance(value, str) or not value.strip():
            raise HandbookError(path, f"the {code} text is empty.", line=line, fix="Write the change in one or "
                                "two plain sentences, or remove the language.")
    if i18n.default not in text:
        raise HandbookError(path, f"the change has no {i18n.default} text.", line=lines.get(("text",)),
                            fix=f"Add '{i18n.default}:' under 'text:'; other languages may follow later.")
    return Entry(path, edition, kind, tuple(pages), {k: " ".join(v.split()) for k, v in text.items()})


def chapter_title(project: Project, i18n: I18n, page: str, code: str) -> str:
    return _link_text(project, i18n, page, code)


def _link_text(project: Project, i18n: I18n, page: str, code: str) -> str:
    """The page's title in language ``code``; an English title (page not translated yet) is marked
    as English, for screen readers and for the reader."""
    translated = project.docs / translation_path(page, code)
    if code != i18n.default and translated.is_file():
        title = read(translated).meta.get("title")
        if isinstance(title, str) and title.strip():
            return title.strip()
    title = read(project.docs / page).meta.get("title")
    title = title.strip() if isinstance(title, str) and title.strip() else page
    if code == i18n.default:
        return title
    return f'<span lang="{i18n.default}" dir="ltr">{title}</span> ({i18n.t(code, "fallback_nav_marker")})'


def render_markdown(project: Project, i18n: I18n, code: str, editions: Editions,
                    extra: dict[int, str] | None = None) -> str:
    """The change log in language ``code``: one section per edition, newest first, grouped by type.

    Links point to the English page path; MkDocs and the i18n plugin resolve them to the page in the
    reader's language. Heading ids are explicit so they are identical in every language. ``extra``
    (edition number -> Markdown) ends that edition's section: the paragraphs it changed, by number.
    """
    t = i18n.strings[code]
    out: list[str] = []
    for edition in reversed(editions.editions):
        out.append(f"## {i18n.t(code, 'whats_new_edition', number=str(edition.number))} "
                   f"{{ #edition-{edition.number} }}\n")
        entries = load_entries(project, i18n, edition.number)
        more = (extra or {}).get(edition.number)
        if not entries:  # "no changes recorded" would contradict a list of changed paragraphs
            out.append(more if more else t["whats_new_none"] + "\n")
            continue
        for kind in TYPES:
            group = [e for e in entries if e.type == kind]
            if not group:
                continue
            out.append(f"### {t['change_type_' + kind]} {{ #edition-{edition.number}-{kind} }}\n")
            for entry in group:
                if code in entry.text:
                    item = entry.text[code]
                else:
                    item = (f'<span lang="{i18n.default}" dir="ltr">{entry.text[i18n.default]}</span> '
                            f"{t['whats_new_untranslated']}")
                if entry.pages:
                    links = i18n.join(code, [f"[{_link_text(project, i18n, p, code)}]({p})" for p in entry.pages])
                    item += f" {t['whats_new_see']} {links}"
                out.append(f"- {item}")
            out.append("")
        out += [more] if more else []
    return "\n".join(out).rstrip("\n") + "\n"


def check_changes(project: Project, i18n: I18n, editions: Editions) -> list[Diagnostic]:
    """Every change entry, as diagnostics: CHG001 invalid entry or folder (error), CHG002 a language
    without text (warning: readers of that language see the English text until it is added)."""
    out: list[Diagnostic] = []
    numbers = {str(e.number) for e in editions.editions}
    root = project.root / CHANGES_DIR
    for folder in sorted(p for p in root.glob("*") if p.is_dir()):
        if folder.name not in numbers:
            out.append(Diagnostic(_rel(project, folder), 1, 1, "CHG001", f"no edition {folder.name} in "
                                  f"{editions.path.name}", hint="move the entries to the current edition's folder"))
            continue
        for path in sorted(folder.glob("*.yml")):
            try:
                entry = parse_entry(path, project, i18n, int(folder.name))
            except HandbookError as exc:
                out.append(Diagnostic(_rel(project, path), exc.line or 1, 1, "CHG001", exc.message.rstrip("."),
                                      hint=exc.fix))
                continue
            missing = [code for code in i18n.codes if code not in entry.text]
            if missing:
                out.append(Diagnostic(_rel(project, path), 1, 1, "CHG002",
                                      f"no text in {', '.join(missing)}", severity="warning",
                                      hint="readers see the English text, marked as not yet translated"))
    return out


def _rel(project: Project, path: Path) -> str:
    return path.relative_to(project.root).as_posix()
