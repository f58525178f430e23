"""Fingerprints of the restricted tree: word shingles of every sentence, and image hashes.

Every restricted page and passage, in every language, is read as the terminology linter reads
prose (:func:`handbook.terms.extract.scannable`: title, description, paragraphs, headings, table
cells, footnotes, alt texts and titles; not code, URLs or markup), and cut into blocks (a
paragraph, a heading, a table cell...) and sentences. Each block gives its overlapping runs of
:data:`SHINGLE` words; a block or a sentence shorter than that is one shingle of its own length,
so a short heading or table cell is fingerprinted too.

Why 8 words. A shingle must be long enough that the public handbook does not say the same words
as a set phrase, and short enough that a partial copy (a clause, an edited sentence) still holds
one whole. Measured on this handbook's 96 reader pages in four languages (December 2026,
benchmarks/bench_shingles.py): the share of a page's shingles that another page shares only
as a short run (a phrase under 12 words, not a copied passage) is 14.8 % at 4 words, 6.2 % at 6,
2.3 % at 8 and 0.6 % at 10. Below 8, restricted text on the subject of a public chapter would
match public phrasing everywhere, and every match would have to be explained away; above it, a
copied clause of 8 or 9 words, or a sentence with one word in nine changed, would hold no whole
shingle and pass. A block or sentence shorter than :data:`MIN_WORDS` words ("Unit", a table's
header) is too common to tell anything: it is not fingerprinted.

What the public tree shares. A shingle that also occurs in the public tree (docs/, every
language) is left out:

- when most of its words are quoted in the restricted file (between quotation marks, or in a
  block quote): restricted text quoting a treaty that a public chapter quotes too;
- when the public tree shares it only as a set phrase: a run of shared shingles covering fewer
  than :data:`COPY_WORDS` words, and not a whole sentence or block.

A longer run, or a whole sentence, that the public tree holds unquoted is a copy of restricted
text: it stays fingerprinted (it is found in the built site), and ``handbook check`` names the
public page (LEAK005). Leaving out every shared shingle, quoted or not, would make a restricted
sentence pasted into a public page invisible to the scan, which is the leak it exists to find.
"""

from __future__ import annotations

import base64
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handbook.leaks import tree, words
from handbook.paths import DOCS_DIR, RESTRICTED_DIR, Project
from handbook.terms.extract import BARRIER, Scannable, scannable

if TYPE_CHECKING:
    from handbook.pages.model import Corpus

SHINGLE = 8
MIN_WORDS = 3
COPY_WORDS = 12

# A block ends at masked markup (code, a footnote marker, an attribute list), a table border, a
# blank line, or a line that starts another block (heading, list item, image, quote).
_BLOCK_END = re.compile(rf"[{BARRIER}|]|\n[ \t>]*\n|\n[ \t]*(?:#|[-*+][ \t]|\d+[.)][ \t]|!\[|>)")
_SENTENCE_END = re.compile(r"[.!?\u061f\u2026\u3002][\"'\u201d\u00bb\u2019)\]]*(?:\s|$)")
# Quotations: between typographic or straight quotation marks (within a paragraph), and block quotes.
_QUOTED = re.compile("\u201c[^\u201d\x01]*\u201d|\u00ab[^\u00bb\x01]*\u00bb|\u201e[^\u201c\u201d\x01]*[\u201c\u201d]"
                     "|\"[^\"\x01\n]*\"|^[ \t]*>.*$", re.M)


@dataclass(frozen=True, order=True)
class Origin:
    path: str  # project-relative restricted file
    line: int


@dataclass
class Fingerprints:
    shingles: dict[tuple[str, ...], Origin] = field(default_factory=dict)
    images: dict[str, Origin] = field(default_factory=dict)  # SHA-256 of the bytes -> file
    # The first 64 characters of each image's base64 text: how a data: URL embeds it.
    inline_images: dict[str, Origin] = field(default_factory=dict)
    # 'restricted/liaison-desk': how the restricted edition addresses each restricted page (its
    # URL under the restricted/ prefix, or its source path), found as written in any output file.
    addresses: dict[str, Origin] = field(default_factory=dict)
    _lengths: list[int] = field(default_factory=list)
    _vocabulary: frozenset[str] = frozenset()

    def freeze(self) -> Fingerprints:
        self._lengths = sorted({len(k) for k in self.shingles}, reverse=True)
        self._vocabulary = frozenset(w for k in self.shingles for w in k)
        return self

    def __bool__(self) -> bool:
        return bool(self.shingles or self.images)

    def find(self, sequence: list[str]) -> Iterator[tuple[int, int, Origin]]:
        """(index, length, origin) of every shingle in the word ``sequence``. Only runs of words
        that all occur in some shingle are looked at: most of a page is skipped with one set
        look-up per word."""
        vocabulary, shingles, lengths = self._vocabulary, self.shingles, self._lengths
        if not lengths:
            return
        shortest, n, i = lengths[-1], len(sequence), 0
        while i < n:
            if sequence[i] not in vocabulary:
                i += 1
                continue
            j = i + 1
            while j < n and sequence[j] in vocabulary:
                j += 1
            if j - i >= shortest:
                for length in lengths:
                    for k in range(i, j - length + 1):
                        origin = shingles.get(tuple(sequence[k:k + length]))
                        if origin is not None:
                            yield k, length, origin
            i = j


@dataclass
class Prose:
    """A file's prose as normalised words; with ``structure``, its blocks, sentences and quotations."""

    text: str  # the file
    words: list[str]
    offsets: list[int]  # of each word in ``scan.text``
    scan: Scannable
    quoted: list[bool] = field(default_factory=list)
    blocks: list[tuple[int, int]] = field(default_factory=list)  # word index spans of blocks
    sentences: list[tuple[int, int]] = field(default_factory=list)  # and of sentences (within blocks)

    def line(self, index: int) -> int:
        """The file line of word ``index`` (counted on demand: most words are never reported)."""
        return self.text.count("\n", 0, self.scan.page_offset(self.offsets[index])) + 1


def read_prose(text: str, lang: str, *, structure: bool = False) -> Prose:
    scan = scannable(text, lang)
    seen = scan.text
    found, offsets, ends = [], [], []
    for word, start, end in words.tokens(seen):
        found.append(word)
        offsets.append(start)
        ends.append(end)
    prose = Prose(text, found, offsets, scan)
    if not structure or not found:
        return prose
    quoted_spans = sorted(m.span() for m in _QUOTED.finditer(seen))
    starts = [s for s, _ in quoted_spans]
    for start in offsets:
        k = bisect_right(starts, start) - 1
        prose.quoted.append(k >= 0 and start < quoted_spans[k][1])
    block = sentence = 0
    for index in range(1, len(found)):
        gap = seen[ends[index - 1]:offsets[index]]
        if _BLOCK_END.search(gap):
            prose.blocks.append((block, index))
            prose.sentences.append((sentence, index))
            block = sentence = index
        elif _SENTENCE_END.search(gap):
            prose.sentences.append((sentence, index))
            sentence = index
    prose.blocks.append((block, len(found)))
    prose.sentences.append((sentence, len(found)))
    return prose


def shingles_of(prose: Prose) -> Iterator[tuple[int, int, int]]:
    """(start, end, block number) word spans of the shingles of one file's prose: the windows of
    each block, then each short sentence."""
    for number, (start, end) in enumerate(prose.blocks):
        if end - start >= SHINGLE:
            for k in range(start, end - SHINGLE + 1):
                yield k, k + SHINGLE, number
        elif end - start >= MIN_WORDS:
            yield start, end, number
    for start, end in prose.sentences:
        if MIN_WORDS <= end - start < SHINGLE:
            yield start, end, -1


@dataclass(frozen=True)
class PublicCopy:
    """Restricted text that a public page holds, unquoted in the restricted file: a leak at the source."""

    path: str  # the public page, project-relative
    line: int
    origin: Origin


@dataclass(frozen=True)
class _Shingle:
    key: tuple[str, ...]
    start: int
    end: int
    block: int  # -1 for a short sentence inside a longer block
    quoted: bool  # most of its words are quoted in the restricted file


def build(items: Iterable[tree.RestrictedText], assets: Iterable[tree.RestrictedAsset],
          public: Iterable[tuple[str, str, str]]) -> tuple[Fingerprints, list[PublicCopy]]:
    """The fingerprints of the restricted tree, less what it shares with the public pages
    ((path, lang, text) of docs/, every language), and where public pages copy restricted text."""
    items = list(items)
    read = [(item, read_prose(item.text, item.lang, structure=True)) for item in items]
    every = Fingerprints()
    shingles: list[tuple[tree.RestrictedText, Prose, list[_Shingle]]] = []
    for item, prose in read:
        found = []
        for start, end, block in shingles_of(prose):
            key = tuple(prose.words[start:end])
            found.append(_Shingle(key, start, end, block, 2 * sum(prose.quoted[start:end]) > end - start))
            if key not in every.shingles:
                every.shingles[key] = Origin(item.path, prose.line(start))
        shingles.append((item, prose, found))
    every.freeze()
    in_public: dict[tuple[str, ...], tuple[str, int]] = {}  # shingle -> first public page and line
    for path, lang, text in public:
        prose = read_prose(text, lang)
        for index, length, _ in every.find(prose.words):
            key = tuple(prose.words[index:index + length])
            if key not in in_public:
                in_public[key] = (path, prose.line(index))
    kept: dict[tuple[str, ...], Origin] = {}
    copies: dict[tuple[str, str], PublicCopy] = {}
    for item, prose, found in shingles:
        copied = _copied(prose, found, in_public)
        for shingle in found:
            origin = Origin(item.path, prose.line(shingle.start))
            if shingle.key not in in_public:
                kept.setdefault(shingle.key, origin)
            elif shingle in copied and not shingle.quoted:
                kept.setdefault(shingle.key, origin)
                path, line = in_public[shingle.key]
                copies.setdefault((path, item.path), PublicCopy(path, line, origin))
    prints = Fingerprints(kept)
    for item in items:
        stem = _page_stem(item.source)
        if stem:
            prints.addresses.setdefault(f"{RESTRICTED_DIR}/{stem}", Origin(item.source, 1))
    for asset in assets:
        origin = Origin(asset.path, 1)
        prints.images.setdefault(asset.sha256, origin)
        if len(asset.data) >= 48:
            prints.inline_images.setdefault(base64.b64encode(asset.data[:48]).decode("ascii"), origin)
    return prints.freeze(), sorted(copies.values(), key=lambda c: (c.path, c.line, c.origin))


def _page_stem(source: str) -> str:
    """'restricted/docs/units/liaison-desk.md' -> 'units/liaison-desk' (passages have no address)."""
    prefix = f"{RESTRICTED_DIR}/{DOCS_DIR}/"
    if not source.startswith(prefix) or not source.endswith(".md"):
        return ""
    stem = source[len(prefix):-3]
    return "" if stem == "index" or stem.endswith("/index") else stem


def _copied(prose: Prose, found: list[_Shingle], in_public: dict[tuple[str, ...], tuple[str, int]]) -> set[_Shingle]:
    """The shingles of a file that the public tree holds as part of a copy, not of a set phrase:
    a run of consecutive public shingles covering at least :data:`COPY_WORDS` words, or a whole
    block or sentence."""
    out: set[_Shingle] = set()
    run: list[_Shingle] = []

    def close() -> None:
        if run:
            start, end = run[0].start, run[-1].end
            whole = any(s == start and e == end for s, e in (*prose.blocks, *prose.sentences))
            if end - start >= COPY_WORDS or whole:
                out.update(run)
            run.clear()

    for shingle in found:
        public = shingle.key in in_public
        if run and (not public or shingle.block != run[-1].block or shingle.block == -1
                    or shingle.start != run[-1].start + 1):
            close()
        if public:
            run.append(shingle)
    close()
    return out


def load(project: Project, corpus: Corpus | None = None) -> tuple[Fingerprints, list[PublicCopy]]:
    """The fingerprints of the project's restricted tree (empty without one), and the public pages
    that copy restricted text. HandbookError for a restricted file that is not UTF-8."""
    if not tree.present(project):
        return Fingerprints().freeze(), []
    from handbook.pages.model import load_corpus  # late: the build imports this step without a tree

    corpus = corpus or load_corpus(project)
    public = [(p.path, p.lang, p.text) for p in (*corpus.pages, *corpus.snippets)]
    return build(tree.texts(project), tree.assets(project), public)
