"""The output folder of a build: the only thing a build may replace, and how it proves it wrote it.

A build replaces its output folder whole (``swap_in``), so the folder it is pointed at must hold
nothing that anyone else wrote. Three rules, checked before any work starts:

- the folder is not the checkout, nor a folder that contains it (``--out .``, ``--out ~``);
- it does not lie inside a folder of sources (``docs/``, ``translations/``, ``restricted/``,
  ``.git/``), even as a folder that does not exist yet;
- if it exists and is not empty, it holds this module's manifest, and no file that the manifest
  does not list: every file in it was written by an earlier build.

The manifest (``MANIFEST``) lists every file a build wrote, sorted, so two builds of the same
commit still give byte-identical folders.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from handbook.errors import HandbookError
from handbook.paths import DOCS_DIR, RESTRICTED_DIR, TRANSLATIONS_DIR, Project, is_within

MANIFEST = ".handbook-build.json"
# Folders of the checkout that hold what people write; no build output may go inside them.
SOURCE_DIRS = (DOCS_DIR, TRANSLATIONS_DIR, RESTRICTED_DIR, ".git")
_SHOWN = 5  # unknown files named in the refusal; the rest are counted


class UnsafeOutput(HandbookError):
    """The output folder could hold someone's work: the build refuses to replace it."""


def _refuse(out: Path, problem: str, fix: str) -> UnsafeOutput:
    return UnsafeOutput(str(out), problem, fix=fix)


def files_under(folder: Path) -> list[str]:
    """Every file below ``folder`` (symlinks included, not followed), as sorted POSIX paths."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        # A symlink to a folder is listed as a file: the build never writes one, so it is unknown.
        found += [(here / name).relative_to(folder).as_posix()
                  for name in filenames + [d for d in dirnames if (here / d).is_symlink()]]
    return sorted(found)


def read_manifest(folder: Path) -> set[str] | None:
    """The files an earlier build says it wrote into ``folder``; None when there is no valid manifest."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) else None
    if data.get("written_by") != "handbook build" or not isinstance(files, list):
        return None
    return {f for f in files if isinstance(f, str)}


def write_manifest(folder: Path) -> None:
    """Record every file now in ``folder`` as written by this build (the manifest lists itself)."""
    files = sorted({*files_under(folder), MANIFEST})
    text = json.dumps({"written_by": "handbook build", "files": files}, indent=0, ensure_ascii=False)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")


def check_output(project: Project, out: Path) -> Path:
    """Return the resolved output folder, or raise UnsafeOutput saying why it may not be replaced."""
    target = out.expanduser().resolve()
    root = project.root.resolve()
    if is_within(root, target):
        where = "the checkout itself" if target == root else f"a folder that contains the checkout ({root})"
        raise _refuse(out, f"the output folder is {where}; the build replaces its output folder whole, "
                      "so every source file and .git would be lost.",
                      "Build into site/ (the default) or into a new folder of its own, e.g. --out site-fr.")
    for name in SOURCE_DIRS:
        source = root / name
        if is_within(target, source):
            raise _refuse(out, f"the output folder lies inside {name}/, which holds sources the build must "
                          "never replace.", "Choose a folder outside docs/, translations/, restricted/ and .git/.")
    if target.exists() and not target.is_dir():
        raise _refuse(out, "this is a file, not a folder.", "Choose a folder for the build's output.")
    if target.is_dir():
        with os.scandir(target) as entries:
            first = next((entry.name for entry in entries), None)
        if first is not None:
            written = read_manifest(target)
            if written is None:  # not walked further: the folder could be a home folder
                raise _refuse(out, f"the folder holds files that no handbook build wrote (it has no {MANIFEST}), "
                              f"for example {first}; the build would delete them.",
                              f"Choose an empty or new folder. If {out} is an old build output, delete it "
                              "yourself first.")
            unknown = [f for f in files_under(target) if f not in written]
            if unknown:
                more = f" and {len(unknown) - _SHOWN} more" if len(unknown) > _SHOWN else ""
                raise _refuse(out, "the folder holds file(s) that the last build did not write: "
                              f"{', '.join(unknown[:_SHOWN])}{more}; the build would delete them.",
                              "Move those files out of the output folder, then build again.")
    return target


def keep_other_languages(old: Path, new: Path, prefixes: Iterable[str], rebuilt: Iterable[str]) -> None:
    """Carry every file of ``old`` that belongs to a language not rebuilt into ``new``, by hard link.

    ``prefixes`` are every language's folder ("" for the default language at the root, "fr/"...);
    ``rebuilt`` the prefixes just built into ``new``. A file belongs to the language whose prefix
    is the longest that starts its path, so the root language owns everything but the others'
    folders.
    """
    prefixes = sorted(prefixes, key=len, reverse=True)
    rebuilt = set(rebuilt)
    for rel in files_under(old):
        if rel == MANIFEST:
            continue
        owner = next(p for p in prefixes if rel.startswith(p))
        if owner in rebuilt:
            continue
        source, dest = old / rel, new / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            continue  # never written by a build (check_output refuses such a folder)
        try:
            os.link(source, dest)
        except OSError:  # another file system, or links not allowed: copy instead
            dest.write_bytes(source.read_bytes())


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` with renames only, so a reader never sees half a site."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)
