"""Export with the existing translation as targets, import: the page comes back byte for byte.

On every translated page of the real handbook, in XLIFF 2 and PO, and on the every-construct
fixture; the XLIFF validates against the OASIS XLIFF 2.0 core schema shipped in schemas/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xmlschema
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook import frontmatter
from handbook.exchange import po, xliff2, xliff12
from handbook.exchange.build import apply, units_for
from handbook.exchange.model import FINAL, Exchange
from handbook.pages.segments import segments
from tests.exchange.test_segments import pages

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).parent / "schemas" / "xliff-2.0" / "xliff_core_2.0.xsd"
FIXTURE = (Path(__file__).parent / "every_construct.md").read_text(encoding="utf-8")


def _pairs() -> list[tuple[str, Path, Path]]:
    docs = ROOT / "docs"
    out = []
    for tr in sorted(docs.rglob("*.*.md")):
        en = tr.with_name(tr.name.split(".")[0] + ".md")
        out.append((tr.relative_to(docs).as_posix(), en, tr))
    return out


def _exchange(page: str, lang: str, english: str, translation: str) -> Exchange:
    blob = str(frontmatter.split(translation).meta.get("source_blob") or "0" * 40)
    units, _ = units_for(english, translation, english)
    return Exchange(page, lang, blob, None, units)


def _through(ex: Exchange, fmt: str, english: str) -> Exchange:
    if fmt == "xliff":
        return xliff2.parse(xliff2.render(ex).encode("utf-8"), "file.xlf")
    if fmt == "xliff-sentences":
        return xliff2.parse(xliff2.render(ex, sentences=True).encode("utf-8"), "file.xlf")
    if fmt == "xliff12":
        return xliff12.parse(xliff12.render(ex).encode("utf-8"), "file.xlf")
    return po.parse(po.render(ex).encode("utf-8"), "file.po", units_for(english, None, None)[0])


@pytest.mark.parametrize("fmt", ["xliff", "xliff-sentences", "po"])
@pytest.mark.parametrize("rel, en, tr", _pairs(), ids=[p[0] for p in _pairs()])
def test_real_page_round_trip(fmt: str, rel: str, en: Path, tr: Path) -> None:
    english, translation = en.read_text(encoding="utf-8"), tr.read_text(encoding="utf-8")
    if [s.kind for s in segments(english)] != [s.kind for s in segments(translation)]:
        pytest.skip(f"{rel}: its segments do not line up with the English page")
    ex = _exchange(rel, tr.name.split(".")[1], english, translation)
    back = _through(ex, fmt, english)
    result = apply(back, english, translation, rel, "2026-01-01")
    assert result.text == translation


@pytest.mark.parametrize("fmt", ["xliff", "xliff-sentences", "xliff12", "po"])
def test_fixture_round_trip_with_targets_equal_to_sources(fmt: str) -> None:
    units, _ = units_for(FIXTURE, None, None)
    for unit in units:
        unit.target, unit.state = unit.source, FINAL
    ex = Exchange("every.md", "fr", "a" * 40, None, units)
    result = apply(_through(ex, fmt, FIXTURE), FIXTURE, None, "every.fr.md", "2026-01-01")
    body = lambda text: frontmatter.split(text).body  # noqa: E731
    assert body(result.text) == body(FIXTURE)
    meta = frontmatter.split(result.text).meta
    assert meta["title"] == "Every construct" and meta["source_blob"] == "a" * 40
    assert "owner" not in meta  # a translation carries no English-only keys (translate start's rule)


def _schema() -> xmlschema.XMLSchema:
    """The core schema with the two modules the export uses (glossary, metadata), all local files."""
    modules = SCHEMA.parent / "modules"
    return xmlschema.XMLSchema(str(SCHEMA), locations=[(xliff2.GLS, str(modules / "glossary.xsd")),
                                                       (xliff2.MDA, str(modules / "metadata.xsd"))])


def test_xliff_validates_against_the_oasis_core_schema() -> None:
    schema = _schema()
    assert xliff2.GLS in schema.maps.namespaces and xliff2.MDA in schema.maps.namespaces
    units, _ = units_for(FIXTURE, FIXTURE.replace("A paragraph", "Un paragraphe"), FIXTURE)
    units[0].terms = [("child", ("enfant",))]
    document = xliff2.render(Exchange("every.md", "fr", "a" * 40, "b" * 40, units))
    errors = list(schema.iter_errors(document))
    assert errors == []
    assert "<pc " in document and "<ph " in document and "<gls:glossEntry>" in document


def test_sentence_segments_validate_and_split_the_real_pages() -> None:
    english = (ROOT / "docs/chapters/missing-children.md").read_text(encoding="utf-8")
    french = (ROOT / "docs/chapters/missing-children.fr.md").read_text(encoding="utf-8")
    units, _ = units_for(english, french, english)
    document = xliff2.render(Exchange("chapters/missing-children.md", "fr", "a" * 40, None, units), sentences=True)
    assert list(_schema().iter_errors(document)) == []
    assert document.count("<segment ") > len(units) + 50 and "<ignorable>" in document  # 202 for 129 units


@pytest.mark.parametrize("text, expected", [
    ("One. Two.", ["One.", "Two."]),
    ("Ends here.[^1] Next one.", ["Ends here.[^1]", "Next one."]),
    ("See e.g. this one.", ["See e.g. this one."]),  # a lower-case word does not start a sentence
    ("A [link. Inside](x.md) stays.", ["A [link. Inside](x.md) stays."]),  # never inside a pair
    ("Why? Because! Done.", ["Why?", "Because!", "Done."]),
    ("لماذا؟ لأن.", ["لماذا؟", "لأن."]),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    from handbook.pages.segments import inline, render

    pieces = xliff2.split_sentences(inline(text))
    assert [render(p) for p, _ in pieces] == expected
    assert "".join(render(p) + gap for p, gap in pieces) == text


def test_xliff12_validates_against_the_oasis_strict_schema() -> None:
    schema = xmlschema.XMLSchema(str(SCHEMA.parents[1] / "xliff-1.2" / "xliff-core-1.2-strict.xsd"))
    units, _ = units_for(FIXTURE, FIXTURE.replace("A paragraph", "Un paragraphe"), FIXTURE)
    units[0].terms = [("child", ("enfant",))]
    document = xliff12.render(Exchange("every.md", "fr", "a" * 40, "b" * 40, units))
    assert list(schema.iter_errors(document)) == []
    assert "<bpt " in document and "<ph " in document
    assert list(schema.iter_errors(document.replace('state="final"', 'state="done"')))


@pytest.mark.parametrize("old, new", [
    ('<segment state="final">', '<segment>'),  # a unit without a segment: first the source, then strip it
    ('<mda:meta type="page">', '<mda:meta kind="page">'),  # the metadata module is checked too
    ('gls:glossEntry>', 'gls:entry>'),  # and the glossary module
    ('state="final"', 'state="done"'),
])
def test_schema_rejects_a_broken_document(old: str, new: str) -> None:
    """The schema test can fail."""
    units, _ = units_for(FIXTURE, FIXTURE, FIXTURE)
    units[0].terms = [("child", ("enfant",))]
    document = xliff2.render(Exchange("every.md", "fr", "a" * 40, None, units))
    if old == '<segment state="final">':
        document = re.sub(r"<segment .*?</segment>", "", document, count=1, flags=re.S)
    else:
        assert old in document
        document = document.replace(old, new)
    assert list(_schema().iter_errors(document))


@settings(max_examples=60, deadline=None)
@given(pages(), st.sampled_from(["xliff", "xliff-sentences", "xliff12", "po"]))
def test_property_random_pages_survive_export_and_import(text: str, fmt: str) -> None:
    """Targets equal to sources: the page comes back with the same body and the same structure."""
    units, _ = units_for(text, None, None)
    if not units:
        return
    for unit in units:
        unit.target, unit.state = unit.source, FINAL
    ex = Exchange("random.md", "fr", "c" * 40, None, units)
    result = apply(_through(ex, fmt, text), text, None, "random.fr.md", "2026-01-01")
    assert frontmatter.split(result.text).body == frontmatter.split(text).body
    assert [(s.kind, s.source) for s in segments(result.text)] == [(s.kind, s.source) for s in segments(text)]
