"""The post-build step: every built language gets its web app (manifest, icons, service worker),
its offline ZIP, and the sizes of both written into its pages.

It runs after the Content-Security-Policy step, because the ZIP must hold the pages as served,
policy included. It changes no inline code: it writes text into marked spans and, in the ZIP's
copies, href values. Every page it touches is checked against its policy again (csp.verify), so a
change that broke a policy would stop the build instead of shipping.
"""

from __future__ import annotations

from pathlib import Path

from handbook.errors import BuildFailed
from handbook.languages import load_i18n
from handbook.offline import site as marks
from handbook.offline.bundle import write_zip
from handbook.offline.files import language_files, zip_name
from handbook.offline.webapp import worker_config, write_icons, write_manifest, write_worker
from handbook.paths import Project
from handbook.pdf.names import pdf_name
from handbook.site import csp
from handbook.site.layout import other_folders


def _check_policies(site: Path, changed: list[Path]) -> None:
    broken = {p.relative_to(site).as_posix(): problem for p in changed
              if (problem := csp.verify(p.read_text(encoding="utf-8")))}
    if broken:
        raise BuildFailed("The offline step broke the Content-Security-Policy of these pages:\n"
                          + "\n".join(f"  {name}: {problem}" for name, problem in sorted(broken.items())))


def build_language(site: Path, project: Project, code: str, epoch: int) -> None:
    i18n = load_i18n(project.root)
    folder = site / i18n.prefix(code)
    others = other_folders(i18n, code)
    write_icons(folder)
    write_manifest(folder, i18n, code)
    files = language_files(site, i18n, code)
    changed = marks.fill(folder, others, marks.size_marks(i18n, code, files.size, files.pdf_size))
    files = language_files(site, i18n, code)
    html = {rel: (folder / rel).read_text(encoding="utf-8") for rel, _ in files.pages if rel.endswith(".html")}
    target = folder / zip_name(code)
    write_zip(target, i18n, files, pdf_name(code), epoch, html)
    changed += marks.fill(folder, others, marks.zip_marks(i18n, code, target.stat().st_size))
    write_worker(folder, worker_config(i18n, language_files(site, i18n, code)))
    _check_policies(site, sorted(set(changed)))


def built_codes(site: Path, project: Project) -> list[str]:
    """The languages this build made (``--lang`` may build a few): those with a home page."""
    i18n = load_i18n(project.root)
    return [code for code in i18n.codes if (site / i18n.prefix(code) / "index.html").is_file()]


def post_build(site: Path, project: Project) -> None:
    from handbook.site.epochs import language_epochs

    codes = built_codes(site, project)
    for code, epoch in language_epochs(project, codes).items():
        for_language(site, project, code, epoch)


def for_language(site: Path, project: Project, code: str, epoch: str) -> None:
    """The step for one language of the assembled ``site``, with its build date (the language's
    own: its ZIP changes with it alone). The build runs languages in parallel."""
    build_language(site, project, code, int(epoch))


# Pages show the save panel and the ZIP link only in builds that make them (handbook.site.build).
post_build.produces = "offline"  # type: ignore[attr-defined]
post_build.per_language = for_language  # type: ignore[attr-defined]
