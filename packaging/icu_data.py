"""ICU's data, cut down to what an app in Vietnamese and English reads.

Two copies of ICU's data ship in the bundle: Qt's (libicudata.so.73, 32 MB,
Linux only: Windows' Qt uses Windows' own ICU) and Chromium's, inside
QtWebEngine (resources/icudtl.dat, 10 MB, on both systems). Each is one
"common data" file, a table of contents over a few thousand items: the
locale data of some 800 locales in several trees (main, collation, time
zones, currencies, languages, regions, units, rule-based numbers,
transliterators), the character converters and the break iterators' word
dictionaries. The cut keeps

- every item that is not one locale's: Unicode properties, normalization,
  the root collation, time zone rules and metadata, the supplemental data,
  every tree's pool.res and res_index.res, the break rules;
- the locale items of root, en and vi (and their regional variants, en_GB
  and the like), the app's two languages;

and leaves out the other languages' locale items, the word dictionaries
(Chinese and Japanese word boundaries; Thai, Lao, Khmer and Burmese line
breaks) and, in Qt's copy only, the multi-byte converters (East Asian code
pages, which Qt opens only when asked for one by name; the app never does;
the single-byte code pages, Windows-1258 among them, stay). Chromium's
converters all stay: its page decoder uses them.

A locale left out is not an error for ICU: it falls back to root, as for
any locale it never had (a Thai date in the preview would be formatted the
root way). `tools/bundle_smoke.py`'s self-check step reads Vietnamese names,
collation and case back from both copies (ui/self_check.py).

The file's format (ICU's source/common/ucmndata.h): a data header, then the
table of contents (a count and, per item, the offsets of its name and of its
data, from the start of the table), the names, then the items, each aligned
on 16 bytes. It is read and written here in Python so that the same code
runs on Windows, which has no ICU tools. Qt's copy is then made into a
shared library again, with the symbol libicuuc looks for, by binutils' `as`
and `ld` (Linux only).
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

LANGUAGES = ("root", "en", "vi")
# A locale item's name: language, then script, region or variant parts (sr_Latn_BA, en_US_POSIX, yue_Hans).
# Old-style aliases have empty parts: coll/de__PHONEBOOK.res.
LOCALE = re.compile(r"(?P<language>[a-z]{2,3}|root)(_[A-Za-z0-9]*)*")
# Items whose names look like a locale's but are not one.
NOT_LOCALES = {"res_index", "pool"}


class IcuDataError(ValueError):
    """The file is not ICU common data as this module knows it."""


def read_items(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The data header and the (name, bytes) items of an ICU common data file, in order."""
    if len(data) < 32 or data[2:4] != b"\xda\x27":
        raise IcuDataError("not ICU data (no magic number)")
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[12:16] != b"CmnD" or data[8] != 0:  # the format, and little-endian (the only one Qt and Chromium ship)
        raise IcuDataError(f"not little-endian ICU common data (format {data[12:16]!r})")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = header_size
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * index) for index in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name_start = toc + name_offset
        name = data[name_start:data.index(b"\0", name_start)].decode("ascii")
        end = toc + entries[index + 1][1] if index + 1 < count else len(data)
        items.append((name, data[toc + data_offset:end]))
    return data[:header_size], items


def write_items(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The common data file of these items (names sorted as ICU's binary search expects them)."""
    items = sorted(items, key=lambda item: item[0].encode("ascii"))
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table = 4 + 8 * len(items)
    first = _aligned(table + len(names))
    offsets, body, position = [], bytearray(), first
    name_offset = table
    for name, content in items:
        offsets.append((name_offset, position))
        name_offset += len(name) + 1
        padded = content + b"\0" * (_aligned(len(content)) - len(content))
        body += padded
        position += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", *pair) for pair in offsets) + names
    return header + toc + b"\0" * (first - len(toc)) + bytes(body)


def _aligned(size: int) -> int:
    return (size + 15) // 16 * 16


def max_bytes_per_character(converter: bytes) -> int:
    """The most bytes a character takes in a converter's code page (1: a single-byte one, like Windows-1258).
    A .cnv item is a data header, then UConverterStaticData (ICU's source/common/ucnv_bld.h): its size (4),
    name (60), code page (4), platform, conversion type, minimum and maximum bytes per character."""
    header_size = struct.unpack_from("<H", converter, 0)[0]
    return converter[header_size + 4 + 60 + 4 + 3]


def wanted(name: str, content: bytes, *, multi_byte_converters: bool) -> bool:
    """Whether an item (``icudt73l/coll/vi.res``) stays."""
    path = PurePosixPath(name)
    if path.suffix == ".dict":
        return False  # word dictionaries: CJK word boundaries, South-East Asian line breaks
    if path.suffix == ".cnv":
        return multi_byte_converters or max_bytes_per_character(content) == 1
    if path.suffix != ".res" or path.stem in NOT_LOCALES:
        return True
    locale = LOCALE.fullmatch(path.stem)
    return locale is None or locale["language"] in LANGUAGES


def cut(data: bytes, *, multi_byte_converters: bool) -> bytes:
    """The common data with only what ``wanted`` keeps."""
    header, items = read_items(data)
    kept = [(name, content) for name, content in items
            if wanted(name, content, multi_byte_converters=multi_byte_converters)]
    return write_items(header, kept)


# libicudata.so.NN: one read-only section holding the data, under the symbol icudtNN_dat.
LIBRARY = re.compile(r"libicudata\.so\.(?P<major>\d+)")


def library_data(library: Path) -> tuple[str, bytes]:
    """The symbol and the bytes of the data inside Qt's libicudata.so.NN (read with binutils' readelf)."""
    major = LIBRARY.fullmatch(library.name)
    if major is None:
        raise IcuDataError(f"{library.name} is not libicudata.so.NN")
    symbol = f"icudt{major['major']}_dat"
    listing = subprocess.run(["readelf", "-W", "--dyn-syms", "--section-headers", str(library)], capture_output=True,
                             text=True, check=True).stdout
    found = re.search(rf"^\s*\d+: ([0-9a-f]+) +(\d+|0x[0-9a-f]+) OBJECT +GLOBAL +DEFAULT +\d+ {symbol}$", listing, re.M)
    rodata = re.search(r"\] \.rodata +PROGBITS +([0-9a-f]+) ([0-9a-f]+) ([0-9a-f]+)", listing)
    if found is None or rodata is None:
        raise IcuDataError(f"no {symbol} in {library}")
    address, size = int(found[1], 16), int(found[2], 0)
    offset = address - int(rodata[1], 16) + int(rodata[2], 16)  # the symbol's place in the file
    return symbol, library.read_bytes()[offset:offset + size]


def write_library(data: bytes, symbol: str, soname: str, target: Path) -> None:
    """A shared library exporting ``data`` as ``symbol`` (what libicuuc links against), built with binutils."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "data.dat").write_bytes(data)
        (folder / "data.s").write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n'
            f'\t.incbin "data.dat"\n\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii")
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=folder, check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(target), "data.o"],
                       cwd=folder, check=True)


def cut_library(library: Path, target: Path) -> None:
    """Qt's libicudata.so.NN, with only the data ``wanted`` keeps, written to ``target``."""
    symbol, data = library_data(library)
    write_library(cut(data, multi_byte_converters=False), symbol, library.name, target)


def cut_file(source: Path, target: Path) -> None:
    """Chromium's icudtl.dat, with only the data ``wanted`` keeps (its converters all stay)."""
    target.write_bytes(cut(source.read_bytes(), multi_byte_converters=True))
