"""The renderer is confined to the build's own files: no network request, no file from elsewhere.

Raw HTML reaches WeasyPrint untouched by the Markdown tree processor, so only the URL fetcher of
handbook.pdf.weasy stands between a page and the network or the build machine's files.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from handbook.pdf.pipeline import build_pdf
from handbook.pdf.weasy import render_pdf
from tests.conftest import make_handbook, page
from tests.pdf.fixtures import EPOCH

pytestmark = pytest.mark.slow


def test_the_server_records_what_an_unconfined_renderer_fetches(recorder):
    """Control: WeasyPrint's own fetcher does request the image, so the tests below can see a request."""
    from weasyprint import HTML

    base, requests = recorder
    HTML(string=f'<p>x</p><img src="{base}x.png" alt="a">').write_pdf()
    assert requests == ["/x.png"]


def test_a_remote_image_in_raw_html_is_never_requested(tmp_path, recorder):
    base, requests = recorder
    body = f'# Home {{ #home }}\n\nText.\n\n<div><img src="{base}x.png" alt="A chart"></div>\n'
    project = make_handbook(tmp_path / "handbook", {"index.md": page("Home", body)})
    target = tmp_path / "out.pdf"
    result = build_pdf(str(project.root), "en", str(target), EPOCH)
    assert requests == []
    assert not result.ok and not target.exists()
    found = [d for d in result.problems if d.code == "PDF008" and f"{base}x.png" in d.message]
    assert found, [d.text() for d in result.problems]
    assert (found[0].path, found[0].line) == ("docs/index.md", 13)
    assert "refused to fetch" in found[0].message


def test_an_attachment_link_in_raw_html_fails_the_build(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the PDF", encoding="utf-8")
    body = f'# Home {{ #home }}\n\n<div><a rel="attachment" href="{secret.as_uri()}">notes</a></div>\n'
    project = make_handbook(tmp_path / "handbook", {"index.md": page("Home", body)})
    target = tmp_path / "out.pdf"
    result = build_pdf(str(project.root), "en", str(target), EPOCH)
    assert not result.ok and not target.exists()
    assert [(d.path, d.line, d.code) for d in result.problems] == [("docs/index.md", 11, "PDF004")]


def _embedded(pdf: bytes) -> list[str]:
    """Names of the files embedded in a PDF: document attachments and file-attachment annotations."""
    reader = PdfReader(io.BytesIO(pdf))
    names = list(reader.attachments)
    for pdf_page in reader.pages:
        for annot in pdf_page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/FileAttachment":
                names.append(str(annot["/FS"].get_object().get("/F")))
    return names


@pytest.mark.parametrize("tag", [
    '<link rel="attachment" href="{url}">',
    '<a rel="attachment" href="{url}">notes</a>',
])
def test_files_outside_the_build_are_not_embedded(tmp_path, tag):
    build = tmp_path / "build"
    build.mkdir()
    inside = build / "inside.txt"
    inside.write_text("part of the handbook", encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("not for the PDF", encoding="utf-8")
    html = (f'<html lang="en"><head><title>t</title>{tag.format(url=outside.as_uri())}</head>'
            f'<body><p>Text.</p>{tag.format(url=inside.as_uri())}</body></html>')
    rendered = render_pdf(html, base_url=build.as_uri() + "/", roots=[build], check_overflow=False)
    assert _embedded(rendered.pdf) == ["inside.txt"]  # the same tag does embed a file of the build
    refused = [m for _, m in rendered.messages if "refused to fetch" in m]
    assert refused and all(str(outside) in m for m in refused)
