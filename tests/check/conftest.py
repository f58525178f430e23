"""Fixtures shared by the check tests: the clean fixture handbook (tests/check/fixture.py), built
once per module, and a fresh copy of it for each test to seed a defect into."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.paths import Project
from tests.check.fixture import make_clean


@pytest.fixture(scope="module")
def clean_tree(tmp_path_factory) -> Path:
    return make_clean(tmp_path_factory.mktemp("clean") / "handbook").root


@pytest.fixture
def fresh(clean_tree: Path, tmp_path: Path) -> Project:
    shutil.copytree(clean_tree, tmp_path / "handbook")
    return Project(tmp_path / "handbook")
