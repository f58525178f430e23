"""MkDocs adapter: thin, typed event handlers that call pure functions in the ``handbook`` package.

mkdocs-static-i18n runs every event once per language, and `mkdocs serve` does not reload this
module, so nothing here keeps state between events: everything is derived from the config.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.adapter.providers import page_context
from handbook.adapter.renderers import render_page
from handbook.check.safety import front_matter_problems, rendered_problems
from handbook.errors import HandbookError
from handbook.languages import I18n, load_i18n
from handbook.pageinfo import PageInfo
from handbook.pages.model import Corpus, load_corpus
from handbook.pages.model import Page as HandbookPage
from handbook.paths import OUTPUTS_ENV, WEB_STATES_ENV, Project
from handbook.restricted.site import build_audience
from handbook.site import pages
from handbook.translation.gate import give_web_states
from handbook.translation.site import mark_fallback_pages


def _reported(event: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the package's user errors (bad data: file, line, fix) into MkDocs errors, not tracebacks."""
    @functools.wraps(event)
    def handler(*args: Any, **kwargs: Any) -> Any:
        try:
            return event(*args, **kwargs)
        except HandbookError as exc:
            raise PluginError(str(exc)) from None
    return handler


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


_I18N_KEY = "_handbook_i18n"  # this build's languages and strings, kept on its own config object


def _i18n(config: MkDocsConfig) -> I18n:
    # Read once per build: the config object lives exactly as long as the build (and each of
    # static-i18n's language runs gets a fresh one in on_config), so nothing outlives it.
    cached = config.get(_I18N_KEY)
    if cached is None:
        try:
            cached = load_i18n(_root(config))
        except HandbookError as exc:
            raise PluginError(str(exc)) from None
        config[_I18N_KEY] = cached
    return cached


_CORPUS_KEY = "_handbook_corpus"  # this build's pages, read once (handbook.pages), on its own config


def _corpus(config: MkDocsConfig) -> Corpus:
    cached = config.get(_CORPUS_KEY)
    if cached is None:
        i18n = _i18n(config)
        # `handbook build` decides the publication of every language once and hands it down: this
        # run then reads only its language's pages and the English ones (handbook.paths.WEB_STATES_ENV).
        given = os.environ.get(WEB_STATES_ENV)
        languages = None if given is None else {str(config.theme["language"]), i18n.default}
        cached = load_corpus(Project(_root(config)), i18n, audience=build_audience(), languages=languages)
        if given is not None:
            give_web_states(cached, json.loads(given))
        config[_CORPUS_KEY] = cached
    return cached


def _source(config: MkDocsConfig, page: Page) -> HandbookPage | None:
    """The handbook's page behind MkDocs' page (None for a page MkDocs made, such as a 404)."""
    if not page.file.abs_src_path:
        return None
    corpus = _corpus(config)
    found = corpus.file(page.file.src_uri)
    if found is None and corpus.languages is not None and page.file.src_uri.endswith(".md"):
        # A page of a language this run did not read would skip the checks of its source: never.
        raise PluginError(f"{page.file.src_uri}: this build of {sorted(corpus.languages)} did not read it")
    return found


def _info(config: MkDocsConfig, page: Page | None) -> PageInfo:
    return PageInfo(
        root=_root(config),
        i18n=_i18n(config),
        lang=str(config.theme["language"]),
        url=page.url if page else "",
        src_uri=page.file.src_uri if page else None,
        meta=dict(page.meta) if page else {},
        outputs=frozenset(filter(None, os.environ.get(OUTPUTS_ENV, "").split(","))),
        audience=build_audience(),
        corpus=_corpus(config),  # the translation status is derived once from it, not once per page
    )


# After mkdocs-static-i18n (-100), which sets the theme language of this run.
@event_priority(-110)
@_reported
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config[_I18N_KEY] = None  # `serve` rebuilds reuse the config: read translations/ afresh
    i18n = _i18n(config)  # the i18n plugin's languages come from it too (hooks/i18n_languages.py)
    code = str(config.theme["language"])
    # Plain text from the UI strings, which the theme writes into every page as it is.
    config.site_name = markupsafe.escape(i18n.t(code, "site_name"))
    config.site_description = markupsafe.escape(i18n.t(code, "site_description"))
    return config


# Before mkdocs-static-i18n (-100) sorts files into languages.
@event_priority(0)
@_reported
def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n, code = _i18n(config), str(config.theme["language"])
    uris = [f.src_uri for f in files.documentation_pages()]
    hidden = pages.shadowed_originals(i18n, code, uris) | pages.other_languages_pages(i18n, code, uris)
    for file in [f for f in files if f.src_uri in hidden]:
        files.remove(file)
    return files


# After mkdocs-static-i18n (-100), which builds this language's navigation.
@event_priority(-110)
@_reported
def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    # Pages served in English in a translated site say so in the navigation.
    mark_fallback_pages(nav.pages, _i18n(config), str(config.theme["language"]))
    return nav


@_reported
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = _source(config, page)
    if source is not None:
        # Before Python-Markdown sees it: a page that is not UTF-8, or so deeply nested that it would
        # stall it, is refused with its file and line.
        text = _corpus(config).readable_text(source)
        # The handbook's reader of front matter, which MkDocs' own does not replace: it refuses YAML
        # aliases and repeated keys with their line, where MkDocs silently keeps the last value.
        if isinstance(source.front, HandbookError):
            raise source.front
        _refuse(front_matter_problems(page.file.src_uri, text, source.path))
    return render_page(markdown, _info(config, page))


def _refuse(problems: list[Any]) -> None:
    if problems:
        raise PluginError("markup that the handbook refuses (handbook check reports the same):\n"
                          + "\n".join(d.text() for d in problems))


@_reported
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The build refuses what the markup-safety check refuses: nobody has to remember to run both.
    source = _source(config, page)
    _refuse(rendered_problems(page.file.src_uri, source.text if source is not None else "", html,
                              source.path if source is not None else None))
    # Page titles reach the navigation of every page as they are: escape them (front matter is text).
    if page.title is not None:
        page.title = markupsafe.escape(page.title)
    return html


@_reported
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["hb"] = page_context(_info(config, page))
    return context


@_reported
def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # Theme templates that are not pages (404.html): the switcher leads to each language's home.
    context["hb"] = page_context(_info(config, None))
    return context


@_reported
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return pages.set_html_direction(output, _i18n(config).language(str(config.theme["language"])).dir)


@_reported
def on_post_build(config: MkDocsConfig) -> None:
    # MkDocs' sitemap covers one language (and reads 'None./...' without site_url): the site's one
    # sitemap, every language with its alternates, is written once they are together
    # (handbook.site.sitemap).
    pages.drop_sitemaps(Path(config.site_dir))
