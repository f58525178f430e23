"""The cache keeps the entries used last, never this build's, and nothing it did not write."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from handbook.site import cache


def _key(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def _entries(root: Path, count: int, tree: Path) -> list[str]:
    keys = [_key(n) for n in range(count)]
    for n, key in enumerate(keys):
        cache.store(root, key, "fr", tree, ["index.html"])
        os.utime(root / key / cache.RECORD, (1_000_000 + n, 1_000_000 + n))  # entry n used at time n
    return keys


def test_prune_keeps_this_build_s_entries_and_the_ones_used_last(tmp_path):
    tree, root = tmp_path / "site", tmp_path / "cache"
    tree.mkdir()
    (tree / "index.html").write_text("<p>Bonjour</p>", encoding="utf-8")
    keys = _entries(root, 8, tree)
    (root / "pdf").mkdir()  # not an entry of this cache: left alone
    (root / "notes.txt").write_text("a reader's file", encoding="utf-8")
    removed = cache.prune(root, keep=[keys[0], keys[1]], limit=4)
    # kept: this build's two (the oldest), and the two used last
    assert sorted(p.name for p in root.iterdir() if cache._is_key(p.name)) == sorted([keys[0], keys[1], keys[6], keys[7]])
    assert sorted(removed) == sorted(keys[2:6])
    assert (root / "pdf").is_dir() and (root / "notes.txt").is_file()


def test_an_entry_restored_counts_as_used_now(tmp_path):
    tree, root = tmp_path / "site", tmp_path / "cache"
    tree.mkdir()
    (tree / "index.html").write_text("<p>Hola</p>", encoding="utf-8")
    keys = _entries(root, 3, tree)
    assert cache.restore(root, keys[0], "fr", tmp_path / "restored").hit
    cache.prune(root, keep=[], limit=1)
    assert [p.name for p in root.iterdir()] == [keys[0]]
    assert cache.restore(root, keys[0], "fr", tmp_path / "again").hit  # still whole after pruning


def test_half_written_entries_of_dead_builds_go_and_recent_ones_stay(tmp_path):
    root = tmp_path / "cache"
    old, recent = root / ".tmp-0123456789abcdef-1", root / ".tmp-fedcba9876543210-2"
    old.mkdir(parents=True), recent.mkdir()
    now = 1_000_000 + 2 * 24 * 3600
    os.utime(old, (1_000_000, 1_000_000))  # two days old
    os.utime(recent, (now - 60, now - 60))  # a minute old: a build may still be writing it
    cache.prune(root, keep=[], limit=10, now=now)
    assert not old.exists() and recent.exists()
