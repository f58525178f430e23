"""The web build: one MkDocs run per language in parallel processes, then one assembled site.

Why per language: mkdocs-static-i18n's own pipeline rebuilds every language in one process and
merges one mixed search index, with a cost that grows faster than the content. One process per
language (its ``build_only_locale``) gives each language its own output, and the search index is
made afterwards by Pagefind, one index per language.

Why atomic: everything is built into a temporary folder next to ``site/``, which replaces
``site/`` only when every step succeeded. A failed build leaves the last good site untouched.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from handbook.check import datafiles
from handbook.pages.model import Corpus, load_corpus
from handbook.check.safety import file_problems
from handbook.errors import BuildFailed, HandbookError  # raised here; defined in errors so csp.py and the PDF step need not import the build
from handbook.languages import load_i18n
from handbook.pages.walk import PUBLIC
from handbook.paths import AUDIENCE_ENV, LOCALE_ENV, OUTPUTS_ENV, WEB_STATES_ENV, Project
from handbook.site import assemble as assembly
from handbook.site import cache as cache_module
from handbook.site.epochs import language_epochs, source_date_epoch  # noqa: F401  (callers import it from here)
from handbook.site.output import (check_output, files_under, keep_other_languages, read_manifest, swap_in,
                                  write_manifest)
from handbook.workers import run_in_workers


@dataclass
class LanguageResult:
    code: str
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.warnings and not self.error


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def build_language(config_file: str, code: str, out_dir: str, epoch: str, outputs: str = "",
                   search: bool = True, audience: str = PUBLIC, web_states: str = "") -> LanguageResult:
    """Build one language with MkDocs into ``out_dir``, then its search index; runs in a worker process.

    ``web_states`` (JSON) is the publication gate's decision for every language, made once by the
    build: the run then reads only its language's pages and the English ones."""
    # MkDocs resolves some paths (the snippets base_path) from the working directory.
    os.chdir(Path(config_file).parent)
    os.environ[LOCALE_ENV] = code
    os.environ[AUDIENCE_ENV] = audience  # the hooks read it (hooks/restricted_hooks.py); workers are reused
    os.environ[OUTPUTS_ENV] = outputs
    if web_states:
        os.environ[WEB_STATES_ENV] = web_states
    else:
        os.environ.pop(WEB_STATES_ENV, None)
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    started = time.perf_counter()
    result = LanguageResult(code)
    try:
        config = load_config(config_file=config_file, site_dir=out_dir)
        build(config)
    except Abort:
        pass  # strict mode aborts after logging its warnings, which the handler has collected
    except MkDocsException as exc:
        result.error = str(exc)
    except Exception as exc:  # a template or extension crash: report it with the language, not a traceback
        result.error = f"{type(exc).__name__}: {exc}"
    else:
        if search and not handler.messages:
            try:
                run_pagefind(Path(out_dir))
            except BuildFailed as exc:
                result.error = str(exc)
    finally:
        logger.removeHandler(handler)
    result.warnings = [m for m in handler.messages if "Aborted with" not in m]
    result.seconds = time.perf_counter() - started
    return result


def step_outputs(steps: Sequence["PostStep"], project: Project, code: str) -> str:
    """What the post-build steps add to one language, e.g. 'pdf', so its pages link only to real files.

    A step declares it with attributes: ``produces`` (a name) and optionally ``produces_for(project,
    code) -> bool`` when it skips some languages (the PDF's publication gate).
    """
    names = []
    for step in steps:
        name = getattr(step, "produces", "")
        decide = getattr(step, "produces_for", None)
        if name and (decide is None or decide(project, code)):
            names.append(name)
    return ",".join(sorted(names))


def _build_all(config_file: Path, codes: Sequence[str], staging: Path, jobs: int, epochs: dict[str, str],
               outputs: dict[str, str], search: bool, audience: str = PUBLIC, web: str = "") -> list[LanguageResult]:
    calls = [(str(config_file), code, str(staging / code), epochs[code], outputs[code], search, audience, web)
             for code in codes]
    return run_in_workers(build_language, calls, jobs=jobs, preload=[
        "mkdocs.commands.build", "mkdocs.config", "material", "mkdocs_static_i18n", "pymdownx", "handbook.site.build"])


def run_pagefind(site: Path) -> None:
    """Index one language's pages into its own ``pagefind/`` bundle.

    Each language has its own bundle next to its pages (site/pagefind/, site/fr/pagefind/...), so
    a reader searches their language only, and the four indexes are built in parallel, each in
    its language's worker, instead of one single-threaded run over the whole site.
    """
    from pagefind_bin import get_executable

    # Permalink signs and footnote back-links are navigation, not text: keep them out of results.
    cmd = [str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--quiet",
           "--exclude-selectors", ".headerlink", "--exclude-selectors", ".footnote-backref"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0 or "error" in proc.stderr.lower():
        raise BuildFailed(f"Pagefind could not index the site:\n{proc.stdout}{proc.stderr}")
    # Pagefind writes its language table in hash-map order; sort it so rebuilds are byte-identical
    # (a language's bundle holds one language, but pages falling back to English may add one).
    entry = site / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True,
                                ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def preflight(project: Project, corpus: Corpus | None = None) -> list:
    """Markup-safety findings outside the pages, refused before MkDocs reads anything: files in docs/
    (links out of the repository, file types, SVG images) and the data that becomes page text (UI
    strings, termbase, change log, editions). Pages themselves are checked as the hooks render them.
    Also every language's text that no shipped font covers (FONT001)."""
    corpus = corpus or load_corpus(project)
    found = [*file_problems(project, sorted(corpus.files - corpus.excluded)), *datafiles.check(project)]
    # Text that no shipped font can show is refused too: a new script needs its font first.
    from handbook.check import fonts

    found += fonts.check(corpus)
    return [d for d in found if d.code.startswith(("SAFE", "FONT"))]


@dataclass
class BuildReport:
    languages: list[LanguageResult]
    seconds: float
    site: Path
    cached: list[str] = field(default_factory=list)  # languages taken from the cache, not built


PostStep = Callable[[Path, Project], None]


def build_site(project: Project, *, codes: Sequence[str] | None = None, out: Path | None = None,
               jobs: int | None = None, search: bool = True,
               post_steps: Sequence[PostStep] = (), log: Callable[[str], None] = print,
               audience: str = PUBLIC, cache: bool = False, part: bool = False) -> BuildReport:
    """Build every language (or ``codes``) into ``out`` (default ``site/``), atomically.

    ``audience`` RESTRICTED builds the restricted edition (public and restricted pages together,
    handbook.restricted); post steps that declare ``takes_audience`` are given it too. Steps that
    declare ``whole_site`` (the leak scan) run last, on the whole site, cached languages included.

    With ``cache=True`` (``handbook build`` without ``--no-cache``), each language's outputs (pages,
    search, and what the post steps add: PDFs, offline ZIP) come from the cache (handbook.site.cache)
    when their key is there, else are built and stored. Off by default, so that benchmarks and tests
    that call the build measure and test a real build. ``part=True`` (``--lang`` with ``--out``) marks
    the output as a part that ``handbook assemble`` joins with the others (handbook.site.assemble).
    """
    started = time.perf_counter()
    i18n = load_i18n(project.root)
    codes = list(codes or i18n.codes)
    unknown = [c for c in codes if c not in i18n.codes]
    if unknown:
        raise BuildFailed(f"unknown language(s) {unknown}; translations/languages.yml lists {list(i18n.codes)}")
    target = check_output(project, out or project.site)
    try:
        address = assembly.sitemap_address(project, audience)  # read before any work: a bad one stops here
    except HandbookError as exc:
        raise BuildFailed(str(exc)) from None
    corpus = load_corpus(project, i18n)  # every language's pages, read once here; each worker reads its own
    refused = preflight(project, corpus)
    if refused:
        raise BuildFailed("The build refuses these files (handbook check reports the same; site/ was left "
                          "unchanged):\n" + "\n".join(d.text() for d in refused))
    # Without --out, building some languages updates those languages in site/ and keeps the others;
    # with --out, the folder holds exactly the languages asked for (a self-contained part).
    keep_others = out is None and set(codes) != set(i18n.codes) and read_manifest(target) is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    # The site's date (its colophon) is the last commit's; each language's is the last commit that
    # changed its inputs (handbook.site.epochs), so that a French commit changes French's outputs only.
    epoch = source_date_epoch(project.root)
    epochs = language_epochs(project, codes, audience)
    outputs = {code: step_outputs(post_steps, project, code) for code in codes}
    # The publication gate's decisions span languages: made once here, from every language's pages.
    # (The restricted edition's status counts its restricted pages too.)
    audience_pages = corpus if audience == PUBLIC else load_corpus(project, i18n, audience)
    gates = _gates(project, audience_pages)
    keys = _keys(project, i18n, codes, audience, epochs, search, post_steps, outputs, gates) if cache else {}

    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent))
    try:
        restored, fresh = work / "cached", []
        for code in codes:
            found = cache_module.restore(cache_module.cache_root(project), keys[code], code,
                                         restored / code) if cache else cache_module.Lookup(False)
            if found.hit:
                log(f"[{code}] from the cache ({keys[code][:12]})")
            else:
                fresh.append(code)
                if found.reason:
                    log(f"[{code}] cache entry not used: {found.reason}")
        site = work / "site"
        per_language = [s for s in post_steps if not getattr(s, "whole_site", False)]
        web = json.dumps({g.lang: g.web for g in gates}, sort_keys=True)
        results = _build_fresh(project, i18n, fresh, work, site, jobs, epochs, outputs, search, per_language, log,
                               audience, cache, web)
        if cache:
            prefixes = [i18n.prefix(c) for c in i18n.codes]
            listing = files_under(site)
            for code in fresh:
                cache_module.store(cache_module.cache_root(project), keys[code], code, site,
                                   cache_module.owned_files(site, prefixes, i18n.prefix(code), listing))
            # The cache keeps a few states per language, the ones used last, not every build's.
            cache_module.prune(cache_module.cache_root(project), keys.values(),
                               cache_module.KEPT_PER_LANGUAGE * len(i18n.codes))
        for code in codes:
            if (restored / code).is_dir():
                shutil.copytree(restored / code, site, dirs_exist_ok=True, copy_function=os.link)
        for step in post_steps:
            if getattr(step, "whole_site", False):
                _run_step(step, site, project, audience)
        if keep_others:
            keep_other_languages(target, site, [i18n.prefix(c) for c in i18n.codes],
                                 [i18n.prefix(c) for c in codes])
        ident = assembly.identity(project, epoch, audience)
        if part:
            assembly.write_part_record(site, codes, ident)
        elif keep_others or set(codes) == set(i18n.codes):
            assembly.write_site_files(site, project, i18n, ident, address, audience_pages)
        write_manifest(site)
        swap_in(site, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    cached = [code for code in codes if code not in fresh]
    return BuildReport(results, time.perf_counter() - started, target, cached)


def _gates(project: Project, corpus: Corpus) -> list:
    """The publication gate's decision for every translated language, from every language's pages."""
    from handbook.translation.gate import decide_all
    from handbook.translation.inventory import load_cached

    return decide_all(project.root, load_cached(project.root, corpus))


def _keys(project: Project, i18n, codes: Sequence[str], audience: str, epochs: dict[str, str], search: bool,
          post_steps: Sequence[PostStep], outputs: dict[str, str], gates: list) -> dict[str, str]:
    """Each language's cache key. The options are what changes the outputs besides the files: the
    language's build date, search, and the post steps that run. Not the commit: no language's output
    shows it."""
    steps = [f"{getattr(s, '__module__', '')}.{getattr(s, '__qualname__', repr(s))}" for s in post_steps]
    common = {"search": str(search), "steps": ",".join(steps)}
    facts = cache_module.site_facts(gates)
    return {code: cache_module.language_key(project, i18n, code, audience=audience,
                                            options={**common, "epoch": epochs[code], "outputs": outputs[code]},
                                            site_facts=facts)
            for code in codes}


def _build_fresh(project: Project, i18n, codes: Sequence[str], work: Path, site: Path, jobs: int | None,
                 epochs: dict[str, str], outputs: dict[str, str], search: bool, post_steps: Sequence[PostStep],
                 log: Callable[[str], None], audience: str = PUBLIC, cache: bool = False,
                 web: str = "") -> list[LanguageResult]:
    """Build ``codes`` with MkDocs, lay them out as one site in ``site`` and run the post steps on it.

    Every step works language by language (each language's PDF, each page's policy, each language's
    offline files), so a site holding only the languages not in the cache gets the same files."""
    site.mkdir()
    if not codes:
        return []
    staging = work / "languages"
    jobs = jobs or min(len(codes), os.cpu_count() or 1)
    results = _build_all(project.config_file, codes, staging, jobs, epochs, outputs, search, audience, web)
    failed = [r for r in results if not r.ok]
    for r in results:
        log(f"[{r.code}] built in {r.seconds:.1f}s" + (f", {len(r.warnings)} problem(s)" if not r.ok else ""))
    if failed:
        lines = []
        for r in failed:
            lines += [f"[{r.code}] {m}" for m in r.warnings]
            if r.error:
                lines.append(f"[{r.code}] ERROR: {r.error}")
        raise BuildFailed("The build found problems in "
                          f"{', '.join(r.code for r in failed)} (site/ was left unchanged):\n" + "\n".join(lines))
    if i18n.default in codes:
        site.rmdir()
        (staging / i18n.default).rename(site)
    for code in codes:
        if code != i18n.default:
            (staging / code).rename(site / code)
    run_steps(post_steps, site, project, audience, {code: epochs[code] for code in codes}, jobs, cache)
    return results


def run_steps(steps: Sequence[PostStep], site: Path, project: Project, audience: str, epochs: dict[str, str],
              jobs: int, cache: bool = False) -> None:
    """Run the post steps in order on the languages ``epochs`` names (code -> its build date).

    Steps that declare ``per_language`` (a function of ``(site, project, code, epoch)``: the policy,
    the offline copy) work on each language's files alone, so a run of them is done one language per
    worker process, in parallel, each language going through the run's steps in order. The date is
    passed, not read again in the worker: a fork server's children keep the environment it started
    with. The other steps (the PDF step, with workers of its own) run once on the whole site."""
    group: list[Callable[[Path, Project, str, str], None]] = []
    for step in [*steps, None]:
        per_language = getattr(step, "per_language", None)
        if per_language is not None:
            group.append(per_language)
            continue
        if group:
            _per_language(group, site, project, epochs, jobs)
            group = []
        if step is not None:
            _run_step(step, site, project, audience, cache)


def _per_language(functions: Sequence[Callable[[Path, Project, str, str], None]], site: Path, project: Project,
                  epochs: dict[str, str], jobs: int) -> None:
    calls = [(list(functions), str(site), str(project.root), code, epoch) for code, epoch in epochs.items()]
    if len(calls) == 1:  # a worker would only add its start-up
        errors = [_finish_language(*calls[0])]
    else:
        modules = sorted({f.__module__ for f in functions})
        errors = run_in_workers(_finish_language, calls, jobs=min(jobs, len(calls)), preload=modules)
    if any(errors):
        raise BuildFailed("\n".join(e for e in errors if e))


def _finish_language(functions: Sequence[Callable[[Path, Project, str, str], None]], site: str, root: str,
                     code: str, epoch: str) -> str:
    """One language through a run of per-language steps; its refusal as text ('' when all went well)."""
    try:
        for function in functions:
            function(Path(site), Project(Path(root)), code, epoch)
    except BuildFailed as exc:
        return f"[{code}] {exc}"
    return ""


def _run_step(step: PostStep, site: Path, project: Project, audience: str, cache: bool = False) -> None:
    """Run one whole-site step, giving it the audience and the cache switch when it declares it takes
    them (``takes_audience``, ``takes_cache``: the PDF step)."""
    options: dict[str, object] = {}
    if getattr(step, "takes_audience", False):
        options["audience"] = audience
    if getattr(step, "takes_cache", False):
        options["cache"] = cache
    step(site, project, **options)
