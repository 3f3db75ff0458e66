"""Credits inside the exported photos: the photo's creator, its credit line,
the portal's copyright notice and the caption, as an XMP packet in the
IPTC Core schema (iptc.org/std/photometadata/specification), which Google
Images reads for its "Licensable" badge, as do photo desks and archives.

Nothing from the camera goes with them: the exported photos are made from
pixels alone (editor/images.py), and this adds only these four texts.
"""

from __future__ import annotations

import struct
from html import escape as _escape

from editor.model import ImageBlock, SiteProfile
from editor.render import credit_line
from editor.text import inline_to_plain


def escape(text: str) -> str:
    """XML's escape of text between tags: ``&``, ``<``, ``>`` (as
    ``xml.sax.saxutils.escape``, whose module imports urllib.request and
    http.client: ~30 ms of every export's start for three replacements)."""
    return _escape(text, quote=False)


_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"  # XMP spec part 3, 1.1.3: the APP1 segment's signature
_MAX_SEGMENT = 65533  # a JPEG segment's length field counts itself: at most 65535 bytes
# The caption is cut rather than the packet dropped; a caption is a sentence or two.
MAX_DESCRIPTION = 2000


def _alt(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


def credits_xmp(creator: str, credit: str, copyright_notice: str, description: str) -> bytes | None:
    """The XMP packet, or None when there is nothing to say."""
    fields = []
    if creator:
        fields.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(creator)}</rdf:li></rdf:Seq></dc:creator>")
    if description:
        fields.append(f"<dc:description>{_alt(description[:MAX_DESCRIPTION])}</dc:description>")
    if copyright_notice:
        fields.append(f"<dc:rights>{_alt(copyright_notice)}</dc:rights>")
    if credit:
        fields.append(f"<photoshop:Credit>{escape(credit)}</photoshop:Credit>")
    if not fields:
        return None
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
        + "".join(fields)
        + '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
    )
    return packet.encode("utf-8")


def block_credits(block: ImageBlock, site: SiteProfile, credit_template: str) -> bytes | None:
    """The packet for one photo as the page shows it: its credit (the
    creator's name, and the credit line as printed), the site's copyright
    notice, its caption as plain text; None when the profile turns it off."""
    if not site.writes_photo_metadata():
        return None
    credit = block.credit.strip()
    printed = credit_line(credit, credit_template) if credit else ""
    creator = printed.split(":", 1)[1].strip() if credit and printed != credit_template.format(credit=credit) else credit
    description = " ".join(inline_to_plain(block.caption).split())
    return credits_xmp(creator, printed, site.copyright.strip(), description)


def with_xmp(jpeg: bytes, packet: bytes | None) -> bytes:
    """``jpeg`` with ``packet`` as its XMP segment, just after the JFIF
    header (where readers look first); unchanged when there is none."""
    if packet is None or not jpeg.startswith(b"\xff\xd8"):
        return jpeg
    payload = _XMP_HEADER + packet
    if len(payload) + 2 > _MAX_SEGMENT:
        return jpeg
    position = 2
    if jpeg[2:4] == b"\xff\xe0":  # APP0 (JFIF): keep it first, as the standard wants
        position = 4 + struct.unpack(">H", jpeg[4:6])[0]
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:position] + segment + jpeg[position:]
