"""Languages built on separate machines, joined into one site.

``handbook build --lang fr --out parts/fr`` writes a *part*: the language's folder exactly as the
whole build lays it out (web pages, search, PDFs, offline ZIP), plus a record
(:data:`PART_RECORD`) naming its languages, the commit, the edition, the build date and the
audience. ``handbook assemble parts/* --out site`` checks that the parts make one handbook (every
language once, one commit, one edition, one date, one audience), copies them side by side and
writes what spans languages: the status of every language on the translation-status pages, the
site-wide colophon (:data:`COLOPHON`, with the commit), the sitemap (handbook.site.sitemap) and the
manifest. A one-machine build ends with the same :func:`write_site_files`, so the two sites are the
same, byte for byte.

Nothing in a language's folder depends on another language's files: switcher targets are relative
links to the same page in each language, the status page holds the language's own status and a slot
for each other language's, which the assembly fills, and the one fact its pages show about other
languages, the publication gate's decision (a switcher leaves out an unlisted language), is part of
its cache key (handbook.site.cache).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from handbook.errors import HandbookError
from handbook.languages import I18n, load_i18n
from handbook.paths import Project
from handbook.pages.walk import RESTRICTED
from handbook.site.sitemap import site_address, write_sitemap
from handbook.site.output import MANIFEST, check_output, files_under, read_manifest, swap_in, write_manifest

if TYPE_CHECKING:
    from handbook.pages.model import Corpus

PART_RECORD = ".handbook-part.json"
COLOPHON = "colophon.json"
_FORMAT = 1


class AssembleError(HandbookError):
    """The parts do not make one handbook; nothing was written."""


def identity(project: Project, epoch: str, audience: str) -> dict[str, str]:
    """What every part of one site must share: commit, edition, build date and audience."""
    from handbook.editorial.edition import current, edition_file
    from handbook.pdf.edition import source_commit

    edition = ""
    if edition_file(project).exists():
        record = current(project)
        edition = f"{record.number} {record.status} {record.date.isoformat()}"
    return {"commit": source_commit(project), "edition": edition, "epoch": epoch, "audience": audience}


def sitemap_address(project: Project, audience: str) -> str:
    """The address the sitemap is written for: mkdocs.yml's ``site_url``; none for the restricted
    edition, which no search engine may index."""
    return "" if audience == RESTRICTED else site_address(project)


def write_part_record(folder: Path, codes: Sequence[str], ident: dict[str, str]) -> None:
    record = {"written_by": "handbook build", "format": _FORMAT, "languages": list(codes), **ident}
    (folder / PART_RECORD).write_text(json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                      encoding="utf-8")


def write_site_files(site: Path, project: Project, i18n: I18n, ident: dict[str, str], address: str = "",
                     corpus: Corpus | None = None) -> None:
    """What spans languages, written once every language is in ``site``: the tables of every
    language on every language's translation-status page (handbook.translation.site), the site-wide
    colophon (the commit lives here, never in a language's own outputs) and, when the site has an
    ``address`` (handbook.site.sitemap), the sitemap of every language's pages. ``corpus``: the
    pages as the build read them for its audience (else read here)."""
    from handbook.translation.site import fill_status_pages

    fill_status_pages(site, project, i18n, ident["audience"], corpus)
    write_sitemap(site, i18n, address)
    colophon = {"languages": list(i18n.codes), **ident}
    (site / COLOPHON).unlink(missing_ok=True)  # never write through a hard link to the last site
    (site / COLOPHON).write_text(json.dumps(colophon, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                 encoding="utf-8")


def _read_part(folder: Path) -> dict:
    shown = str(folder)
    if not folder.is_dir():
        raise AssembleError(shown, "is not a folder.", fix="Give the folders written by "
                            "`handbook build --lang CODE --out parts/CODE`.")
    try:
        record = json.loads((folder / PART_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise AssembleError(shown, f"is not a part of the handbook (no readable {PART_RECORD}).",
                            fix="Build each language with `handbook build --lang CODE --out parts/CODE`, "
                                "then assemble those folders.") from None
    if not isinstance(record, dict) or record.get("format") != _FORMAT or not isinstance(record.get("languages"), list):
        raise AssembleError(shown, f"its {PART_RECORD} was written by another version of the handbook.",
                            fix="Build the part again with this version.")
    return record


def _check(parts: Sequence[tuple[Path, dict]], i18n: I18n, expected: dict[str, str]) -> dict[str, Path]:
    """Each language's part; every problem with the set of parts is an AssembleError."""
    owner: dict[str, Path] = {}
    for folder, record in parts:
        for key, value in expected.items():
            if record.get(key) != value:
                raise AssembleError(str(folder), f"was built for {key} {record.get(key)!r}, but this checkout "
                                    f"is at {key} {value!r}; parts of different builds cannot be joined.",
                                    fix="Build every part from the same commit (and edition), then assemble.")
        for code in record["languages"]:
            if code not in i18n.codes:
                raise AssembleError(str(folder), f"holds language {code!r}, which translations/languages.yml "
                                    f"does not list ({', '.join(i18n.codes)}).", fix="Remove this part.")
            if code in owner:
                raise AssembleError(str(folder), f"holds language {code!r}, which {owner[code]} holds too.",
                                    fix="Give each language once.")
            owner[code] = folder
    missing = [code for code in i18n.codes if code not in owner]
    if missing:
        raise AssembleError(", ".join(str(f) for f, _ in parts) or "(no parts)",
                            f"no part holds language(s) {', '.join(missing)}.",
                            fix=" ".join(f"`handbook build --lang {c} --out parts/{c}`" for c in missing)
                            + ", then assemble every part.")
    return owner


def _part_files(folder: Path, codes: Sequence[str], i18n: I18n) -> list[str]:
    """The files of a part to copy, after checking it holds what its build wrote and nothing of
    another language."""
    written = read_manifest(folder)
    present = [rel for rel in files_under(folder) if rel not in (MANIFEST, PART_RECORD)]
    if written is None or set(present) - written:
        extra = sorted(set(present) - (written or set()))[:3]
        raise AssembleError(str(folder), "holds files its build did not write" + (f" ({', '.join(extra)})" if extra else "")
                            + ".", fix="Build the part again into an empty folder.")
    lost = sorted(written - set(present) - {MANIFEST, PART_RECORD})
    if lost:
        raise AssembleError(str(folder), f"lacks files its build wrote ({', '.join(lost[:3])}).",
                            fix="Build the part again into an empty folder.")
    prefixes = sorted((i18n.prefix(c) for c in i18n.codes), key=len, reverse=True)
    mine = {i18n.prefix(c) for c in codes}
    foreign = [rel for rel in present if next(p for p in prefixes if rel.startswith(p)) not in mine]
    if foreign:
        raise AssembleError(str(folder), f"holds files of another language ({', '.join(foreign[:3])}).",
                            fix="Build the part again with only its own --lang.")
    return present


def assemble(project: Project, folders: Sequence[Path], out: Path, *, epoch: str, audience: str = "public",
             log: Callable[[str], None] = print) -> Path:
    """Join the parts in ``folders`` into ``out`` (replaced atomically); return the output folder."""
    i18n = load_i18n(project.root)
    target = check_output(project, out)
    expected = identity(project, epoch, audience)
    if not expected["commit"]:
        del expected["commit"]  # outside a git checkout: the parts still must agree with each other
    parts = [(folder, _read_part(folder)) for folder in folders]
    _check(parts, i18n, expected)
    copies = [(folder, _part_files(folder, record["languages"], i18n)) for folder, record in parts]
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.assemble-", dir=target.parent))
    try:
        site = work / "site"
        for folder, rels in copies:
            for rel in rels:
                dest = site / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(folder / rel, dest)
            log(f"[{', '.join(dict(parts)[folder]['languages'])}] joined from {folder}")
        site.mkdir(exist_ok=True)
        write_site_files(site, project, i18n, identity(project, epoch, audience), sitemap_address(project, audience))
        write_manifest(site)
        swap_in(site, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target
