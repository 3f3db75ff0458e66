"""Two computers on one shared folder, as two processes with their own
library index: one writes and submits, the other sees it waiting for review,
adds a note and requests changes, and the first sees both. Nothing is lost or corrupt,
and the lock keeps the writer out while the reviewer works.

``TOASOAN_SHARED_FOLDER`` points the test at a mounted network share (an
SMB mount); by default it runs on a local folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path

from tests.editor.library_actor import NAME, WRITER_TEXT
from tests.helpers import ROOT


def _actor(role: str, folder: Path, index: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "tests.editor.library_actor", role, str(folder), str(index)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _result(process: subprocess.Popen[str], timeout: float = 60) -> dict[str, object]:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


def _wait_for(path: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.05)


def test_a_submission_and_a_request_for_changes_cross_a_shared_folder(tmp_path: Path) -> None:
    base = Path(os.environ.get("TOASOAN_SHARED_FOLDER", tmp_path))
    share = base / f"share-{uuid.uuid4().hex[:8]}"
    share.mkdir()
    writer_index, reviewer_index = tmp_path / "writer" / "library.sqlite", tmp_path / "reviewer" / "library.sqlite"

    reviewer = _actor("review", share, reviewer_index)  # already rescanning before anything is submitted
    time.sleep(1)
    _result(_actor("submit", share, writer_index))
    submitted = (share / NAME).stat().st_mtime

    _wait_for(share / "locked", 30)  # the reviewer has the draft open
    refused = _result(_actor("try-edit", share, writer_index))["refused"]
    assert "open in Tòa Soạn by" in str(refused)
    (share / "go").write_text("go")
    seen_at = float(_result(reviewer)["seen_at"])  # type: ignore[arg-type]
    assert seen_at - submitted <= 5, f"the reviewer saw the submission after {seen_at - submitted:.1f} s"

    writer_view = _result(_actor("read", share, writer_index))
    [entry] = writer_view["entries"]  # type: ignore[misc]
    assert entry["state"] == "changes" and entry["assignee"] == "Hoàng Tùng" and entry["error"] == ""
    assert writer_view["history"] == [["review", "Hoàng Tùng", ""], ["changes", "Nguyễn Lan", "Thêm ảnh đại hội"]]
    assert writer_view["notes"] == [["Nguyễn Lan", "Ghi rõ số đại biểu", "thành công tốt đẹp"]]  # the reviewer's note
    assert writer_view["text"] == WRITER_TEXT  # the writer's text survived the reviewer's save
    with zipfile.ZipFile(share / NAME) as archive:
        assert archive.testzip() is None
    assert not list(share.glob(".~lock.*"))  # both let go of the lock
    assert not [p for p in share.iterdir() if p.name not in (NAME, "locked", "go")]  # no temporary files left
