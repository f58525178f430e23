"""``handbook status`` output formats, dispatched through ``FORMATS``.

The CLI speaks English to editors and translators; the localised status page in the handbook is
rendered by :mod:`handbook.translation.site` from the same :class:`Report`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

import jinja2

from handbook.diagnostics import Diagnostic, render
from handbook.languages import I18n
from handbook.paths import DOCS_DIR
from handbook.translation.behind import behind_finding, orphan_finding
from handbook.translation.gate import GateDecision
from handbook.translation.status import ORPHANED, OUTDATED, STATES, Report

TEMPLATES = Path(__file__).parent / "templates"
LABELS = {"up_to_date": "up to date", "outdated": "outdated", "missing": "missing", "orphaned": "orphaned"}

Formatter = Callable[[Report, I18n, Sequence[GateDecision]], str]


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["pct"] = lambda value: f"{value:g}%"
    return env


def _summary(report: Report) -> str:
    return f"{len(report.sources)} English page(s), {sum(s.words for s in report.sources)} word(s)"


def format_text(report: Report, i18n: I18n, gates: Sequence[GateDecision]) -> str:
    out = [f"Translation status: {_summary(report)}"]
    for status in report.languages:
        name = i18n.language(status.lang).name
        out.append("")
        out.append(f"{status.lang} ({name}): {status.pages_up_to_date}/{status.pages_total} pages up to date "
                   f"({status.pages_percent:g}%), {status.words_up_to_date}/{status.words_total} words "
                   f"({status.words_percent:g}%); reader pages {status.reader_pages_up_to_date}/"
                   f"{len(status.reader_pages)} up to date; {len(status.unreviewed)} translation(s) not yet "
                   "reviewed by a national team")
        width = max((len(p.path) for p in status.pages), default=0)
        for p in status.pages:
            note = ""
            if p.state == "outdated":
                note = f"translated {p.translated_on}; English changed" if p.recorded_blob else "no source_blob recorded"
            elif p.state == "orphaned":
                note = f"no English source {p.source}"
            if p.state in ("up_to_date", "outdated") and not p.reviewed:
                note = f"{note}; not reviewed" if note else "not reviewed"
            if not p.reader:
                note = f"{note}; contributor page" if note else "contributor page"
            out.append(f"  {LABELS[p.state]:<10}  {p.path:<{width}}  {note}".rstrip())
    if gates:
        out += ["", "Publication gate (translations/publication.yml):"]
        out += [f"  {g.summary()}" for g in gates]
    return "\n".join(out) + "\n"


def format_markdown(report: Report, i18n: I18n, gates: Sequence[GateDecision]) -> str:
    """For a pull-request comment: a summary table, then the pages needing work per language."""
    return _env().get_template("status-comment.md.j2").render(
        report=report, i18n=i18n, gates={g.lang: g for g in gates}, labels=LABELS, summary=_summary(report))


def format_json(report: Report, i18n: I18n, gates: Sequence[GateDecision]) -> str:
    data = {
        "sources": [asdict(s) for s in report.sources],
        "languages": {
            s.lang: {
                "pages_total": s.pages_total, "pages_up_to_date": s.pages_up_to_date, "pages_percent": s.pages_percent,
                "words_total": s.words_total, "words_up_to_date": s.words_up_to_date, "words_percent": s.words_percent,
                "counts": s.counts(),
                "reader_pages_total": len(s.reader_pages), "reader_pages_up_to_date": s.reader_pages_up_to_date,
                "unreviewed": len(s.unreviewed),
                "pages": [asdict(p) for p in s.pages],
            }
            for s in report.languages
        },
        "gate": {g.lang: asdict(g) | {"marked": list(g.marked)} for g in gates},
        "states": list(STATES),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def findings(report: Report) -> list[Diagnostic]:
    """What in the status needs a translator's action, as the findings every command prints:
    REV006 for a translation behind its English page, PAR001 for an orphan (a missing page is not
    a finding: readers get the English page, and the figures above count it)."""
    out = []
    for status in report.languages:
        for p in status.pages:
            if p.state == OUTDATED and p.recorded_blob:  # none recorded is FM003, the checker's
                out.append(behind_finding(p.path, p.lang, p.source, p.translated_on))
            elif p.state == ORPHANED:
                out.append(orphan_finding(f"{DOCS_DIR}/{p.path}", p.source))
    return sorted(out)


def format_github(report: Report, i18n: I18n, gates: Sequence[GateDecision]) -> str:
    """Workflow annotations on the translations that need work, through the shared record."""
    return render(findings(report), "github")


FORMATS: dict[str, Formatter] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
    "github": format_github,
}
