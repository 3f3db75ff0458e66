"""Benchmark: the Share preview's two costs.

1. The card, made in a photo process from a 12 MP camera cover
   (``editor.share_images.card_for_preview``): CPU time of that work, which
   never runs on the UI thread.
2. One refresh of the panel's texts on the UI thread (og:title and
   og:description from ``shared_link``, both cards' line clamp with Qt's font
   metrics) for a 200-character title and a 300-character lead: the UI
   thread's own CPU time.

Each figure is printed with the load average: the machine is shared.
Run with ``.venv/bin/python benchmarks/bench_share_preview.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_export import camera_jpeg  # noqa: E402

RUNS = 5


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def card_cost() -> None:
    from editor.model import Focus
    from editor.share_images import card_for_preview

    cover = camera_jpeg(0)
    times = []
    for _ in range(RUNS):
        cpu = time.process_time()
        card_for_preview(cover, "cover", 0, None, Focus(0.6, 0.4), 500)
        times.append(time.process_time() - cpu)
    print(f"card for the panel from a 12 MP cover: median {statistics.median(times) * 1000:.0f} ms CPU "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}; {RUNS} runs; {load()})")


def refresh_cost() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from editor.model import Article
    from ui.document.document import Document
    from ui.window.share_preview import SharePreviewPanel

    app = QApplication.instance() or QApplication([])
    document = Document()
    title = ("Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, "
             "thù địch trong tình hình mới và triển khai nhiệm vụ những tháng cuối năm 2023 trên địa bàn quận")
    lead = "Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp đánh giá kết quả hoạt động trong 10 tháng đầu năm. " * 3
    document.load(Article(title=title, lead=lead, url="https://haiphong.gov.vn/tin/1.html"), None)
    panel = SharePreviewPanel(document)  # never shown: no card is made, only the texts are laid out
    times = []
    for index in range(200):
        document.article.title = title[: 120 + index % 80]
        cpu = time.thread_time()
        panel.show_texts()
        times.append(time.thread_time() - cpu)
        app.processEvents()
    print(f"one refresh of both cards' texts: median {statistics.median(times) * 1000:.2f} ms of the UI thread's CPU "
          f"(max {max(times) * 1000:.2f}; 200 refreshes; {load()})")


if __name__ == "__main__":
    card_cost()
    refresh_cost()
