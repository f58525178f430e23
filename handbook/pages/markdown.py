"""A line-accurate inventory of one Markdown page: what the integrity checks look at.

Not a renderer: it finds headings, ids, links, images, raw HTML tags, attribute lists, blocks,
tables, code fences and snippet includes, each with its 1-based line and column in the file.
Text inside code (fenced blocks, inline code) and HTML comments is masked first, so an example
of bad markup inside a code block is not reported. Snippet includes are found in the unmasked
text, because pymdownx.snippets runs before any other Markdown processing, code fences included.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from handbook import frontmatter
from handbook import suppress as suppress_engine

# --- element records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str
    id: str | None  # explicit { #id }, or None


@dataclass(frozen=True)
class Link:
    line: int
    col: int
    url: str
    image: bool
    alt: str | None  # images only: alt text (None when an HTML <img> has no alt attribute)
    origin: str  # "markdown", "reference", "definition", "html" or "attr"


@dataclass(frozen=True)
class Tag:
    line: int
    col: int
    name: str  # lower case
    attrs: tuple[tuple[str, str, int], ...]  # (name lower case, value, line)
    closing: bool


@dataclass(frozen=True)
class AttrList:
    line: int
    col: int
    ids: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...]  # key=value pairs, keys lower case


@dataclass(frozen=True)
class Block:
    line: int
    name: str  # "///" block name: note, warning, details...; "!!!" for the legacy syntax
    closed: bool = True


@dataclass(frozen=True)
class Fence:
    line: int
    lang: str
    closed: bool


@dataclass(frozen=True)
class Include:
    line: int
    col: int
    target: str


@dataclass(frozen=True)
class Suppression:
    kind: str  # disable-next-line, disable, enable, disable-file
    line: int  # first line of the comment
    end_line: int  # last line of the comment (disable-next-line applies to end_line + 1)
    codes: tuple[str, ...]
    reason: str


@dataclass
class Inventory:
    headings: list[Heading] = field(default_factory=list)
    ids: list[tuple[str, int]] = field(default_factory=list)  # every id on the page, with its line
    links: list[Link] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    attr_lists: list[AttrList] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    legacy_admonitions: list[Block] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)  # line of each table's header row
    fences: list[Fence] = field(default_factory=list)
    includes: list[Include] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    bad_suppressions: list[tuple[int, str]] = field(default_factory=list)
    undefined_refs: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def id_set(self) -> set[str]:
        return {name for name, _ in self.ids}

    @property
    def images(self) -> list[Link]:
        return [link for link in self.links if link.image]


# --- masking -------------------------------------------------------------------------------------

_FENCE_OPEN = re.compile(r"^([ \t]*)(`{3,}|~{3,})[ \t]*([^`\s{]*)?.*$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
SUPPRESSION_KINDS = suppress_engine.KINDS


def _blank(text: str) -> str:
    """Same length and line breaks, no content."""
    return re.sub(r"[^\n]", " ", text)


def _front_matter_end(lines: list[str]) -> int:
    """Index of the first body line (0 when the page has no front matter), by the fences of
    handbook.frontmatter."""
    if not frontmatter.opens_front_matter(lines):
        return 0
    end = frontmatter.closing_fence(lines)
    return 0 if end is None else end + 1  # unterminated: FM001 reports it; the whole file is scanned


front_matter_end = _front_matter_end


# --- patterns over the masked text ---------------------------------------------------------------

_ATX = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*$", re.M)
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
_ATTR_ITEM = r"""(?:[#.][^\s}#.]+|[\w:-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))"""
_ATTR_LIST = re.compile(r"\{:?[ \t]*(" + _ATTR_ITEM + r"(?:[ \t]+" + _ATTR_ITEM + r")*)[ \t]*\}")
_ATTR_PART = re.compile(r"""#([^\s}#.]+)|\.([^\s}#.]+)|([\w:-]+)=("[^"]*"|'[^']*'|[^\s}]+)""")
_TRAILING_ATTR = re.compile(r"[ \t]*\{:?[ \t]*(" + _ATTR_ITEM + r"(?:[ \t]+" + _ATTR_ITEM + r")*)[ \t]*\}[ \t]*$")
_BRACKETS = r"((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)"
_DEST = r"(<[^>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
_INLINE = re.compile(r"(!?)\[" + _BRACKETS + r"\]\([ \t]*" + _DEST + r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*\)""")
_REFLINK = re.compile(r"(!?)\[" + _BRACKETS + r"\]\[([^\]\n]*)\]")
_REFDEF = re.compile(r"^[ ]{0,3}\[([^\]\n^][^\]\n]*)\]:[ \t]*(<[^>\n]*>|\S+)", re.M)
_TAG = re.compile(r"""(?<!\\)<(/?)([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>""")
_HTML_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_BLOCK = re.compile(r"^[ \t]*///[ \t]*([^\s|/][^\s|]*)?[ \t]*(?:\|.*)?$", re.M)
_LEGACY = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)", re.M)
_TABLE_DELIM = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|^[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*$")
_SNIPPET = re.compile(r"""^[ \t]*(?<!;)--8<--[ \t]*(?:(["'])(.*?)\1|(\S.*?))?[ \t]*$""", re.M)
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "poster", "background", "cite", "data",
                        "xlink:href", "srcset", "longdesc", "manifest", "ping", "codebase", "lowsrc", "dynsrc"})


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _dest(value: str) -> str:
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    return value


def normalise_ref(label: str) -> str:
    return " ".join(label.lower().split())


class _Positions:
    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def parse_attr_list(body: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    ids, pairs = [], []
    for m in _ATTR_PART.finditer(body):
        if m.group(1):
            ids.append(m.group(1))
        elif m.group(3):
            pairs.append((m.group(3).lower(), _unquote(m.group(4))))
    return tuple(ids), tuple(pairs)


def inventory(text: str) -> Inventory:
    """Inventory of a page's text (already decoded, line endings normalised to '\\n')."""
    inv = Inventory()
    lines = text.split("\n")
    body_start = _front_matter_end(lines)
    masked = "\n".join(_mask_fences(inv, lines, body_start))
    pos = _Positions(masked)
    masked = _mask_spans_and_comments(inv, masked, pos)
    masked_lines = masked.split("\n")
    _read_headings(inv, masked, masked_lines, body_start, pos)
    _read_attr_lists(inv, masked, pos)
    _read_links(inv, masked, pos)
    _read_tags(inv, masked, pos)
    _read_blocks_and_tables(inv, masked, masked_lines, body_start, pos)
    _read_includes(inv, text, lines, body_start, pos)
    return inv


def _mask_fences(inv: Inventory, lines: list[str], body_start: int) -> list[str]:
    """The lines with fenced code masked (the fence lines too), and the front matter; the fences
    are recorded in ``inv.fences``."""
    masked_lines = [" " * len(line) for line in lines[:body_start]]
    open_fence: tuple[str, int, int, str] | None = None  # (char, length, line index, lang)
    for index in range(body_start, len(lines)):
        line = lines[index]
        if open_fence is None:
            m = _FENCE_OPEN.match(line)
            if m and not (m.group(2)[0] == "`" and "`" in line[m.end(2):]):
                open_fence = (m.group(2)[0], len(m.group(2)), index, (m.group(3) or "").lstrip(".").lower())
                masked_lines.append(" " * len(line))
                continue
            masked_lines.append(line)
        else:
            char, length, start, lang = open_fence
            stripped = line.strip()
            if stripped and set(stripped) == {char} and len(stripped) >= length:
                inv.fences.append(Fence(start + 1, lang, True))
                open_fence = None
            masked_lines.append(" " * len(line))
    if open_fence is not None:
        inv.fences.append(Fence(open_fence[2] + 1, open_fence[3], False))
    return masked_lines


def _mask_spans_and_comments(inv: Inventory, masked: str, pos: _Positions) -> str:
    """Code spans and comments masked; suppressions are read from the comments first."""
    def comment(m: re.Match[str]) -> str:
        pragma = suppress_engine.read("check", m.group(0))
        if pragma is not None:
            line, end_line = pos.at(m.start())[0], pos.at(m.end() - 1)[0]
            if pragma.kind in SUPPRESSION_KINDS:
                inv.suppressions.append(Suppression(pragma.kind, line, end_line, pragma.tokens, pragma.reason))
            else:
                inv.bad_suppressions.append((line, m.group(0)))
        return _blank(m.group(0))

    # Each pattern runs only when its marker occurs: most pages have no raw HTML, comments or snippets.
    if "`" in masked:
        masked = _CODE_SPAN.sub(lambda m: _blank(m.group(0)), masked)  # first: a code span may show a comment
    if "<!--" in masked:
        masked = _COMMENT.sub(comment, masked)
    return masked


def _read_headings(inv: Inventory, masked: str, masked_lines: list[str], body_start: int, pos: _Positions) -> None:
    """Headings (ATX and setext), with their explicit ids."""
    for m in _ATX.finditer(masked):
        line = pos.at(m.start())[0]
        raw = re.sub(r"[ \t]+#+[ \t]*$", "", m.group(2)) if not m.group(2).endswith("}") else m.group(2)
        _add_heading(inv, line, len(m.group(1)), raw)
    for index in range(body_start + 1, len(masked_lines)):
        m = _SETEXT.match(masked_lines[index])
        previous = masked_lines[index - 1].strip()
        if m and previous and not previous.startswith(("#", "|", "<", "-", "*", "+", ">", "///")) \
                and not _TABLE_DELIM.match(masked_lines[index]) and (index < 1 or not _ATX.match(masked_lines[index - 1])):
            _add_heading(inv, index, 1 if m.group(1)[0] == "=" else 2, previous)
    inv.headings.sort(key=lambda h: h.line)


def _read_attr_lists(inv: Inventory, masked: str, pos: _Positions) -> None:
    """Attribute lists anywhere (headings' included): ids, and attributes for the safety check."""
    for m in _ATTR_LIST.finditer(masked) if "{" in masked else ():
        line, col = pos.at(m.start())
        ids, pairs = parse_attr_list(m.group(1))
        inv.attr_lists.append(AttrList(line, col, ids, pairs))
        for name in ids:
            inv.ids.append((name, line))
        for key, value in pairs:
            if key in _URL_ATTRS:
                inv.links.append(Link(line, col, value, False, None, "attr"))


def _read_links(inv: Inventory, masked: str, pos: _Positions) -> None:
    """Links and images: inline, reference definitions, and references (undefined ones recorded)."""
    definitions: dict[str, str] = {}
    for m in _REFDEF.finditer(masked) if "]:" in masked else ():
        line, col = pos.at(m.start(2))
        definitions[normalise_ref(m.group(1))] = _dest(m.group(2))
        inv.links.append(Link(line, col, _dest(m.group(2)), False, None, "definition"))
    for m in _INLINE.finditer(masked):
        line, col = pos.at(m.start())
        image = m.group(1) == "!"
        inv.links.append(Link(line, col, _dest(m.group(3)), image, m.group(2) if image else None, "markdown"))
    for m in _REFLINK.finditer(masked) if "][" in masked else ():
        line, col = pos.at(m.start())
        label = normalise_ref(m.group(3) or m.group(2))
        if label.startswith("^"):
            continue
        image = m.group(1) == "!"
        if label in definitions:
            if image:
                inv.links.append(Link(line, col, definitions[label], True, m.group(2), "reference"))
        else:
            inv.undefined_refs.append((label, line, col))


def _read_tags(inv: Inventory, masked: str, pos: _Positions) -> None:
    """Raw HTML tags: elements, attributes, and their URLs."""
    for m in _TAG.finditer(masked) if "<" in masked else ():
        line, col = pos.at(m.start())
        name = m.group(2).lower()
        attrs = []
        for a in _HTML_ATTR.finditer(m.group(3)):
            attr_line = pos.at(m.start(3) + a.start())[0]
            attrs.append((a.group(1).lower(), _unquote(a.group(2) or ""), attr_line))
        tag = Tag(line, col, name, tuple(attrs), bool(m.group(1)))
        inv.tags.append(tag)
        if tag.closing:
            continue
        values = {key: value for key, value, _ in attrs}
        for key, value, attr_line in attrs:
            if key == "id" or (key == "name" and name == "a"):
                inv.ids.append((value, attr_line))
            if key == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        inv.links.append(Link(attr_line, col, candidate.split()[0], True, values.get("alt"), "html"))
            elif key in _URL_ATTRS:
                image = name in ("img", "source") and key == "src"
                inv.links.append(Link(attr_line, col, value, image, values.get("alt") if image else None, "html"))


def _read_blocks_and_tables(inv: Inventory, masked: str, masked_lines: list[str], body_start: int,
                            pos: _Positions) -> None:
    """Blocks (/// name), legacy admonitions (!!! name), tables."""
    depth: list[int] = []
    for m in _BLOCK.finditer(masked):
        line = pos.at(m.start())[0]
        if m.group(1):
            depth.append(len(inv.blocks))
            inv.blocks.append(Block(line, m.group(1).lower()))
        elif depth:
            depth.pop()
    for index in depth:
        inv.blocks[index] = Block(inv.blocks[index].line, inv.blocks[index].name, closed=False)
    for m in _LEGACY.finditer(masked) if ("!!!" in masked or "???" in masked) else ():
        inv.legacy_admonitions.append(Block(pos.at(m.start())[0], m.group(1).lower()))
    for index in range(body_start + 1, len(masked_lines)):
        if "|" in masked_lines[index - 1] and _TABLE_DELIM.match(masked_lines[index]) and "|" in masked_lines[index]:
            inv.tables.append(index)


def _read_includes(inv: Inventory, text: str, lines: list[str], body_start: int, pos: _Positions) -> None:
    """Snippet includes, from the unmasked body (snippets are expanded before everything else)."""
    in_block = False
    for m in _SNIPPET.finditer(text) if "--8<--" in text else ():
        line, col = pos.at(m.start())
        if line <= body_start:
            continue
        target = m.group(2) if m.group(2) is not None else m.group(3)
        if target:
            inv.includes.append(Include(line, col, target))
        else:
            in_block = not in_block
            if in_block:
                for follow in range(line, len(lines)):
                    entry = lines[follow].strip()
                    if entry.startswith("--8<--"):
                        break
                    if entry and not entry.startswith(";"):
                        inv.includes.append(Include(follow + 1, 1, entry))


def _add_heading(inv: Inventory, line: int, level: int, raw: str) -> None:
    m = _TRAILING_ATTR.search(raw)
    explicit = None
    text = raw
    if m:
        ids, _ = parse_attr_list(m.group(1))
        explicit = ids[-1] if ids else None
        text = raw[:m.start()]
    inv.headings.append(Heading(line, level, text.strip(), explicit))
    if explicit is None:
        inv.ids.append((slugify(text), line))


def slugify(text: str) -> str:
    """Python-Markdown's default heading id, for headings without an explicit one."""
    import unicodedata

    value = re.sub(r"<[^>]*>|[*_`]", "", text)
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)
