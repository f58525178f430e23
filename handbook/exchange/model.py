"""The exchange model: one unit per segment, the codes a target must keep, and their validation.

Format modules (xliff2.py, po.py) only turn this model into files and back; every rule about
what a translator may change lives here, so XLIFF and PO imports are refused for the same reasons.

Which codes a target must keep (the parity check's rules, handbook/check/parity.py): footnote
references, code spans, raw tags, attribute lists, comments, images and internal links must each
appear once, inside the same link or image as in the English (a code span may show its example
in the reader's language). Emphasis may be added or dropped
(languages mark titles and foreign words differently), and external links may be dropped or point
to another language's version of a source (parity does not compare external URLs either).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handbook.pages.segments import Code, Part, inline, render

# Segment states. "final": the English segment is unchanged since the recorded translation;
# "review": translated from an older English text; "new": not translated yet.
FINAL, REVIEW, NEW = "final", "review", "new"
OPTIONAL_KINDS = frozenset({"em", "strong"})
_EXTERNAL = re.compile(r"^\]\((?:https?://|mailto:)[^\s()<>\"'`]*(?:[ \t]+\"[^\"<>`]*\")?\)$")
_CODE_SPAN = re.compile(r"(`+)(?!`)[^\n]+?(?<!`)\1", re.S)
_EMPHASIS = frozenset({"*", "_", "**", "__"})
_ISOLATES = frozenset({"<bdi>", "</bdi>", '<bdi dir="ltr">', '<span dir="ltr">', "</span>"})


def droppable(parts: tuple[Part, ...]) -> frozenset[str]:
    """Ids of the codes a translator may drop: emphasis, and links to outside sources."""
    return frozenset(c.id for c in parts if isinstance(c, Code) and (
        c.kind in OPTIONAL_KINDS or (c.kind == "link" and c.role == "close" and _EXTERNAL.match(c.data))))


@dataclass
class Unit:
    id: str  # u1, u2, ... in page order
    kind: str
    line: int
    path: tuple[str, ...]
    source: tuple[Part, ...]
    target: tuple[Part, ...] | None = None
    state: str = NEW
    terms: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (English term, approved translations)

    @property
    def codes(self) -> dict[str, list[Code]]:
        out: dict[str, list[Code]] = {}
        for part in self.source:
            if isinstance(part, Code):
                out.setdefault(part.id, []).append(part)
        return out


@dataclass
class Exchange:
    page: str  # the English page, relative to docs/
    lang: str
    source_blob: str  # the English version the file was made from
    translation_blob: str | None  # the translation file as it was at export (None: there was none)
    units: list[Unit]


def _parents(parts: tuple[Part, ...]) -> dict[tuple[str, str], str | None]:
    """For each (id, role) code, the id of the nearest enclosing link or image, or None."""
    stack: list[Code] = []
    out: dict[tuple[str, str], str | None] = {}
    for part in parts:
        if not isinstance(part, Code):
            continue
        outer = next((c.id for c in reversed(stack) if c.kind in ("link", "image")), None)
        if part.role == "close":
            if stack and stack[-1].id == part.id:
                stack.pop()
            outer = next((c.id for c in reversed(stack) if c.kind in ("link", "image")), None)
        out[(part.id, part.role)] = outer
        if part.role == "open":
            stack.append(part)
    return out


def check_target(unit: Unit, target: tuple[Part, ...]) -> list[str]:
    """Why ``target`` cannot replace the unit's English text (empty when it can)."""
    problems: list[str] = []
    source_codes = {(c.id, c.role): c for c in unit.source if isinstance(c, Code)}
    free = droppable(unit.source)
    seen: dict[tuple[str, str], int] = {}
    stack: list[Code] = []
    for part in target:
        if isinstance(part, str):
            continue
        key = (part.id, part.role)
        seen[key] = seen.get(key, 0) + 1
        if key not in source_codes:
            if not _safe_added(part):
                problems.append(f"placeholder {_name(part)} is not in the English text")
        elif part.data != source_codes[key].data and not (
                (part.id in free or source_codes[key].kind == "code") and _safe_added(part)):
            problems.append(f"placeholder {_name(part)} stands for {_show(part)!r}, not {_show(source_codes[key])!r}")
        if part.role == "open":
            stack.append(part)
        elif part.role == "close":
            if not stack or stack[-1].id != part.id:
                problems.append(f"placeholder {_name(part)} closes out of order (the pairs overlap)")
            else:
                stack.pop()
    if stack:
        problems.append(f"placeholder {_name(stack[-1])} is opened but never closed")
    for key, count in seen.items():
        if count > 1:
            problems.append(f"placeholder {key[0]} appears {count} times")
    source_parents, target_parents = _parents(unit.source), _parents(target)
    for key, code in source_codes.items():
        if code.id in free:
            continue
        if key not in seen:
            problems.append(f"placeholder {_name(code)} ({_show(code)}) is missing")
        elif target_parents.get(key) != source_parents.get(key):
            problems.append(f"placeholder {_name(code)} ({_show(code)}) moved into or out of a link")
    for text in (p for p in target if isinstance(p, str)):
        injected = [c for c in inline(text) if isinstance(c, Code)]
        if injected:
            problems.append(f"the text contains markup the English does not have: {injected[0].data!r}; "
                            "use the placeholders instead")
            break
        if re.search(r"\n[ \t]*(?:[-*+>#|:]|\d+[.)]|///|!!!|```|~~~|\[\^)", text):
            problems.append("a line of the text starts with Markdown block markup; keep the text on the lines "
                            "the English uses, or join the lines")
            break
    return problems


def _safe_added(code: Code) -> bool:
    """A code of the exported translation that the English does not have: emphasis, an external
    link, a direction isolate (<bdi>) that right-to-left text needs around Latin words, or a comment
(a linter pragma for the translation's own wording)."""
    if code.kind == "html":
        return code.data in _ISOLATES
    if code.kind == "comment":  # a linter pragma the translation needs (it holds no markup)
        return bool(re.fullmatch(r"<!--[^<>]*-->", code.data))
    if code.kind == "code":  # inert: an example may be shown in the reader's language
        return bool(_CODE_SPAN.fullmatch(code.data))
    if code.kind in OPTIONAL_KINDS:
        return code.data in _EMPHASIS
    if code.kind == "link":
        return code.data == "[" if code.role == "open" else bool(_EXTERNAL.match(code.data))
    return False


def _name(code: Code) -> str:
    return {"open": f"{{{code.id}}}", "close": f"{{/{code.id}}}"}.get(code.role, f"{{{code.id}}}")


def _show(code: Code) -> str:
    return code.data if len(code.data) <= 40 else code.data[:37] + "..."


def target_text(target: tuple[Part, ...]) -> str:
    return render(target)


def _signatures(parts: tuple[Part, ...]) -> dict[str, str]:
    """A code's Markdown, with its closing half's for a pair: a link is known by its address."""
    out: dict[str, str] = {}
    for part in parts:
        if isinstance(part, Code):
            out[part.id] = out.get(part.id, "") + part.data
    return out


def map_translation(unit: Unit, translated: tuple[Part, ...]) -> tuple[Part, ...]:
    """The parts of an existing translation with its codes numbered as the English ones: matched by
    the same Markdown first (a link by its address), then by kind in order; a code the English does
    not have gets an id of its own (t1, t2...)."""
    source = [c for c in unit.source if isinstance(c, Code) and c.role != "close"]
    source_sig, target_sig = _signatures(unit.source), _signatures(translated)
    taken: set[str] = set()
    ids: dict[str, str] = {}  # translation id -> exchange id
    opens = [c for c in translated if isinstance(c, Code) and c.role != "close"]
    for same in (True, False):  # pass 1: same Markdown; pass 2: same kind, in order
        for code in opens:
            if code.id in ids:
                continue
            match = next((s for s in source if s.id not in taken and s.role == code.role and s.kind == code.kind
                          and (not same or source_sig[s.id] == target_sig[code.id])), None)
            if match:
                ids[code.id] = match.id
                taken.add(match.id)
    extra = 0
    for code in opens:
        if code.id not in ids:
            extra += 1
            ids[code.id] = f"t{extra}"
    return tuple(p if isinstance(p, str) else Code(ids[p.id], p.role, p.kind, p.data) for p in translated)
