"""Benchmark: the drafts library over many drafts of realistic Vietnamese text.

Measures the first index, a rescan with nothing changed, and search times
(p50, p95) over queries with and without marks. ``python
benchmarks/bench_library.py [COUNT]`` (default 10,000 drafts; photos are
left out, since the index reads only ``article.json`` and hashes the file).
With ``--window`` it also measures the longest stall of the real window's UI
thread while its library indexes the same folder from scratch.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.draft import save_draft  # noqa: E402
from editor.library import Library  # noqa: E402
from editor.model import Article, HeadingBlock, ParagraphBlock  # noqa: E402

PLACES = ["Lê Chân", "Ngô Quyền", "Hồng Bàng", "Kiến An", "Dương Kinh", "Đồ Sơn", "Hải An", "Cát Dài", "Hòa Nghĩa",
          "Thủy Nguyên", "An Dương", "Tiên Lãng", "Vĩnh Bảo", "Đằng Giang", "Trại Cau", "Lạch Tray"]
SUBJECTS = ["Đại hội Đảng bộ", "Hội nghị Quận ủy", "Hội Khuyến học", "Ban Chỉ đạo 35", "Mặt trận Tổ quốc",
            "Hội Cựu chiến binh", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ", "Ủy ban nhân dân", "Công an phường"]
ACTIONS = ["tổng kết công tác năm", "triển khai nhiệm vụ", "trao học bổng cho học sinh nghèo vượt khó",
           "ra quân chỉnh trang đường phố", "kiểm tra công tác phòng cháy chữa cháy", "tuyên truyền pháp luật",
           "khánh thành nhà văn hóa", "đón bằng công nhận nông thôn mới", "thăm hỏi gia đình chính sách"]
SENTENCES = [
    "Thời gian qua, Ban Chỉ đạo đã kịp thời tham mưu giúp cấp ủy tăng cường công tác nắm bắt, định hướng dư luận xã hội.",
    "Các đồng chí đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, trách nhiệm vào dự thảo báo cáo.",
    "Phát biểu chỉ đạo, đồng chí Bí thư đề nghị các đơn vị tiếp tục đẩy mạnh cải cách hành chính.",
    "Nhân dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.",
    "Công tác bảo đảm trật tự an toàn giao thông, vệ sinh môi trường được quan tâm thực hiện.",
    "Phong trào thi đua yêu nước tiếp tục được triển khai sâu rộng trong cán bộ, đảng viên và nhân dân.",
]
AUTHORS = ["Hoàng Tùng", "Nguyễn Lan", "Trần Minh Đức", "Phạm Thu Hà", "Vũ Quốc Anh", "Đặng Thủy"]
STATES = ["draft", "review", "changes", "approved", "published"]
QUERIES = ["dang bo", "quan uy", "khuyen hoc", "đường phố", "hoa nghia", "hoà nghĩa", "le chan hoi nghi",
           "thuy nguyen", "Dương Kinh", "nong thon moi", "phong chay", "cuu chien binh", "ban chi dao 35", "đồ sơn"]


def make_drafts(folder: Path, count: int) -> None:
    rng = random.Random(16)
    start = datetime(2024, 1, 1, 8, tzinfo=timezone(timedelta(hours=7)))
    for index in range(count):
        place = rng.choice(PLACES)
        title = f"{rng.choice(SUBJECTS)} {place} {rng.choice(ACTIONS)}"
        blocks = [ParagraphBlock(text=" ".join(rng.sample(SENTENCES, 3))) for _ in range(rng.randint(4, 9))]
        blocks.insert(2, HeadingBlock(text=f"Nhiệm vụ của {place} thời gian tới"))
        article = Article(title=title, lead=f"Sáng nay, {title.lower()}.", blocks=blocks, author=rng.choice(AUTHORS),
                          tags=[place, rng.choice(SUBJECTS)], published=start + timedelta(hours=7 * index))
        state = rng.choice(STATES)
        if state != "draft":
            article.review = article.review.changed_to(state, rng.choice(AUTHORS))
        sub = folder / f"{article.published.year}-{article.published.month:02}"
        sub.mkdir(exist_ok=True)
        save_draft(article, sub / f"bai-{index:05}.article")


def _window_stall(folder: Path, temp: Path) -> str:
    """The real window indexing the folder from scratch (its own data and settings folders)."""
    import json
    import os
    import subprocess

    env = {**os.environ, "XDG_DATA_HOME": str(temp / "data"), "XDG_CONFIG_HOME": str(temp / "config"),
           "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    probe = Path(__file__).resolve().parent / "library_stall_probe.py"
    done = subprocess.run([sys.executable, str(probe), str(folder)], env=env, capture_output=True, text=True, timeout=900)
    line = next((line for line in done.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        return f"no result ({done.stderr.strip().splitlines()[-1:]})"
    result = json.loads(line[len("RESULT "):])
    lines = []
    for phase, what in (("index", f"indexing and listing {result['listed']}"), ("search", f"searching ({len(result['matches'])} queries, "
                                                                                           f"up to {max(result['matches'])} matches)")):
        figures = result[phase]
        lines.append(f"{what}: longest stall {figures['longest_stall_ms']:.0f} ms, the UI thread's own CPU time in a gap at most "
                     f"{figures['longest_ui_cpu_in_a_gap_ms']:.0f} ms; {figures['gaps_over_50ms']} gaps over 50 ms "
                     f"({figures['wall_in_gaps_over_50ms_ms']:.0f} ms, of which UI CPU {figures['ui_cpu_in_gaps_over_50ms_ms']:.0f} ms; "
                     f"UI thread states sampled in them {figures['states_sampled_in_gaps_over_50ms']}) in {figures['seconds']:.1f} s "
                     f"(load average {result['load_before']:.1f} before, {result[f'load_after_{phase}']:.1f} after)")
        lines += [f"      {gap}" for gap in figures["worst"][:4]]
    return "\n    ".join(lines)


def load() -> str:
    """The load average: other work on the machine moves every figure."""
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "load average unknown"


def main() -> int:
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    count = int(args[0]) if args else 10_000
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "share"
        folder.mkdir()
        print(f"bench_library: writing {count} drafts … ({load()})", flush=True)
        start = time.perf_counter()
        make_drafts(folder, count)
        print(f"  written in {time.perf_counter() - start:.1f} s")
        library = Library(Path(temp) / "index" / "library.sqlite")
        print(f"  FTS5: {'yes' if library.use_fts else 'no (plain scan)'} ({load()})")
        start = time.perf_counter()
        result = library.rescan([folder])
        print(f"  first index: {time.perf_counter() - start:.2f} s ({result.added} drafts)")
        start = time.perf_counter()
        result = library.rescan([folder])
        print(f"  rescan, nothing changed: {time.perf_counter() - start:.2f} s ({result.unchanged} unchanged)")
        for label, limit in (("every match", None), ("best 100", 100)):
            times, hits = [], []
            for _ in range(5):
                for query in QUERIES:
                    begin = time.perf_counter()
                    found = library.search(query, [folder], limit=limit)
                    times.append(time.perf_counter() - begin)
                    hits.append(len(found))
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"  search, {label} ({len(times)} queries, {min(hits)}–{max(hits)} results): "
                  f"p50 {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms ({load()})")
        times = []
        for _ in range(40):
            begin = time.perf_counter()
            library.search("", [folder], limit=100)
            times.append(time.perf_counter() - begin)
        times.sort()
        print(f"  list without a query, first 100 (40 times): p50 {statistics.median(times) * 1000:.0f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms ({load()})")
        if "--window" in sys.argv:
            print(f"  window, {count} drafts:\n    {_window_stall(folder, Path(temp))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
