"""The publication gate: whether a language's PDF edition is published, and how its web pages are,
from translations/publication.yml.

Contract for the PDF step: ``decide(project, code) -> GateDecision``. ``publish`` says whether to
produce the language's PDF; ``marked`` lists the docs-relative English paths of the pages in scope
that are not up to date (outdated or missing), which the PDF should mark as such; ``summary()`` is
the line to print in the build log. ``web`` says how the language's web pages are published:
``published``; ``draft`` (built, every page says the translation is a draft); ``unlisted`` (built,
but no other language's switcher links to it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.paths import TRANSLATIONS_DIR, Project
from handbook.translation.inventory import load_cached
from handbook.translation.status import ORPHANED, UP_TO_DATE, LanguageStatus, Report, percent
from handbook.yamlio import load_yaml

if TYPE_CHECKING:
    from handbook.pages.model import Corpus

POLICY_FILE = f"{TRANSLATIONS_DIR}/publication.yml"
_LANGUAGE_KEYS = {"pdf_min_up_to_date", "web_min_up_to_date", "web_below"}
WEB_BELOW = ("draft", "unlisted")


@dataclass(frozen=True)
class LanguageThreshold:
    pdf_min_up_to_date: float
    web_min_up_to_date: float = 0.0
    web_below: str = "draft"  # how the web pages are published below web_min_up_to_date


@dataclass(frozen=True)
class Policy:
    scope: tuple[str, ...]
    default: LanguageThreshold
    languages: dict[str, LanguageThreshold]

    def rule(self, code: str) -> LanguageThreshold:
        return self.languages.get(code, self.default)


@dataclass(frozen=True)
class GateDecision:
    lang: str
    publish: bool
    threshold: float          # required percentage of pages in scope up to date
    percent: float            # actual percentage, rounded to one decimal
    up_to_date: int
    counted: int              # pages in scope
    marked: tuple[str, ...]   # pages in scope not up to date, to mark in the edition
    web: str = "published"    # published | draft | unlisted

    def summary(self) -> str:
        verdict = "published" if self.publish else "NOT published"
        return (f"[{self.lang}] PDF {verdict}: {self.up_to_date} of {self.counted} page(s) in scope up to date "
                f"({self.percent:g}%), policy requires {self.threshold:g}%"
                + (f"; {len(self.marked)} page(s) marked as not up to date" if self.marked and self.publish else "")
                + (f"; web pages {self.web}" if self.web != "published" else ""))


def _rule(value: Any, path: Path, line: int | None, where: str) -> LanguageThreshold:
    if not isinstance(value, dict) or set(value) - _LANGUAGE_KEYS or "pdf_min_up_to_date" not in value:
        raise HandbookError(path, f"{where} must be a mapping with the key pdf_min_up_to_date (and optionally "
                            "web_min_up_to_date and web_below).", line=line,
                            fix="Write e.g. 'pdf_min_up_to_date: 50'.")
    numbers = []
    for key in ("pdf_min_up_to_date", "web_min_up_to_date"):
        threshold = value.get(key, 0)
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
            raise HandbookError(path, f"{where}.{key} must be a number from 0 to 100, not {threshold!r}.",
                                line=line, fix="Give a percentage, e.g. 50.")
        numbers.append(float(threshold))
    below = value.get("web_below", "draft")
    if below not in WEB_BELOW:
        raise HandbookError(path, f"{where}.web_below must be draft or unlisted, not {below!r}.", line=line,
                            fix="draft: built, every page says it is a draft; unlisted: built, not linked from "
                                "the other languages' switcher.")
    return LanguageThreshold(numbers[0], numbers[1], below)


def load_policy(root: Path, codes: Sequence[str]) -> Policy:
    """Read and check translations/publication.yml (file, line and fix on every error)."""
    path = root / POLICY_FILE
    if not path.exists():
        return Policy((), LanguageThreshold(0.0), {})
    data, lines = load_yaml(path)
    if not isinstance(data, dict):
        raise HandbookError(path, "expected a mapping with scope, default and languages.", line=1)
    unknown = set(data) - {"scope", "default", "languages"}
    if unknown:
        key = sorted(unknown)[0]
        raise HandbookError(path, f"unknown key {key!r}.", line=lines.get((key,)),
                            fix="Known keys: scope, default, languages.")
    scope = data.get("scope") or []
    if not isinstance(scope, list) or not all(isinstance(s, str) for s in scope):
        raise HandbookError(path, "scope must be a list of docs folders, e.g. '- chapters/'.", line=lines.get(("scope",)))
    default = _rule(data["default"], path, lines.get(("default",)), "default") if "default" in data else LanguageThreshold(0.0)
    languages: dict[str, LanguageThreshold] = {}
    for code, value in (data.get("languages") or {}).items():
        if code not in codes:
            raise HandbookError(path, f"language {code!r} is not a translated language.", line=lines.get(("languages", code)),
                                fix=f"Use one of {', '.join(codes)} (translations/languages.yml).")
        languages[code] = _rule(value, path, lines.get(("languages", code)), f"languages.{code}")
    return Policy(tuple(scope), default, languages)


def in_scope(policy: Policy, source: str) -> bool:
    return not policy.scope or any(source.startswith(prefix) for prefix in policy.scope)


def decide_language(policy: Policy, status: LanguageStatus) -> GateDecision:
    """The gate's decision for one language, from its status (pure)."""
    pages = [p for p in status.pages if p.state != ORPHANED and in_scope(policy, p.source)]
    done = sum(1 for p in pages if p.state == UP_TO_DATE)
    threshold = policy.rule(status.lang).pdf_min_up_to_date
    # Compare exactly (done/total >= threshold/100), not the rounded percentage.
    publish = done * 100 >= threshold * len(pages) if pages else True
    marked = tuple(p.source for p in pages if p.state != UP_TO_DATE)
    rule = policy.rule(status.lang)
    web_ok = done * 100 >= rule.web_min_up_to_date * len(pages) if pages else True
    return GateDecision(status.lang, publish, threshold, percent(done, len(pages)), done, len(pages), marked,
                        "published" if web_ok else rule.web_below)


def decide_all(root: Path, report: Report) -> list[GateDecision]:
    i18n = load_i18n(root)
    policy = load_policy(root, i18n.translated_codes)
    return [decide_language(policy, report.language(code)) for code in i18n.translated_codes]


def decide(project: Project, code: str) -> GateDecision:
    """Whether the ``code`` edition is published. The source language always is."""
    i18n = load_i18n(project.root)
    if code not in i18n.codes:
        raise HandbookError(project.languages_file, f"unknown language {code!r}.", fix=f"Use one of {', '.join(i18n.codes)}.")
    policy = load_policy(project.root, i18n.translated_codes)
    if code == i18n.default:
        return GateDecision(code, True, 0.0, 100.0, 0, 0, ())
    # The cached inventory: a build asks for every language, twice, and reading every language's
    # pages each time grew with the square of the number of languages (40 reads at 20 languages).
    return decide_language(policy, load_cached(project.root).language(code))


_WEB_STATES = "translation.web_states"  # the key of the decision in a corpus (Corpus.derived)


def web_states(root: Path, corpus: Corpus | None = None) -> dict[str, str]:
    """How each translated language's web pages are published (the build asks on every page, so the
    inventory is the cached one, of the build's ``corpus`` when it has one).

    A corpus of some languages only (a language's MkDocs run) cannot decide for the others: it must
    have been given the decision (:func:`give_web_states`), made once from every language's pages."""
    def decide(pages: Corpus | None) -> dict[str, str]:
        if pages is not None and pages.languages is not None:
            raise RuntimeError("the pages of some languages cannot decide every language's publication; "
                               "give the corpus the build's decision (give_web_states)")
        return {d.lang: d.web for d in decide_all(root, load_cached(root, pages))}

    # Once per build when it has its corpus: deciding reads languages.yml and publication.yml again.
    return decide(None) if corpus is None else corpus.derived(_WEB_STATES, decide)


def give_web_states(corpus: Corpus, states: dict[str, str]) -> None:
    """Hand ``corpus`` the decision of :func:`web_states`, made by the build from every language."""
    corpus.derived(_WEB_STATES, lambda _: dict(states))
