"""The bundle's ICU data cut (packaging/icu_data.py), on the real data the
bundle ships (PySide6's libicudata and QtWebEngine's icudtl.dat), read back
with ICU's own package tool (Debian's icupkg, from icu-devtools) rather
than with our reader. That ICU itself still reads Vietnamese from the cut
data is the bundle's self-check (tools/bundle_smoke.py)."""

from __future__ import annotations

import ctypes
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest

from tests.helpers import ROOT

_spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
assert _spec is not None and _spec.loader is not None
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)

QT = Path(PySide6.__file__).parent / "Qt"
CHROMIUM_DATA = QT / "resources" / "icudtl.dat"
QT_LIBRARIES = sorted((QT / "lib").glob("libicudata.so.*"))
# The break rules name the word dictionaries (ICU does without them); Chromium's own data already lacks title.brk.
OPTIONAL = re.compile(r"Item brkitr/root\.res depends on missing item brkitr/(\w+\.dict|title\.brk)")


def icupkg(*args: str | Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("icupkg")
    if tool is None:
        pytest.fail("icupkg is not installed: run `python3 tasks.py test`, which installs icu-devtools")
    return subprocess.run([tool, *map(str, args)], capture_output=True, text=True)


def read_with_icupkg(data: bytes, folder: Path, extract: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """The items ICU's tool lists, and what it says while reading them (it follows each item's
    references to others: "Item … depends on missing item …"); ``extract`` goes into ``folder``."""
    _, items = icu_data.read_items(data)
    package = items[0][0].split("/")[0]  # icudt74l: icupkg wants the file named as its items are
    (folder / "items").mkdir(parents=True, exist_ok=True)  # icupkg makes the items' folders, not this one
    path = folder / f"{package}.dat"
    path.write_bytes(data)
    listed = icupkg("-l", path)
    results = [listed] + [icupkg("-d", folder / "items", "-x", name, path) for name in extract]
    said = sorted({line for result in results for line in result.stderr.splitlines()})
    # It exits 2 when an item names one that is absent; anything else is a failure.
    assert {result.returncode for result in results} <= {0, 2} and all("missing item" in line for line in said), said
    return listed.stdout.split(), said


@pytest.mark.parametrize("source", ["chromium", "qt"])
def test_the_cut_keeps_root_english_and_vietnamese_and_icu_reads_it_whole(source: str, tmp_path: Path) -> None:
    if source == "chromium":
        original = CHROMIUM_DATA.read_bytes()
    else:
        assert QT_LIBRARIES, "PySide6's Linux wheel ships libicudata"
        _, original = icu_data.library_data(QT_LIBRARIES[0])
    cut = icu_data.cut(original, multi_byte_converters=source == "chromium")
    samples = ("coll/vi.res", "zone/vi.res", "vi.res", "pool.res", "coll/ucadata.icu")
    items, missing = read_with_icupkg(cut, tmp_path / "cut", samples)
    assert [line for line in missing if not OPTIONAL.search(line)] == []
    # What is kept is kept byte for byte, as ICU's tool reads it from either file.
    before, _ = read_with_icupkg(original, tmp_path / "original", samples)
    for name in samples:
        assert (tmp_path / "cut" / "items" / name).read_bytes() == (tmp_path / "original" / "items" / name).read_bytes()
    for needed in ("coll/vi.res", "coll/root.res", "coll/ucadata.icu", "zone/vi.res", "zone/en.res", "vi.res", "en_GB.res",
                   "curr/vi.res", "pool.res", "zone/pool.res", "res_index.res", "zoneinfo64.res", "metaZones.res",
                   "nfkc.nrm", "brkitr/line.brk", "brkitr/word.brk", "supplementalData.res"):
        assert needed in items, needed
    # Every item that is no one locale's data stays (time zone rules, properties, supplemental data, break rules).
    one_locale = re.compile(r"([a-z]+/)?([a-z]{2,3}(_[A-Za-z0-9]*)*|root)\.res")
    shared = [name for name in before if not name.endswith((".dict", ".cnv")) and not one_locale.fullmatch(name)]
    assert len(shared) > 30 and set(shared) <= set(items), sorted(set(shared) - set(items))
    for gone in ("coll/zh.res", "fr.res", "zone/ja.res", "brkitr/cjdict.dict", "brkitr/thaidict.dict", "de.res"):
        assert gone not in items, gone
    assert len(cut) < len(original) / 2.5
    original_items = dict(icu_data.read_items(original)[1])
    assert all(original_items[name] == content for name, content in icu_data.read_items(cut)[1])


def test_qt_keeps_the_single_byte_code_pages_and_chromium_keeps_every_converter(tmp_path: Path) -> None:
    _, original = icu_data.library_data(QT_LIBRARIES[0])
    qt_items, _ = read_with_icupkg(icu_data.cut(original, multi_byte_converters=False), tmp_path / "qt")
    assert "ibm-5354_P100-1998.cnv" in qt_items  # windows-1258, Vietnamese
    assert "ibm-5348_P100-1997.cnv" in qt_items and "cnvalias.icu" in qt_items  # windows-1252, and the names
    assert "gb18030.cnv" not in qt_items and "ibm-943_P15A-2003.cnv" not in qt_items  # Chinese, Japanese
    chromium = CHROMIUM_DATA.read_bytes()
    converters = [name for name, _ in icu_data.read_items(chromium)[1] if name.endswith(".cnv")]
    kept = [name for name, _ in icu_data.read_items(icu_data.cut(chromium, multi_byte_converters=True))[1]]
    assert converters and set(converters) <= set(kept)


def test_the_rebuilt_library_exports_the_cut_data_where_libicuuc_looks(tmp_path: Path) -> None:
    assert QT_LIBRARIES, "PySide6's Linux wheel ships libicudata (the suite runs on Linux)"
    library = QT_LIBRARIES[0]
    target = tmp_path / library.name
    icu_data.cut_library(library, target)
    symbol, data = icu_data.library_data(target)
    assert symbol == f"icudt{library.name.rsplit('.', 1)[-1]}_dat"
    assert data == icu_data.cut(icu_data.library_data(library)[1], multi_byte_converters=False)
    soname = subprocess.run(["readelf", "-d", str(target)], capture_output=True, text=True, check=True).stdout
    assert f"Library soname: [{library.name}]" in soname
    # The dynamic loader finds the symbol and the bytes behind it are the data (ICU's magic number first).
    loaded = ctypes.CDLL(str(target))
    address = ctypes.addressof(ctypes.c_char.in_dll(loaded, symbol))
    assert ctypes.string_at(address, len(data)) == data and data[2:4] == b"\xda\x27"


def test_what_is_not_icu_data_is_refused_by_name() -> None:
    with pytest.raises(icu_data.IcuDataError, match="not ICU data"):
        icu_data.cut(b"PK\x03\x04" + bytes(60), multi_byte_converters=True)
    with pytest.raises(icu_data.IcuDataError, match="not libicudata"):
        icu_data.library_data(Path("libicuuc.so.73"))
