"""Every Markdown page of the handbook, in every language, read once and shared by all checks.

Reading is also where the encoding rules apply (UTF-8, no BOM, one kind of line ending): a page
that breaks them is still decoded (with replacement characters) so every other check can run.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from typing import TYPE_CHECKING

from handbook import limits
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.paths import DOCS_DIR, SNIPPETS_DIR, Project, is_within

if TYPE_CHECKING:  # imported where used: `handbook check` starts lychee before it reads any page
    from handbook.check.markdown import Inventory
    from handbook.frontmatter import FrontMatter
    from handbook.languages import I18n

# Images above these caps slow the site and the PDF for every reader (often on poor connections).


@dataclass
class Page:
    rel: str  # docs-relative path as written: 'chapters/x.fr.md'
    path: str  # project-relative path used in diagnostics: 'docs/chapters/x.fr.md'
    lang: str
    source: str  # docs-relative path of the English original: 'chapters/x.md'
    text: str
    snippet: bool = False

    @cached_property
    def inv(self) -> Inventory:
        from handbook.check.markdown import inventory  # late: lychee starts first (see above)

        return inventory(self.text)

    @cached_property
    def front(self) -> FrontMatter | HandbookError:
        """The parsed front matter, or the error that stops it from parsing: read once for the
        front matter rules and the safety check."""
        from handbook import frontmatter  # late: lychee starts first (see above)

        try:
            return frontmatter.split(self.text, self.path)
        except HandbookError as exc:
            return exc

    def fields(self) -> tuple[str, str, str, str, str, bool]:
        """What a worker process needs to rebuild the page (not its cached inventory)."""
        return self.rel, self.path, self.lang, self.source, self.text, self.snippet

    @property
    def url(self) -> str:
        """Site URL of the page within its language (use_directory_urls): 'chapters/x/'."""
        stem = self.source[:-3]
        if stem == "index" or stem.endswith("/index"):
            return stem[:-5]
        return stem + "/"


@dataclass(frozen=True)
class Config:
    block_names: frozenset[str]  # names allowed after '///'
    admonition_types: tuple[str, ...]
    exclude: tuple[str, ...]  # exclude_docs patterns (gitignore style, simplified)
    # markdown_extensions as written: (name, the option names given), in order
    extensions: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _extension_options(config: dict[str, Any], name: str) -> dict[str, Any] | None:
    for item in config.get("markdown_extensions") or []:
        if item == name:
            return {}
        if isinstance(item, dict) and name in item:
            return item[name] or {}
    return None


def read_config(project: Project) -> Config:
    from handbook.mkdocs_config import read_mkdocs_config  # late: lychee starts first (see above)

    data = read_mkdocs_config(project.config_file)
    names: set[str] = set()
    types: tuple[str, ...] = ()
    admonition = _extension_options(data, "pymdownx.blocks.admonition")
    if admonition is not None:
        types = tuple(admonition.get("types") or ("note", "attention", "caution", "danger", "error", "tip",
                                                   "hint", "warning"))
        names |= {"admonition", *types}
    details = _extension_options(data, "pymdownx.blocks.details")
    if details is not None:
        names |= {"details", *(t if isinstance(t, str) else t.get("name", "") for t in details.get("types") or ())}
    for other in ("html", "tab", "definition"):
        if _extension_options(data, f"pymdownx.blocks.{other}") is not None:
            names.add(other)
    if _extension_options(data, "pymdownx.blocks.caption") is not None:
        names |= {"caption", "figure-caption", "table-caption"}
    exclude = tuple(line.strip() for line in str(data.get("exclude_docs") or "").splitlines()
                    if line.strip() and not line.strip().startswith("#"))
    extensions = []
    for item in data.get("markdown_extensions") or []:
        for name, options in (item.items() if isinstance(item, dict) else [(item, None)]):
            keys = tuple(sorted(map(str, options))) if isinstance(options, dict) else () if options is None else ("?",)
            if isinstance(options, dict) and not all(isinstance(t, str) for t in options.get("types") or ()):
                keys += ("?",)  # a block type with its own settings (a class, a title)
            extensions.append((str(name), keys))
    return Config(frozenset(names), types, exclude, tuple(extensions))


@dataclass
class Corpus:
    project: Project
    i18n: I18n
    config: Config
    pages: list[Page]
    snippets: list[Page]
    files: set[str]  # every docs-relative file, excluded ones too
    excluded: set[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)  # encoding problems found while reading
    _by_key: dict[tuple[str, str], Page] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_key = {(p.lang, p.source): p for p in self.pages}

    def page(self, lang: str, source: str) -> Page | None:
        return self._by_key.get((lang, source))

    def served(self, lang: str, source: str) -> Page | None:
        """The page readers of ``lang`` get for ``source``: the translation, else the English original."""
        return self._by_key.get((lang, source)) or self._by_key.get((self.i18n.default, source))

    @cached_property
    def sources(self) -> list[str]:
        return sorted({p.source for p in self.pages if p.lang == self.i18n.default})

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


def load_corpus(project: Project, i18n: I18n | None = None) -> Corpus:
    from handbook.languages import load_i18n  # late: lychee starts first (see above)

    i18n = i18n or load_i18n(project.root)
    config = read_config(project)
    docs = project.docs
    files: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(docs):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        base = os.path.relpath(dirpath, docs).replace(os.sep, "/")
        for name in filenames:
            if not name.startswith(".") and is_within(Path(dirpath) / name, project.root):
                files.add(name if base == "." else f"{base}/{name}")  # a link out is SAFE011, never read
    snippets_rel = os.path.relpath(project.root / SNIPPETS_DIR, docs).replace(os.sep, "/")
    excluded = {rel for rel in files if _excluded(rel, config.exclude) or rel.startswith(snippets_rel + "/")}
    pages, snippets, diags = [], [], []
    for rel in sorted(files):
        if not rel.endswith(".md"):
            continue
        path = f"{DOCS_DIR}/{rel}"
        text, found = decode((docs / rel).read_bytes(), path)
        diags += found
        try:
            limits.check_page(path, text)
        except HandbookError as exc:  # reported, and the page is not parsed further: it would stall the parser
            diags.append(Diagnostic(path, exc.line or 1, 1, "HYG015", exc.message, hint=exc.fix))
            text = _front_matter_only(text)
        lang, source = split_language(rel, i18n.codes, i18n.default)
        page = Page(rel, path, lang, source, text, snippet=rel in excluded)
        (snippets if rel in excluded else pages).append(page)
    return Corpus(project, i18n, config, pages, snippets, files, excluded, diags)


def read_image(path: Path) -> tuple[tuple[int, int] | None, str | None]:
    """A raster image's pixel size, and why it cannot be published (None when it can).

    Pillow's decompression-bomb guard stays on: an image that would decompress to hundreds of
    millions of pixels raises, and that is reported, never swallowed. The whole image is decoded
    (not only its header), so a corrupt file is found here rather than by the PDF step.
    """
    if path.suffix.lower() == ".svg":
        return None, None
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            size = image.size
            image.load()
    except Image.DecompressionBombError as exc:
        return None, f"decompresses to too many pixels ({exc})"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return None, f"cannot be read as an image ({exc or type(exc).__name__})"
    return size, None


def _front_matter_only(text: str) -> str:
    """The front matter of a page too large to parse (its body is not read), or '' without one."""
    from handbook import frontmatter  # here: `handbook check` starts lychee before YAML is loaded

    lines = text.split("\n")
    end = frontmatter.closing_fence(lines) if frontmatter.opens_front_matter(lines) else None
    return "\n".join(lines[:end + 1]) if end is not None else ""
