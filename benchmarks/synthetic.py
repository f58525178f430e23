"""A deterministic synthetic handbook for benchmarks: N pages per language, four languages.

Each page has about 1,200 words with headings (explicit ids), lists, a table, an admonition in
blocks syntax, links with anchors to other pages, and an image with alt text. The same seed gives
the same corpus, byte for byte. Vocabulary avoids every term the terminology linter flags.

    python -m benchmarks.synthetic OUT_DIR PAGES_PER_LANGUAGE
"""

from __future__ import annotations

import base64
import hashlib
import random
import sys
from pathlib import Path

from handbook.languages import load_i18n
from handbook.paths import UI_DIR, Project
from handbook.scaffold import write_handbook

REPO = Path(__file__).resolve().parent.parent

WORDS = {
    "en": ("officer child protection safety record interview support family court evidence agency review "
           "practice partner report guidance referral victim welfare team risk plan assessment service "
           "information consent training supervision language support trust listen explain respect "
           "decision timely careful early clear safe needs health school community response network").split(),
    "fr": ("agent enfant protection sécurité dossier audition soutien famille tribunal preuve service examen "
           "pratique partenaire rapport orientation signalement victime bien-être équipe risque plan évaluation "
           "information formation supervision langue confiance écouter expliquer respect décision rapide "
           "prudent précoce clair sûr besoins santé école communauté réponse réseau").split(),
    "es": ("agente niño protección seguridad registro entrevista apoyo familia tribunal prueba servicio revisión "
           "práctica socio informe orientación derivación víctima bienestar equipo riesgo plan evaluación "
           "información formación supervisión idioma confianza escuchar explicar respeto decisión oportuna "
           "cuidadosa temprana clara segura necesidades salud escuela comunidad respuesta red").split(),
    "ar": ("الضابط الطفل الحماية السلامة السجل المقابلة الدعم الأسرة المحكمة الدليل الجهة المراجعة "
           "الممارسة الشريك التقرير التوجيه الإحالة الضحية الرفاه الفريق الخطر الخطة التقييم الخدمة "
           "المعلومات التدريب الإشراف اللغة الثقة الاستماع الشرح الاحترام القرار المناسب الحذر المبكر "
           "الواضح الآمن الاحتياجات الصحة المدرسة المجتمع الاستجابة الشبكة").split(),
}
SECTION = {"en": "Section", "fr": "Section", "es": "Sección", "ar": "القسم"}
NOTE = {"en": "Key points", "fr": "Points clés", "es": "Puntos clave", "ar": "نقاط رئيسية"}
ALT = {"en": "Diagram of the referral pathway", "fr": "Schéma du parcours d'orientation",
       "es": "Diagrama de la ruta de derivación", "ar": "مخطط مسار الإحالة"}
# An 8x8 grey PNG: a real image, small enough not to dominate the build.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAAEUlEQVR4nGNo2LABDhiIYQMAo0wTsXwyrNcAAAAASUVORK5CYII=")


def _sentence(rng: random.Random, words: list[str], lang: str) -> str:
    text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 16)))
    return (text[0].upper() + text[1:] if lang != "ar" else text) + "."


def _paragraph(rng, words, lang, sentences=5) -> str:
    return " ".join(_sentence(rng, words, lang) for _ in range(sentences))


def git_blob_id(text: str) -> str:
    """What `git hash-object` prints for a file with this text."""
    data = text.encode("utf-8")
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def synthetic_page(index: int, total: int, lang: str) -> str:
    """One page of about 1,200 words; the structure is the same in every language."""
    rng = random.Random(f"{index}-{lang}")
    text = lang if lang in WORDS else "fr"  # a synthetic language (pt, de...) reuses the French text
    words = WORDS[text]
    title = f"{SECTION[text]} {index:04d}"
    out = ["---", f"title: {title}", f"description: {_sentence(rng, words, text)}"]
    if lang == "en":
        out += ["owner: Benchmark working group", "last_reviewed: 2026-11-01", "review_interval_months: 12"]
    else:  # up-to-date translations: they record the English text they translate
        out += [f"source_blob: {git_blob_id(synthetic_page(index, total, 'en'))}", "translated_on: 2026-11-01"]
    out += ["---", "", f"# {title} {{ #page-{index:04d} }}", "", _paragraph(rng, words, text, 4), ""]
    out += [f"/// note | {NOTE[text]}", "", _paragraph(rng, words, text, 2), "", "///", ""]
    for section in range(1, 7):
        out += [f"## {SECTION[text]} {index}.{section} {{ #s{section} }}", "", _paragraph(rng, words, text, 7), ""]
        if section == 2:
            out += [f"- {_sentence(rng, words, text)}" for _ in range(5)] + [""]
        if section == 3:
            out += ["| A | B | C |", "|---|---|---|"]
            out += [f"| {rng.choice(words)} | {rng.choice(words)} | {rng.randint(1, 99)} |" for _ in range(5)] + [""]
        if section == 4:
            target = (index % total) + 1
            out += [f"[{SECTION[text]} {target:04d}](page-{target:04d}.md#s2) · "
                    f"[{SECTION[text]} 1](page-0001.md#page-0001)", ""]
        if section == 5:
            out += [f"![{ALT[text]}](../assets/figure.png)", ""]
        out += [_paragraph(rng, words, text, 5), ""]
    return "\n".join(out)


def generate(root: Path, pages_per_language: int, languages=("en", "fr", "es", "ar")) -> Project:
    """Write the synthetic handbook at ``root`` and return it."""
    pages: dict[str, str | bytes] = {
        "index.md": "---\ntitle: Synthetic handbook\ndescription: Benchmark corpus.\nowner: Benchmark working group\n"
                    "last_reviewed: 2026-11-01\nreview_interval_months: 12\n---\n\n# Synthetic handbook { #home }\n\n"
                    "[First](chapters/page-0001.md#page-0001)\n",
        "assets/figure.png": PNG,
    }
    for lang in languages:
        suffix = "" if lang == "en" else f".{lang}"
        for i in range(1, pages_per_language + 1):
            pages[f"chapters/page-{i:04d}{suffix}.md"] = synthetic_page(i, pages_per_language, lang)
    # Pages are grouped in parts of 20, as a real handbook of this size would be: with
    # navigation.prune each page then renders its own part's entries, not all of them.
    nav = "  - index.md\n"
    for start in range(1, pages_per_language + 1, 20):
        nav += f"  - Part {start // 20 + 1}:\n" + "".join(
            f"      - chapters/page-{i:04d}.md\n" for i in range(start, min(start + 20, pages_per_language + 1)))
    project = write_handbook(REPO, root, pages, nav=nav)
    # Every language of translations/languages.yml, with pages or not: the build checks each one's strings.
    name_parts(project, range(1, (pages_per_language - 1) // 20 + 2), load_i18n(project.root).codes)
    return project


PART = {"en": "Part", "fr": "Partie", "es": "Parte", "ar": "الجزء"}


def name_parts(project: Project, parts: range, languages) -> None:
    """Give the synthetic 'Part N' sections their title in every language's navigation strings
    (translations/ui/nav.<code>.yml): the build refuses a section without one."""
    for code in languages:
        path = project.root / UI_DIR / f"nav.{code}.yml"
        word = PART.get(code, PART["fr"])  # synthetic languages reuse the French text
        entries = "".join(f"nav_part_{n}: {word} {n}\n" for n in parts)
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + entries, encoding="utf-8")


if __name__ == "__main__":
    out, count = Path(sys.argv[1]), int(sys.argv[2])
    generate(out, count)
    print(f"wrote {count} pages per language to {out}")
