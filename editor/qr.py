"""QR codes made locally and embedded inline as SVG.

Always a full QR code (the ``qrcode`` library never makes Micro QR), error
correction M so that a printed page with a smudge still scans, and the
4-module quiet zone the standard asks for. One ``path`` element draws all
dark modules, so the page stays small and needs no image file.
"""

from __future__ import annotations

import functools

from markupsafe import Markup, escape

QUIET_ZONE = 4
# The print stylesheet's size for a code, quiet zone included (article.css);
# up to this version its modules are at least 0.4 mm on paper.
PRINT_SIZE_MM = 35
MAX_PRINTABLE_VERSION = 10


def qr_matrix(data: str) -> list[list[bool]]:
    """The module matrix of ``data``, quiet zone included (True is dark)."""
    return [list(row) for row in _matrix(data)]


@functools.lru_cache(maxsize=32)
def _matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    # Cached on the data alone: the SVG's label holds the title, so each
    # keystroke in the title missed qr_svg's cache and made the code again
    # (about 15 ms of the UI thread a key).
    # Imported here: qrcode brings Pillow's drawing modules with it, and a
    # page without a web address (the preview's first, often) has no code.
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE, box_size=1)
    code.add_data(data.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def qr_version(data: str) -> int:
    """The QR version (1–40) ``data`` needs: 17 + 4 × version modules a side."""
    return (len(_matrix(data)) - 2 * QUIET_ZONE - 17) // 4


@functools.lru_cache(maxsize=32)
def qr_svg(data: str, label: str, size_px: int = 160) -> Markup:
    """An inline ``<svg>`` of the QR code of ``data``, named ``label`` for screen readers.

    Cached: the preview renders the page's regions on every keystroke, and
    the two codes rarely change while the user types."""
    matrix = _matrix(data)
    modules = len(matrix)
    runs: list[str] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < modules:
            if row[x]:
                start = x
                while x < modules and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return Markup(
        f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {modules} {modules}"'
        f' width="{size_px}" height="{size_px}" role="img" aria-label="{escape(label)}"'
        f' shape-rendering="crispEdges">'
        f'<rect width="{modules}" height="{modules}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )
