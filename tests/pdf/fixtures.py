"""A tiny handbook for the PDF tests: three pages, one part, translations for one chapter only."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.conftest import make_handbook, page, translated_page

EPOCH = "1764300000"  # 2025-11-28T03:20:00Z

NAV = """  - index.md
  - Chapters:
      - chapters/first.md
      - chapters/second.md
"""

WIDE_TABLE = "\n".join([
    "| " + " | ".join(f"Column {i}" for i in range(12)) + " |",
    "|" + "---|" * 12,
    "| " + " | ".join("accord" for _ in range(12)) + " |",
])

INDEX = f"""
# Welcome {{ #welcome }}

This fixture opens with a cross-reference to [the details section](chapters/second.md#details)
and an external source, [the guidelines](https://example.org/guidelines).

A statement with a source.[^src]

[^src]: Example source, 2016.

/// note | Remember

Victim-centred practice comes first.

///

<figure markdown="1">

![A blue square used as a test figure](img/square.png)

<figcaption>Figure caption text</figcaption>
</figure>

{WIDE_TABLE}
"""

FIRST = """
# First chapter { #first }

Back to the [welcome page](../index.md). Use `inline code` for commands.

## Scope { #scope }

The scope of this chapter.
"""

FIRST_FR = """
# Premier chapitre { #first }

Retour à la [page d'accueil](../index.md).

## Portée { #scope }

La portée de ce chapitre.
"""

ARABIC_SENTENCE = "يستخدم هذا الدليل مصطلح مواد الاعتداء الجنسي على الأطفال"
FIRST_AR = f"""
# الفصل الأول {{ #first }}

{ARABIC_SENTENCE} (CSAM) منذ عام 2016.

## النطاق {{ #scope }}

نطاق هذا الفصل.
"""

FILLER = "\n\n".join(
    "Good practice puts the child's safety and wellbeing first, and every step is recorded so that "
    "colleagues, prosecutors and courts can follow what was done and why. " * 3
    for _ in range(24)
)

SECOND = f"""
# Second chapter {{ #second }}

{FILLER}

## Details {{ #details }}

The details section.
"""


def write_png(path: Path, size: tuple[int, int], colour: str = "#3f51b5") -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)


def make_book_handbook(root: Path):
    project = make_handbook(root, {
        "index.md": page("Welcome", INDEX),
        "chapters/first.md": page("First chapter", FIRST),
        "chapters/first.fr.md": translated_page("Premier chapitre", FIRST_FR),
        "chapters/first.ar.md": translated_page("الفصل الأول", FIRST_AR, description="صفحة."),
        "chapters/second.md": page("Second chapter", SECOND),
    }, nav=NAV)
    write_png(project.docs / "img" / "square.png", (120, 120))
    return project


# --- reading PDFs -------------------------------------------------------------------------------

_BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f\u2066\u2067\u2068\u2069"))


def pdftotext(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.translate(_BIDI_MARKS)


def page_texts(path: Path) -> list[str]:
    return pdftotext(path).split("\f")[:-1]


def pdffonts(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0].split("+", 1)[-1] for line in out.splitlines()[2:] if line.strip()]


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def outline(path: Path) -> list[tuple[int, str, int]]:
    """Bookmarks as (depth, title, 1-based page)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    found: list[tuple[int, str, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def words_outside_page(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    outside = []
    for number, chunk in enumerate(out.split("<page ")[1:], start=1):
        width, height = map(float, _PAGE.match("<page " + chunk).groups())
        for x0, y0, x1, y1, word in _WORD.findall(chunk):
            if float(x0) < 0 or float(y0) < 0 or float(x1) > width or float(y1) > height:
                outside.append(f"page {number}: {word}")
    return outside
