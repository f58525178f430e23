"""Bad input fails the PDF with a message naming the source page; nothing is written.

WeasyPrint itself exits successfully on every one of these.
"""

from __future__ import annotations

import pytest

from handbook import cli
from handbook.pdf.pipeline import PdfFailed, build_pdf, build_pdfs
from tests.conftest import make_handbook, page
from tests.pdf.fixtures import EPOCH, write_png

pytestmark = pytest.mark.slow

# (case id, Markdown body of docs/index.md, expected code, expected words in the message, line)
CASES = [
    ("missing-image", "# Home { #home }\n\n![A chart](img/missing.png)", "PDF001", "not found", 11),
    ("remote-image", "# Home { #home }\n\n![A chart](https://example.org/chart.png)", "PDF001",
     "not a file of the handbook", 11),
    ("oversized-image", "# Home { #home }\n\n![A large photo](img/huge.png)", "HYG006", "30000000 pixels", 11),
    ("missing-alt", "# Home { #home }\n\n![](img/ok.png)", "HYG004", "no alt text", 11),
    ("broken-page-link", "# Home { #home }\n\nSee [the guide](guide.md).", "PDF004", "not in the PDF", 11),
    ("broken-anchor", "# Home { #home }\n\nSee [below](#nowhere).", "PDF004", "leads to no heading", 11),
    ("missing-glyph", "# Home { #home }\n\nA private character \ue000 here.", "PDF005", "U+E000", 11),
    ("substituted-font", "# Home { #home }\n\nDone \u2713 here.", "PDF006", "system font DejaVu-Sans", 11),
    ("clipped-text", "# Home { #home }\n\n## " + "Unbreakable" * 30 + " { #long }", "PDF007",
     "runs off", 11),
    ("raw-html-link", '# Home { #home }\n\n<div><a href="other/page.html">elsewhere</a></div>', "PDF004",
     "raw HTML", 11),
    ("split-cell-word", "# Home { #home }\n\n| " + " | ".join("ABCDEFGH") + " |\n|" + "---|" * 8 + "\n| "
     + " | ".join(["interagencycooperationagreement"] * 8) + " |", "PDF010", "splits a word", 13),
    ("weasyprint-error", '# Home { #home }\n\n<div><img src="img/nothere.png" alt="A map"></div>', "PDF008",
     "nothere.png", 11),
]


def _handbook(root, body):
    project = make_handbook(root, {"index.md": page("Home", body)})
    write_png(project.docs / "img" / "ok.png", (10, 10))
    if "huge.png" in body:
        write_png(project.docs / "img" / "huge.png", (6000, 5000))
    return project


@pytest.mark.parametrize(("body", "code", "words", "line"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_fails_naming_the_page(tmp_path, body, code, words, line):
    project = _handbook(tmp_path / "handbook", body)
    target = tmp_path / "out.pdf"
    result = build_pdf(str(project.root), "en", str(target), EPOCH)
    assert not result.ok
    assert not target.exists()
    matching = [d for d in result.problems if d.code == code]
    assert matching, [d.text() for d in result.problems]
    assert matching[0].path == "docs/index.md"
    assert words in matching[0].message
    assert matching[0].line == line


def test_build_pdfs_raises_with_every_message(tmp_path):
    project = _handbook(tmp_path / "handbook", CASES[0][1])
    with pytest.raises(PdfFailed) as info:
        build_pdfs(project, {"en": tmp_path / "a.pdf", "fr": tmp_path / "b.pdf"}, epoch=EPOCH)
    text = str(info.value)
    assert "[en] docs/index.md:11:1: PDF001 image 'img/missing.png' not found" in text
    assert "[fr] docs/index.md:11:1: PDF001" in text


def test_cli_writes_one_language_and_fails_on_bad_input(tmp_path, monkeypatch, capsys):
    good = make_handbook(tmp_path / "good", {"index.md": page("Home", "# Home { #home }\n\nHello.")})
    monkeypatch.chdir(good.root)
    assert cli.main(["pdf", "--lang", "fr", "--out", str(tmp_path / "pdfs")]) == 0
    assert (tmp_path / "pdfs" / "handbook-fr.pdf").read_bytes().startswith(b"%PDF")
    assert "[fr] PDF handbook-fr.pdf" in capsys.readouterr().out

    bad = _handbook(tmp_path / "bad", CASES[0][1])
    monkeypatch.chdir(bad.root)
    assert cli.main(["pdf", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "docs/index.md:11:1: PDF001 image 'img/missing.png' not found" in err
    assert not (bad.site / "handbook-en.pdf").exists()
    assert cli.main(["pdf", "--lang", "xx"]) == 2


# (case id, pages of the handbook, language, expected words of the error on stderr)
UNDECODABLE = [
    ("english-page", {"index.md": b"---\ntitle: Home\n---\n\n# Home\n\nCaf\xe9 latin-1.\n"}, "en",
     "docs/index.md:7: not valid UTF-8 (byte 0xe9 at offset 32). Save the file as UTF-8"),
    ("translation", {"chapters/guide.fr.md": b"---\ntitle: Guide\n---\n\n# Guide\n\n\xff\n"}, "fr",
     "docs/chapters/guide.fr.md:7: not valid UTF-8 (byte 0xff at offset 31)."),
]


@pytest.mark.parametrize(("pages", "code", "words"), [c[1:] for c in UNDECODABLE], ids=[c[0] for c in UNDECODABLE])
def test_a_page_that_is_not_utf8_is_named_without_a_traceback(tmp_path, monkeypatch, capsys, pages, code, words):
    base = {"index.md": page("Home", "# Home { #home }\n\nHello."),
            "chapters/guide.md": page("Guide", "# Guide { #guide }\n\nText.")}
    project = make_handbook(tmp_path / "handbook", {**base, **pages},
                            nav="  - index.md\n  - chapters/guide.md\n")
    monkeypatch.chdir(project.root)
    assert cli.main(["pdf", "--lang", code, "--out", str(tmp_path / "pdfs")]) == 1
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err and "UnicodeDecodeError" not in err
    assert not (tmp_path / "pdfs" / f"handbook-{code}.pdf").exists()


def test_an_unexpected_crash_is_reported_with_the_language(tmp_path, monkeypatch):
    import handbook.pdf.pipeline

    def crash(*args, **kwargs):
        raise RuntimeError("an extension crashed")

    project = make_handbook(tmp_path / "handbook", {"index.md": page("Home", "# Home { #home }\n\nHello.")})
    monkeypatch.setattr(handbook.pdf.pipeline, "assemble_book", crash)
    result = build_pdf(str(project.root), "fr", str(tmp_path / "out.pdf"), EPOCH)
    assert result.error == "RuntimeError: an extension crashed"
    with pytest.raises(PdfFailed) as info:
        build_pdfs(project, {"fr": tmp_path / "out.pdf"}, epoch=EPOCH)
    assert "[fr] error: RuntimeError: an extension crashed" in str(info.value)
    assert not (tmp_path / "out.pdf").exists()
