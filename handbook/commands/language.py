"""``handbook language add CODE --name NAME``: add a language, with everything but its translation."""

from __future__ import annotations

import argparse

from handbook.paths import Project

HELP = "Add a language to the handbook: its entry, UI string files, termbase column, policy and owners."

# Imports of the package's modules are inside run(): cli.py imports every command to build its parser.


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="add a language (nothing is overwritten)",
                         description="Add the language to translations/languages.yml (direction and quotation "
                         "marks from CLDR), scaffold its UI strings from English, marked untranslated, add its "
                         "termbase column, a publication policy entry and a CODEOWNERS placeholder.")
    add.add_argument("code", metavar="CODE", help="ISO 639 code, e.g. pt")
    add.add_argument("--name", required=True, help="the language's name in that language, e.g. Português")
    add.add_argument("--dir", choices=("ltr", "rtl"), help="writing direction, when it differs from CLDR's")
    add.add_argument("--quotes", metavar="MARKS",
                     help="four quotation marks (open, close, nested open, nested close), e.g. '«»“”', when "
                          "the language is not in the handbook's table of CLDR delimiters")
    workflow = sub.add_parser("workflow", help="write the CI workflows' language lists from languages.yml",
                              description="Rewrite each line marked '# hb:languages' in .github/workflows/*.yml "
                              "(the matrix of per-language build jobs) from translations/languages.yml.")
    workflow.add_argument("--check", action="store_true",
                          help="change nothing; exit 1 and name the files when a list differs")


def run(args: argparse.Namespace, project: Project) -> int:
    if args.action == "workflow":
        return _workflow(args, project)
    from handbook.translation.addlang import add_language

    lang, written = add_language(project, args.code, args.name, args.dir, args.quotes)
    print(f"Added {lang.name} ({lang.code}, {lang.dir}, quotes {''.join(lang.quotes)}):")
    for path in written:
        print(f"  {path.relative_to(project.root)}")
    print(f"Next: translate translations/ui/*.{lang.code}.yml, start pages with "
          f"`handbook translate start {lang.code} PAGE`, and replace the placeholder team in .github/CODEOWNERS.")
    return 0


def _workflow(args: argparse.Namespace, project: Project) -> int:
    from handbook.translation import workflow_matrix

    if args.check:
        stale = sorted(workflow_matrix.plan(project))
        for path in stale:
            print(f"{path.relative_to(project.root)}: its language list differs from translations/languages.yml; "
                  "run `handbook language workflow` to rewrite it.")
        if not stale:
            print("The workflows' language lists are up to date.")
        return 1 if stale else 0
    changed = workflow_matrix.sync(project)
    for path in changed:
        print(f"Rewrote the language list of {path.relative_to(project.root)}")
    if not changed:
        print("The workflows' language lists are up to date.")
    return 0
