"""The leak scan of a built site: every seeded leak is found, with the output file and the
restricted source named; text both trees quote, and a clean build, are not reported."""

from __future__ import annotations

import base64
import gzip
import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from handbook.diagnostics import Diagnostic
from handbook.leaks import step
from handbook.leaks.fingerprint import load
from handbook.leaks.outputs import PAGEFIND_PREFIX
from handbook.leaks.scan import scan_site
from handbook.site.build import build_site
from tests.leaks.fixture import (CANARY_AR, CANARY_AR_SOURCE, CANARY_EN, CANARY_EN_SOURCE, IMAGE, PASSAGE_FR,
                                 RESTRICTED_FIXTURE,
                                 PASSAGE_FR_SOURCE, TREATY, handbook)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The fixture handbook with its restricted tree, built with the leak step (which passed)."""
    base = tmp_path_factory.mktemp("leaks")
    project = handbook(base / "handbook")
    site = base / "site"
    build_site(project, out=site, jobs=2, log=lambda _: None, post_steps=[step.post_build])
    return project, site


def scan(project, site: Path) -> list[Diagnostic]:
    prints, copies = load(project)
    return scan_site(site, prints, copies=copies)


def test_a_clean_build_with_the_tree_present_passes_and_quoted_treaty_text_is_not_reported(clean):
    project, site = clean
    assert TREATY.split(",")[0] in (site / "index.html").read_text(encoding="utf-8")  # the public quote is built
    assert scan(project, site) == []


# --- seeded leaks: each writes into a copy of the clean site ---------------------------------------


def _html(rel: str, snippet: str) -> Callable[[Path], None]:
    def seed(site: Path) -> None:
        page = site / rel
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("</body>", snippet + "</body>", 1), encoding="utf-8")
    return seed


def _append(rel: str, text: str) -> Callable[[Path], None]:
    def seed(site: Path) -> None:
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(text)
    return seed


def _fragment(site: Path) -> None:
    """A canary only in a Pagefind fragment: decompressed, written into its content, recompressed."""
    fragment = sorted((site / "pagefind" / "fragment").iterdir())[0]
    data = json.loads(gzip.decompress(fragment.read_bytes())[len(PAGEFIND_PREFIX):])
    data["content"] += " " + CANARY_EN
    fragment.write_bytes(gzip.compress(PAGEFIND_PREFIX + json.dumps(data).encode("utf-8")))


def _sitemap(site: Path) -> None:
    text = f'<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc><!-- {CANARY_EN} --></url></urlset>'
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8")))


def _pdf(outline: bool = False, metadata: bool = False) -> Callable[[Path], None]:
    def seed(site: Path) -> None:
        from pypdf import PdfWriter

        writer = PdfWriter()
        writer.add_blank_page(200, 200)
        if metadata:
            writer.add_metadata({"/Title": CANARY_EN})
        if outline:
            writer.add_outline_item(title=CANARY_EN, page_number=0)
        out = io.BytesIO()
        writer.write(out)
        (site / "handbook-en.pdf").write_bytes(out.getvalue())
    return seed


def _image(site: Path) -> None:
    shutil.copy(IMAGE, site / "assets" / "chart-copy.png")


def _inline_image(site: Path) -> None:
    data = base64.b64encode(IMAGE.read_bytes()).decode("ascii")
    _html("guide/index.html", f'<img src="data:image/png;base64,{data}" alt="">')(site)


def _zip(site: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("en/extra/index.html", f"<p>{CANARY_EN}</p>")
    (site / "handbook-en-offline.zip").write_bytes(buffer.getvalue())


SEEDED = [
    # (id, seed, output file named, restricted source named, how it was read)
    ("html-text", _html("guide/index.html", f"<p>{CANARY_EN}</p>"), "guide/index.html", CANARY_EN_SOURCE, "its text"),
    ("html-inline-markup", _html("guide/index.html", "<p>The <em>slatewrenen</em> liaison desk keeps a <a href='#'>"
                                 "separate duty roster</a> that only vetted specialist officers may consult.</p>"),
     "guide/index.html", CANARY_EN_SOURCE, "its text"),
    ("html-alt", _html("guide/index.html", f'<img src="x.png" alt="{CANARY_EN}">'), "guide/index.html",
     CANARY_EN_SOURCE, "its text"),
    ("html-title", _html("fr/guide/index.html", f'<span title="{PASSAGE_FR}">x</span>'), "fr/guide/index.html",
     PASSAGE_FR_SOURCE, "its text"),
    ("html-meta-content", _html("index.html", f'<meta name="description" content="{CANARY_EN}">'), "index.html",
     CANARY_EN_SOURCE, "its text"),
    ("html-data-attribute", _html("index.html", f'<div data-note="{CANARY_EN}"></div>'), "index.html",
     CANARY_EN_SOURCE, "its text"),
    ("html-entities", _html("index.html", "<p>The slatewrenen liaison desk keeps a separate duty roster that only "
                            "vetted specialist officers may&#32;consult&period;</p>"), "index.html", CANARY_EN_SOURCE,
     "its text"),
    ("html-comment", _html("index.html", f"<!-- {CANARY_EN} -->"), "index.html", CANARY_EN_SOURCE, "its text"),
    ("arabic", _html("ar/guide/index.html", f"<p>{CANARY_AR}</p>"), "ar/guide/index.html", CANARY_AR_SOURCE,
     "its text"),
    ("404", _html("404.html", f"<p>{CANARY_EN}</p>"), "404.html", CANARY_EN_SOURCE, "its text"),
    ("js", _append("assets/javascripts/extra.js", f'var note = "{CANARY_EN}";'), "assets/javascripts/extra.js",
     CANARY_EN_SOURCE, "its text"),
    ("js-escaped", _append("assets/javascripts/extra.js",
                           json.dumps(PASSAGE_FR.replace(" ", "\n", 3), ensure_ascii=True)),
     "assets/javascripts/extra.js", PASSAGE_FR_SOURCE, "its text"),
    ("css", _append("assets/stylesheets/extra.css", f"/* {CANARY_EN} */"), "assets/stylesheets/extra.css",
     CANARY_EN_SOURCE, "its text"),
    ("json", _append("extra.json", json.dumps({"note": CANARY_AR}, ensure_ascii=True)), "extra.json",
     CANARY_AR_SOURCE, "its text"),
    ("pagefind-fragment", _fragment, "pagefind/fragment/", CANARY_EN_SOURCE, "decompressed"),
    ("sitemap-gz", _sitemap, "sitemap.xml.gz", CANARY_EN_SOURCE, "decompressed"),
    ("pdf-metadata", _pdf(metadata=True), "handbook-en.pdf", CANARY_EN_SOURCE, "PDF document information"),
    ("pdf-outline", _pdf(outline=True), "handbook-en.pdf", CANARY_EN_SOURCE, "PDF outline"),
    ("zip-member", _zip, "handbook-en-offline.zip", CANARY_EN_SOURCE, "member en/extra/index.html"),
    ("address-in-html", _html("guide/index.html", '<a href="../restricted/liaison-desk/">More</a>'),
     "guide/index.html", "restricted/docs/liaison-desk.md", "its text"),
    ("address-in-sitemap", _append("sitemap.xml", "<url><loc>https://example.org/fr/restricted/liaison-desk/</loc></url>"),
     "sitemap.xml", "restricted/docs/liaison-desk.md", "its text"),
    ("image-copied", _image, "assets/chart-copy.png", "restricted/docs/images/liaison-chart.png", "the same bytes"),
    ("image-inline", _inline_image, "guide/index.html", "restricted/docs/images/liaison-chart.png", "base64"),
]


@pytest.mark.parametrize(("seed", "output", "source", "how"), [row[1:] for row in SEEDED], ids=[row[0] for row in SEEDED])
def test_each_seeded_leak_is_found_with_its_file_and_source(clean, tmp_path, seed, output, source, how):
    project, built = clean
    site = tmp_path / "site"
    shutil.copytree(built, site)
    seed(site)
    found = scan(project, site)
    # One finding, or one for each restricted line the seed holds words of (a passage's sentence
    # and its description, say): each names the output file and the restricted source.
    assert found and len(found) <= 2, [d.text() for d in found]
    for finding in found:
        assert finding.path.startswith(output) and finding.code in ("LEAK001", "LEAK002", "LEAK007")
        assert source in finding.message and how in finding.message
        assert CANARY_EN not in finding.text() and "slatewren" not in finding.text()  # never quoted in the log


def test_a_finding_gives_the_line_and_column_in_the_output_file(clean, tmp_path):
    project, built = clean
    site = tmp_path / "site"
    shutil.copytree(built, site)
    (site / "extra.txt").write_text(f"first line\n  {CANARY_EN}\n", encoding="utf-8")
    assert [(d.path, d.line, d.col) for d in scan(project, site)] == [("extra.txt", 2, 3)]


def test_a_file_the_scan_cannot_read_is_reported(clean, tmp_path):
    project, built = clean
    site = tmp_path / "site"
    shutil.copytree(built, site)
    (site / "sitemap.xml.gz").write_bytes(b"\x1f\x8b" + b"not gzip at all")
    (site / "broken.pdf").write_bytes(b"%PDF-1.7\nnot a pdf")
    found = scan(project, site)
    assert [(d.path, d.code) for d in found] == [("broken.pdf", "LEAK006"), ("sitemap.xml.gz", "LEAK006")]


def test_a_short_unrelated_overlap_is_not_reported(clean, tmp_path):
    """Words of a restricted sentence, but fewer than a shingle, in another order of public text."""
    project, built = clean
    site = tmp_path / "site"
    shutil.copytree(built, site)
    _html("index.html", "<p>The liaison desk keeps a roster. Specialist officers may consult it.</p>")(site)
    assert scan(project, site) == []


def _visible(line: str) -> str:
    """What a reader sees of one Markdown line of the fixture tree (heading, cell, image, footnote)."""
    line = re.sub(r"\{ #[\w-]+ \}|\[\^\w+\]:?|\]\([^)]*\)|^(title|description):|^#+|!\[", " ", line)
    cells = [c.strip() for c in line.split("|") if c.strip()]
    return cells[-1] if cells else line.strip()


def _every_restricted_line() -> list[tuple[str, int, str]]:
    """(restricted path, line, visible text) of every line of the fixture tree that carries a
    canary, and of every title and description: each form of restricted text, in each language."""
    out = []
    for path in sorted(RESTRICTED_FIXTURE.rglob("*.md")):
        if path.name == "README.md":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if re.search(r"(amberkestrel|slatewren|copperheron|mossplover|quillfinch|tidelark)\w+|^(title|description):",
                         line):
                out.append((f"restricted/{path.relative_to(RESTRICTED_FIXTURE).as_posix()}", number, _visible(line)))
    return out


def test_every_form_of_restricted_text_in_every_language_is_found(clean, tmp_path):
    """Paragraphs, headings, table cells, footnotes, alt texts, titles, descriptions and passages
    of the four languages, each copied into a page of its own."""
    project, built = clean
    site = tmp_path / "site"
    shutil.copytree(built, site)
    expected = set()
    for k, (source, line, text) in enumerate(_every_restricted_line()):
        (site / f"copy-{k}.html").write_text(f"<html><body><p>{text}</p></body></html>", encoding="utf-8")
        expected.add((f"copy-{k}.html", f"{source}:{line}"))
    # Seven forms in each language's page; the passage's text, title and description.
    assert len(expected) == 4 * 7 + 4 * 3
    found = {(d.path, d.message.split(" from ")[1].split(" ")[0]) for d in scan(project, site)}
    assert found == expected


def test_identical_files_are_each_named_once_read(clean, tmp_path):
    """The same bytes at the top of the site, in a ZIP and gzipped: each place is named as itself."""
    project, built = clean
    site = tmp_path / "site"
    shutil.copytree(built, site)
    page = f"<p>{CANARY_EN}</p>".encode("utf-8")
    (site / "copy.html").write_bytes(page)
    (site / "again.html").write_bytes(page)
    (site / "copy.html.gz").write_bytes(gzip.compress(page))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("en/copy.html", page)
        archive.writestr("en/copy.html.gz", gzip.compress(page))
    (site / "offline.zip").write_bytes(buffer.getvalue())
    assert sorted((d.path, d.message.split(" in ", 1)[1]) for d in scan(project, site)) == [
        ("again.html", "its text"),
        ("copy.html", "its text"),
        ("copy.html.gz", "its text (decompressed)"),
        ("offline.zip", "its text (ZIP member en/copy.html)"),
        ("offline.zip", "its text (decompressed) (ZIP member en/copy.html.gz)"),
    ]
