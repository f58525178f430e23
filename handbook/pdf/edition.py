"""Edition facts printed on the cover and colophon: number, date, status, source commit, build date.

The editorial workflow owns edition numbers. Until it provides them, :func:`edition` is the one
place to connect it: it returns a draft with no number, dated by the build date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass

from handbook.paths import Project


@dataclass(frozen=True)
class Edition:
    number: str   # '' while no edition has been published
    date: str     # YYYY-MM-DD
    status: str   # a status id, e.g. 'draft'; shown through the UI string pdf_status_<id> when it exists
    commit: str   # source commit ('' outside git)
    built: str    # build date, YYYY-MM-DD, from SOURCE_DATE_EPOCH


def build_date(epoch: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(epoch or 0), tz=dt.timezone.utc)


def source_commit(project: Project) -> str:
    try:
        proc = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=project.root,
                              capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


def edition(project: Project, epoch: str) -> Edition:
    """The current edition. Connect the editorial workflow's record here when it exists."""
    built = build_date(epoch).date().isoformat()
    return Edition(number="", date=built, status="draft", commit=source_commit(project), built=built)
