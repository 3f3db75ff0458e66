"""Benchmark a process's first rendering of a page (the preview's first at
a start, the page of every ``export``): the example article rendered in a
fresh Python process, its templates compiled anew (an empty cache folder,
as at the first start after an install, which also writes them), kept
compiled from an earlier start (editor/render.py, ``_CompiledTemplates``),
or with no cache at all, as before. The QR code library is
imported before the clock starts in both, so the two differ by the
templates alone. Fresh processes, alternately, CPU time of the rendering.

    python benchmarks/bench_render.py [-n RUNS]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from runs import REPEATS, load_average, summary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "le-chan" / "article.json"

CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import qrcode  # noqa: F401 (imported by the first QR code either way)
from editor import render
from editor.inputs import load_article
from editor.model import SiteProfile
if sys.argv[3] == "none":  # as before the templates were kept: no cache at all
    import jinja2
    render._environment = lambda: render.make_environment(jinja2.PackageLoader("resources", "templates"))
else:
    render.compiled_templates_folder = lambda: Path(sys.argv[3])
article = load_article(Path(sys.argv[2]))
started = time.process_time()
render.render_article(article, SiteProfile(name="Cổng tin tức Thành phố Hải Phòng", url="https://haiphong.gov.vn"), render.NoImages())
print(json.dumps({"cpu_ms": 1000 * (time.process_time() - started)}))
"""


def first_render_ms(folder: Path | str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(EXAMPLE), str(folder)], capture_output=True, text=True,
                            env=env, check=True, timeout=120)
    return float(json.loads(result.stdout.splitlines()[-1])["cpu_ms"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--runs", type=int, default=REPEATS)
    runs = parser.parse_args().runs
    print(f"bench_render: the example's first rendering in a fresh process, CPU time; {load_average()}", flush=True)
    anew: list[float] = []
    kept: list[float] = []
    uncached: list[float] = []
    with tempfile.TemporaryDirectory() as temp:
        warm = Path(temp) / "kept"
        first_render_ms(warm)  # an earlier start compiled them
        for run in range(runs):
            anew.append(first_render_ms(Path(temp) / f"empty-{run}"))
            kept.append(first_render_ms(warm))
            uncached.append(first_render_ms("none"))
    print(f"  templates compiled anew: {summary(anew, 'ms', 1)}; {load_average()}", flush=True)
    print(f"  templates kept compiled: {summary(kept, 'ms', 1)}; {load_average()}", flush=True)
    print(f"  no compiled templates kept at all (before): {summary(uncached, 'ms', 1)}; {load_average()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
