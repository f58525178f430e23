"""The stock pipeline the site benchmark compares against: what a user of the same packages would
set up for the same pages, without the handbook's own code.

Material (with the handbook's theme features and fonts off), its search plugin and
mkdocs-static-i18n with every language in one `mkdocs build`, the Markdown extensions the
synthetic pages use, and the same navigation. No hooks, no templates of the project, no Pagefind,
no PDF: the same input pages, built the way the packages' documentation shows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from handbook.paths import CONFIG_FILE, DOCS_DIR, Project

# Extensions of the project's mkdocs.yml that come with the packages (the project's own,
# handbook.mdext.*, and the snippets base path are left out: a stock site has neither).
EXTENSIONS = [
    {"toc": {"permalink": True}}, "attr_list", "md_in_html", "footnotes", "tables", "abbr", "def_list",
    "pymdownx.superfences",
    {"pymdownx.blocks.admonition": {"types": ["note", "tip", "important", "warning", "danger", "example", "quote"]}},
    "pymdownx.blocks.details",
]
NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
PART = {"fr": "Partie", "es": "Parte", "ar": "الجزء"}


def write_stock(project: Project, root: Path, languages: tuple[str, ...]) -> Path:
    """Copy ``project``'s pages to ``root`` with a stock mkdocs.yml; one language means no i18n plugin
    (a one-language site needs none). Returns the config file."""
    shutil.copytree(project.docs, root / DOCS_DIR, ignore=shutil.ignore_patterns("snippets"))
    handbook_config = (project.root / CONFIG_FILE).read_text(encoding="utf-8")
    nav = yaml.safe_load(handbook_config[handbook_config.index("\nnav:\n"):])["nav"]
    parts = [next(iter(entry)) for entry in nav if isinstance(entry, dict)]
    plugins: list = ["search"]
    if len(languages) > 1:
        plugins.append({"i18n": {
            "docs_structure": "suffix",
            "fallback_to_default": True,
            "reconfigure_material": True,
            "languages": [
                {"locale": code, "name": NAMES.get(code, code), "default": code == languages[0],
                 **({"nav_translations": {p: p.replace("Part", PART[code]) for p in parts}} if code in PART else {})}
                for code in languages
            ],
        }})
    config = {
        "site_name": "Synthetic handbook",
        "docs_dir": DOCS_DIR,
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False,
                  "features": ["navigation.prune", "navigation.footer", "toc.follow"]},
        "plugins": plugins,
        "markdown_extensions": EXTENSIONS,
        "nav": nav,
    }
    path = root / CONFIG_FILE
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
