"""All git access of the translation workflow, in one place.

Blob ids are what ``git hash-object <file>`` prints for the file as it is on disk (committed or
not), so a translator can record a version before the English change is committed.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from handbook.errors import HandbookError


def _git(root: Path, args: Sequence[str], stdin: str | None = None) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, text=True)
    except FileNotFoundError:
        raise HandbookError(root, "git is not installed.", fix="Install git (apt-get install git).") from None
    if proc.returncode != 0:
        raise HandbookError(root, f"`git {' '.join(args)}` failed: {proc.stderr.strip()}")
    return proc.stdout


def blob_ids(root: Path, paths: Sequence[str]) -> dict[str, str]:
    """Blob ids of many files (paths relative to ``root``) with one git process."""
    if not paths:
        return {}
    out = _git(root, ["hash-object", "--stdin-paths"], stdin="".join(f"{p}\n" for p in paths)).split()
    if len(out) != len(paths):
        raise HandbookError(root, f"git hash-object returned {len(out)} ids for {len(paths)} files.")
    return dict(zip(paths, out))


def store_blob(root: Path, path: str) -> str:
    """Write the file's current content into git's object store and return its blob id.

    Recording a version with this makes the old text available to ``status --diff`` later, even if
    that version was never committed.
    """
    return _git(root, ["hash-object", "-w", "--", path]).strip()


def read_blob(root: Path, blob: str) -> str | None:
    """The text of a blob, or None when the repository does not hold it."""
    try:
        proc = subprocess.run(["git", "cat-file", "-p", blob], cwd=root, capture_output=True)
    except FileNotFoundError:
        raise HandbookError(root, "git is not installed.", fix="Install git (apt-get install git).") from None
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", errors="replace")


def read_blobs(root: Path, blobs: Sequence[str]) -> dict[str, str]:
    """The texts of many blobs with one git process (``git cat-file --batch``); a blob the
    repository does not hold is left out."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    try:
        proc = subprocess.run(["git", "cat-file", "--batch"], cwd=root, capture_output=True,
                              input="".join(f"{b}\n" for b in wanted).encode())
    except FileNotFoundError:
        raise HandbookError(root, "git is not installed.", fix="Install git (apt-get install git).") from None
    if proc.returncode != 0:
        return {}
    out, data, at = {}, proc.stdout, 0
    for blob in wanted:
        end = data.index(b"\n", at)
        header = data[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":  # '<id> missing', or not a blob
            continue
        size = int(header[2])
        out[blob] = data[at:at + size].decode("utf-8", errors="replace")
        at += size + 1
    return out


def uncommitted(root: Path, paths: Sequence[str]) -> list[str]:
    """Those of ``paths`` (relative to ``root``) whose content differs from the last commit, or that
    git does not track; [] outside a git checkout is not assumed: it raises, naming the folder."""
    if not paths:
        return []
    out = _git(root, ["status", "--porcelain", "--untracked-files=all", "--", *paths])
    return sorted({line[3:].strip() for line in out.splitlines() if line.strip()})
