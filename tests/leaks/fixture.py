"""A small public handbook with the fixture restricted tree (tests/fixtures/restricted) beside it.

The public pages quote a treaty sentence that a restricted passage quotes too (in quotation
marks): text both trees hold, which the scan must not report.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook.paths import Project
from tests.conftest import REPO, make_handbook, page, translated_page

RESTRICTED_FIXTURE = REPO / "tests" / "fixtures" / "restricted"
TREATY = ("Each Party shall take the necessary legislative or other measures to ensure that the views "
          "of the child are heard in every proceeding.")
PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nThe lighthouse guides every reader through the harbour.\n\n"
                     f"The convention is plain: “{TREATY}”\n\n[Guide](guide.md)"),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nLe phare guide chaque lecteur.\n\n[Guide](guide.md)"),
    "index.es.md": translated_page("Inicio", "# Inicio { #home }\n\nEl faro guía a cada lector.\n\n[Guía](guide.md)"),
    "index.ar.md": translated_page("الرئيسية", "# الرئيسية { #home }\n\nالمنارة ترشد كل قارئ.\n\n[دليل](guide.md)"),
    "guide.md": page("Guide", "# Guide { #guide }\n\n## Section one { #section-one }\n\nThe harbour is calm today."),
    "guide.fr.md": translated_page("Guide", "# Guide { #guide }\n\n## Première section { #section-one }\n\nLe port est calme."),
    "guide.es.md": translated_page("Guía", "# Guía { #guide }\n\n## Primera sección { #section-one }\n\nEl puerto está tranquilo."),
    "guide.ar.md": translated_page("دليل", "# دليل { #guide }\n\n## القسم الأول { #section-one }\n\nالميناء هادئ."),
}
NAV = "  - index.md\n  - guide.md\n"
# The restricted passage that quotes the treaty, as the public home page does.
QUOTING_PASSAGE = f"The liaison officer reads the article aloud before each interview: “{TREATY}”\n"

# Canary sentences of the fixture tree and where they come from (file, line).
CANARY_EN = ("The slatewrenen liaison desk keeps a separate duty roster that only vetted specialist "
             "officers may consult.")
CANARY_EN_SOURCE = "restricted/docs/liaison-desk.md:11"
CANARY_AR = "يحتفظ مكتب الاتصال slatewrenar بجدول مناوبة مستقل لا يطّلع عليه إلا الضباط المتخصصون المعتمدون."
CANARY_AR_SOURCE = "restricted/docs/liaison-desk.ar.md:11"
PASSAGE_FR = ("Le dispositif de signalement tidelarkfr permet à un officier spécialisé de joindre le bureau "
              "national en dehors des heures de service")  # a partial copy: most of the sentence
PASSAGE_FR_SOURCE = "restricted/passages/after-hours-referrals.fr.md:9"  # the line after its front matter
TITLE = "Liaison desk arrangements"
TITLE_SOURCE = "restricted/docs/liaison-desk.md:2"
IMAGE = RESTRICTED_FIXTURE / "docs" / "images" / "liaison-chart.png"


def handbook(root: Path, pages: dict[str, str] | None = None, *, restricted: bool = True) -> Project:
    project = make_handbook(root, {**PAGES, **(pages or {})}, nav=NAV)
    if restricted:
        add_restricted(project)
    return project


def add_restricted(project: Project) -> None:
    target = project.root / "restricted"
    shutil.copytree(RESTRICTED_FIXTURE, target, ignore=shutil.ignore_patterns("README.md"))
    (target / "passages" / "treaty-reading.md").write_text(QUOTING_PASSAGE, encoding="utf-8")
