"""Benchmark: import a 30-page Word document with 20 photos of 12 MP."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import camera_jpeg  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = ("Ban Chỉ đạo 35 quận đã kịp thời tham mưu giúp Quận ủy tăng cường công tác nắm bắt, "
            "định hướng dư luận xã hội; tuyên truyền, đấu tranh phản bác các quan điểm sai trái. ")


def build(folder: Path) -> Path:
    from docx import Document
    from docx.shared import Cm

    document = Document()
    document.add_paragraph("Báo cáo ba mươi trang", style="Title")
    for page in range(30):
        document.add_heading(f"Phần {page + 1}", level=1)
        for _ in range(6):
            document.add_paragraph(SENTENCE * 4)  # about 500 words a page
        if page < 20:
            photo = folder / f"{page}.jpg"
            photo.write_bytes(camera_jpeg(page))
            document.add_picture(str(photo), width=Cm(15))
            document.add_paragraph(f"Ảnh {page + 1}: toàn cảnh hội nghị.", style="Caption")
    path = folder / "bao-cao.docx"
    document.save(path)
    return path


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        print("bench_import: building a 30-page .docx with 20 photos of 12 MP …", flush=True)
        source = build(folder)
        print(f"  document: {source.stat().st_size / 1e6:.0f} MB")
        times = []
        for attempt in range(3):
            target = folder / f"out-{attempt}.article"
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(source), "-o", str(target)], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        print(f"  import to a saved .article (command line, Python start included): best {min(times):.2f} s, worst {max(times):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
