"""One :class:`Page` per Markdown file, in every language, and the :class:`Corpus` that holds them:
read once, from the one walker, and shared by every feature.

Reading is also where the encoding rules apply (UTF-8, no BOM, one kind of line ending): a page that
breaks them is still decoded (with replacement characters) so every other check can run; the
breaches are the corpus's diagnostics. A page over the size limits is cut to its front matter, so
no parser stalls on it.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar

from handbook import limits
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.pages.walk import PUBLIC, RESTRICTED, files as walk_files
from handbook.paths import (DOCS_DIR, RESTRICTED_DIR, RESTRICTED_PASSAGES_DIR, RESTRICTED_URL, SNIPPETS_DIR,
                            Project)

T = TypeVar("T")

if TYPE_CHECKING:  # imported where used: `handbook check` starts lychee before it reads any page
    from handbook.pages.markdown import Inventory
    from handbook.frontmatter import FrontMatter
    from handbook.languages import I18n
    from handbook.pages.config import ContentConfig
    from handbook.pages.paragraphs import Block
    from handbook.pages.segments import Segment


@dataclass
class Page:
    rel: str  # docs-relative path as written: 'chapters/x.fr.md'
    path: str  # project-relative path used in diagnostics: 'docs/chapters/x.fr.md'
    lang: str
    source: str  # docs-relative path of the English original: 'chapters/x.md'
    text: str
    snippet: bool = False
    audience: str = PUBLIC  # handbook.pages.walk.AUDIENCES

    @cached_property
    def inv(self) -> Inventory:
        """Headings (with their ids), links, blocks, fences and the rest of the page's structure."""
        from handbook.pages.markdown import inventory  # late: lychee starts first (see above)

        return inventory(self.text)

    @cached_property
    def segments(self) -> list[Segment]:
        """The translatable units, at the source level (CAT exchange, parity, leverage)."""
        from handbook.pages.segments import segments  # late: lychee starts first (see above)

        return segments(self.text)

    @cached_property
    def blocks(self) -> list[Block]:
        """The numbered blocks (paragraphs, list items, tables) and their citable numbers."""
        from handbook.pages.paragraphs import blocks  # late: lychee starts first (see above)

        return blocks(self.text)

    @cached_property
    def front(self) -> FrontMatter | HandbookError:
        """The parsed front matter (with each key's line), or the error that stops it from parsing."""
        from handbook import frontmatter  # late: lychee starts first (see above)

        try:
            return frontmatter.split(self.text, self.path)
        except HandbookError as exc:
            return exc

    @property
    def meta(self) -> dict[str, Any]:
        """The front matter's keys ({} when it does not parse: the front-matter rules report that)."""
        return {} if isinstance(self.front, HandbookError) else self.front.meta

    @property
    def body(self) -> str:
        return self.text if isinstance(self.front, HandbookError) else self.front.body

    @property
    def title(self) -> str:
        value = self.meta.get("title")
        return "" if value is None else str(value)

    @property
    def source_blob(self) -> str | None:
        """A translation's provenance: the git blob id of the English version it translates."""
        value = self.meta.get("source_blob")
        return None if value is None else str(value)

    @property
    def translated_on(self) -> str | None:
        value = self.meta.get("translated_on")
        return None if value is None else str(value)

    def fields(self) -> tuple[str, str, str, str, str, bool, str]:
        """What a worker process needs to rebuild the page (not its cached inventory)."""
        return self.rel, self.path, self.lang, self.source, self.text, self.snippet, self.audience

    @property
    def url(self) -> str:
        """Site URL of the page within its language (use_directory_urls): 'chapters/x/'."""
        stem = self.source[:-3]
        if stem == "index" or stem.endswith("/index"):
            return stem[:-5]
        return stem + "/"


@dataclass
class Corpus:
    project: Project
    i18n: I18n
    config: ContentConfig
    pages: list[Page]
    snippets: list[Page]
    files: set[str]  # every docs-relative file, excluded ones too
    excluded: set[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)  # encoding problems found while reading
    # The restricted tree's passages, for the restricted audience only (handbook.pages.restricted).
    passages: list[Page] = field(default_factory=list)
    restricted_nav: list[str] = field(default_factory=list)  # restricted pages' sources, in menu order
    # The languages whose pages were read (None: every language); the others' files are in ``files``.
    languages: frozenset[str] | None = None
    _by_key: dict[tuple[str, str], Page] = field(default_factory=dict)
    _by_rel: dict[str, Page] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index()

    def index(self) -> None:
        """(Re)build the look-ups, once the pages are all there (the restricted tree adds some)."""
        self._by_key = {(p.lang, p.source): p for p in self.pages}
        self._by_rel = {p.rel: p for p in [*self.pages, *self.snippets]}

    def derived(self, key: str, compute: Callable[[Corpus], T]) -> T:
        """``compute(self)``, once per corpus: a value that features derive from the pages (the
        translation status, which the build asks for on every page) is then computed once per read
        of the pages, and never outlives them."""
        if key not in self._derived:
            self._derived[key] = compute(self)
        return self._derived[key]

    def file(self, rel: str) -> Page | None:
        """The page read from docs/``rel`` ('chapters/x.fr.md'), snippets included."""
        return self._by_rel.get(rel)

    def page(self, lang: str, source: str) -> Page | None:
        return self._by_key.get((lang, source))

    def served(self, lang: str, source: str) -> Page | None:
        """The page readers of ``lang`` get for ``source``: the translation, else the English original."""
        return self._by_key.get((lang, source)) or self._by_key.get((self.i18n.default, source))

    @cached_property
    def sources(self) -> list[str]:
        return sorted({p.source for p in self.pages if p.lang == self.i18n.default})

    def english(self) -> list[Page]:
        return [p for p in self.pages if p.lang == self.i18n.default]

    def translations(self) -> list[Page]:
        return [p for p in self.pages if p.lang != self.i18n.default]

    def unreadable(self, page: Page, *, size: bool = True) -> HandbookError | None:
        """Why no output may carry the page: not UTF-8, or (with ``size``) over the size limits;
        the error names the file and line in the words every strict reader uses. None when it is
        readable."""
        codes = ("HYG007", "HYG015") if size else ("HYG007",)
        if not any(d.path == page.path and d.code in codes for d in self.diagnostics):
            return None
        from handbook import frontmatter  # late: lychee starts first (see above)

        try:
            text = frontmatter.decode((self.project.root / page.path).read_bytes(), page.path)
            if size:
                limits.check_page(page.path, text)
        except HandbookError as exc:
            return exc
        return None

    def readable_text(self, page: Page) -> str:
        """The page's text for an output (web, PDF); a HandbookError when :meth:`unreadable`."""
        problem = self.unreadable(page)
        if problem is not None:
            raise problem
        return page.text

    def passage(self, lang: str, slot: str) -> Page | None:
        """The restricted passage for slot ``slot`` in ``lang``, else its English one (None: none)."""
        found = {(p.lang, p.source): p for p in self.passages}
        return found.get((lang, f"{slot}.md")) or found.get((self.i18n.default, f"{slot}.md"))

    def localized(self, rel: str, lang: str) -> str:
        """'img/a.png' in French -> 'img/a.fr.png' when that file exists (static-i18n's rule)."""
        if lang == self.i18n.default:
            return rel
        from handbook.languages import translation_path  # imported late: lychee starts before YAML loads

        candidate = translation_path(rel, lang)
        return candidate if candidate in self.files else rel


def split_language(rel: str, codes: tuple[str, ...], default: str) -> tuple[str, str]:
    """'a/b.fr.md' -> ('fr', 'a/b.md'); 'a/b.md' -> (default, 'a/b.md'): handbook.languages' rule."""
    from handbook.languages import split_language_path  # imported late: lychee starts before YAML loads

    return split_language_path(rel, codes, default)


def _excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        pat = pattern.strip("/")
        if pattern.endswith("/") and (rel == pat or rel.startswith(pat + "/")):
            return True
        if fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(PurePosixPath(rel).name, pat):
            return True
    return False


def decode(raw: bytes, path: str) -> tuple[str, list[Diagnostic]]:
    """Text of a file, and what breaks the encoding rules (HYG007 not UTF-8, HYG008 BOM, HYG009 mixed endings)."""
    found = []
    if raw.startswith(b"\xef\xbb\xbf"):
        found.append(Diagnostic(path, 1, 1, "HYG008", "file starts with a byte order mark (BOM)",
                                hint="save the file as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        found.append(Diagnostic(path, line, col, "HYG007", f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                                hint="save the file as UTF-8"))
        text = raw.decode("utf-8", errors="replace")
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [n for n in (crlf, lone_cr, lf) if n]
    if len(kinds) > 1:
        minority = "\r\n" if crlf and crlf <= lf else "\n"
        if minority == "\n":
            offset = next(i for i, ch in enumerate(text) if ch == "\n" and (i == 0 or text[i - 1] != "\r"))
        else:
            offset = text.index("\r\n")
        found.append(Diagnostic(path, text.count("\n", 0, offset) + 1, 1, "HYG009",
                                f"mixed line endings ({crlf} CRLF, {lf} LF, {lone_cr} CR)",
                                hint="use LF line endings only"))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, found


def load_corpus(project: Project, i18n: I18n | None = None, audience: str = PUBLIC,
                languages: Collection[str] | None = None) -> Corpus:
    """Every page of docs/ in every language, read once; for the RESTRICTED audience, the restricted
    tree's pages (under 'restricted/') and passages too (handbook.pages.restricted).

    With ``languages``, only the pages of those languages are read (the files of the others are still
    listed): a build of one language reads its own pages and the English ones, not twenty languages'."""
    from handbook.languages import load_i18n  # late: lychee starts first (see above)
    from handbook.pages.config import read_content_config  # late: it loads PyYAML (see above)

    i18n = i18n or load_i18n(project.root)
    config = read_content_config(project)
    docs = project.docs
    files = set(walk_files(docs, project.root))  # a link out is SAFE011, never read
    snippets_rel = PurePosixPath(SNIPPETS_DIR).relative_to(DOCS_DIR).as_posix()
    excluded = {rel for rel in files if _excluded(rel, config.exclude) or rel.startswith(snippets_rel + "/")}
    pages, snippets, diags = [], [], []
    wanted = None if languages is None else frozenset(languages)
    for rel in sorted(files):
        if not rel.endswith(".md"):
            continue
        if wanted is not None and split_language(rel, i18n.codes, i18n.default)[0] not in wanted:
            continue
        page = read_page(docs / rel, i18n, rel, f"{DOCS_DIR}/{rel}", diags, snippet=rel in excluded)
        (snippets if rel in excluded else pages).append(page)
    corpus = Corpus(project, i18n, config, pages, snippets, files, excluded, diags, languages=wanted)
    if audience == RESTRICTED:
        _add_restricted(corpus)
    return corpus


def _add_restricted(corpus: Corpus) -> None:
    """Add the restricted tree's pages (as 'restricted/<path>'), passages and menu order to ``corpus``
    (handbook.pages.restricted); nothing when the tree is absent."""
    from handbook.pages.restricted import read_nav, tree_files  # late: only the restricted edition reads it

    project = corpus.project
    tree = project.root / RESTRICTED_DIR / DOCS_DIR
    for rel in tree_files(project):
        corpus.files.add(RESTRICTED_URL + rel)  # where its images are published
        if rel.endswith(".md"):
            corpus.pages.append(read_page(tree / rel, corpus.i18n, RESTRICTED_URL + rel, f"{RESTRICTED_DIR}/{DOCS_DIR}/{rel}",
                                          corpus.diagnostics, audience=RESTRICTED))
    corpus.passages += load_passages(project, corpus.i18n, corpus.diagnostics)
    if corpus.passages or any(p.audience == RESTRICTED for p in corpus.pages):
        corpus.restricted_nav = read_nav(project, {p.source for p in corpus.pages if p.audience == RESTRICTED})
    corpus.index()


def load_passages(project: Project, i18n: I18n, diags: list[Diagnostic] | None = None) -> list[Page]:
    """Every passage of restricted/passages/, in every language: 'after-hours.fr.md' is the French
    passage of slot 'after-hours' (its ``source`` is 'after-hours.md'); a translation of a passage is
    restricted like it. Encoding and size problems go to ``diags``."""
    folder = project.root / RESTRICTED_PASSAGES_DIR
    if not folder.is_dir():
        return []
    found = [] if diags is None else diags
    return [read_page(folder / rel, i18n, rel, f"{RESTRICTED_PASSAGES_DIR}/{rel}", found, audience=RESTRICTED)
            for rel in walk_files(folder, project.root) if rel.endswith(".md")]


def read_page(file: Path, i18n: I18n, rel: str, path: str, diags: list[Diagnostic], *,
              snippet: bool = False, audience: str = PUBLIC) -> Page:
    """One page, read from ``file`` (shown as the project-relative ``path``) under the language rules of
    ``rel``; what breaks the encoding or size rules goes to ``diags`` (an oversized page keeps its
    front matter only)."""
    text, found = decode(file.read_bytes(), path)
    diags += found
    try:
        limits.check_page(path, text)
    except HandbookError as exc:  # reported, and the page is not parsed further: it would stall the parser
        diags.append(Diagnostic(path, exc.line or 1, 1, "HYG015", exc.message, hint=exc.fix))
        text = _front_matter_only(text)
    lang, source = split_language(rel, i18n.codes, i18n.default)
    return Page(rel, path, lang, source, text, snippet=snippet, audience=audience)


def _front_matter_only(text: str) -> str:
    """The front matter of a page too large to parse (its body is not read), or '' without one."""
    from handbook import frontmatter  # here: `handbook check` starts lychee before YAML is loaded

    lines = text.split("\n")
    end = frontmatter.closing_fence(lines) if frontmatter.opens_front_matter(lines) else None
    return "\n".join(lines[:end + 1]) if end is not None else ""
