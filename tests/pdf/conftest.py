"""Fixtures of the PDF tests."""

from __future__ import annotations

import http.server
import threading

import pytest

from tests.pdf.fixtures import write_png


@pytest.fixture
def recorder(tmp_path):
    """A web server on 127.0.0.1 (port chosen by the system) that serves a PNG and records every request."""
    write_png(tmp_path / "served" / "x.png", (20, 20))
    png = (tmp_path / "served" / "x.png").read_bytes()
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's API)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", requests
    server.shutdown()
    server.server_close()
