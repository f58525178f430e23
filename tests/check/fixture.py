"""The clean fixture handbook of the integrity checker: two pages in four languages, with every
construct the checks look at (ids, links, an admonition, a table, an image, a code block, a
snippet include; raw HTML links only appear as seeded defects, since the PDF step refuses them), so each seeded defect differs from it by one thing."""

from __future__ import annotations

import functools
from pathlib import Path

from handbook.paths import Project
from tests.conftest import make_handbook, page, translated_page

GUIDE_BODY = {
    "en": ("Guide", "Read the [home page](index.md#welcome) and the [details](#details) first.",
           "Details", "Remember", "Keep the child's needs first.", "Step", "Action", "Listen",
           "A simple diagram", "Home"),
    "fr": ("Guide", "Lisez la [page d'accueil](index.md#welcome) et les [détails](#details) d'abord.",
           "Détails", "À retenir", "Les besoins de l'enfant d'abord.", "Étape", "Action", "Écouter",
           "Un schéma simple", "Accueil"),
    "es": ("Guía", "Lea la [página de inicio](index.md#welcome) y los [detalles](#details) primero.",
           "Detalles", "Recuerde", "Primero las necesidades del niño.", "Paso", "Acción", "Escuchar",
           "Un diagrama sencillo", "Inicio"),
    "ar": ("دليل", "اقرأ [الصفحة الرئيسية](index.md#welcome) و[التفاصيل](#details) أولاً.",
           "التفاصيل", "تذكّر", "احتياجات الطفل أولاً.", "الخطوة", "الإجراء", "الإصغاء",
           "رسم بياني بسيط", "الرئيسية"),
}
HOME = {
    "en": ("Home", "Welcome", "Start with the [guide](guide.md#details)."),
    "fr": ("Accueil", "Bienvenue", "Commencez par le [guide](guide.md#details)."),
    "es": ("Inicio", "Bienvenida", "Empiece por la [guía](guide.md#details)."),
    "ar": ("الرئيسية", "مرحباً", "ابدأ [بالدليل](guide.md#details)."),
}
# Translation provenance keys the front matter registry requires on translations.
PROVENANCE = {"source_blob": "a" * 40, "translated_on": "2026-11-01"}
LANGS = tuple(GUIDE_BODY)
TRANSLATIONS = LANGS[1:]


def guide(lang: str) -> str:
    title, intro, details, note, note_text, c1, c2, cell, alt, _ = GUIDE_BODY[lang]
    return f"""# {title} {{ #guide }}

{intro}

## {details} {{ #details }}

/// note | {note}

{note_text}

///

| {c1} | {c2} |
| ---- | ---- |
| 1 | {cell} |

![{alt}](img/diagram.png)

```text
step-1
```

--8<-- "shared.md"
"""


def home(lang: str) -> str:
    title, heading, text = HOME[lang]
    return f"# {heading} {{ #welcome }}\n\n{text}\n"


def rel(name: str, lang: str) -> str:
    """'guide.md' in 'fr' -> 'guide.fr.md'."""
    return name if lang == "en" else name.replace(".md", f".{lang}.md")


def pages() -> dict[str, str]:
    out = {}
    for lang in LANGS:
        make = page if lang == "en" else functools.partial(translated_page, **PROVENANCE)
        out[rel("index.md", lang)] = make(HOME[lang][0], home(lang), description=f"{HOME[lang][0]}.")
        out[rel("guide.md", lang)] = make(GUIDE_BODY[lang][0], guide(lang), description=f"{GUIDE_BODY[lang][0]}.")
    return out


def write_png(path: Path, width: int, height: int, noise: bool = False) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    if noise:
        import random

        rng = random.Random(5)
        image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), (40, 60, 120))
    image.save(path, "PNG")


def make_clean(root: Path) -> Project:
    project = make_handbook(root, pages(), nav="  - index.md\n  - guide.md\n")
    write_png(project.docs / "img" / "diagram.png", 16, 12)
    (project.docs / "snippets" / "shared.md").write_text("Shared text for every language.\n", encoding="utf-8")
    return project
