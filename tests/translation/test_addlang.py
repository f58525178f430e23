"""`handbook language add`: what it writes, and what it refuses without touching a file."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from handbook.cli import main
from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.terms.termbase import load as load_termbase, not_started
from handbook.translation.addlang import add_language, insert_in_block
from handbook.translation.gate import load_policy
from handbook.translation.ui_status import UNTRANSLATED, untranslated_strings
from tests.conftest import REPO, make_handbook, page


@pytest.fixture
def project(tmp_path):
    project = make_handbook(tmp_path / "hb", {"index.md": page("Home", "# Home { #home }\n\nText.")})
    (project.root / ".github").mkdir()
    shutil.copy(REPO / ".github" / "CODEOWNERS", project.root / ".github" / "CODEOWNERS")
    return project


def snapshot(project):
    return {p: p.read_bytes() for p in sorted(project.root.rglob("*")) if p.is_file()}


def test_adding_portuguese_writes_every_file_and_the_handbook_reads_them(project):
    lang, written = add_language(project, "pt", "Português")
    assert (lang.dir, lang.quotes) == ("ltr", ("“", "”", "‘", "’"))  # CLDR's pt delimiters
    i18n = load_i18n(project.root)
    assert i18n.codes[-1] == "pt" and i18n.language("pt").name == "Português"
    assert i18n.language("pt").quotes.open == "“"
    # Every UI area scaffolded from English: the same text, each string marked untranslated.
    areas = sorted(p.name.split(".")[0] for p in (project.root / "translations/ui").glob("*.en.yml"))
    assert sorted(p.name.split(".")[0] for p in (project.root / "translations/ui").glob("*.pt.yml")) == areas
    assert i18n.strings["pt"] == i18n.strings["en"]
    assert set(untranslated_strings(project.root, i18n, "pt")) == set(i18n.strings["en"])
    assert untranslated_strings(project.root, i18n, "fr") == []
    core = (project.root / "translations/ui/core.pt.yml").read_text(encoding="utf-8")
    assert f"{UNTRANSLATED}\nskip_to_content: Skip to content\n" in core
    termbase = load_termbase(project.root, i18n.codes)
    assert termbase.mention_markers["pt"] == () and not_started(termbase) == ("pt",)
    rule = load_policy(project.root, i18n.translated_codes).rule("pt")
    assert (rule.pdf_min_up_to_date, rule.web_min_up_to_date, rule.web_below) == (50, 50, "draft")
    owners = (project.root / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/translations/ui/*.pt.yml" in owners and "/translations/po/pt/" in owners and "@OWNER/translators-pt" in owners
    assert {p.relative_to(project.root).as_posix() for p in written} >= {
        "translations/languages.yml", "translations/termbase.yml", "translations/publication.yml",
        ".github/CODEOWNERS", "translations/ui/core.pt.yml"}


def test_direction_comes_from_cldr_unless_given(project):
    assert add_language(project, "ur", "اردو", quotes="”“’‘")[0].dir == "rtl"  # CLDR: right-to-left
    assert add_language(project, "ru", "Русский", direction="rtl")[0].dir == "rtl"  # --dir wins
    assert load_i18n(project.root).language("ur").rtl


def test_a_translated_string_is_no_longer_listed_even_if_its_marker_stays(project):
    add_language(project, "pt", "Português")
    path = project.root / "translations/ui/core.pt.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("skip_to_content: Skip to content",
                                                             "skip_to_content: Saltar para o conteúdo"), encoding="utf-8")
    listed = untranslated_strings(project.root, load_i18n(project.root), "pt")
    assert "skip_to_content" not in listed and "search_button" in listed


REFUSALS = [
    # (code, name, options, words the message must contain)
    ("PT", "Português", {}, ["'PT' is not an ISO 639 language code"]),
    ("pt-BR", "Português", {}, ["not an ISO 639 language code", "region"]),
    ("p", "Português", {}, ["not an ISO 639 language code"]),
    ("fr", "Français", {}, ["'fr' (Français) is already in the handbook"]),
    ("qq", "Qq", {}, ["CLDR", "has no locale 'qq'"]),
    ("sq", "Shqip", {}, ["no CLDR quotation marks recorded for 'sq'", "--quotes"]),
    ("sq", "Shqip", {"quotes": "«»"}, ["must be four quotation marks"]),
    ("pt", " ", {}, ["--name is empty"]),
    # Indonesian's code is also the field that names each termbase concept.
    ("id", "Bahasa Indonesia", {}, ["'id' is also the name of a field of every termbase concept", "known limit"]),
    # No shipped font has Hebrew letters: refused, naming them, before any page shows a box.
    ("he", "עברית", {}, ["no font the handbook ships can show 'עברית'", "ע (U+05E2 HEBREW LETTER AYIN)",
                          "fonts.css"]),
]


@pytest.mark.parametrize(("code", "name", "options", "words"), REFUSALS, ids=[f"{r[0]}-{r[3][0][:20]}" for r in REFUSALS])
def test_refusals_name_the_problem_and_change_nothing(project, code, name, options, words):
    before = snapshot(project)
    with pytest.raises(HandbookError) as caught:
        add_language(project, code, name, **options)
    for word in words:
        assert word in str(caught.value)
    assert snapshot(project) == before


def test_an_existing_file_is_never_overwritten(project):
    existing = project.root / "translations/ui/pdf.pt.yml"
    existing.write_text("pdf_title: Meu título\n", encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(HandbookError, match="already exists; `language add` never overwrites"):
        add_language(project, "pt", "Português")
    assert snapshot(project) == before


def test_a_file_the_loaders_then_refuse_is_rolled_back(project):
    # A broken publication policy: the language is planned, written, read back, refused, undone.
    policy = project.root / "translations/publication.yml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("languages: {}", "languages: {}\nextra: 1", 1),
                      encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(HandbookError):
        add_language(project, "pt", "Português")
    assert snapshot(project) == before


def test_the_command_prints_what_it_wrote_and_refuses_with_exit_2(project, monkeypatch, capsys):
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["language", "add", "uk", "--name", "Українська"]) == 0
    out = capsys.readouterr().out
    assert "Added Українська (uk, ltr, quotes «»„“)" in out and "translations/ui/core.uk.yml" in out
    assert main(["language", "add", "uk", "--name", "Українська"]) == 2
    assert "already in the handbook" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "entry", "expected"), [
    ("a: 1\nlanguages: {}\n", "  pt: 1\n", "a: 1\nlanguages:\n  pt: 1\n"),
    ("languages:\n  - x\n# after\nb: 2\n", "  - y\n", "languages:\n  - x\n  - y\n# after\nb: 2\n"),
    ("languages:\n  - x", "  - y\n", "languages:\n  - x\n  - y\n"),
])
def test_entries_go_at_the_end_of_their_block(tmp_path, text, entry, expected):
    assert insert_in_block(text, "languages", entry, tmp_path / "f.yml") == expected


def test_status_shows_the_new_language_at_0_percent_and_lists_its_english_ui_strings(project, monkeypatch, capsys):
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    add_language(project, "pt", "Português")
    assert main(["status", "--lang", "pt"]) == 0
    out = capsys.readouterr().out
    assert "pt (Português): 0/1 pages up to date (0%)" in out
    assert re.search(r"pt: \d+ UI string\(s\) not translated yet, shown in English: site_name, ", out)
    assert "pt: no terms in translations/termbase.yml yet" in out
    assert "pt: no inflection rules; the terminology linter matches terms exactly as written" in out
    assert main(["status", "--lang", "fr", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)["languages"]["fr"]
    assert (data["ui_untranslated"], data["termbase_started"], data["inflection_rules"]) == ([], True, True)


def test_change_log_entries_fall_back_to_english_marked_as_such_in_the_new_language(project):
    from handbook.editorial import changes, edition

    (project.root / "changes" / "1").mkdir(parents=True)
    (project.root / "changes" / "1" / "home.yml").write_text(
        "type: corrected\npages: [index.md]\ntext:\n  en: The home page was corrected.\n  fr: La page d'accueil a été corrigée.\n",
        encoding="utf-8")
    add_language(project, "pt", "Português")
    i18n = load_i18n(project.root)
    text = changes.render_markdown(project, i18n, "pt", edition.load(project))
    entries = [line for line in text.splitlines() if line.startswith("- ")]
    assert entries and all(line.startswith('- <span lang="en" dir="ltr">The home page was corrected.</span>')
                           for line in entries)
    assert all(i18n.t("pt", "whats_new_untranslated") in line for line in entries)
    # French has its own text: no fallback there.
    assert "La page d'accueil a été corrigée." in changes.render_markdown(project, i18n, "fr", edition.load(project))


def test_adding_a_language_adds_it_to_the_ci_matrix(project):
    (project.root / ".github" / "workflows").mkdir()
    shutil.copy(REPO / ".github" / "workflows" / "pull-request.yml", project.root / ".github" / "workflows")
    _, written = add_language(project, "pt", "Português")
    workflow = project.root / ".github" / "workflows" / "pull-request.yml"
    assert workflow in written
    assert "lang: [en, fr, es, ar, pt]  # hb:languages" in workflow.read_text(encoding="utf-8")
