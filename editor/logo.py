"""The site's logo: taken only from where its profile may point, recognized
by its content, and published in a form that cannot run script.

Where a logo may come from depends on who wrote the profile:

- the app's own profile (the user chose the file in a dialog): any file;
- a profile file or an ``article.json``: a file inside that file's folder,
  named relatively (no absolute path, no ``..``, no drive, no ``\\\\server``);
- a draft: a member of the draft, never a file on this computer.

A raster logo is decoded and written anew (PNG or JPEG, no metadata); an
SVG logo is rebuilt from an allow-list of drawing elements and attributes,
so no script, event handler, ``foreignObject`` or outside reference survives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from editor.errors import ArticleError, ExportError, ImageError
from editor.images import prepare_variants
from editor.model import SiteProfile
from editor.regular_files import read_regular_file, reference_problem
from editor.zips import DAMAGED_ZIP_ERRORS, open_regular_zip

MAX_LOGO_BYTES = 5 * 1024**2
LOGO_SIZE = 800  # px: a logo is shown 48 px high; this leaves room for any screen
MAX_SVG_ELEMENTS = 20_000
MAX_SVG_DEPTH = 64

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"


@dataclass(frozen=True)
class Logo:
    data: bytes
    extension: str  # "png", "jpg" or "svg"


def read_logo(site: SiteProfile) -> Logo | None:
    """The site's logo ready to publish, or None without one; raises
    ExportError (naming ``site.logo``) when it cannot be used."""
    if not site.logo:
        return None
    label = f"site.logo ({site.logo})"
    data = _logo_bytes(site, label)
    try:
        return _recognized(data, label)
    except ImageError as error:
        raise ExportError(error.problems, reason=error.reason) from error


def _logo_bytes(site: SiteProfile, label: str) -> bytes:
    if site.logo_anywhere:
        path = site.logo_path()
        assert path is not None
        return read_regular_file(path, MAX_LOGO_BYTES, ExportError, "logo")
    problem = reference_problem(site.logo)
    if problem is not None:
        raise ExportError(f"{label}: {problem}")
    if site.logo_archive is not None:
        return _draft_member(site.logo_archive, site.logo, label)
    if site.base_dir is None:
        raise ExportError(f"{label}: a logo named in an article must be inside its draft or beside its article.json")
    folder = site.base_dir.resolve()
    path = (folder / site.logo).resolve()  # links followed: a link out of the folder is refused too
    if not path.is_relative_to(folder):
        raise ExportError(f"{label}: the logo leads outside the profile's folder")
    return read_regular_file(path, MAX_LOGO_BYTES, ExportError, "logo")


def _draft_member(archive_path: Path, reference: str, label: str) -> bytes:
    name = PurePosixPath(reference.replace("\\", "/")).as_posix()
    try:
        with open_regular_zip(archive_path, ExportError) as archive:
            try:
                member = archive.getinfo(name)
            except KeyError:
                raise ExportError(f"{label}: the draft holds no such file") from None
            if member.is_dir() or member.file_size > MAX_LOGO_BYTES:
                raise ExportError(f"{label}: not a logo file, or larger than {MAX_LOGO_BYTES // 1024**2} MB")
            return archive.read(member)
    except (OSError, *DAMAGED_ZIP_ERRORS) as error:
        raise ExportError(f"{label}: cannot read it from the draft: {error}", path=archive_path) from error


def _recognized(data: bytes, label: str) -> Logo:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return Logo(sanitized_svg(data, label), "svg")
    largest = prepare_variants(data, label, LOGO_SIZE)[0]  # decoded and written anew: only pixels leave
    return Logo(largest.data, largest.extension)


# --- SVG -----------------------------------------------------------------------------
_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    "pattern", "style",
}
_PRESENTATION = {
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
    "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "stop-color",
    "stop-opacity", "clip-path", "clip-rule", "mask", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "letter-spacing", "visibility", "display", "color", "transform",
}
_ATTRIBUTES = _PRESENTATION | {
    "id", "class", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "width",
    "height", "viewBox", "preserveAspectRatio", "points", "offset", "gradientUnits", "gradientTransform",
    "spreadMethod", "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
    "maskContentUnits", "dx", "dy", "rotate", "textLength", "lengthAdjust", "version", "style",
}
_LOCAL_URL = re.compile(r"url\(\s*#[\w.-]+\s*\)")
# Nothing that reaches outside the picture or escapes CSS: any url() but a
# local one, @import, escapes, comments, legacy script hooks.
_UNSAFE_VALUE = re.compile(r"url\(|@|\\|/\*|<|>|expression|javascript|behavior|binding", re.IGNORECASE)


def _safe_value(value: str) -> bool:
    return not _UNSAFE_VALUE.search(_LOCAL_URL.sub("", value))


def _safe_style(style: str) -> str:
    kept = []
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        if name.strip().lower() in _PRESENTATION and value.strip() and _safe_value(value):
            kept.append(f"{name.strip().lower()}:{value.strip()}")
    return ";".join(kept)


def sanitized_svg(data: bytes, label: str) -> bytes:
    """The SVG rebuilt from allowed elements and attributes only; raises
    ImageError when ``data`` is not an SVG picture."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise ImageError(f"{label}: the SVG declares a document type or entities, which a logo never needs")
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError) as error:
        raise ImageError(f"{label}: not an image (damaged SVG or other XML: {error})") from error
    if root.tag != f"{{{SVG}}}svg":
        raise ImageError(f"{label}: not an image (an XML or HTML file, not an SVG picture)")
    counter = [0]
    clean = _clean_element(root, label, 0, counter)
    assert clean is not None
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", XLINK)
    svg: bytes = ElementTree.tostring(clean, encoding="utf-8", xml_declaration=True)
    return svg


def _clean_element(element: ElementTree.Element, label: str, depth: int, counter: list[int]) -> ElementTree.Element | None:
    counter[0] += 1
    if depth > MAX_SVG_DEPTH or counter[0] > MAX_SVG_ELEMENTS:
        raise ImageError(f"{label}: the SVG is nested too deeply or holds too many elements for a logo")
    if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{SVG}}}"):
        return None  # comments, processing instructions, other vocabularies (XHTML, metadata)
    name = element.tag[len(SVG) + 2 :]
    if name not in _ELEMENTS:
        return None  # script, foreignObject, image, a, animate, set, iframe…
    clean = ElementTree.Element(element.tag)
    for key, value in element.attrib.items():
        if key in _ATTRIBUTES and _safe_value(value):
            clean.set(key, _safe_style(value) if key == "style" else value)
        elif key in ("href", f"{{{XLINK}}}href") and name == "use" and re.fullmatch(r"#[\w.-]+", value.strip()):
            clean.set(f"{{{XLINK}}}href", value.strip())
        elif key == f"{{{XML}}}space":
            clean.set(key, value)
    if name == "style":
        css = element.text or ""
        if len(element) or not _safe_value(css):
            return None
        clean.text = css
        return clean
    if name in ("text", "tspan", "title", "desc"):
        clean.text = element.text
    for child in element:
        kept = _clean_element(child, label, depth + 1, counter)
        if kept is not None:
            kept.tail = child.tail if name in ("text", "tspan") else None
            clean.append(kept)
    return clean


def logo_problem(site: SiteProfile | None) -> str | None:
    """Why the export would refuse this site's logo, for ``check``."""
    if site is None or not site.logo:
        return None
    try:
        read_logo(site)
    except ArticleError as error:
        return error.lines()[0]
    return None
