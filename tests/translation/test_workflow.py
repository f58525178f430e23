"""The translator's workflow end to end, through the CLI, in a real git repository."""

from __future__ import annotations

import json
import re

import pytest

from handbook import frontmatter
from tests.translation.conftest import Repo, git


def blob_of(repo: Repo, rel: str) -> str:
    return git(repo.root, "hash-object", f"docs/{rel}").strip()


def test_start_creates_translation_with_same_structure_and_recorded_version(repo: Repo) -> None:
    code, out, _ = repo.run("translate", "start", "fr", "chapters/alpha.md")
    assert code == 0
    assert "Created docs/chapters/alpha.fr.md" in out
    text = (repo.docs / "chapters/alpha.fr.md").read_text(encoding="utf-8")
    front = frontmatter.split(text)
    assert front.meta["source_blob"] == blob_of(repo, "chapters/alpha.md")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(front.meta["translated_on"]))
    assert front.meta["title"] == "Alpha"
    for key in ("owner", "last_reviewed", "review_interval_months"):  # English-only keys are not copied
        assert key not in front.meta
    english = frontmatter.read(repo.docs / "chapters/alpha.md")
    assert front.body == english.body  # same headings, ids, admonitions: the text is left for the translator
    kind = frontmatter.PageKind("fr", is_source=False)
    assert frontmatter.validate(front, "chapters/alpha.fr.md", kind) == []


def test_start_refuses_to_overwrite_and_force_keeps_a_backup(repo: Repo) -> None:
    repo.write("chapters/alpha.fr.md", "---\ntitle: Alpha FR\ndescription: x\n---\n\nTexte du traducteur.\n")
    code, _, err = repo.run("translate", "start", "fr", "chapters/alpha.md")
    assert code == 1
    assert "already exists; it was left unchanged" in err
    assert "Texte du traducteur." in (repo.docs / "chapters/alpha.fr.md").read_text(encoding="utf-8")

    code, out, _ = repo.run("translate", "start", "fr", "chapters/alpha.md", "--force")
    assert code == 0
    backups = list((repo.docs / "chapters").glob("alpha.fr.md.bak-*"))
    assert len(backups) == 1
    assert backups[0].read_text(encoding="utf-8").endswith("Texte du traducteur.\n")
    assert f"kept as docs/chapters/{backups[0].name}" in out


def test_force_keeps_the_translation_in_place_when_the_new_text_cannot_be_built(repo: Repo) -> None:
    translation = "---\ntitle: Alpha FR\ndescription: x\n---\n\nTexte du traducteur.\n"
    repo.write("chapters/alpha.fr.md", translation)
    repo.write("chapters/alpha.md", "# Alpha without front matter\n")
    code, _, err = repo.run("translate", "start", "fr", "chapters/alpha.md", "--force")
    assert code == 2
    assert "docs/chapters/alpha.md:1: the page has no front matter" in err
    assert (repo.docs / "chapters/alpha.fr.md").read_text(encoding="utf-8") == translation
    assert list((repo.docs / "chapters").glob("alpha.fr.md.bak-*")) == []


def _in_object_store(repo: Repo, blob: str) -> bool:
    import subprocess
    return subprocess.run(["git", "cat-file", "-e", blob], cwd=repo.root, capture_output=True).returncode == 0


@pytest.mark.parametrize("argv", [
    ("translate", "start", "fr", "chapters/alpha.md"),  # refused: the translation exists
    ("translate", "done", "es", "chapters/alpha.md"),   # refused: no translation to record
])
def test_a_refused_command_writes_nothing_to_git(repo: Repo, argv: tuple[str, ...]) -> None:
    repo.write("chapters/alpha.fr.md", "---\ntitle: Alpha FR\ndescription: x\n---\n\nTexte.\n")
    repo.edit("chapters/alpha.md", "Record what was said.", "Write down what was said.")  # not committed
    blob = blob_of(repo, "chapters/alpha.md")  # hash-object without -w: computed, not stored
    assert not _in_object_store(repo, blob)
    assert repo.run(*argv)[0] == 1
    assert not _in_object_store(repo, blob)
    assert repo.run("translate", "start", "es", "chapters/alpha.md")[0] == 0  # an accepted command stores it
    assert _in_object_store(repo, blob)


def test_changed_english_is_outdated_with_word_diff_then_done_makes_it_up_to_date(repo: Repo) -> None:
    assert repo.run("translate", "start", "fr", "chapters/alpha.md")[0] == 0
    repo.edit("chapters/alpha.fr.md", "The officer listens to the child first.", "L'agent écoute d'abord l'enfant.")
    repo.commit("French translation of alpha")
    code, out, _ = repo.run("status", "--lang", "fr")
    assert code == 0
    assert re.search(r"up to date\s+chapters/alpha\.fr\.md", out)

    repo.edit("chapters/alpha.md", "Record what was said.", "Record what was said, in the child's words.")
    repo.commit("English update")
    code, out, _ = repo.run("status", "--lang", "fr")
    assert re.search(r"outdated\s+chapters/alpha\.fr\.md\s+translated \d{4}-\d{2}-\d{2}; English changed", out)

    code, out, _ = repo.run("status", "--diff", "fr", "chapters/alpha.md", "--color", "never")
    assert code == 0
    assert "Record what was said{+, in the child's words+}." in out
    assert "@@ English line 21 @@" in out
    assert "listens" not in out  # unchanged paragraphs are not shown

    before = (repo.docs / "chapters/alpha.fr.md").read_bytes()
    code, out, _ = repo.run("translate", "done", "fr", "chapters/alpha.md", "--date", "2026-12-01")
    assert code == 0 and "it is up to date" in out
    after = (repo.docs / "chapters/alpha.fr.md").read_bytes()
    new_blob = blob_of(repo, "chapters/alpha.md")
    old_lines, new_lines = before.decode().splitlines(True), after.decode().splitlines(True)
    changed = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert len(old_lines) == len(new_lines)
    assert [b for _, b in changed] == [f"source_blob: {new_blob}\n", "translated_on: 2026-12-01\n"]
    code, out, _ = repo.run("status", "--lang", "fr")
    assert re.search(r"up to date\s+chapters/alpha\.fr\.md", out)
    assert repo.run("status", "--diff", "fr", "chapters/alpha.md")[1].startswith("docs/chapters/alpha.fr.md: up to date")


def test_diff_works_for_a_version_that_was_never_committed(repo: Repo) -> None:
    repo.edit("chapters/alpha.md", "Record what was said.", "Write down what was said.")  # not committed
    assert repo.run("translate", "start", "es", "chapters/alpha")[0] == 0
    git(repo.root, "checkout", "--", "docs/chapters/alpha.md")  # English back to the committed text
    code, out, _ = repo.run("status", "--diff", "es", "docs/chapters/alpha.md", "--color", "never")
    assert code == 0
    assert "[-Write down-]{+Record+} what was said." in out


def test_done_keeps_crlf_and_unknown_content_byte_for_byte(repo: Repo) -> None:
    original = ("---\r\ntitle: Alpha\r\ndescription: \"Résumé: ok\"\r\nsource_blob: " + "0" * 40 +
                "\r\ntranslated_on: 2020-01-01\r\n# a comment the translator wrote\r\n---\r\n\r\nTexte.  \r\n")
    (repo.docs / "chapters/alpha.ar.md").write_bytes(original.encode())
    assert repo.run("translate", "done", "ar", "chapters/alpha.md", "--date", "2026-11-30")[0] == 0
    expected = original.replace("0" * 40, blob_of(repo, "chapters/alpha.md")).replace("2020-01-01", "2026-11-30")
    # The one line added: not reviewed by a national team yet, at the end of the front matter.
    expected = expected.replace("wrote\r\n---", "wrote\r\nreviewed_by:\r\n---")
    assert (repo.docs / "chapters/alpha.ar.md").read_bytes() == expected.encode()


def test_done_on_a_page_closed_with_dots_changes_only_the_front_matter(repo: Repo) -> None:
    head = "---\ntitle: Alpha\ndescription: D\n...\n"
    body = "\nTexte.\n\n---\n\nSuite.\n"
    (repo.docs / "chapters/alpha.fr.md").write_bytes((head + body).encode())
    assert repo.run("translate", "done", "fr", "chapters/alpha.md", "--date", "2026-11-30")[0] == 0
    blob = blob_of(repo, "chapters/alpha.md")
    assert (repo.docs / "chapters/alpha.fr.md").read_bytes() == (
        f"---\ntitle: Alpha\ndescription: D\nsource_blob: {blob}\ntranslated_on: 2026-11-30\nreviewed_by:\n...\n"
        + body).encode()


def test_done_without_translation_explains_how_to_start(repo: Repo) -> None:
    code, _, err = repo.run("translate", "done", "fr", "chapters/beta.md")
    assert code == 1
    assert "docs/chapters/beta.fr.md does not exist" in err and "handbook translate start fr chapters/beta.md" in err


def test_unknown_page_and_language_are_usage_errors(repo: Repo) -> None:
    code, _, err = repo.run("translate", "start", "fr", "chapters/nope.md")
    assert code == 2 and "docs/chapters/nope.md: no English page for 'chapters/nope.md'" in err
    code, _, err = repo.run("translate", "start", "en", "chapters/alpha.md")
    assert code == 2 and "'en' is not a translated language" in err


def test_orphan_is_reported_and_not_counted(repo: Repo) -> None:
    repo.write("chapters/gone.fr.md", "---\ntitle: Disparu\ndescription: x\n---\n\nTexte.\n")
    code, out, _ = repo.run("status", "--format", "json")
    data = json.loads(out)
    fr = data["languages"]["fr"]
    orphans = [p for p in fr["pages"] if p["state"] == "orphaned"]
    assert [(p["path"], p["source"]) for p in orphans] == [("chapters/gone.fr.md", "chapters/gone.md")]
    assert fr["pages_total"] == 3 and fr["counts"]["orphaned"] == 1
    code, out, _ = repo.run("status", "--lang", "fr")
    assert re.search(r"orphaned\s+chapters/gone\.fr\.md\s+no English source chapters/gone\.md", out)


@pytest.mark.parametrize("argv", [("status",), ("status", "--format", "json"), ("status", "--diff", "fr", "index.md")])
def test_a_page_that_is_not_utf8_is_named_with_its_line(repo: Repo, argv: tuple[str, ...]) -> None:
    (repo.docs / "chapters/alpha.fr.md").write_bytes("---\ntitle: Alpha\ndescription: x\n---\n\nCafé\n".encode("latin-1"))
    code, out, err = repo.run(*argv)
    assert code == 2 and out == ""
    assert err.startswith("error: docs/chapters/alpha.fr.md:6: not valid UTF-8 (byte 0xe9")
    assert "Save the file as UTF-8" in err and "Traceback" not in err


def test_diff_of_a_file_that_is_not_a_handbook_page_is_a_usage_error(repo: Repo) -> None:
    (repo.root / "docs/snippets").mkdir(parents=True, exist_ok=True)
    (repo.root / "docs/snippets/note.md").write_text("A snippet.\n", encoding="utf-8")
    code, out, err = repo.run("status", "--diff", "fr", "snippets/note.md")
    assert code == 2 and out == ""
    assert err.startswith("error: docs/snippets/note.md is not one of the handbook's pages")


def test_percentages_by_page_and_by_words_are_exact(repo: Repo) -> None:
    # English words: index 6, alpha 19, beta 6 (31). French: beta up to date, alpha outdated, index missing.
    for rel in ("chapters/alpha.md", "chapters/beta.md"):
        assert repo.run("translate", "start", "fr", rel)[0] == 0
    repo.edit("chapters/alpha.md", "Record what", "Note what")
    code, out, _ = repo.run("status", "--format", "json", "--lang", "fr")
    fr = json.loads(out)["languages"]["fr"]
    assert (fr["pages_up_to_date"], fr["pages_total"], fr["pages_percent"]) == (1, 3, 33.3)
    assert (fr["words_up_to_date"], fr["words_total"], fr["words_percent"]) == (6, 31, 19.4)
    assert fr["counts"] == {"up_to_date": 1, "outdated": 1, "missing": 1, "orphaned": 0}
    assert "es" not in json.loads(out)["languages"]
    code, out, _ = repo.run("status")
    assert "fr (Français): 1/3 pages up to date (33.3%), 6/31 words (19.4%)" in out
    assert "es (Español): 0/3 pages up to date (0%), 0/31 words (0%)" in out


def test_markdown_format_for_a_pull_request_comment(repo: Repo) -> None:
    assert repo.run("translate", "start", "ar", "chapters/beta.md")[0] == 0
    code, out, _ = repo.run("status", "--format", "markdown")
    assert code == 0
    assert "| العربية (`ar`) | 1 | 0 | 2 | 0 | 33.3% | 19.4% | published (50% of 50%) |" in out
    assert "<summary>العربية: 2 page(s) need work</summary>" in out
    assert "| `chapters/alpha.md` | missing |  |" in out


def test_status_asks_git_once_for_all_pages(repo: Repo, monkeypatch) -> None:
    import subprocess

    from handbook.translation import inventory

    for rel in ("chapters/alpha.md", "chapters/beta.md", "index.md"):
        assert repo.run("translate", "start", "fr", rel)[0] == 0
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(cmd, *args, **kwargs):
        calls.append(list(cmd))
        return real(cmd, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    report = inventory.load(repo.root)
    assert [c[:3] for c in calls] == [["git", "hash-object", "--stdin-paths"]]
    assert report.language("fr").pages_up_to_date == 3
    # The build's per-page notices take the same report, computed once per state of docs/.
    calls.clear()
    assert inventory.load_cached(repo.root).language("fr").pages_up_to_date == 3
    assert inventory.load_cached(repo.root).language("fr").pages_up_to_date == 3
    assert len(calls) <= 1


def test_the_build_derives_the_status_once_from_its_corpus(repo: Repo, monkeypatch) -> None:
    from handbook.pages.model import load_corpus
    from handbook.paths import Project
    from handbook.translation import gate, inventory

    for rel in ("chapters/alpha.md", "index.md"):
        assert repo.run("translate", "start", "fr", rel)[0] == 0
    expected = inventory.load(repo.root)
    states = {d.lang: d.web for d in gate.decide_all(repo.root, expected)}
    loads, walks, policies = [], [], []
    real_load, real_files, real_policy = inventory.load, inventory.walk.files, gate.load_policy
    monkeypatch.setattr(inventory, "load", lambda root, corpus=None: loads.append(root) or real_load(root, corpus))
    monkeypatch.setattr(inventory.walk, "files", lambda *a: walks.append(a) or real_files(*a))
    monkeypatch.setattr(gate, "load_policy", lambda *a: policies.append(a) or real_policy(*a))
    corpus = load_corpus(Project(repo.root))
    walks.clear()
    # What every page of a build asks for: the same report as a fresh read, computed once, and no
    # walk of docs/ per page (that grew with the square of the page count).
    for _ in range(5):
        assert inventory.load_cached(repo.root, corpus) == expected
        assert gate.web_states(repo.root, corpus) == states
    assert (len(loads), walks, len(policies)) == (1, [], 1)  # publication.yml read once too
    # Nothing outlives the build: the next build's corpus (a page changed since) is read afresh.
    repo.write("chapters/beta.md", "# Beta changed { #beta }\n\nA new paragraph.\n")
    again = load_corpus(Project(repo.root))
    assert inventory.load_cached(repo.root, again) == inventory.load(repo.root)
    assert len(loads) == 3


def test_a_language_build_reads_its_own_pages_and_is_given_every_languages_publication(repo: Repo) -> None:
    """A language's MkDocs run reads its own pages and the English ones, not every language's (at 20
    languages each run read 2,000 pages); what spans languages, the publication gate's decision, is
    made once by the build and handed down. A run of some languages never decides it itself."""
    from handbook.pages.model import load_corpus
    from handbook.paths import Project
    from handbook.translation import gate, inventory

    for code in ("fr", "es"):
        assert repo.run("translate", "start", code, "chapters/alpha.md")[0] == 0
    project = Project(repo.root)
    whole = load_corpus(project)
    french = load_corpus(project, languages={"fr", "en"})
    assert {p.lang for p in whole.pages} >= {"en", "fr", "es"}
    assert {p.lang for p in french.pages} == {"en", "fr"}
    assert french.files == whole.files  # the others' files are still listed: links to them resolve
    # French's own status is the same from its own pages as from every language's.
    assert inventory.load_cached(repo.root, french).language("fr") == inventory.load(repo.root).language("fr")
    with pytest.raises(RuntimeError, match="give_web_states"):
        gate.web_states(repo.root, french)
    decided = gate.web_states(repo.root, whole)
    gate.give_web_states(french, decided)
    assert gate.web_states(repo.root, french) == decided
