"""Table-driven tests of the pure parts: status, word counts, front matter edits, word diff, gate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook import frontmatter
from handbook.errors import HandbookError
from handbook.translation import diff, provenance
from handbook.translation.gate import Policy, LanguageThreshold, decide_language, load_policy
from handbook.translation.status import SourcePage, Translation, compute, count_words

A, B = "a" * 40, "b" * 40


def test_states_of_every_page() -> None:
    sources = [SourcePage("x.md", A, 10), SourcePage("y.md", A, 30), SourcePage("z.md", B, 60)]
    translations = [
        Translation("x.fr.md", "fr", "x.md", A, "2026-01-01"),   # same blob: up to date
        Translation("y.fr.md", "fr", "y.md", B, "2026-01-01"),   # another blob: outdated
        Translation("w.fr.md", "fr", "w.md", A, "2026-01-01"),   # no English w.md: orphaned
        Translation("z.es.md", "es", "z.md", None, None),        # no provenance: outdated
    ]
    report = compute(sources, translations, ["fr", "es"])
    fr = report.language("fr")
    assert [(p.source, p.state) for p in fr.pages] == [
        ("x.md", "up_to_date"), ("y.md", "outdated"), ("z.md", "missing"), ("w.md", "orphaned")]
    assert (fr.pages_up_to_date, fr.pages_total, fr.pages_percent) == (1, 3, 33.3)
    assert (fr.words_up_to_date, fr.words_total, fr.words_percent) == (10, 100, 10.0)
    es = report.language("es")
    assert es.counts() == {"up_to_date": 0, "outdated": 1, "missing": 2, "orphaned": 0}
    assert es.pages_percent == 0.0
    assert compute([], [], ["fr"]).language("fr").pages_percent == 100.0  # nothing to translate


@pytest.mark.parametrize(("markdown", "words"), [
    ("# Title { #title }\n\nOne two three.", 4),
    ("A [link text](../x.md#anchor \"tip\") here.", 4),
    ("/// note | Remember this\n\nBody words.\n\n///", 4),
    ("/// warning\n\nCareful.\n\n///", 1),
    ("child-friendly officer's 2016 e.g.", 5),
    ("<!-- hidden words -->Visible <span class=\"x\">text</span>", 2),
    ("| Head | Col |\n|---|---|\n| a b | c |", 5),
    ("الطفل أولاً", 2),
])
def test_count_words(markdown: str, words: int) -> None:
    assert count_words(markdown) == words


def test_set_keys_changes_only_its_lines() -> None:
    text = "---\ntitle: T\nsource_blob: old\nlist:\n  - a\n- b\n# note\n---\nbody: not front matter\n"
    out = provenance.set_keys(text, {"source_blob": A, "translated_on": "2026-11-28"})
    assert out == f"---\ntitle: T\nsource_blob: {A}\nlist:\n  - a\n- b\n# note\ntranslated_on: 2026-11-28\n---\nbody: not front matter\n"


@pytest.mark.parametrize("close", ["---", "...", "...  ", "--- "])
@pytest.mark.parametrize("nl", ["\n", "\r\n"])
def test_set_keys_uses_the_closing_fence_mkdocs_uses(close: str, nl: str) -> None:
    # A page closed with '...' (as MkDocs and frontmatter.split accept) whose body holds a '---' rule:
    # only front matter lines change, the body stays byte-for-byte.
    head = f"---{nl}title: T{nl}source_blob: old{nl}{close}{nl}"
    body = f"Text.{nl}{nl}---{nl}{nl}source_blob: in the body{nl}..."
    out = provenance.set_keys(head + body, {"source_blob": A, "translated_on": "2026-11-28"})
    assert out == f"---{nl}title: T{nl}source_blob: {A}{nl}translated_on: 2026-11-28{nl}{close}{nl}" + body
    assert frontmatter.split(out.replace("\r\n", "\n")).meta["translated_on"] == dt.date(2026, 11, 28)
    new = provenance.new_translation(head + body, A, "2026-11-28")
    assert new.endswith(f"translated_on: 2026-11-28{nl}reviewed_by:{nl}{close}{nl}" + body)


@pytest.mark.parametrize(("lines", "end"), [
    (["---", "a: 1", "---", "---"], 2),
    (["---", "a: 1", "...", "---"], 2),
    (["---\n", "a: 1\n", "...\n", "---\n"], 2),
    (["---\r\n", "a: 1\r\n", " ... \r\n"], 2),
    (["---", "a: 1", "....", "-- -"], None),
])
def test_closing_fence(lines: list[str], end: int | None) -> None:
    assert frontmatter.closing_fence(lines) == end


def test_set_keys_without_front_matter_names_the_file() -> None:
    with pytest.raises(HandbookError, match=r"^docs/x.fr.md:1: the page has no front matter"):
        provenance.set_keys("# no front matter\n", {"source_blob": A}, "docs/x.fr.md")


def test_new_translation_drops_english_only_keys_and_keeps_the_body() -> None:
    english = ("---\ntitle: T\ndescription: D\nowner: WG\nlast_reviewed: 2026-01-01\n"
               "review_interval_months: 12\n---\n\n# T { #t }\n")
    assert provenance.new_translation(english, A, "2026-11-28") == (
        f"---\ntitle: T\ndescription: D\nsource_blob: {A}\ntranslated_on: 2026-11-28\nreviewed_by:\n---\n"
        + "\n# T { #t }\n")
    assert frontmatter.split(provenance.new_translation(english, A, "2026-11-28")).meta["reviewed_by"] is None


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("The child speaks.", "The child speaks freely.", "The child speaks{+ freely+}."),
    ("Call the team.", "Call the unit.", "Call the [-team-]{+unit+}."),
    ("Keep this. Drop that.", "Keep this.", "Keep this.[- Drop that.-]"),
])
def test_word_diff_text(old: str, new: str, expected: str) -> None:
    assert diff.word_diff_text(old, new) == expected


def test_render_skips_unchanged_paragraphs() -> None:
    old = "# T\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"
    new = "# T\n\nFirst paragraph.\n\nSecond paragraph, changed.\n\nThird paragraph.\n"
    assert diff.render(old, new, header="H") == "H\n@@ English line 5 @@\nSecond paragraph{+, changed+}.\n"
    assert diff.render(old, old) == "No changes in the English text.\n"


def _status(lang: str, states: list[str], source_prefix: str = "chapters/"):
    sources = [SourcePage(f"{source_prefix}{i}.md", A, 1) for i in range(len(states))]
    translations = [Translation(f"{source_prefix}{i}.{lang}.md", lang, f"{source_prefix}{i}.md",
                                A if s == "up_to_date" else B) for i, s in enumerate(states) if s != "missing"]
    return compute(sources + [SourcePage("index.md", A, 1)], translations, [lang]).language(lang)


@pytest.mark.parametrize(("threshold", "states", "publish"), [
    (50, ["up_to_date", "outdated", "missing", "up_to_date"], True),    # exactly 50%: published
    (50.1, ["up_to_date", "outdated", "missing", "up_to_date"], False),  # just above: withheld
    (75, ["up_to_date", "up_to_date", "missing"], False),             # 66.7% < 75%
    (66.7, ["up_to_date", "up_to_date", "missing"], False),           # exact comparison, not the rounded 66.7
    (66, ["up_to_date", "up_to_date", "missing"], True),
    (0, ["missing"], True),
    (100, ["up_to_date"], True),
])
def test_gate_decides_at_the_threshold(threshold: float, states: list[str], publish: bool) -> None:
    policy = Policy(("chapters/",), LanguageThreshold(0), {"ar": LanguageThreshold(threshold)})
    decision = decide_language(policy, _status("ar", states))
    assert decision.publish is publish
    assert decision.counted == len(states)  # index.md is outside the scope
    assert decision.marked == tuple(f"chapters/{i}.md" for i, s in enumerate(states) if s != "up_to_date")


def test_gate_uses_default_rule_and_reports() -> None:
    policy = Policy(("chapters/",), LanguageThreshold(40), {})
    decision = decide_language(policy, _status("fr", ["up_to_date", "missing", "missing"]))
    assert not decision.publish
    assert decision.summary() == "[fr] PDF NOT published: 1 of 3 page(s) in scope up to date (33.3%), policy requires 40%"


@pytest.mark.parametrize(("yaml_text", "message", "line"), [
    ("languages:\n  de:\n    pdf_min_up_to_date: 50\n", "language 'de' is not a translated language", 2),
    ("languages:\n  ar:\n    pdf_min_up_to_date: 150\n", "must be a number from 0 to 100, not 150", 2),
    ("languages:\n  ar:\n    min: 50\n", "must be a mapping with the key pdf_min_up_to_date", 2),
    ("scope: chapters/\n", "scope must be a list", 1),
    ("gates: {}\n", "unknown key 'gates'", 1),
])
def test_policy_errors_name_file_and_line(tmp_path: Path, yaml_text: str, message: str, line: int) -> None:
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "publication.yml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(HandbookError) as info:
        load_policy(tmp_path, ("fr", "es", "ar"))
    assert info.value.line == line and message in info.value.message
    assert info.value.path.endswith("translations/publication.yml")


def test_repository_policy_is_valid() -> None:
    root = Path(__file__).resolve().parents[2]
    policy = load_policy(root, ("fr", "es", "ar"))
    assert policy.scope and 0 <= policy.rule("ar").pdf_min_up_to_date <= 100



@pytest.mark.parametrize(("meta", "reviewed"), [
    ({}, False),
    ({"reviewed_by": None}, False),
    ({"reviewed_by": "  "}, False),
    ({"reviewed_by": "Équipe nationale"}, True),
    ({"reviewed_by": "Team", "reviewed_on": dt.date(2026, 12, 1), "translated_on": dt.date(2026, 11, 28)}, True),
    ({"reviewed_by": "Team", "reviewed_on": dt.date(2026, 12, 1), "translated_on": dt.date(2026, 12, 1)}, True),
    # Brought up to date after the review: the review covered an older text and no longer counts.
    ({"reviewed_by": "Team", "reviewed_on": dt.date(2026, 11, 1), "translated_on": dt.date(2026, 12, 1)}, False),
])
def test_is_reviewed(meta, reviewed) -> None:
    assert provenance.is_reviewed(meta) is reviewed


def test_status_counts_unreviewed_translations_and_reader_pages_apart() -> None:
    sources = [SourcePage("chapters/a.md", A, 10), SourcePage("chapters/b.md", A, 10),
               SourcePage("contributing/guide.md", A, 10)]
    translations = [Translation("chapters/a.fr.md", "fr", "chapters/a.md", A, reviewed=True),
                    Translation("chapters/b.fr.md", "fr", "chapters/b.md", "0" * 40, reviewed=False),
                    Translation("contributing/guide.fr.md", "fr", "contributing/guide.md", A)]
    fr = compute(sources, translations, ["fr"]).language("fr")
    assert [p.source for p in fr.unreviewed] == ["chapters/b.md", "contributing/guide.md"]
    assert [p.source for p in fr.reader_pages] == ["chapters/a.md", "chapters/b.md"]
    assert fr.reader_pages_up_to_date == 1 and fr.pages_up_to_date == 2
