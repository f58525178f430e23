"""Shared fixtures: small handbooks built in tmp_path, a local web server, and real Chromium."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from handbook.paths import Project
from handbook.scaffold import write_handbook

REPO = Path(__file__).resolve().parent.parent


def make_handbook(root: Path, pages: dict[str, str | bytes], *, nav: str | None = None,
                  config_edit=None) -> Project:
    """A small handbook at ``root``: the repository's theme, hooks and translations, plus ``pages``.

    ``pages`` maps docs-relative paths to Markdown. The repository's ``nav:`` is replaced by ``nav``
    (YAML text) or dropped, so MkDocs lists the fixture's own pages.
    """
    return write_handbook(REPO, root, pages, nav=nav, config_edit=config_edit)


def page(title: str, body: str, *, description: str = "A fixture page.", **meta: object) -> str:
    """A Markdown page with valid front matter for an English source page."""
    fields = {"title": title, "description": description, "owner": "Fixture working group",
              "last_reviewed": "2026-11-01", "review_interval_months": 12, **meta}
    head = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\n{head}---\n\n{body.strip()}\n"


def translated_page(title: str, body: str, *, description: str = "Une page.", **meta: object) -> str:
    fields = {"title": title, "description": description, **meta}
    head = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\n{head}---\n\n{body.strip()}\n"


@pytest.fixture
def handbook_factory(tmp_path: Path):
    return functools.partial(make_handbook, tmp_path / "handbook")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def start_server(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve ``folder`` on 127.0.0.1 (port chosen by the system): its base URL and the server."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture
def serve():
    """Serve a folder on 127.0.0.1 (port chosen by the system); returns the base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        url, server = start_server(folder)
        servers.append(server)
        return url

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no browser download)."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("chromium is not installed: run the tests through `./hb test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def grep_package(pattern: re.Pattern[str], allowed: str) -> list[str]:
    """'path:line: text' of every line of handbook/*.py matching ``pattern``, except in the module
    named ``allowed`` (the one place that rule lives)."""
    return [f"{path.relative_to(REPO)}:{n}: {line.strip()}"
            for path in sorted((REPO / "handbook").rglob("*.py")) if path.name != allowed
            for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
            if pattern.search(line)]
