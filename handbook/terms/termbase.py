"""The termbase (translations/termbase.yml): loading and validation, with file and line in errors."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from handbook.errors import HandbookError
from handbook.paths import TERMBASE_FILE
from handbook.yamlio import KeyPath, load_yaml


SEVERITIES = ("avoid", "care", "none")
CONFIDENCE = ("S", "P", "U")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONCEPT_KEYS = {"id", "severity", "sources"}
_LANG_KEYS = {"prefer", "avoid", "variants", "reason", "exceptions", "confidence", "note", "sources"}


@dataclass(frozen=True)
class LangEntry:
    """One concept in one language."""

    prefer: tuple[str, ...]
    avoid: tuple[str, ...]
    variants: tuple[str, ...]
    reason: str
    exceptions: tuple[str, ...]
    confidence: str
    sources: tuple[str, ...]
    note: str = ""

    @property
    def verified(self) -> bool:
        return self.confidence != "U"


# A language just added (`handbook language add`) has no terms yet: nothing to prefer or avoid, so
# its pages get no term findings (and no drift) until its team starts its column.
NOT_STARTED = LangEntry(prefer=(), avoid=(), variants=(), reason="", exceptions=(), confidence="U", sources=())


@dataclass(frozen=True, eq=False)  # identity: concepts are compared and hashed as objects
class Concept:
    id: str
    severity: str
    sources: tuple[str, ...]
    langs: dict[str, LangEntry] = field(repr=False)
    line: int = 0

    def entry(self, code: str) -> LangEntry:
        """The concept in ``code``; a language whose column is not started yet has no terms."""
        return self.langs.get(code, NOT_STARTED)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Decision:
    id: str
    question: str
    choice: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Termbase:
    path: Path
    codes: tuple[str, ...]
    concepts: tuple[Concept, ...]
    sources: dict[str, Source]
    decisions: tuple[Decision, ...]
    mention_markers: dict[str, tuple[str, ...]]
    common_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # language -> its inflection rule set (translations/languages.yml, `inflection:`); none: exact
    inflection: dict[str, str] = field(default_factory=dict)

    def concept(self, concept_id: str) -> Concept:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        raise KeyError(concept_id)


class _Reader:
    """Validation helpers that know the file and the line of every key."""

    def __init__(self, path: Path, lines: dict[KeyPath, int]):
        self.path, self.lines = path, lines

    def fail(self, where: KeyPath, message: str, fix: str = "") -> HandbookError:
        line = self.lines.get(where)
        while line is None and where:
            where = where[:-1]
            line = self.lines.get(where)
        return HandbookError(self.path, message, line=line or 1, fix=fix)

    def mapping(self, value: Any, where: KeyPath, what: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, f"{what} must be a mapping.")
        return value

    def text(self, value: Any, where: KeyPath, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{what} must be non-empty text.", "Quote it if it starts with a special character.")
        return value.strip()

    def texts(self, value: Any, where: KeyPath, what: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(where, f"{what} must be a list, e.g. [first, second].")
        out = []
        for index, item in enumerate(value):
            out.append(self.text(item, where + (index,), f"each item of {what}"))
        dupes = {x for x in out if out.count(x) > 1}
        if dupes:
            raise self.fail(where, f"{what} lists {sorted(dupes)[0]!r} twice.", "Remove the duplicate.")
        return tuple(out)


def parse(data: Any, lines: dict[KeyPath, int], path: Path, codes: tuple[str, ...]) -> Termbase:
    """Validate the termbase's YAML ``data``; the first problem raises, with its file and line."""
    r = _Reader(path, lines)
    top = _top(r, data)
    sources = _sources(r, top)
    markers = _markers(r, top, codes)
    common_raw = r.mapping(top.get("common_words") or {}, ("common_words",), "common_words")
    common = {code: frozenset(r.texts(common_raw.get(code), ("common_words", code), f"common_words.{code}"))
              for code in codes}
    decisions = _decisions(r, top, sources)
    # A column not started yet (`handbook language add`): no mention markers and no concept has the
    # language. Once either is there, every concept needs the language, as before.
    started = tuple(code for code in codes if markers[code] or any(
        isinstance(c, dict) and code in c for c in top.get("concepts") or []))
    concepts = _concepts(r, top, sources, started)
    return Termbase(path, codes, tuple(concepts), sources, tuple(decisions), markers, common)


def _top(r: _Reader, data: Any) -> dict:
    top = r.mapping(data, (), "the termbase")
    unknown = set(top) - {"version", "mention_markers", "common_words", "sources", "decisions", "concepts"}
    if unknown:
        key = sorted(unknown)[0]
        raise r.fail((key,), f"unknown top-level key {key!r}.",
                     "Use version, mention_markers, common_words, sources, decisions and concepts.")
    if top.get("version") != 1:
        raise r.fail(("version",), "version must be 1.")
    return top


def _sources(r: _Reader, top: dict) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for sid, item in r.mapping(top.get("sources"), ("sources",), "sources").items():
        item = r.mapping(item, ("sources", sid), f"source {sid}")
        sources[str(sid)] = Source(str(sid), r.text(item.get("title"), ("sources", sid), f"source {sid} title"),
                                   r.text(item.get("url"), ("sources", sid), f"source {sid} url"))
    return sources


def _known_sources(r: _Reader, sources: dict[str, Source], ids: tuple[str, ...], where: KeyPath) -> tuple[str, ...]:
    for sid in ids:
        if sid not in sources:
            raise r.fail(where, f"unknown source {sid!r}.", f"Add it under 'sources:' or use one of: {', '.join(sorted(sources))}.")
    return ids


def _markers(r: _Reader, top: dict, codes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    markers_raw = r.mapping(top.get("mention_markers"), ("mention_markers",), "mention_markers")
    markers: dict[str, tuple[str, ...]] = {}
    for code in codes:
        if code not in markers_raw:
            raise r.fail(("mention_markers",), f"mention_markers lacks language {code!r}.",
                         "Every language of translations/languages.yml needs its markers.")
        markers[code] = r.texts(markers_raw[code], ("mention_markers", code), f"mention_markers.{code}")
    return markers


def _decisions(r: _Reader, top: dict, sources: dict[str, Source]) -> list[Decision]:
    decisions = []
    for index, item in enumerate(top.get("decisions") or []):
        where = ("decisions", index)
        item = r.mapping(item, where, "each decision")
        decisions.append(Decision(
            r.text(item.get("id"), where, "decision id"),
            r.text(item.get("question"), where, "decision question"),
            r.text(item.get("choice"), where, "decision choice"),
            r.text(item.get("why"), where, "decision why"),
            _known_sources(r, sources, r.texts(item.get("sources"), where + ("sources",), "decision sources"), where)))
    return decisions


def _concepts(r: _Reader, top: dict, sources: dict[str, Source], codes: tuple[str, ...]) -> list[Concept]:
    raw_concepts = top.get("concepts")
    if not isinstance(raw_concepts, list) or not raw_concepts:
        raise r.fail(("concepts",), "concepts must be a non-empty list.")
    concepts: list[Concept] = []
    seen: set[str] = set()
    for index, item in enumerate(raw_concepts):
        concepts.append(_concept(r, ("concepts", index), item, seen, sources, codes))
    return concepts


def not_started(termbase: Termbase) -> tuple[str, ...]:
    """Languages with no term in any concept yet (`handbook status` says so)."""
    return tuple(code for code in termbase.codes if not any(code in c.langs for c in termbase.concepts))


def _concept(r: _Reader, where: KeyPath, item: Any, seen: set[str], sources: dict[str, Source],
             codes: tuple[str, ...]) -> Concept:
    item = r.mapping(item, where, "each concept")
    cid = r.text(item.get("id"), where, "concept id")
    if not _ID.match(cid):
        raise r.fail(where + ("id",), f"concept id {cid!r} must be lowercase words joined by hyphens.")
    if cid in seen:
        raise r.fail(where + ("id",), f"concept id {cid!r} is used twice.", "Give each concept its own id.")
    seen.add(cid)
    severity = item.get("severity")
    if severity not in SEVERITIES:
        raise r.fail(where + ("severity",), f"concept {cid}: severity {severity!r} is not one of {', '.join(SEVERITIES)}.")
    unknown = set(item) - CONCEPT_KEYS - set(codes)
    if unknown:
        key = sorted(unknown)[0]
        raise r.fail(where + (key,), f"concept {cid}: unknown key or language {key!r}.",
                     f"Use {', '.join(sorted(CONCEPT_KEYS))} and the language codes {', '.join(codes)}.")
    concept_sources = _known_sources(r, sources, r.texts(item.get("sources"), where + ("sources",), "sources"),
                                     where + ("sources",))
    langs: dict[str, LangEntry] = {}
    for code in codes:
        if code not in item:
            raise r.fail(where, f"concept {cid} has no {code!r} entry.",
                         "Every concept needs every language; mark unverified wording with confidence: U.")
        langs[code] = _lang_entry(r, where + (code,), item[code], cid, code, severity, sources, concept_sources)
    return Concept(cid, severity, concept_sources, langs, r.lines.get(where, 0))


def _lang_entry(r: _Reader, lw: KeyPath, value: Any, cid: str, code: str, severity: str,
                sources: dict[str, Source], concept_sources: tuple[str, ...]) -> LangEntry:
    raw = r.mapping(value, lw, f"concept {cid} ({code})")
    unknown = set(raw) - _LANG_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise r.fail(lw + (key,), f"concept {cid} ({code}): unknown key {key!r}.",
                     f"Use {', '.join(sorted(_LANG_KEYS))}.")
    prefer = r.texts(raw.get("prefer"), lw + ("prefer",), f"{cid}.{code}.prefer")
    if not prefer:
        raise r.fail(lw, f"concept {cid} ({code}) needs at least one preferred term.")
    avoid = r.texts(raw.get("avoid"), lw + ("avoid",), f"{cid}.{code}.avoid")
    if avoid and severity == "none":
        raise r.fail(lw + ("avoid",), f"concept {cid} has severity none but lists avoid forms in {code!r}.",
                     "Set severity to avoid or care, or move the forms to variants.")
    clash = set(map(str.casefold, avoid)) & set(map(str.casefold, prefer))
    if clash:
        raise r.fail(lw + ("avoid",), f"concept {cid} ({code}): {sorted(clash)[0]!r} is both preferred and avoided.")
    confidence = raw.get("confidence")
    if confidence not in CONFIDENCE:
        raise r.fail(lw, f"concept {cid} ({code}): confidence {confidence!r} must be S, P or U.",
                     "S: found in a cited source; P: partly supported; U: unverified.")
    return LangEntry(
        prefer=prefer, avoid=avoid,
        variants=r.texts(raw.get("variants"), lw + ("variants",), f"{cid}.{code}.variants"),
        reason=r.text(raw.get("reason"), lw + ("reason",), f"{cid}.{code}.reason"),
        exceptions=r.texts(raw.get("exceptions"), lw + ("exceptions",), f"{cid}.{code}.exceptions"),
        confidence=confidence,
        sources=_known_sources(r, sources, r.texts(raw.get("sources"), lw + ("sources",), "sources"), lw + ("sources",))
        or concept_sources,
        note=str(raw.get("note") or ""),
    )


def load(root: Path, codes: tuple[str, ...]) -> Termbase:
    """Read and validate the termbase of the handbook at ``root`` (cached until the file changes)."""
    path = (root / TERMBASE_FILE).resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise HandbookError(path, "termbase not found.", fix=f"Create {TERMBASE_FILE}.") from None
    from handbook.languages import load_i18n
    from handbook.terms.inflect import RULE_SETS

    inflection = []
    for lang in load_i18n(root).languages:
        if lang.code in codes and lang.inflection:
            if lang.inflection not in RULE_SETS:
                raise HandbookError(root / "translations/languages.yml", f"inflection {lang.inflection!r} of "
                                    f"{lang.code!r} is not a rule set of the terminology linter.",
                                    fix=f"Use one of {', '.join(RULE_SETS)}, or leave the key out for exact matching.")
            inflection.append((lang.code, lang.inflection))
    return _cached(path, mtime, codes, tuple(inflection))


@lru_cache(maxsize=4)
def _cached(path: Path, _mtime: int, codes: tuple[str, ...], inflection: tuple[tuple[str, str], ...] = ()) -> Termbase:
    data, lines = load_yaml(path)
    return dataclasses.replace(parse(data, lines, path, codes), inflection=dict(inflection))
