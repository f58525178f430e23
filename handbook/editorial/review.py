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
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from handbook.diagnostics import Diagnostic
from handbook.editorial.dates import add_months, as_date
from handbook.editorial.edition import load as load_editions
from handbook.errors import HandbookError
from handbook.frontmatter import FIELDS, FrontMatter, missing_key, read
from handbook.languages import I18n, load_i18n, split_language_path
from handbook.paths import SNIPPETS_DIR, Project
from handbook.translation.gitio import blob_ids

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


# --- pages ----------------------------------------------------------------------------------------

def _language_of(i18n: I18n, path: Path) -> str:
    suffixes = path.suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in i18n.translated_codes:
        return suffixes[-2][1:]
    return i18n.default


def pages(project: Project, i18n: I18n) -> tuple[list[Path], list[tuple[Path, str, Path]]]:
    """English pages, and translations as (translation, language, English original)."""
    snippets = project.root / SNIPPETS_DIR
    sources: list[Path] = []
    translations: list[tuple[Path, str, Path]] = []
    for path in sorted(project.docs.rglob("*.md")):
        if snippets in path.parents:
            continue
        code = _language_of(i18n, path)
        if code == i18n.default:
            sources.append(path)
        else:
            original = path.with_name(split_language_path(path.name, i18n.codes, i18n.default)[1])
            if original.exists():  # an orphan translation is the integrity checker's business
                translations.append((path, code, original))
    return sources, translations


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


def git_revisions(root: Path, folder: str = "docs") -> dict[str, Revision]:
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
                      *, translated_on: dt.date | None = None, source_blob: str | None = None,
                      current_blob: str | None = None) -> Diagnostic | None:
    """REV005/REV006: the English original was reviewed or changed after the translation's last update.

    The translation's date is its ``translated_on`` front matter key when it has one (written by the
    translation workflow), else its last commit. "Changed" compares the English version the
    translation records (``source_blob``) with the English file now, else the two files' last commits.
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
    if source_blob and current_blob:
        changed = source_blob != current_blob
    else:
        changed = theirs is not None and mine is not None and theirs.time > mine.time
    if changed:
        when = f" on {theirs.time.date()}" if theirs is not None else ""
        return Diagnostic(rel, 1, 1, "REV006",
                          f"the English page changed{when}, after this translation was last updated ({updated})",
                          severity="warning", hint=f"update the translation; see what changed: {since}")
    return None


def _blobs(root: Path, paths: list[str]) -> dict[str, str]:
    try:
        return blob_ids(root, paths)
    except HandbookError:  # not a git checkout: fall back to commit dates (none there either)
        return {}


# --- the whole handbook ---------------------------------------------------------------------------

def review(project: Project, today: dt.date, *, context: str = "pull_request",
           revisions: dict[str, Revision] | None = None) -> list[Finding]:
    """Every review finding of the handbook, grouped by who should act (owner or translation team)."""
    i18n = load_i18n(project.root)
    editions = load_editions(project)
    severity = editions.overdue[context]
    sources, translations = pages(project, i18n)
    revisions = git_revisions(project.root) if revisions is None else revisions
    findings: list[Finding] = []
    reviewed_on: dict[Path, dt.date] = {}

    def rel(path: Path) -> str:
        return PurePosixPath(path.relative_to(project.root)).as_posix()

    for path in sources:
        try:
            front = read(path)
        except HandbookError as exc:
            findings.append(Finding("(no owner)", Diagnostic(rel(path), exc.line or 1, 1, "REV002",
                                                             exc.message, hint=exc.fix)))
            continue
        except ValueError:  # PyYAML raises ValueError, not YAMLError, for an impossible date
            line, key, value = _impossible_date(path)
            findings.append(Finding("(no owner)", Diagnostic(rel(path), line, 1, "REV002",
                                                             f"'{key}: {value}' must be a date written YYYY-MM-DD",
                                                             hint="the month or the day does not exist")))
            continue
        schedule, problems = schedule_of(front, rel(path), today)
        owner = str(front.meta.get("owner") or "").strip() or "(no owner)"
        findings += [Finding(owner, d) for d in problems]
        if schedule is None:
            continue
        reviewed_on[path] = schedule.last_reviewed
        diag = check_schedule(schedule, rel(path), front.line_of("last_reviewed"), today,
                              due_within_days=editions.due_within_days, overdue_severity=severity)
        if diag:
            findings.append(Finding(owner, diag))
    metas: dict[Path, dict] = {}
    for path, _, _ in translations:
        try:
            metas[path] = read(path).meta
        except HandbookError:
            metas[path] = {}  # unreadable front matter is the integrity checker's finding
    with_blob = sorted({rel(original) for path, _, original in translations if metas[path].get("source_blob")})
    blobs = _blobs(project.root, with_blob) if with_blob else {}
    for path, code, original in translations:
        meta = metas[path]
        diag = check_translation(rel(path), rel(original), reviewed_on.get(original), revisions,
                                 translated_on=as_date(meta.get("translated_on")),
                                 source_blob=str(meta["source_blob"]) if meta.get("source_blob") else None,
                                 current_blob=blobs.get(rel(original)))
        if diag:
            findings.append(Finding(f"{i18n.language(code).name} translation team", diag))
    return sorted(findings, key=lambda f: (f.group.casefold(), f.diagnostic))


_DATE_LINE = re.compile(r"^(\w+):\s*['\"]?(\d{4}-\d{1,2}-\d{1,2})['\"]?\s*$")


def _impossible_date(path: Path) -> tuple[int, str, str]:
    """The first front matter line holding a date that does not exist (e.g. 2026-13-01)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n")[1:], start=2):
        match = _DATE_LINE.match(line)
        if match:
            year, month, day = (int(x) for x in match.group(2).split("-"))
            try:
                dt.date(year, month, day)
            except ValueError:
                return number, match.group(1), match.group(2)
    return 1, "date", "?"


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
