"""The public build's last post step: the leak scan of its own output, when restricted/ is present.

It runs last, on the staging folder, so it reads every file as it will be served (pages with their
policy, PDFs, offline ZIPs); a finding raises BuildFailed, and site/ is left as it was. Without a
restricted tree it returns at once: nothing is imported or read, and the output is byte-identical.
"""

from __future__ import annotations

from pathlib import Path

from handbook.errors import BuildFailed, HandbookError
from handbook.paths import Project


def post_build(site: Path, project: Project) -> None:
    """Scan ``site``; it is a ``whole_site`` step, so the build gives it every language, those taken
    from the cache too (the restricted tree may have changed since they were built)."""
    from handbook.leaks import tree

    if not tree.present(project):
        return
    from handbook.leaks.fingerprint import load
    from handbook.leaks.scan import scan_site

    try:
        prints, copies = load(project)
    except HandbookError as exc:
        raise BuildFailed(f"The leak scan cannot read the restricted tree: {exc}") from None
    found = scan_site(site, prints, copies=copies)
    if found:
        raise BuildFailed("The public build holds restricted text or images (paths are in the built site; "
                          "site/ was left unchanged):\n" + "\n".join(d.text() for d in found))


post_build.whole_site = True  # type: ignore[attr-defined]  # run on the whole site (handbook.site.build)
