"""Git-based fixture handbooks for the translation workflow (all in tmp_path)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from handbook.cli import main
from tests.conftest import make_handbook, page


@pytest.fixture(autouse=True)
def git_identity(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(var, "Fixture Translator")
    for var in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(var, "translator@example.org")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


ALPHA = """# Alpha { #alpha }

The officer listens to the child first.

/// note | Remember

Keep the child informed.

///

## Second part { #second-part }

Record what was said.
"""


class Repo:
    """A fixture handbook in its own git repository, driven through the real CLI."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
        self.root = root
        self.docs = root / "docs"
        self._capsys = capsys
        monkeypatch.chdir(root)
        monkeypatch.delenv("HANDBOOK_ROOT", raising=False)

    def run(self, *argv: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        code = main(list(argv))
        out = self._capsys.readouterr()
        return code, out.out, out.err

    def write(self, rel: str, text: str) -> None:
        path = self.docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.docs / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    def commit(self, message: str = "change") -> None:
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Repo:
    root = tmp_path / "handbook"
    make_handbook(root, {
        "index.md": page("Home", "# Home { #home }\n\nWelcome to the fixture handbook."),
        "chapters/alpha.md": page("Alpha", ALPHA),
        "chapters/beta.md": page("Beta", "# Beta { #beta }\n\nBeta has five words here."),
    })
    # The fixture's own publication policy (the repository's may change): Arabic needs 50%.
    (root / "translations" / "publication.yml").write_text(
        "scope:\n  - chapters/\ndefault:\n  pdf_min_up_to_date: 0\nlanguages:\n  ar:\n    pdf_min_up_to_date: 50\n",
        encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    r = Repo(root, capsys, monkeypatch)
    r.commit("initial handbook")
    return r
