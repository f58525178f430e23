"""Release files of an edition: one PDF per language, renamed for the release, with SHA-256 sums.

The release workflow runs ``handbook edition assets`` after ``handbook build``; the files it writes
are attached to the GitHub release of the edition's tag. The PDFs are found in the built site, so
this step does not depend on where the PDF step puts them: a PDF belongs to a language by its
folder (``site/fr/...``) or, in the site root, by a ``-fr``/``.fr``/``_fr`` in its name.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from handbook.editorial.edition import CHECKSUMS_FILE, Edition, Editions
from handbook.errors import HandbookError
from handbook.languages import I18n


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def language_of_pdf(i18n: I18n, rel: PurePosixPath) -> str | None:
    first = rel.parts[0] if len(rel.parts) > 1 else ""
    if first in i18n.translated_codes:
        return first
    found = [code for code in i18n.codes if re.search(rf"(?:^|[-._]){code}(?:[-._]|$)", rel.stem)]
    if len(found) == 1:
        return found[0]
    return i18n.default if not found and len(rel.parts) > 1 else None


def find_pdfs(site: Path, i18n: I18n, expected: Sequence[str] | None = None) -> dict[str, Path]:
    """One PDF per ``expected`` language (default: all) in the built ``site``; an error names what is
    missing or ambiguous. A language held back by the publication gate is simply not expected."""
    expected = list(i18n.codes if expected is None else expected)
    found: dict[str, list[Path]] = {code: [] for code in i18n.codes}
    for pdf in sorted(site.rglob("*.pdf")):
        code = language_of_pdf(i18n, PurePosixPath(pdf.relative_to(site).as_posix()))
        if code:
            found[code].append(pdf)
    missing = [code for code in expected if not found[code]]
    if missing:
        raise HandbookError(site, f"no PDF found for {', '.join(missing)}.",
                            fix="Run `handbook build` (without --no-pdf) first.")
    doubles = {code: pdfs for code, pdfs in found.items() if len(pdfs) > 1}
    if doubles:
        listing = "; ".join(f"{code}: {', '.join(str(p.relative_to(site)) for p in pdfs)}"
                            for code, pdfs in doubles.items())
        raise HandbookError(site, f"more than one PDF per language ({listing}).",
                            fix="Keep one PDF edition per language in the site.")
    return {code: found[code][0] for code in i18n.codes if found[code] and code in expected}


def write_assets(site: Path, out: Path, i18n: I18n, editions: Editions, edition: Edition,
                 expected: Sequence[str] | None = None) -> list[Path]:
    """Copy the PDFs into ``out`` under their release names and write the SHA-256 checksum file."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for code, pdf in find_pdfs(site, i18n, expected).items():
        target = out / editions.pdf_name(edition, code)
        shutil.copyfile(pdf, target)
        written.append(target)
    sums = out / CHECKSUMS_FILE
    # The format of `sha256sum`, so readers can run `sha256sum -c SHA256SUMS.txt`.
    sums.write_text("".join(f"{sha256(p)}  {p.name}\n" for p in written), encoding="utf-8")
    return [*written, sums]
