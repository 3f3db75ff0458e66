"""Benchmark: import a 100-page Word document of 12,000 blocks (issue 13:
≤ 10 s and ≤ 300 MB; a 2-page decision ≤ 0.5 s), and where the time goes.

Each run is a fresh child process (``python -c``), so its peak memory
(``ru_maxrss``) is the import's own plus the interpreter's. The phases are
timed inside the child: reading and preparing the package (numbering
labels, looks, tables: lxml), mammoth's conversion, and our walk over its
HTML.

    .venv/bin/python benchmarks/bench_import_large.py [--runs N]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from runs import load_average, summary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Ủy ban nhân dân tỉnh chỉ đạo các sở, ban, ngành tập trung triển khai thực hiện nhiệm vụ cải cách hành chính. "


def build(folder: Path, blocks: int) -> Path:
    """A report of ``blocks`` paragraphs: headings, numbered items a), b)
    under 1., 2., bullets, and a bordered table every 200 blocks."""
    from docx import Document

    document = Document()
    for text in ("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Lâm Đồng, ngày 12 tháng 3 năm 2025", "BÁO CÁO"):
        document.add_paragraph().add_run(text).bold = True
    document.add_paragraph().add_run("Tình hình thực hiện nhiệm vụ năm 2025").bold = True
    made = 7
    section = 0
    while made < blocks:
        section += 1
        document.add_heading(f"Phần {section}", level=1)
        made += 1
        for item in range(12):
            style = "List Number" if item % 4 == 0 else ("List Number 2" if item % 4 in (1, 2) else "List Bullet")
            document.add_paragraph(SENTENCE * 2, style=style)
            document.add_paragraph(SENTENCE * 3)
            made += 2
        if section % 8 == 0:
            table = document.add_table(rows=4, cols=3, style="Table Grid")
            for row in table.rows:
                for cell in row.cells:
                    cell.text = "Chỉ tiêu 98%"
            made += 12
    path = folder / f"bao-cao-{blocks}.docx"
    document.save(path)
    return path


REAL = ROOT / "tests" / "corpus" / "docx-vietnamese-gov" / "vbai-72-Du-thao-KHCCHC-2026-cua-tinh.docx"


def build_real(folder: Path, blocks: int) -> Path:
    """A provincial plan (580 paragraphs as Word wrote them: runs split by
    spell-check marks, revision ids, multi-level numbering, tables) with
    its body repeated until it has ``blocks`` paragraphs."""
    import re
    import zipfile

    with zipfile.ZipFile(REAL) as source:
        document = source.read("word/document.xml").decode("utf-8")
        start = document.index(">", document.index("<w:body")) + 1
        end = document.rindex("<w:sectPr")
        body = document[start:end]
        times = -(-blocks // len(re.findall(r"<w:p[ >]", body)))
        path = folder / f"ke-hoach-x{times}.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for member in source.infolist():
                data = source.read(member)
                if member.filename == "word/document.xml":
                    data = (document[:start] + body * times + document[end:]).encode("utf-8")
                target.writestr(member, data)
    return path


CHILD = r"""
import json, resource, sys, time, io, zipfile
from pathlib import Path
start = time.perf_counter()
import editor.word_import as wi
imported = time.perf_counter()
phases = {}
real_prepared, real_convert, real_walk = wi._prepared, wi.mammoth.convert_to_html, wi._Importer.walk
def timed(name, function):
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            phases[name] = phases.get(name, 0.0) + time.perf_counter() - began
    return wrapper
wi._prepared = timed("prepare (lxml)", real_prepared)
wi.mammoth.convert_to_html = timed("mammoth", real_convert)
depth = [0]
def walk(self, nodes):
    depth[0] += 1
    try:
        if depth[0] == 1:
            return timed("our walk", real_walk)(self, nodes)
        return real_walk(self, nodes)
    finally:
        depth[0] -= 1
wi._Importer.walk = walk
began, cpu = time.perf_counter(), time.process_time()
result = wi.import_docx(Path(sys.argv[1]))
total = time.perf_counter() - began
print(json.dumps({"import": total, "cpu": time.process_time() - cpu, "module": imported - start, "phases": phases, "blocks": len(result.article.blocks),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, cwd=ROOT, check=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return json.loads(done.stdout.splitlines()[-1])


def main() -> int:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    with tempfile.TemporaryDirectory() as temp:
        cases = (("a report built with python-docx", build, 12_000, "≤ 10 s, ≤ 300 MB"),
                 ("a provincial plan as Word wrote it, repeated", build_real, 12_000, "≤ 10 s, ≤ 300 MB"),
                 ("a 2-page decision", build, 60, "≤ 0.5 s"))
        for what, make, blocks, goal in cases:
            path = make(Path(temp), blocks)
            results = []
            for _ in range(runs):
                results.append(run(path))
                print(f"  [{load_average()}] {results[-1]}", flush=True)
            size = path.stat().st_size / 1e6
            print(f"bench_import_large: {what}: {blocks:,} paragraphs asked ({results[0]['blocks']:,} in the article), {size:.1f} MB; goal {goal}")
            print(f"  import: {summary([float(r['import']) for r in results], 's', 2)}")  # type: ignore[arg-type]
            # The CPU time is the fairer figure when other work shares the cores.
            print(f"  CPU time: {summary([float(r['cpu']) for r in results], 's', 2)}")  # type: ignore[arg-type]
            print(f"  peak memory: {summary([float(r['peak_mb']) for r in results], 'MB')}")  # type: ignore[arg-type]
            for phase in results[0]["phases"]:  # type: ignore[attr-defined]
                print(f"    {phase}: {summary([float(r['phases'][phase]) for r in results], 's', 2)}")  # type: ignore[index]
            print(f"  ({load_average()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
