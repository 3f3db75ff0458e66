"""Render the user guide, docs/guide-vi.md and docs/guide-en.md, to the
HTML pages the app ships (resources/guide/) and Help ▸ User guide opens in
the system's browser. The screenshots beside them are the README's
(docs/screenshot*.png, rewritten by ``python3 tasks.py screenshots``).

    python3 tools/build_guide.py          # write resources/guide/
    python3 tools/build_guide.py --check  # exit 1 if they are not in step

The pages load nothing from the network and run no script.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GUIDE = ROOT / "resources" / "guide"
LANGUAGES = ("vi", "en")
SCREENSHOTS = ("screenshot.png", "screenshot-vi.png")
STYLE = """body { font: 16px/1.6 system-ui, "Segoe UI", "Noto Sans", sans-serif; color: #1b1f24; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.7rem; line-height: 1.3; } h2 { font-size: 1.25rem; margin-top: 2em; }
img { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
code { font-size: 0.95em; background: #f3f4f6; padding: 0 0.2em; }"""


def page(language: str) -> str:
    source = (DOCS / f"guide-{language}.md").read_text(encoding="utf-8")
    body = MarkdownIt("commonmark").render(source)
    title = source.splitlines()[0].lstrip("# ").strip()
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'\">\n"
            f"<title>{html.escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n")


def wanted() -> dict[str, bytes]:
    files = {f"guide-{language}.html": page(language).encode("utf-8") for language in LANGUAGES}
    files.update({name: (DOCS / name).read_bytes() for name in SCREENSHOTS})
    return files


def main() -> int:
    files = wanted()
    if "--check" in sys.argv:
        stale = [name for name, data in files.items() if not (GUIDE / name).is_file() or (GUIDE / name).read_bytes() != data]
        for name in stale:
            print(f"resources/guide/{name} is not in step with docs/: run python3 tools/build_guide.py")
        return 1 if stale else 0
    GUIDE.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (GUIDE / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
