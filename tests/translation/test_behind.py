"""One definition of a translation that is behind (handbook.translation.behind), used alike by
`handbook status`, `handbook review` (REV006) and the notices readers see.

A review of the English page (its `last_reviewed` date) or a new owner changes the file, and once
marked every translation outdated, telling readers in three languages that their page was behind
when not a word had changed. Only what a translator translates counts: the body, the title and
the description.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from handbook.editorial.review import review
from handbook.paths import Project
from tests.translation.conftest import Repo

EDITS = [  # (what the editor changes in the English page, whether the translation is then behind)
    ("last_reviewed: 2026-11-01", "last_reviewed: 2026-12-01", False),
    ("owner: Fixture working group", "owner: Another working group", False),
    ("review_interval_months: 12", "review_interval_months: 6", False),
    ("title: Alpha", "title: Alpha, revised", True),
    ("description: A fixture page.", "description: A revised summary.", True),
    ("# Alpha", "# Alpha revised", True),
]


@pytest.mark.parametrize(("old", "new", "behind"), EDITS, ids=[e[1].split(":")[0] for e in EDITS])
def test_only_what_translators_translate_puts_a_translation_behind(repo: Repo, old: str, new: str,
                                                                    behind: bool) -> None:
    assert repo.run("translate", "start", "fr", "chapters/alpha.md")[0] == 0
    repo.commit("French translation")
    repo.edit("chapters/alpha.md", old, new)
    repo.commit("English edit")
    code, out, _ = repo.run("status", "--format", "json", "--lang", "fr")
    assert code == 0
    rows = {row["source"]: row for row in json.loads(out)["languages"]["fr"]["pages"]}
    assert rows["chapters/alpha.md"]["state"] == ("outdated" if behind else "up_to_date")
    findings = review(Project(repo.root), dt.date(2026, 12, 3))
    rev006 = [f.diagnostic.path for f in findings if f.diagnostic.code == "REV006"]
    assert rev006 == (["docs/chapters/alpha.fr.md"] if behind else [])


def test_status_annotates_what_needs_work_with_the_codes_of_check_and_review(repo: Repo) -> None:
    """status reports through the one finding record: a translation behind its English page is
    REV006 (as in `handbook review`), an orphan PAR001 (as in `handbook check`)."""
    assert repo.run("translate", "start", "fr", "chapters/alpha.md")[0] == 0
    repo.write("chapters/gone.fr.md", "---\ntitle: Parti\ndescription: x\n---\n\nTexte.\n")
    repo.commit("French")
    repo.edit("chapters/alpha.md", "# Alpha", "# Alpha revised")
    repo.commit("English edit")
    code, out, _ = repo.run("status", "--format", "github")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("::warning file=docs/chapters/alpha.fr.md,line=1,col=1,title=REV006::"
                               "the English page changed since this translation was last updated")
               and "handbook status --diff fr chapters/alpha.md" in line for line in lines), out
    assert "::error file=docs/chapters/gone.fr.md,line=1,col=1,title=PAR001::translation has no English " \
           "original docs/chapters/gone.md" in out
    assert len(lines) == 2
