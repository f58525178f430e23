"""Reads the handbook's pages into the pure status model (one git process for all blob ids)."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path, PurePosixPath

from handbook.errors import HandbookError
from handbook.languages import I18n, load_i18n, split_language_path, translation_path  # noqa: F401 (its home before)
from handbook.pages import walk
from handbook.pages.model import Corpus, load_corpus
from handbook.paths import DOCS_DIR, LANGUAGES_FILE, SNIPPETS_DIR, Project
from handbook.translation import gitio, provenance
from handbook.translation.behind import same_for_translators
from handbook.translation.status import Report, SourcePage, Translation, compute, count_words


def page_files(docs: Path) -> list[str]:
    """Docs-relative Markdown files of the handbook (snippets excluded), sorted: the one walker's."""
    snippets = PurePosixPath(SNIPPETS_DIR).relative_to(DOCS_DIR).as_posix() + "/"
    return [rel for rel in walk.files(docs, docs.parent) if rel.endswith(".md") and not rel.startswith(snippets)]


def split_language(i18n: I18n, rel: str) -> tuple[str, str]:
    """('chapters/x.fr.md') -> ('fr', 'chapters/x.md'); an English file gives the default language."""
    return split_language_path(rel, i18n.translated_codes, i18n.default)


def load(root: Path, corpus: Corpus | None = None) -> Report:
    """The translation status of the checkout at ``root``, for every translated language, from the
    page model (read here unless given)."""
    corpus = corpus or load_corpus(Project(root))
    for page in corpus.pages:  # status is no use on a page it cannot read: say which and where
        problem = corpus.unreadable(page, size=False)
        if problem is not None:
            raise problem
    i18n = corpus.i18n
    english = corpus.english()
    blobs = gitio.blob_ids(root, [page.path for page in english])
    sources, translations = [], []
    for page in corpus.pages:
        if isinstance(page.front, HandbookError):
            raise page.front
        if page.lang == i18n.default:
            sources.append(SourcePage(page.rel, blobs[page.path], count_words(page.body), page.title))
        elif page.lang in i18n.translated_codes:
            translations.append(Translation(page.rel, page.lang, page.source, page.source_blob, page.translated_on,
                                            page.title, provenance.is_reviewed(page.meta)))
    return compute(sources, translations, i18n.translated_codes, _equivalent(root, corpus, blobs, translations))


def _equivalent(root: Path, corpus: Corpus, blobs: dict[str, str],
                translations: list[Translation]) -> frozenset[tuple[str, str]]:
    """(recorded, current) English versions that differ only where translations do not follow
    (handbook.translation.behind); the recorded texts are read with one git process."""
    pairs = {}
    for t in translations:
        page = corpus.page(corpus.i18n.default, t.source)
        if page is not None and t.source_blob and t.source_blob != blobs[page.path]:
            pairs[(t.source_blob, blobs[page.path])] = page.text
    if not pairs:
        return frozenset()
    old = gitio.read_blobs(root, [recorded for recorded, _ in pairs])
    return frozenset(pair for pair, text in pairs.items()
                     if pair[0] in old and same_for_translators(old[pair[0]], text))


def _fingerprint(docs: Path) -> tuple[tuple[str, int, int], ...]:
    out = []
    for rel in walk.files(docs, docs.parent):
        if rel.endswith(".md"):
            st = (docs / rel).stat()
            out.append((rel, st.st_mtime_ns, st.st_size))
    return tuple(out)


@lru_cache(maxsize=2)
def _cached(root: Path, _key: tuple) -> Report:
    return load(root)


def load_cached(root: Path, corpus: Corpus | None = None) -> Report:
    """:func:`load`, computed once (the build asks for it on every page): once per ``corpus`` when
    the caller has read the pages, else once per state of docs/.

    The build passes its corpus: checking the state of docs/ meant a walk and a stat of every page
    on every page, and reading every page again, which grew with the square of the page count."""
    if corpus is not None:
        return corpus.derived("translation.status", lambda pages: load(pages.project.root, pages))
    root = root.resolve()
    return _cached(root, (_fingerprint(root / DOCS_DIR), _i18n_key(root)))


def _i18n_key(root: Path) -> tuple:
    path = root / LANGUAGES_FILE
    return (path.stat().st_mtime_ns,) if path.exists() else ()


def resolve_page(root: Path, i18n: I18n, arg: str) -> str:
    """A page argument ('chapters/x', 'docs/chapters/x.md', 'chapters/x.fr.md') -> 'chapters/x.md'."""
    rel = arg.strip().replace("\\", "/").removeprefix("./").removeprefix(f"{DOCS_DIR}/")
    if not rel.endswith(".md"):
        rel += ".md"
    normal = posixpath.normpath(rel)
    docs = (root / DOCS_DIR).resolve()
    if normal.startswith(("../", "/")) or normal == ".." or docs not in (docs / normal).resolve().parents:
        raise HandbookError(root / DOCS_DIR, f"{arg!r} is not a page under {DOCS_DIR}/: translations are written "
                            f"next to their English page, and never outside {DOCS_DIR}/.",
                            fix="Give the page as it is under docs/, e.g. chapters/terminology.md.")
    _, source = split_language(i18n, normal)
    if not (root / DOCS_DIR / source).is_file():
        raise HandbookError(root / DOCS_DIR / source, f"no English page for {arg!r}.",
                            fix="Give the page as it is under docs/, e.g. chapters/terminology.md.")
    return source
