"""The imprint printed on the cover and colophon: edition number, date, status, inputs digest, build date.

The editorial workflow owns edition numbers (translations/edition.yml, read through
handbook.editorial.edition); without that file the book is an unnumbered draft dated by the build.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass

from handbook.editorial.edition import current, edition_file
from handbook.paths import Project


@dataclass(frozen=True)
class Imprint:
    number: str   # '' while no edition has been published
    date: str     # YYYY-MM-DD
    status: str   # a status id, e.g. 'draft'; shown through the UI string pdf_status_<id> when it exists
    inputs: str   # digest of the language's own inputs (handbook.site.cache.inputs_digest)
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


def edition(project: Project, epoch: str, inputs: str = "") -> Imprint:
    """The current edition, from the editorial workflow (handbook.editorial.edition.current,
    translations/edition.yml); a draft with no number, dated by the build, when there is none.

    A language's book prints ``inputs`` (the digest of its own inputs), not the commit: a commit
    that changes another language must not change this language's PDF (handbook.site.cache)."""
    built = build_date(epoch).date().isoformat()
    if not edition_file(project).exists():
        return Imprint(number="", date=built, status="draft", built=built, inputs=inputs)
    record = current(project)  # an invalid file is an error that names it
    return Imprint(number=str(record.number), date=record.date.isoformat(), status=record.status,
                   built=built, inputs=inputs)
