"""Review dates: which pages are due or overdue for review, and which translations are behind.

Every English page carries ``owner``, ``last_reviewed`` and ``review_interval_months`` in its front
matter (the keys are declared in :mod:`handbook.frontmatter`). A page's next review is
``last_reviewed`` plus the interval. Findings use the shared :class:`Diagnostic` record:

- FM003 (error)    a review key is missing (the code `check` reports it under);
- REV002 (error)   a review key is invalid (not a date, not a positive number, a date in the future);
- REV003 (warning on pull requests, error at release; translations/edition.yml) review overdue;
- REV004 (warning) review due soon;
- REV005 (warning) the English page was reviewed after this translation was last updated;
- REV006 (warning) the English page changed after this translation was last updated.

"Today" is always passed in, so results never depend on the clock in tests.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from handbook.diagnostics import Diagnostic
from handbook.editorial.dates import add_months, as_date
from handbook.editorial.edition import load as load_editions
from handbook.errors import HandbookError
from handbook.frontmatter import FIELDS, FrontMatter, missing_key
from handbook.pages.model import Corpus, load_corpus
from handbook.paths import DOCS_DIR, Project
from handbook.translation.inventory import load as load_status
from handbook.translation.status import OUTDATED, Report

REVIEW_KEYS = ("owner", "last_reviewed", "review_interval_months")


@dataclass(frozen=True)
class Finding:
    """A diagnostic and who should act on it: the page's owner, or a translation team."""

    group: str
    diagnostic: Diagnostic


@dataclass(frozen=True)
class Schedule:
    owner: str
    last_reviewed: dt.date
    interval: int

    @property
    def next_review(self) -> dt.date:
        return add_months(self.last_reviewed, self.interval)


def schedule_of(front: FrontMatter, rel: str, today: dt.date) -> tuple[Schedule | None, list[Diagnostic]]:
    """A page's review schedule, or the FM003/REV002 errors that prevent computing it."""
    problems: list[Diagnostic] = []
    for key in REVIEW_KEYS:
        field = FIELDS[key]
        if key not in front.meta:
            problems.append(missing_key(rel, key))
            continue
        problem = field.validate(front.meta[key])
        if problem:
            problems.append(Diagnostic(rel, front.line_of(key), 1, "REV002",
                                       f"'{key}: {front.meta[key]}' {problem}", hint=field.description))
    if problems:
        return None, problems
    last = as_date(front.meta["last_reviewed"])
    assert last is not None  # validated above
    if last > today:
        return None, [Diagnostic(rel, front.line_of("last_reviewed"), 1, "REV002",
                                 f"'last_reviewed: {last}' is in the future (today is {today})",
                                 hint="write the date the committee actually reviewed the page")]
    return Schedule(str(front.meta["owner"]).strip(), last, int(front.meta["review_interval_months"])), []


def check_schedule(schedule: Schedule, rel: str, line: int, today: dt.date, *, due_within_days: int,
                   overdue_severity: str) -> Diagnostic | None:
    """REV003 when the next review date has passed, REV004 when it is within ``due_within_days``."""
    due = schedule.next_review
    every = f"every {schedule.interval} month{'s' if schedule.interval != 1 else ''}"
    if today > due:
        days = (today - due).days
        return Diagnostic(rel, line, 1, "REV003",
                          f"review overdue by {days} day{'s' if days != 1 else ''}: last reviewed "
                          f"{schedule.last_reviewed}, next review was due {due} ({every})",
                          severity=overdue_severity,
                          hint=f"{schedule.owner}: review the page, then set last_reviewed to the review date")
    if (due - today).days <= due_within_days:
        days = (due - today).days
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        return Diagnostic(rel, line, 1, "REV004",
                          f"review due {when}, on {due}: last reviewed {schedule.last_reviewed} ({every})",
                          severity="warning", hint=f"{schedule.owner}: plan the review")
    return None


# --- translations ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Revision:
    commit: str | None       # None: changes not committed yet
    time: dt.datetime


def git_revisions(root: Path, folder: str = DOCS_DIR) -> dict[str, Revision]:
    """The last commit touching each file below ``folder`` (one ``git log``); uncommitted files count as now.

    Returns {} outside a git checkout, so the translation checks are simply skipped there.
    """
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout

    try:
        log = git("log", "--format=%x00%H %ct", "--name-only", "--", folder)
        status = git("status", "--porcelain", "--untracked-files=all", "--", folder)
        prefix = git("rev-parse", "--show-prefix").strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    revisions: dict[str, Revision] = {}
    for block in log.split("\x00")[1:]:
        head, *names = block.strip("\n").split("\n")
        commit, stamp = head.split()
        when = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc)
        for name in names:
            if name and name not in revisions:
                revisions[name] = Revision(commit, when)
    now = dt.datetime.now(dt.timezone.utc)
    for line in status.splitlines():
        name = line[3:].split(" -> ")[-1].strip('"')
        revisions[name] = Revision(None, now)
    # git prints paths from the top of the repository; make them relative to the handbook root.
    return {name[len(prefix):]: rev for name, rev in revisions.items() if name.startswith(prefix)}


def check_translation(rel: str, original_rel: str, reviewed: dt.date | None, revisions: dict[str, Revision],
                      *, translated_on: dt.date | None = None, behind: bool | None = None) -> Diagnostic | None:
    """REV005/REV006: the English original was reviewed or changed after the translation's last update.

    The translation's date is its ``translated_on`` front matter key when it has one (written by the
    translation workflow), else its last commit. "Changed" is the translation status's one rule
    (``behind``, from handbook.translation.behind); for a translation that records no version (a
    front-matter error, FM003) or outside a git checkout, the two files' last commits.
    """
    mine, theirs = revisions.get(rel), revisions.get(original_rel)
    updated = translated_on or (mine.time.date() if mine else None)
    if updated is None:
        return None
    if mine is not None and mine.commit:
        since = f"git diff {mine.commit} -- {original_rel}"
    else:
        since = f"git log -p -- {original_rel}"
    if reviewed is not None and reviewed > updated:
        return Diagnostic(rel, 1, 1, "REV005",
                          f"the English page was reviewed on {reviewed}, after this translation was last "
                          f"updated ({updated})", severity="warning",
                          hint=f"check the translation against the English page; see what changed: {since}")
    if behind is not None:
        changed = behind
    else:
        changed = theirs is not None and mine is not None and theirs.time > mine.time
    if changed:
        when = f" on {theirs.time.date()}" if theirs is not None else ""
        return Diagnostic(rel, 1, 1, "REV006",
                          f"the English page changed{when}, after this translation was last updated ({updated})",
                          severity="warning", hint=f"update the translation; see what changed: {since}")
    return None


def _status(project: Project, corpus: Corpus) -> Report | None:
    """The translation status, or None outside a git checkout (then commit dates decide, and there
    are none either)."""
    try:
        return load_status(project.root, corpus)
    except HandbookError:
        return None


# --- the whole handbook ---------------------------------------------------------------------------

def review(project: Project, today: dt.date, *, context: str = "pull_request",
           revisions: dict[str, Revision] | None = None, corpus: Corpus | None = None) -> list[Finding]:
    """Every review finding of the handbook, grouped by who should act (owner or translation team)."""
    corpus = corpus or load_corpus(project)
    i18n = corpus.i18n
    editions = load_editions(project)
    severity = editions.overdue[context]
    revisions = git_revisions(project.root) if revisions is None else revisions
    findings: list[Finding] = []
    reviewed_on: dict[str, dt.date] = {}
    for page in corpus.english():
        exc = corpus.unreadable(page, size=False) or page.front
        if isinstance(exc, HandbookError):
            findings.append(Finding("(no owner)", Diagnostic(page.path, exc.line or 1, 1, "REV002",
                                                             exc.message, hint=exc.fix)))
            continue
        schedule, problems = schedule_of(page.front, page.path, today)
        owner = str(page.meta.get("owner") or "").strip() or "(no owner)"
        findings += [Finding(owner, d) for d in problems]
        if schedule is None:
            continue
        reviewed_on[page.source] = schedule.last_reviewed
        diag = check_schedule(schedule, page.path, page.front.line_of("last_reviewed"), today,
                              due_within_days=editions.due_within_days, overdue_severity=severity)
        if diag:
            findings.append(Finding(owner, diag))
    # An orphan translation (no English page) is the integrity checker's business; unreadable front
    # matter too (its meta is then empty).
    translations = [(page, original) for page in corpus.translations()
                    if (original := corpus.page(i18n.default, page.source)) is not None]
    status = _status(project, corpus)
    for page, original in translations:
        row = status.page(page.lang, page.source) if status is not None else None
        diag = check_translation(page.path, original.path, reviewed_on.get(page.source), revisions,
                                 translated_on=as_date(page.meta.get("translated_on")),
                                 behind=None if row is None or not row.recorded_blob else row.state == OUTDATED)
        if diag:
            findings.append(Finding(f"{i18n.language(page.lang).name} translation team", diag))
    return sorted(findings, key=lambda f: (f.group.casefold(), f.diagnostic))


def owner_known(corpus: Corpus, owner: str) -> bool:
    """Whether any page names ``owner`` (case-insensitive) in its front matter."""
    return any(str(page.meta.get("owner", "")).casefold() == owner.casefold() for page in corpus.pages)


def by_group(findings: Iterable[Finding]) -> dict[str, list[Diagnostic]]:
    groups: dict[str, list[Diagnostic]] = {}
    for finding in findings:
        groups.setdefault(finding.group, []).append(finding.diagnostic)
    return groups


def format_grouped(findings: list[Finding]) -> str:
    """Text report: one section per owner (or translation team), each line a standard diagnostic."""
    out = []
    for group, diags in by_group(findings).items():
        out.append(f"== {group}: {len(diags)} finding{'s' if len(diags) != 1 else ''} ==\n")
        out += [d.text() + "\n" for d in diags]
    return "".join(out)
