"""Refresh resources/i18n from the code, then build the .qm files.

    python3 tools/update_translations.py

runs pyside6-lupdate over ui/ and the model's field labels (new strings arrive as unfinished entries in
toasoan_vi.ts and toasoan_en.ts; translate them in Qt Linguist or an
editor), fills the English catalogue with its own source text, and runs
pyside6-lrelease for every .ts. The .qm files are committed; a test checks
they match their sources.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` or ``pyside6-lrelease``: beside this Python (a
    virtual environment's bin folder), else on the PATH."""
    beside = Path(sys.executable).parent / (name + (".exe" if sys.platform == "win32" else ""))
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def translation_sources() -> list[Path]:
    """The files whose strings the window shows: ui/, and the model, which
    declares each text field's label (QT_TRANSLATE_NOOP in editor/fields.py)."""
    return sorted([*(ROOT / "ui").rglob("*.py"), ROOT / "editor" / "model.py"])


def update_sources() -> None:
    sources = [str(p.relative_to(ROOT)) for p in translation_sources()]
    targets = [str(I18N / f"toasoan_{code}.ts") for code in ("vi", "en")]
    subprocess.run([qt_tool("pyside6-lupdate"), *sources, "-ts", *targets, "-no-obsolete", "-locations", "none"], cwd=ROOT, check=True)


def english_is_its_own_source() -> None:
    """The English catalogue translates each text to itself, so it is complete."""
    path = I18N / "toasoan_en.ts"
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        source = message.findtext("source") or ""
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            # English has two forms: "%n word(s)" gives "%n word" and "%n words".
            ET.SubElement(translation, "numerusform").text = source.replace("(s)", "")
            ET.SubElement(translation, "numerusform").text = source.replace("(s)", "s")
        else:
            translation.text = source
    write_ts(tree, path)


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def release() -> None:
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    if "--release-only" not in sys.argv:
        update_sources()
        english_is_its_own_source()
    release()
