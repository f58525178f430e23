"""One rule for a translation's file name: handbook/languages.py's translation_path and
split_language_path. Six modules once built or cut 'x.fr.md' by hand, each a little differently."""

from __future__ import annotations

import re

from handbook.languages import split_language_path, translation_path
from tests.conftest import grep_package

# A language code spliced into a file name by hand: f"{stem}.{code}.md", f".{lang}{suffix}", ...
_HAND_BUILT = re.compile(r"""f["'][^"'*]*\.\{(?:code|lang|current|language)\}(?:\.md|\{[\w.]*suffix\})""")


def test_no_module_builds_a_translation_path_by_hand():
    assert grep_package(_HAND_BUILT, "languages.py") == []


def test_the_pattern_finds_a_hand_built_path():
    assert _HAND_BUILT.search('translated = f"{base[:-3]}.{code}.md"')
    assert _HAND_BUILT.search('name = path.name[: -len(f".{lang}.md")] + ".md"')
    assert _HAND_BUILT.search('return any(name == f"{stem}.{code}.md" for code in codes)')
    assert _HAND_BUILT.search('candidate = str(p.with_name(f"{p.stem}.{lang}{p.suffix}"))')
    assert not _HAND_BUILT.search('glob = f"*.{code}.md"')  # a glob of a language's files
    assert not _HAND_BUILT.search('raise HandbookError(f"{UI_DIR}/pdf.{code}.yml", ...)')  # not a page


def test_the_rule_and_its_inverse():
    codes = ("en", "fr", "ar")
    for source in ("chapters/x.md", "index.md", "img/a.png"):
        for code in ("fr", "ar"):
            assert split_language_path(translation_path(source, code), codes, "en") == (code, source)
