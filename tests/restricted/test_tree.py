"""The restricted tree in the page model, its menu file, and the command line's refusals."""

from __future__ import annotations

import pytest

from handbook.cli import main
from handbook.errors import HandbookError
from handbook.pages.model import load_corpus
from handbook.pages.restricted import read_nav
from handbook.pages.walk import PUBLIC, RESTRICTED
from tests.restricted.conftest import LANGS, restricted_handbook


def test_the_restricted_audience_reads_the_tree_and_the_public_one_does_not(tmp_path):
    project = restricted_handbook(tmp_path / "h")
    public = load_corpus(project)
    assert all(p.audience == PUBLIC for p in public.pages) and public.passages == []
    restricted = load_corpus(project, audience=RESTRICTED)
    pages = {(p.lang, p.rel, p.path) for p in restricted.pages if p.audience == RESTRICTED}
    assert pages == {(lang, f"restricted/liaison-desk{'' if lang == 'en' else '.' + lang}.md",
                      f"restricted/docs/liaison-desk{'' if lang == 'en' else '.' + lang}.md") for lang in LANGS}
    assert {(p.lang, p.source, p.audience) for p in restricted.passages} == {
        (lang, "after-hours-referrals.md", RESTRICTED) for lang in LANGS}  # a translation is restricted too
    assert restricted.restricted_nav == ["restricted/liaison-desk.md"]
    assert "restricted/images/liaison-chart.png" in restricted.files
    assert restricted.passage("fr", "after-hours-referrals").lang == "fr"
    assert restricted.served("ar", "restricted/liaison-desk.md").lang == "ar"


NAV_ERRORS = [
    ("unknown page", "- liaison-desk.md\n- missing.md\n", 2, "entry 'missing.md' is not a page of restricted/docs/"),
    ("listed twice", "- liaison-desk.md\n- liaison-desk.md\n", 2, "page 'liaison-desk.md' is listed twice"),
    ("not a list", "pages: liaison-desk.md\n", 1, "must be a list of page paths"),
]


@pytest.mark.parametrize(("text", "line", "message"), [r[1:] for r in NAV_ERRORS], ids=[r[0] for r in NAV_ERRORS])
def test_a_bad_menu_file_names_its_line(tmp_path, text, line, message):
    project = restricted_handbook(tmp_path / "h")
    (project.root / "restricted" / "nav.yml").write_text(text, encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        read_nav(project, {"restricted/liaison-desk.md"})
    assert caught.value.line == line and message in str(caught.value)


REFUSED = [
    ("no --out", [], True, "needs its own output folder", "--out"),
    ("the public site", ["--out", "site"], True, "public site's folder", "--out site-restricted"),
    ("inside the public site", ["--out", "site/restricted"], True, "public site's folder", "of its own"),
    ("no tree", ["--out", "OUT"], False, "the restricted tree is missing", "git submodule update --init"),
]


@pytest.mark.parametrize(("extra", "tree", "message", "fix"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_the_restricted_build_refuses_what_could_leak_or_cannot_work(tmp_path, monkeypatch, capsys, extra, tree,
                                                                     message, fix):
    project = restricted_handbook(tmp_path / "h", tree=tree)
    monkeypatch.chdir(project.root)
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    extra = [str(tmp_path / "out") if arg == "OUT" else arg for arg in extra]
    assert main(["build", "--audience", "restricted", "--no-pdf", *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and fix in err
    assert not (project.root / "site").exists() and not (tmp_path / "out").exists()


def test_the_restricted_build_refuses_a_file_it_would_publish_as_it_is(tmp_path, monkeypatch, capsys):
    project = restricted_handbook(tmp_path / "h")
    (project.root / "restricted" / "docs" / "tracker.js").write_text("alert(1)\n", encoding="utf-8")
    monkeypatch.chdir(project.root)
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["build", "--audience", "restricted", "--no-pdf", "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "restricted/docs/tracker.js: file type not allowed in restricted/docs/" in err
    assert not (tmp_path / "out").exists()
