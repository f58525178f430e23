"""``handbook translate start|done|review CODE PAGE``: begin a translation, record that it is up to
date, or record that a national team has reviewed it. ``handbook translate export|import``: exchange
files (XLIFF, PO, TMX) for translators' tools (handbook/exchange/)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from handbook.editorial.dates import cli_date
from handbook.paths import DOCS_DIR, PO_DIR, Project

HELP = ("Start a translation of a page, record that a translation matches the current English page, "
        "record a national team's review, or exchange XLIFF and PO files with translators' tools.")

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    start = sub.add_parser("start", help="create docs/<page>.<code>.md from the English page, for translating",
                           description="Create the translation file from the English page: same structure and "
                           "heading ids, English text left in place for the translator, English version recorded.")
    done = sub.add_parser("done", help="record the current English version in the translation's front matter",
                          description="Record that the translation now matches the current English page "
                          "(source_blob and translated_on); nothing else in the file changes.")
    review = sub.add_parser("review", help="record that a national team reviewed the translation",
                            description="Record who reviewed the translation and when (reviewed_by and "
                            "reviewed_on); readers then no longer see the 'not yet reviewed' notice. Only an "
                            "up-to-date translation can be reviewed.")
    export = sub.add_parser("export", help="write XLIFF or PO files of pages for a CAT tool or Weblate",
                            description="Write one exchange file per page: every translatable segment as a unit, "
                            "markup as protected placeholders, the existing translation as targets (final where the "
                            "English is unchanged, to review where it changed).")
    export.add_argument("code", metavar="CODE", help="language code, e.g. fr")
    export.add_argument("pages", metavar="PAGE", nargs="*", help="pages under docs/ (default: every page)")
    export.add_argument("--format", choices=("xliff", "xliff12", "po", "tmx"), default="xliff",
                        help="XLIFF 2.0 (default), XLIFF 1.2 for older tools, gettext PO, or TMX (one translation "
                        "memory of every final unit of the language: <DIR>/<CODE>.tmx)")
    export.add_argument("--sentences", action="store_true",
                        help="XLIFF 2: one segment per sentence inside each unit, for tools that work by sentence")
    export.add_argument("--out", type=Path, metavar="DIR",
                        help="folder for <CODE>/<page>.xlf|.po (default: translations/po for PO, the layout a "
                        "Weblate component reads; translations/xliff for XLIFF; translations/tmx for TMX)")
    imp = sub.add_parser("import", help="write translations back from XLIFF or PO files",
                         description="Check every file first (placeholders, final units, English version, page), "
                         "then write docs/<page>.<code>.md with the English structure and record provenance.")
    imp.add_argument("files", metavar="FILE", nargs="+", type=Path, help="XLIFF 2 or PO files made by export")
    imp.add_argument("--date", type=cli_date, metavar="YYYY-MM-DD", help="translated_on date (default: today)")
    imp.add_argument("--rebase", action="store_true",
                     help="accept a file made from an older English version: its units whose English segment is "
                     "unchanged are applied to the current page; the others are left to translate")
    for p in (start, done, review):
        p.add_argument("code", metavar="CODE", help="language code, e.g. fr")
        p.add_argument("page", metavar="PAGE", help="the page under docs/, e.g. chapters/terminology.md")
    start.add_argument("--force", action="store_true",
                       help="replace an existing translation, keeping it as <file>.bak-<timestamp>")
    done.add_argument("--date", type=cli_date, metavar="YYYY-MM-DD", help="translated_on date (default: today)")
    review.add_argument("--by", required=True, metavar="NAME",
                        help='the national team that reviewed it, e.g. "Équipe nationale France"')
    review.add_argument("--date", type=cli_date, metavar="YYYY-MM-DD", help="reviewed_on date (default: today)")


def _today(args: argparse.Namespace) -> str:
    return (getattr(args, "date", None) or dt.date.today()).isoformat()



def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.languages import load_i18n
    from handbook import backups
    from handbook.translation import gitio, provenance
    from handbook.translation.inventory import resolve_page, translation_path

    i18n = load_i18n(project.root)
    if args.action == "import":
        return _import(args, project, i18n.translated_codes)
    if args.code not in i18n.translated_codes:
        print(f"error: {args.code!r} is not a translated language; use one of "
              f"{', '.join(i18n.translated_codes)} (translations/languages.yml)", file=sys.stderr)
        return 2
    if args.action == "export":
        return _export(args, project, i18n)
    source = resolve_page(project.root, i18n, args.page)
    target_rel = translation_path(source, args.code)
    target = project.docs / target_rel
    shown = f"{DOCS_DIR}/{target_rel}"
    if args.action == "start":
        if target.exists() and not args.force:
            print(f"error: {shown} already exists; it was left unchanged. To update it, run "
                  f"`handbook status --diff {args.code} {source}`, edit it, then "
                  f"`handbook translate done {args.code} {source}`. To start again from the English "
                  "page, add --force (the current file is kept as a .bak copy).", file=sys.stderr)
            return 1
        # Build the new text before touching the existing file: if the English page cannot be used
        # (no front matter, say), the translation stays where it is.
        blob = gitio.store_blob(project.root, f"{DOCS_DIR}/{source}")
        english = (project.docs / source).read_text(encoding="utf-8")
        text = provenance.new_translation(english, blob, _today(args), f"{DOCS_DIR}/{source}")
        note = ""
        if target.exists():
            note = f" The previous file was kept as {DOCS_DIR}/{backups.keep(target, move=True).relative_to(project.docs).as_posix()}."
        target.write_text(text, encoding="utf-8")
        print(f"Created {shown} from {DOCS_DIR}/{source} (English version {blob[:10]}). Translate the title, "
              "the description and the text; keep heading ids, admonitions, tables, images and links."
              f"{note}")
        return 0

    if not target.exists():
        print(f"error: {shown} does not exist. Start it with `handbook translate start {args.code} {source}`.",
              file=sys.stderr)
        return 1
    blob = gitio.store_blob(project.root, f"{DOCS_DIR}/{source}")
    from handbook import frontmatter

    with open(target, encoding="utf-8", newline="") as handle:  # keep the file's line endings
        text = handle.read()
    meta = frontmatter.split(text, shown).meta
    if args.action == "review":
        return _review(args, target, shown, text, meta, blob, source)
    if str(meta.get("source_blob")) == blob:
        marked = provenance.add_missing_keys(text, provenance.UNREVIEWED, shown)
        if marked != text:
            _write(target, marked)
        print(f"{shown} already records the current English version ({blob[:10]}); nothing changed.")
        return 0
    updated = provenance.set_keys(text, {"source_blob": blob, "translated_on": _today(args)}, shown)
    _write(target, provenance.add_missing_keys(updated, provenance.UNREVIEWED, shown))
    print(f"Recorded English version {blob[:10]} in {shown}: it is up to date.")
    return 0


def _write(target: Path, text: str) -> None:
    with open(target, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _review(args: argparse.Namespace, target: Path, shown: str, text: str, meta: dict, blob: str,
            source: str) -> int:
    from handbook.translation import provenance

    name = " ".join(args.by.split())
    if not name or len(name) > 200:
        print("error: --by must name the national team that reviewed the translation (one line, at most "
              "200 characters).", file=sys.stderr)
        return 2
    if str(meta.get("source_blob")) != blob:
        print(f"error: {shown} does not match the current English page, so a review would cover an older text. "
              f"Bring it up to date first (`handbook status --diff {args.code} {source}`, then "
              f"`handbook translate done {args.code} {source}`), then review it.", file=sys.stderr)
        return 1
    reviewed_on = (args.date or dt.date.today()).isoformat()
    # Written as a double-quoted YAML scalar (JSON syntax), so any name survives: colons, quotes, '#'.
    values = {"reviewed_by": json.dumps(name, ensure_ascii=False), "reviewed_on": reviewed_on}
    _write(target, provenance.set_keys(text, values, shown))
    print(f"Recorded the review of {shown} by {name} on {reviewed_on}: readers no longer see the "
          "'not yet reviewed' notice.")
    return 0


def _export(args: argparse.Namespace, project: Project, i18n) -> int:
    from handbook.exchange import files
    from handbook.translation.inventory import page_files, resolve_page

    pages = [resolve_page(project.root, i18n, p) for p in args.pages] or [
        p for p in page_files(project.docs) if p.count(".") == 1]
    default = {"po": PO_DIR, "tmx": "translations/tmx"}.get(args.format, "translations/xliff")
    out = args.out or Path(default)
    out = out if out.is_absolute() else project.root / out
    totals = [0, 0, 0]
    exchanges = []
    for page in pages:
        ex, lev = files.exchange_for(project, page, args.code)
        exchanges.append(ex)
        if args.format == "tmx":
            totals = [totals[0] + lev.reused, totals[1] + lev.changed, totals[2] + lev.new]
            continue
        if not ex.units:  # XLIFF needs at least one unit per file; nothing to translate anyway
            print(f"docs/{page}: nothing to translate; no file written")
            continue
        dest = files.out_path(out, ex, args.format)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(files.render(ex, args.format, args.sentences), encoding="utf-8")
        totals = [totals[0] + lev.reused, totals[1] + lev.changed, totals[2] + lev.new]
        print(f"{dest}: {len(ex.units)} units: {lev.reused} reused, {lev.changed} changed, {lev.new} new"
              + (f" ({lev.note})" if lev.note else ""))
    if args.format == "tmx":
        from handbook.exchange import tmx

        dest = out / f"{args.code}.tmx"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(tmx.render(exchanges, args.code), encoding="utf-8")
        print(f"{dest}: {totals[0]} final units of {len(pages)} pages (units to review or new are left out).")
        return 0
    if len(pages) > 1:
        print(f"{len(pages)} pages: {totals[0]} units reused, {totals[1]} changed, {totals[2]} new.")
    return 0


def _import(args: argparse.Namespace, project: Project, languages: tuple[str, ...]) -> int:
    from handbook.errors import HandbookError
    from handbook.exchange import files

    planned, failed = [], False
    today = _today(args)
    for path in args.files:  # every file is checked before any page is written
        try:
            planned.append(files.plan(project, path, languages, today, rebase=args.rebase))
        except HandbookError as err:
            failed = True
            print(f"error: {err}", file=sys.stderr)
        except OSError as err:
            failed = True
            print(f"error: {path}: cannot read it ({err.strerror}).", file=sys.stderr)
    if failed:
        print("Nothing was written.", file=sys.stderr)
        return 1
    for item in planned:
        print(files.write(item))
    return 0
