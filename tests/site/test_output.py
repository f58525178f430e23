"""A build replaces only its own output: refused output folders, one-language updates, interruption."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.site.build import build_site
from handbook.site.output import MANIFEST
from tests.conftest import make_handbook, page, translated_page
from tests.site.test_build import tree_digest

PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nThe lighthouse guides every reader."),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nLe phare guide chaque lecteur."),
    "index.es.md": translated_page("Inicio", "# Inicio { #home }\n\nEl faro guía a cada lector."),
    "index.ar.md": translated_page("الرئيسية", "# الرئيسية { #home }\n\nالمنارة ترشد كل قارئ."),
}


def _sources(project) -> dict[str, str]:
    return {k: v for k, v in tree_digest(project.root).items() if not k.startswith(("site", ".site", "out"))}


@pytest.fixture
def handbook(tmp_path, monkeypatch):
    project = make_handbook(tmp_path / "handbook", PAGES)
    (project.root / ".git").mkdir()
    (project.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    monkeypatch.chdir(project.root)
    return project


def _foreign(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notes.txt").write_text("someone's work\n")
    return folder


# Each row: the --out value (relative to the checkout, or a callable making it) and words the error must hold.
REFUSED = [
    pytest.param(lambda root: ".", "checkout itself", id="the-checkout"),
    pytest.param(lambda root: str(root.parent), "contains the checkout", id="a-parent"),
    pytest.param(lambda root: "/", "contains the checkout", id="the-root"),
    pytest.param(lambda root: "docs", "inside docs/", id="docs"),
    pytest.param(lambda root: "docs/site", "inside docs/", id="new-folder-in-docs"),
    pytest.param(lambda root: "./docs/../docs", "inside docs/", id="docs-dotted"),
    pytest.param(lambda root: "translations/ui", "inside translations/", id="translations"),
    pytest.param(lambda root: "restricted/out", "inside restricted/", id="restricted"),
    pytest.param(lambda root: ".git", "inside .git/", id="git"),
    pytest.param(lambda root: str(_foreign(root.parent / "home")), "no handbook build wrote", id="a-home-folder"),
    pytest.param(lambda root: "overrides", "no handbook build wrote", id="a-source-folder"),
    pytest.param(lambda root: "mkdocs.yml", "not a folder", id="a-file"),
]


@pytest.mark.parametrize(("make", "words"), REFUSED)
def test_unsafe_output_folders_are_refused_before_anything_is_written(handbook, capsys, make, words):
    before = _sources(handbook)
    started = time.monotonic()
    code = main(["build", "--no-pdf", "--out", make(handbook.root)])
    err = capsys.readouterr().err
    assert code == 2
    assert words in err and "Traceback" not in err
    assert time.monotonic() - started < 10
    assert _sources(handbook) == before
    assert not list(handbook.root.parent.glob(".*.build-*")) and not list(handbook.root.glob(".*.build-*"))


def test_a_folder_with_a_file_the_last_build_did_not_write_is_refused(handbook, capsys):
    out = handbook.root.parent / "out"
    build_site(handbook, out=out, codes=["en"], search=False, log=lambda _: None)
    (out / "mine.html").write_text("<p>draft</p>")
    assert main(["build", "--no-pdf", "--lang", "en", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "mine.html" in err and "did not write" in err
    assert (out / "mine.html").read_text() == "<p>draft</p>"


def test_new_empty_and_previously_built_folders_are_accepted(handbook):
    empty = handbook.root.parent / "empty"
    empty.mkdir()
    for out in (handbook.root.parent / "new" / "site", empty, empty):  # the last one was built by the second
        build_site(handbook, out=out, codes=["en"], search=False, log=lambda _: None)
        assert (out / "index.html").is_file() and (out / MANIFEST).is_file()


def test_one_language_without_out_updates_that_language_and_keeps_the_others(handbook):
    build_site(handbook, search=False, log=lambda _: None)
    site = handbook.site
    before = tree_digest(site)
    fr = handbook.docs / "index.fr.md"
    fr.write_text(fr.read_text(encoding="utf-8").replace("Le phare", "La balise"), encoding="utf-8")
    build_site(handbook, codes=["fr"], search=False, log=lambda _: None)
    after = tree_digest(site)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    assert "fr/index.html" in changed
    assert changed <= {"fr/index.html", MANIFEST}, changed
    assert "La balise" in (site / "fr" / "index.html").read_text(encoding="utf-8")
    for kept in ("index.html", "es/index.html", "ar/index.html"):
        assert (site / kept).is_file()


def test_the_default_language_alone_keeps_the_other_languages_folders(handbook):
    build_site(handbook, search=False, log=lambda _: None)
    before = tree_digest(handbook.site)
    build_site(handbook, codes=["en"], search=False, log=lambda _: None)
    assert tree_digest(handbook.site) == before


def test_one_language_with_out_is_a_part_holding_that_language_only(handbook):
    out = handbook.root.parent / "parts" / "fr"
    build_site(handbook, out=out, codes=["fr"], search=False, log=lambda _: None)
    top = sorted(p.name for p in out.iterdir())
    assert top == [MANIFEST, "fr"]


def _processes_under(root: Path) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue
            if str(root).encode() in environ or str(root) in cmd:
                found.append(f"{entry.name}: {cmd}")
    return found


@pytest.mark.slow
def test_sigterm_during_a_build_leaves_no_staging_folder_and_no_process(handbook):
    build_site(handbook, search=False, log=lambda _: None)
    before = tree_digest(handbook.site)
    proc = subprocess.Popen([sys.executable, "-m", "handbook", "build", "--no-pdf"], cwd=handbook.root,
                            env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not list(handbook.root.glob(".site.build-*/languages/*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(handbook.root.glob(".site.build-*")), "the build never started"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    time.sleep(0.5)  # a straggler writing into the removed folder would bring it back
    assert list(handbook.root.glob(".site.build-*")) == []
    assert tree_digest(handbook.site) == before
    # The fork server and resource tracker leave when the build's process has gone; nothing else may.
    deadline = time.monotonic() + 10
    while _processes_under(handbook.root) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_under(handbook.root) == []
