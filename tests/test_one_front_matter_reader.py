"""One reader of front matter: only handbook/frontmatter.py knows what its fences look like.

Every other module asks it (opens_front_matter, closing_fence, split, read). A second rule for
where front matter ends, however small, is how pages came to be read differently by the checks,
the build and the translation tools.
"""

from __future__ import annotations

import re

from tests.conftest import grep_package

# A comparison with the fence itself: `== "---"`, `in ("---", "...")`, `find("\n---")`...
_FENCE_RULE = re.compile(r"""(==|!=|\bin\b)\s*\(?\s*["']---["']|find\(\s*["']\\n---""")


def test_only_frontmatter_py_knows_the_fences():
    assert grep_package(_FENCE_RULE, "frontmatter.py") == []


def test_the_pattern_finds_a_second_rule():
    assert _FENCE_RULE.search('if lines[0].rstrip() != "---":')
    assert _FENCE_RULE.search('if line.rstrip() in ("---", "..."):')
    assert _FENCE_RULE.search('text[:text.find("\\n---", 3)]')
    assert not _FENCE_RULE.search('hint="start the file with \'---\'"')
