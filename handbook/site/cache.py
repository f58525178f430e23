"""A content-addressed cache of each language's built outputs (web pages, search, PDFs, offline ZIP).

A language's entry lives in ``.cache/handbook/<key>/`` at the root of the checkout, outside
``site/`` and every source folder. The key is a SHA-256 of everything that can change that
language's files (:func:`language_key`): its own pages and the English pages it falls back to,
its and English's UI strings, every other data file the build reads (termbase, languages, the
publication policy, editions and the change log), mkdocs.yml, the templates, styles and hooks, the
package's own code, the installed distributions' versions, the audience, the build options, the
language's build date (handbook.site.epochs), and the one fact about other languages its pages
show: the publication gate's decisions. A one-page French edit, or a French page translated,
changes French's key only: the other languages' status tables are written where the languages meet
(handbook.translation.site.fill_status_pages), not in a language's outputs.

A cache that cannot be trusted is worse than none: an entry is used only when its record names the
same key and language, and every file it lists is there with its size and SHA-256; anything else
(a missing file, an extra one, an unreadable record, a half-written entry) is a miss, and the
language is built again. Entries are written into a temporary folder and renamed into place, so a
reader never sees half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from handbook.languages import I18n, split_language_path
from handbook.pages.walk import RESTRICTED, content_roots, entries, files
from handbook.paths import CHANGES_DIR, CONFIG_FILE, RESTRICTED_DIR, TRANSLATIONS_DIR, Project

CACHE_DIR = ".cache/handbook"
RECORD = "entry.json"
FORMAT = 1  # bumped when the entry's layout or the key's recipe changes: old entries then miss
# Folders of the checkout whose every file can change any language's output.
SHARED_DIRS = ("hooks", "overrides", "styles", CHANGES_DIR)
SHARED_FILES = (CONFIG_FILE, "pyproject.toml", "constraints.txt")
_SKIPPED_PARTS = ("__pycache__",)


def cache_root(project: Project) -> Path:
    return project.root / CACHE_DIR


# --- the key -------------------------------------------------------------------------------------

def _other_language(rel: str, i18n: I18n, code: str) -> bool:
    """Whether a file belongs to another translated language by its suffix ('x.es.md', 'nav.es.yml'):
    only those are left out of a language's key."""
    return split_language_path(rel, i18n.codes, i18n.default)[0] not in (code, i18n.default)


def input_files(project: Project, i18n: I18n, code: str, audience: str) -> list[Path]:
    """Every file that can change language ``code``'s output, sorted; other languages' own files
    (their translated pages, UI strings and PO files) are left out."""
    found: list[Path] = []
    for root in content_roots(project, audience):
        top = project.root / root.folder
        found += [top / rel for rel in files(top, project.root) if not _other_language(rel, i18n, code)]
    translations = project.root / TRANSLATIONS_DIR
    if translations.is_dir():
        for rel in files(translations, project.root):
            folder, _, rest = rel.partition("/")
            # translations/po/<code>/...: the folder names the language.
            if folder == "po" and rest.split("/", 1)[0] in i18n.codes and rest.split("/", 1)[0] != code:
                continue
            if not _other_language(rel, i18n, code):
                found.append(translations / rel)
    for name in SHARED_DIRS:
        top = project.root / name
        if top.is_dir():
            found += [top / rel for rel in files(top, project.root)
                      if not any(part in _SKIPPED_PARTS for part in rel.split("/"))]
    found += [project.root / name for name in SHARED_FILES if (project.root / name).is_file()]
    if audience == RESTRICTED and (project.root / RESTRICTED_DIR).is_dir():
        # The whole tree: its passages fill public pages and its nav.yml orders the menu. The public
        # edition reads none of it (its output is the same with or without the tree).
        top = project.root / RESTRICTED_DIR
        found += [top / rel for rel in files(top, project.root)]
    return sorted(set(found))


def package_files() -> list[Path]:
    """The files of the handbook package that runs the build (code, templates, fonts): the one
    imported, which is not always the checkout's own copy."""
    top = Path(__file__).resolve().parent.parent
    return [top / rel for rel in files(top, top) if not any(p in _SKIPPED_PARTS for p in rel.split("/"))]


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A digest of the package's files and the installed distributions' versions, read once per
    process: what the PDF cache (handbook.pdf.cache) adds to each document's key."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in package_files():
        data = path.read_bytes()
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + str(len(data)).encode()
                      + b"\0" + data)
    digest.update("\n".join(_distributions()).encode())
    return digest.hexdigest()


def _distributions() -> list[str]:
    """'name==version' of every installed distribution: a dependency upgrade is a new key."""
    names = {f"{(d.metadata['Name'] or '').lower()}=={d.version}" for d in metadata.distributions()}
    return sorted(names)


def _tags(project: Project) -> str:
    """The git tags and what they point to: the change log and paragraph history read edition tags."""
    try:
        proc = subprocess.run(["git", "for-each-ref", "--format=%(refname) %(objectname)", "refs/tags"],
                              cwd=project.root, capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return proc.stdout if proc.returncode == 0 else ""


def language_key(project: Project, i18n: I18n, code: str, *, audience: str, options: dict[str, str],
                 site_facts: str) -> str:
    """The cache key of one language's outputs (hex SHA-256); see the module docstring for its parts."""
    digest = hashlib.sha256()

    def add(label: str, value: bytes) -> None:
        digest.update(label.encode("utf-8") + b"\0" + str(len(value)).encode() + b"\0" + value)

    add("format", str(FORMAT).encode())
    add("language", code.encode())
    add("audience", audience.encode())
    add("options", json.dumps(options, sort_keys=True).encode())
    add("site-facts", site_facts.encode("utf-8"))
    add("distributions", "\n".join(_distributions()).encode())
    add("tags", _tags(project).encode())
    for path in input_files(project, i18n, code, audience):
        add("file:" + path.relative_to(project.root).as_posix(), path.read_bytes())
    package = Path(__file__).resolve().parent.parent
    for path in package_files():
        add("package:" + path.relative_to(package).as_posix(), path.read_bytes())
    return digest.hexdigest()


# --- entries -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Lookup:
    hit: bool
    reason: str = ""  # why an entry was not used ('' for a hit or a plain miss)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _entry(cache: Path, key: str) -> Path:
    return cache / key


def restore(cache: Path, key: str, code: str, dest: Path) -> Lookup:
    """Copy the entry ``key`` into ``dest`` (a new folder) when it can be trusted entirely."""
    entry = _entry(cache, key)
    if not entry.is_dir():
        return Lookup(False)
    try:
        record = json.loads((entry / RECORD).read_text(encoding="utf-8"))
        if record.get("format") != FORMAT or record.get("key") != key or record.get("language") != code:
            return Lookup(False, "its record names another key, language or format")
        listed = record["files"]
        tree = entry / "files"
        present = sorted(rel for rel, path in entries(tree, hidden=True) if not path.is_dir())
        if present != sorted(listed):
            return Lookup(False, "its files differ from its record (a partial or altered entry)")
        for rel, (size, sha) in listed.items():
            path = tree / rel
            if path.is_symlink() or path.stat().st_size != size or _sha256(path) != sha:
                return Lookup(False, f"{rel} differs from its record")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return Lookup(False, f"its record cannot be read ({type(exc).__name__})")
    shutil.copytree(tree, dest, copy_function=shutil.copy2)
    _touch(entry)
    return Lookup(True)


def store(cache: Path, key: str, code: str, tree: Path, rels: Iterable[str]) -> None:
    """Save the files ``rels`` of ``tree`` as the entry ``key``, atomically (rename into place)."""
    entry = _entry(cache, key)
    if entry.exists():
        shutil.rmtree(entry)  # an entry that failed its checks: replace it
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / f".tmp-{key[:16]}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    listed: dict[str, tuple[int, str]] = {}
    for rel in sorted(rels):
        source, target = tree / rel, tmp / "files" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        listed[rel] = (target.stat().st_size, _sha256(target))
    record = {"format": FORMAT, "key": key, "language": code, "files": listed}
    (tmp / "files").mkdir(parents=True, exist_ok=True)
    (tmp / RECORD).write_text(json.dumps(record, indent=0, sort_keys=True), encoding="utf-8")
    try:
        tmp.rename(entry)
    except OSError:  # another build stored the same key first: its entry is as good as ours
        shutil.rmtree(tmp, ignore_errors=True)


# --- pruning -------------------------------------------------------------------------------------

KEPT_PER_LANGUAGE = 3  # entries kept per language built: this build's, and two earlier states to go back to
_STALE_TMP_SECONDS = 24 * 3600  # a half-written entry this old belongs to a build that died


def _touch(entry: Path) -> None:
    """Mark the entry as used now: pruning keeps the entries used last."""
    try:
        os.utime(entry / RECORD)
    except OSError:
        pass


def _is_key(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


def _last_used(entry: Path) -> float:
    try:
        return (entry / RECORD).stat().st_mtime
    except OSError:
        return 0.0  # no record: a damaged entry, the first to go


def prune(cache: Path, keep: Iterable[str], limit: int, now: float | None = None) -> list[str]:
    """Remove entries of ``cache`` beyond the ``limit`` used last, never one of ``keep`` (this
    build's keys), and half-written entries of builds that died; return the keys removed.

    Only folders named by a key are entries; anything else in the folder is left alone.
    """
    import time

    if not cache.is_dir():
        return []
    now = time.time() if now is None else now
    kept = set(keep)
    entries = sorted((p for p in cache.iterdir() if p.is_dir() and _is_key(p.name) and p.name not in kept),
                     key=_last_used, reverse=True)
    removed = [p.name for p in entries[max(0, limit - len(kept)):]]
    for name in removed:
        shutil.rmtree(cache / name, ignore_errors=True)
    for tmp in cache.glob(".tmp-*"):
        try:
            if now - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError:
            pass
    return removed


def owned_files(site: Path, prefixes: Sequence[str], prefix: str, listing: Sequence[str]) -> list[str]:
    """The files of ``listing`` that belong to the language folder ``prefix`` ('' for the root
    language): the longest language prefix that starts a path owns it."""
    ordered = sorted(prefixes, key=len, reverse=True)
    return [rel for rel in listing if next(p for p in ordered if rel.startswith(p)) == prefix]


def inputs_digest(project: Project, i18n: I18n, code: str, audience: str = "public") -> str:
    """A short digest of language ``code``'s own inputs (its files, the English ones, the shared data,
    templates and the package): what the language's colophon prints instead of the commit, so that
    its outputs do not change when another language does."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    named = [(p.relative_to(project.root).as_posix(), p) for p in input_files(project, i18n, code, audience)]
    named += [("package:" + p.relative_to(package).as_posix(), p) for p in package_files()]
    for name, path in named:
        data = path.read_bytes()
        digest.update(name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()[:12]


def site_facts(gates: Iterable) -> str:
    """What a language's pages show about other languages: the publication gate's decisions
    (``gates``, handbook.translation.gate: switchers leave out unlisted languages, a draft says so).
    They change only when a language crosses its threshold, not with a page translated or a typo
    fixed. The status tables of the other languages are not among them: the assembly writes those
    (handbook.translation.site)."""
    return json.dumps({"gates": {g.lang: (g.web, g.publish) for g in gates}}, sort_keys=True)
