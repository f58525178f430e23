"""A small handbook with a numbered chapter and a git history of two editions, for the citation and
paragraph-history tests: edition 1 is tagged `edition-1`, edition 2 (the draft) is the working tree.

From edition 1 to now, in chapter 4 (chapters/intake.md):
  - 4.1 is unchanged (only re-wrapped), 4.2 is changed, 4.3 is removed, 4.7 and 4.8 are added;
  - 4.4 (a list item) and 4.5 (a table) are unchanged;
  - 4.6 was added after edition 1 and removed again before now: "removed in an earlier edition".
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from handbook.paths import Project
from tests.conftest import make_handbook, page, translated_page
from tests.editorial.test_site import EDITIONS  # edition 1 published, edition 2 a draft

TABLE = "| Step | Who |\n|---|---|\n| Record | Officer |\n\n{¶5}"

BODY_1 = ("# Intake { #intake }\n\nThe officer records the first report. {¶1}\n\n"
          "The child is heard alone. {¶2}\n\nA parent may be present. {¶3}\n\n"
          f"- Note the time. {{¶4}}\n\n{TABLE}\n")
BODY_NOW = ("# Intake { #intake }\n\nThe officer records the first\nreport. {¶1}\n\n"
            "The child is heard alone, with a trained officer. {¶2}\n\n"
            f"- Note the time. {{¶4}}\n\n{TABLE}\n\nA new paragraph. {{¶7}}\n\nAnother one. {{¶8}}\n")
BODY_AR = ("# الاستقبال { #intake }\n\nيسجّل الضابط البلاغ الأول. {¶1}\n\n"
           "يُستمع إلى الطفل بمفرده بحضور ضابط مدرَّب. {¶2}\n\n- سجّل الوقت. {¶4}\n\n"
           "| الخطوة | من |\n|---|---|\n| التسجيل | الضابط |\n\n{¶5}\n\nفقرة جديدة. {¶7}\n\nفقرة أخرى. {¶8}\n")

MARK_CHANGES = "<!-- handbook:changes -->"


def chapter(body: str, last: int) -> str:
    return page("Intake", body, chapter=4, last_paragraph=last)


def pages(body: str, last: int) -> dict[str, str]:
    return {
        "index.md": page("Home", "# Home { #home }\n\nWelcome."),
        "chapters/intake.md": chapter(body, last),
        "chapters/intake.ar.md": translated_page("الاستقبال", BODY_AR),
        "whats-new.md": page("What changed", f"# What changed in this edition {{ #whats-new }}\n\n{MARK_CHANGES}"),
        "whats-new.ar.md": translated_page("المستجدات", f"# المستجدات في هذه الطبعة {{ #whats-new }}\n\n{MARK_CHANGES}"),
    }


NAV = "  - index.md\n  - chapters/intake.md\n  - whats-new.md\n"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Fixture", "-c", "user.email=fixture@example.org", *args],
                   cwd=root, check=True, capture_output=True)


def write_history(root: Path) -> Project:
    """Edition 1 committed and tagged; 4.6 added in a later commit, then removed in the working tree."""
    project = make_handbook(root, pages(BODY_1, 5), nav=NAV)
    (root / "translations" / "edition.yml").write_text(EDITIONS, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "edition 1")
    git(root, "tag", "edition-1")
    intake = root / "docs" / "chapters" / "intake.md"
    intake.write_text(chapter(BODY_1 + "\nBriefly added. {¶6}\n", 6), encoding="utf-8")
    git(root, "commit", "-qam", "add 4.6")
    intake.write_text(chapter(BODY_NOW, 8), encoding="utf-8")
    return project
