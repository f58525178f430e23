"""A small handbook whose public pages hold restricted slots, with the fixture restricted tree
(tests/fixtures/restricted) copied to its restricted/ folder, and the fixture's canary words."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from handbook.paths import Project
from tests.conftest import REPO, make_handbook, page, translated_page

FIXTURE = REPO / "tests" / "fixtures" / "restricted"
LANGS = ("en", "fr", "es", "ar")
# Each piece of restricted text of the fixture carries one of these, followed by the language code.
CANARIES = ("amberkestrel", "slatewren", "copperheron", "mossplover", "quillfinch", "tidelark")
SLOT = "/// restricted-slot | after-hours-referrals\n///"

PAGES = {
    "index.md": page("Home", f"# Home {{ #home }}\n\nFirst public paragraph.\n\n{SLOT}\n\nSecond public paragraph."),
    "index.fr.md": translated_page("Accueil", f"# Accueil {{ #home }}\n\nPremier paragraphe public.\n\n{SLOT}\n\n"
                                              "Deuxième paragraphe public."),
    "guide.md": page("Guide", "# Guide { #guide }\n\nA public guide with no slot."),
}
NAV = "- index.md\n- guide.md\n"


def restricted_handbook(root: Path, *, tree: bool = True, pages: dict[str, str] | None = None) -> Project:
    """The handbook at ``root``, a git checkout (the build dates come from its commit), with the
    fixture tree at restricted/ when ``tree``: outside the commit, as a private submodule is."""
    project = make_handbook(root, pages or PAGES, nav=NAV)
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "fixture"], cwd=root, check=True, capture_output=True)
    if tree:
        shutil.copytree(FIXTURE, root / "restricted")
    return project


def canary_words() -> list[str]:
    return [f"{word}{lang}" for word in CANARIES for lang in LANGS]
