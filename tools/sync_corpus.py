"""Keep tests/corpus and tests/reference in step with ../shared/.

    python3 tools/sync_corpus.py          list what ../shared/ holds that the copy lacks
    python3 tools/sync_corpus.py --copy   copy those files in, byte for byte

The corpus and the reference article are other projects' files, copied into
the repository so a bare clone runs every test. When ../shared/ (beside the
repository, on the lead's machine and in CI) gains files or changes one, this
says so; a test runs it and fails until the copy is refreshed. Nothing is
ever deleted or edited here: a file gone from ../shared/ is left alone.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# shared/ folder -> the copy inside the repository
COPIES = {"corpus": ROOT / "tests" / "corpus", "reference": ROOT / "tests" / "reference"}


def out_of_step(shared: Path = SHARED, copies: dict[str, Path] = COPIES) -> list[tuple[Path, Path]]:
    """(file in shared/, where its copy belongs) for every file that is
    missing from the copy or differs from it; nothing when shared/ is absent."""
    stale = []
    for name, copy in copies.items():
        source = shared / name
        if not source.is_dir():
            continue
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            target = copy / path.relative_to(source)
            if not target.is_file() or target.read_bytes() != path.read_bytes():
                stale.append((path, target))
    return stale


def main(argv: list[str]) -> int:
    stale = out_of_step()
    if not SHARED.is_dir():
        print(f"{SHARED} is absent: nothing to compare")
        return 0
    for source, target in stale:
        print(f"{'changed' if target.exists() else 'missing'}: {target.relative_to(ROOT)} (from {source})")
        if "--copy" in argv:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    if not stale:
        print("tests/corpus and tests/reference are in step with ../shared/")
    return 1 if stale and "--copy" not in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
