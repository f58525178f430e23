"""What `mkdocs.yml` says about the pages: their Markdown grammar, what is excluded, the menu.

Read once, with PyYAML and MkDocs' tags but without MkDocs (handbook.mkdocs_config), and shared by
the checks, the rendered-markup check and the PDF, so the web, the checks and the print edition
parse a page with the same extensions and settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handbook.errors import HandbookError
from handbook.mkdocs_config import read_mkdocs_config
from handbook.paths import Project

# pymdownx.blocks.admonition's own default types, used when mkdocs.yml names none.
_ADMONITION_DEFAULTS = ("note", "attention", "caution", "danger", "error", "tip", "hint", "warning")


@dataclass(frozen=True)
class ContentConfig:
    extensions: tuple[str, ...]  # markdown_extensions, by name, in order
    extension_configs: dict[str, dict[str, Any]]  # their settings
    nav: list[Any] | None
    nav_translations: dict[str, dict[str, str]]  # language -> English section name -> translation
    exclude: tuple[str, ...] = ()  # exclude_docs patterns (gitignore style, simplified)

    def options(self, name: str) -> dict[str, Any] | None:
        """The settings of extension ``name`` ({} when it has none), None when it is not used."""
        return self.extension_configs.get(name, {}) if name in self.extensions else None

    @property
    def admonition_types(self) -> tuple[str, ...]:
        admonition = self.options("pymdownx.blocks.admonition")
        return () if admonition is None else tuple(admonition.get("types") or _ADMONITION_DEFAULTS)

    @property
    def block_names(self) -> frozenset[str]:
        """The names allowed after '///' by the block extensions in use."""
        names: set[str] = set()
        if self.options("pymdownx.blocks.admonition") is not None:
            names |= {"admonition", *self.admonition_types}
        details = self.options("pymdownx.blocks.details")
        if details is not None:
            names |= {"details", *(t if isinstance(t, str) else t.get("name", "") for t in details.get("types") or ())}
        for other in ("html", "tab", "definition"):
            if self.options(f"pymdownx.blocks.{other}") is not None:
                names.add(other)
        if self.options("handbook.mdext.restricted_slot") is not None:
            names.add("restricted-slot")  # the handbook's own block (handbook.mdext.restricted_slot)
        if self.options("pymdownx.blocks.caption") is not None:
            names |= {"caption", "figure-caption", "table-caption"}
        return frozenset(names)

    @property
    def extension_shapes(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each extension with the option names it is given ('?' for settings of another shape, or
        a block type with its own settings): what the markup-safety check compares with the
        settings it knows to be safe."""
        out = []
        for name in self.extensions:
            options = self.extension_configs.get(name)
            keys = tuple(sorted(map(str, options))) if isinstance(options, dict) else ()
            if isinstance(options, dict) and not all(isinstance(t, str) for t in options.get("types") or ()):
                keys += ("?",)
            out.append((name, keys))
        return tuple(out)


def read_content_config(project: Project) -> ContentConfig:
    """The parts of mkdocs.yml about pages; a HandbookError (file, line, fix) when it cannot be read."""
    data = read_mkdocs_config(project.config_file)
    extensions: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, str):
            extensions.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            name, settings = next(iter(item.items()))
            if settings is not None and not isinstance(settings, dict):
                raise HandbookError(project.config_file, f"the settings of markdown extension {name!r} are "
                                    f"{type(settings).__name__}, not a mapping.",
                                    fix=f"Write them as 'key: value' lines under '- {name}:'.")
            extensions.append(str(name))
            configs[str(name)] = dict(settings or {})
        else:
            raise HandbookError(project.config_file, f"markdown_extensions entry {item!r} is not a name "
                                "or a one-key mapping.", fix="Write each extension as '- name' or '- name:' "
                                "followed by its settings.")
    translations: dict[str, dict[str, str]] = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in (plugin["i18n"] or {}).get("languages") or []:
                translations[str(lang.get("locale"))] = dict(lang.get("nav_translations") or {})
    exclude = tuple(line.strip() for line in str(data.get("exclude_docs") or "").splitlines()
                    if line.strip() and not line.strip().startswith("#"))
    return ContentConfig(tuple(extensions), configs, data.get("nav"), translations, exclude)
