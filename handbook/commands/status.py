"""``handbook status``: which pages are up to date, outdated, missing or orphaned in each language."""

from __future__ import annotations

import argparse
import sys

from handbook.paths import DOCS_DIR, Project

HELP = "Show the translation status of every page in every language (or the English changes of one page)."

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).


def configure(parser: argparse.ArgumentParser) -> None:
    from handbook.translation.report import FORMATS

    parser.add_argument("--format", choices=sorted(FORMATS), default="text",
                        help="text (default), markdown (for a pull-request comment), json, or github "
                             "(workflow annotations on the translations that need work: REV006, PAR001)")
    parser.add_argument("--lang", action="append", metavar="CODE", help="only this language (repeatable)")
    parser.add_argument("--diff", nargs=2, metavar=("CODE", "PAGE"),
                        help="show the English changes since the version translated in CODE, as a word diff")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the word diff")
    from handbook.restricted.reports import add_options

    add_options(parser)


def _diff(args: argparse.Namespace, project: Project) -> int:
    from handbook.languages import load_i18n
    from handbook.translation import diff, gitio
    from handbook.translation.inventory import load, resolve_page

    i18n = load_i18n(project.root)
    code, arg = args.diff
    if code not in i18n.translated_codes:
        print(f"error: {code!r} is not a translated language; use one of {', '.join(i18n.translated_codes)}",
              file=sys.stderr)
        return 2
    source = resolve_page(project.root, i18n, arg)
    row = load(project.root).page(code, source)
    if row is None:  # on disk, but not a page the handbook translates (a snippet, say)
        print(f"error: {DOCS_DIR}/{source} is not one of the handbook's pages, so it has no translation status. "
              "Give a page of the handbook, e.g. chapters/terminology.md (`handbook status` lists them).",
              file=sys.stderr)
        return 2
    if row.state == "missing":
        print(f"{DOCS_DIR}/{source}: not translated into {code} yet. Start with "
              f"`handbook translate start {code} {source}`.")
        return 1
    if not row.recorded_blob:
        print(f"{DOCS_DIR}/{row.path}: no source_blob in its front matter, so the translated version is unknown. "
              f"Compare it with the English page by hand, then run `handbook translate done {code} {source}`.")
        return 1
    if row.state == "up_to_date":
        print(f"{DOCS_DIR}/{row.path}: up to date with {DOCS_DIR}/{source} ({row.recorded_blob[:10]}).")
        return 0
    old = gitio.read_blob(project.root, row.recorded_blob)
    if old is None:
        print(f"{DOCS_DIR}/{row.path}: the recorded English version {row.recorded_blob} is not in this repository. "
              "Fetch the branch it was translated from (git fetch), or compare by hand and run "
              f"`handbook translate done {code} {source}`.")
        return 1
    new = (project.docs / source).read_text(encoding="utf-8")
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    header = (f"{DOCS_DIR}/{source}: English changes since {row.recorded_blob[:10]} (translated on "
              f"{row.translated_on}). Apply them to {DOCS_DIR}/{row.path}, then run "
              f"`handbook translate done {code} {source}`.")
    sys.stdout.write(diff.render(old, new, header=header, style=diff.COLOUR if colour else diff.PLAIN))
    return 0


def run(args: argparse.Namespace, project: Project) -> int:
    if args.diff:
        return _diff(args, project)
    from dataclasses import replace

    from handbook.languages import load_i18n
    from handbook.translation.gate import decide_all
    from handbook.translation.inventory import load
    from handbook.translation.report import FORMATS

    i18n = load_i18n(project.root)
    unknown = [c for c in args.lang or () if c not in i18n.translated_codes]
    if unknown:
        print(f"error: unknown language(s) {', '.join(unknown)}; use {', '.join(i18n.translated_codes)}", file=sys.stderr)
        return 2
    from handbook.errors import HandbookError
    from handbook.restricted import reports

    try:
        reports.check_output(project, args.output)
        report = load(project.root, reports.report_corpus(project, args.audience))
    except HandbookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    gates = decide_all(project.root, report)
    if args.lang:
        report = replace(report, languages=tuple(s for s in report.languages if s.lang in args.lang))
        gates = [g for g in gates if g.lang in args.lang]
    codes = [s.lang for s in report.languages]
    reports.emit(_with_language_notes(FORMATS[args.format](report, i18n, gates), args.format,
                                      language_notes(project, i18n, codes)), args.output)
    return 0


def language_notes(project: Project, i18n, codes: list[str]) -> dict[str, dict[str, object]]:
    """What a language lacks besides its pages: UI strings still in English, and terminology rules."""
    from handbook.terms.termbase import load as load_termbase, not_started
    from handbook.translation.ui_status import untranslated_strings

    unstarted = not_started(load_termbase(project.root, i18n.codes))
    notes: dict[str, dict[str, object]] = {}
    for code in codes:
        notes[code] = {
            "ui_untranslated": untranslated_strings(project.root, i18n, code),
            "termbase_started": code not in unstarted,
            "inflection_rules": bool(i18n.language(code).inflection),
        }
    return notes


def _with_language_notes(text: str, fmt: str, notes: dict[str, dict[str, object]]) -> str:
    if fmt == "json":
        import json

        data = json.loads(text)
        for code, note in notes.items():
            data["languages"][code].update(note)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt != "text":
        return text
    lines = []
    for code, note in notes.items():
        keys = note["ui_untranslated"]
        if keys:
            lines.append(f"  {code}: {len(keys)} UI string(s) not translated yet, shown in English: {', '.join(keys)}")
        if not note["termbase_started"]:
            lines.append(f"  {code}: no terms in translations/termbase.yml yet; its pages are not linted for terms")
        if not note["inflection_rules"]:
            lines.append(f"  {code}: no inflection rules; the terminology linter matches terms exactly as written "
                         "(case and accents normalised)")
    return text + ("\nUI strings and terminology:\n" + "\n".join(lines) + "\n" if lines else "")
