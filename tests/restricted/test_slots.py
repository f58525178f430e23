"""The /// restricted-slot block: gone without a trace in the public edition, filled with the
passage of the page's language in the restricted one, and a clear error when it cannot be."""

from __future__ import annotations

import shutil

import markdown
import pytest

from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.mdext.restricted_slot import Slot, remove_slots, slots
from handbook.pageinfo import PageInfo
from handbook.pages.config import read_content_config
from handbook.pages.paragraphs import blocks
from handbook.paths import Project
from handbook.restricted.slots import render_restricted_slots
from tests.conftest import REPO, make_handbook, page
from tests.restricted.conftest import FIXTURE, SLOT

# (name, page with a slot, the same page as if the slot had never been written)
NO_TRACE = [
    ("between paragraphs", f"One.\n\n{SLOT}\n\nTwo.", "One.\n\nTwo."),
    ("first", f"{SLOT}\n\nOne.", "One."),
    ("last", f"One.\n\n{SLOT}\n", "One.\n"),
    ("after a heading", f"# Title {{ #t }}\n\n{SLOT}\n\nOne.", "# Title { #t }\n\nOne."),
    ("two slots", f"One.\n\n{SLOT}\n\n{SLOT.replace('after-hours', 'other')}\n\nTwo.", "One.\n\nTwo."),
    ("in a note", f"/// note | Note\n\nOne.\n\n{SLOT}\n\nTwo.\n\n///", "/// note | Note\n\nOne.\n\nTwo.\n\n///"),
    ("in a list", f"- One.\n\n    {SLOT.replace(chr(10), chr(10) + '    ')}\n\n- Two.", "- One.\n\n- Two."),
    ("numbered paragraphs", f"One. {{¶1}}\n\n{SLOT}\n\nTwo. {{¶2}}", "One. {¶1}\n\nTwo. {¶2}"),
]


def _mkdocs_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of the repository's mkdocs.yml."""
    config = read_content_config(Project(REPO))
    configs = {name: dict(value) for name, value in config.extension_configs.items()}
    configs.pop("pymdownx.snippets", None)
    names = [name for name in config.extensions if name != "pymdownx.snippets"]
    return markdown.Markdown(extensions=names, extension_configs=configs)


@pytest.mark.parametrize(("with_slot", "without"), [row[1:] for row in NO_TRACE], ids=[row[0] for row in NO_TRACE])
def test_the_public_edition_leaves_no_trace_of_a_slot(with_slot, without):
    md = _mkdocs_markdown()
    html = md.reset().convert(with_slot)
    assert html == md.reset().convert(without)
    assert "restricted" not in html and "after-hours" not in html


@pytest.mark.parametrize(("with_slot", "without"), [row[1:] for row in NO_TRACE], ids=[row[0] for row in NO_TRACE])
def test_a_slot_takes_no_paragraph_number(with_slot, without):
    numbered = lambda text: [(b.kind, b.number) for b in blocks(text)]  # noqa: E731
    assert numbered(with_slot) == numbered(without)


SLOTS = [
    ("plain", SLOT, [Slot("after-hours-referrals", 1, 2, False)]),
    ("no id", "/// restricted-slot\n///", [Slot("", 1, 2, False)]),
    ("with text", "/// restricted-slot | x\n\nSecret.\n\n///", [Slot("x", 1, 5, True)]),
    ("never closed", "/// restricted-slot | x\n\nText.", [Slot("x", 1, 1, False)]),
    ("in a code fence", f"```\n{SLOT}\n```", []),
    ("another block", "/// note | restricted-slot\n///", []),
]


@pytest.mark.parametrize(("text", "expected"), [row[1:] for row in SLOTS], ids=[row[0] for row in SLOTS])
def test_slots_are_found_as_written(text, expected):
    assert slots(text.split("\n")) == expected


def test_an_unclosed_slot_removes_only_its_own_line():
    assert remove_slots("/// restricted-slot | x\n\nText.") == "\nText."


@pytest.fixture
def project(tmp_path):
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "Text.")})
    shutil.copytree(FIXTURE, project.root / "restricted")
    return project


def _render(project, text, lang="en", src="index.md", audience="restricted"):
    info = PageInfo(project.root, load_i18n(project.root), lang, "", src, audience=audience)
    return render_restricted_slots(text, info)


@pytest.mark.parametrize(("lang", "src", "canary"), [("en", "index.md", "tidelarken"), ("fr", "index.fr.md", "tidelarkfr"),
                                                     ("es", "index.md", "tidelarkes"), ("ar", "index.md", "tidelarkar")])
def test_the_restricted_edition_fills_a_slot_in_the_page_language(project, lang, src, canary):
    out = _render(project, f"One.\n\n{SLOT}\n\nTwo.", lang, src)
    assert canary in out and "restricted-slot" not in out
    assert "fallback-notice" not in out


def test_an_untranslated_passage_falls_back_to_english_and_says_so(project):
    (project.root / "restricted" / "passages" / "after-hours-referrals.es.md").unlink()
    out = _render(project, f"One.\n\n{SLOT}\n\nTwo.", "es")
    html = markdown.markdown(out, extensions=["md_in_html"])
    assert "tidelarken" in html and "<div dir=\"ltr\" lang=\"en\">" in html
    assert "Este pasaje de difusión restringida aún no está disponible" in html


def test_the_public_edition_renderer_leaves_slots_to_the_extension(project):
    assert _render(project, f"One.\n\n{SLOT}", audience="public") is None


BAD = [
    ("no passage", "/// restricted-slot | no-such-passage\n///", "restricted slot 'no-such-passage' has no passage",
     "Add restricted/passages/no-such-passage.md"),
    ("no id", "/// restricted-slot\n///", "restricted slot '' has no valid id", "lower-case letters"),
    ("bad id", "/// restricted-slot | ../secret\n///", "restricted slot '../secret' has no valid id", "restricted/passages/<id>.md"),
    ("text in the slot", "/// restricted-slot | after-hours-referrals\nSecret.\n///", "holds text",
     "leave the slot empty"),
]


@pytest.mark.parametrize(("slot", "message", "fix"), [row[1:] for row in BAD], ids=[row[0] for row in BAD])
def test_a_slot_that_cannot_be_filled_is_a_clear_error(project, slot, message, fix):
    (project.root / "docs" / "index.md").write_text(page("Home", f"Text.\n\n{slot}"), encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        _render(project, f"Text.\n\n{slot}")  # the body as MkDocs gives it: front matter and blank lines cut
    text = str(caught.value)
    assert text.startswith("docs/index.md:11: ") and message in text and fix in text


def test_handbook_paragraphs_number_gives_a_slot_no_number():
    """What `handbook paragraphs number` writes: the slot's lines stay as they are, unnumbered, and the
    paragraphs around it get consecutive numbers, as if it were not there."""
    from handbook.pages.paragraphs import number_english

    text, last = number_english(f"One.\n\n{SLOT}\n\nTwo.\n", 0)
    assert (text, last) == (f"One. {{¶1}}\n\n{SLOT}\n\nTwo. {{¶2}}\n", 2)
