"""Raster images as the checks read them: their pixel size, and why one cannot be published."""

from __future__ import annotations

from pathlib import Path


def read_image(path: Path) -> tuple[tuple[int, int] | None, str | None]:
    """A raster image's pixel size, and why it cannot be published (None when it can).

    Pillow's decompression-bomb guard stays on: an image that would decompress to hundreds of
    millions of pixels raises, and that is reported, never swallowed. The whole image is decoded
    (not only its header), so a corrupt file is found here rather than by the PDF step.
    """
    if path.suffix.lower() == ".svg":
        return None, None
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            size = image.size
            image.load()
    except Image.DecompressionBombError as exc:
        return None, f"decompresses to too many pixels ({exc})"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return None, f"cannot be read as an image ({exc or type(exc).__name__})"
    return size, None
