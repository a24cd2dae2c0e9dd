"""EAN-13 bars as SVG (python-barcode), to embed in the PDFs WeasyPrint draws."""

from __future__ import annotations

import base64
from functools import lru_cache

import barcode
from barcode.writer import SVGWriter
from stdnum import ean

OPTIONS = {
    "module_width": 0.33,
    "module_height": 11.0,
    "font_size": 7,
    "text_distance": 3.5,
    "quiet_zone": 3.0,
}


@lru_cache(maxsize=4096)
def ean13_data_uri(code: str) -> str:
    """An ``<img src>`` for a valid EAN-13; empty for anything else (no bars rather than wrong ones)."""
    code = (code or "").strip()
    if len(code) != 13 or not ean.is_valid(code):
        return ""
    drawn = barcode.get("ean13", code[:12], writer=SVGWriter())  # it recomputes the 13th digit
    svg = drawn.render({**OPTIONS, "compress": False})
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
