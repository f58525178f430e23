"""The web edition: pure page logic (pages.py), and the parallel per-language build (build.py)."""
