"""pytest-qt set-up for the window's tests: offscreen, QtWebEngine ready
(scheme registered before the QApplication exists, no sandbox as root, no
GPU), settings in a temporary folder so tests never touch the user's."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui.common.refcount_guard import make_singletons_immortal  # noqa: E402

# As the app does (ui/app.py): a binding that takes references from None,
# True or False (PySide6 6.12.0, docs/pyside6-borrowed-singletons.md) must
# not abort the test run.
make_singletons_immortal()

from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: E402

from ui.preview.webengine import prepare_chromium, register_scheme  # noqa: E402

_flags = prepare_chromium()
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(
    [os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""), *_flags, "--disable-gpu"]
).strip()
register_scheme()
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
_SETTINGS_DIR = tempfile.mkdtemp(prefix="toasoan-test-settings-")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, _SETTINGS_DIR)


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["toasoan-tests"]


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_the_end(qapp: Any) -> Iterator[None]:
    yield
    from ui.common.clipboard import release_clipboard

    release_clipboard()  # what the app does on quitting; see ui/common/clipboard.py


@pytest.fixture(autouse=True)
def _fresh_settings(qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    QCoreApplication.setOrganizationName("ToaSoanTests")
    QCoreApplication.setApplicationName("Tòa Soạn tests")
    QSettings().clear()
    # The site profile mirror for the command line goes to the test's folder.
    monkeypatch.setattr("ui.window.main_window.saved_profile_path", lambda: tmp_path / "site-profile.json")
    yield
    QSettings().clear()


class MessageBoxes:
    """Stands in for QMessageBox: a modal box would block the test run.
    Records what the window asked and answers with ``answer``."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer: Any = None

    def question(self, parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        from PySide6.QtWidgets import QMessageBox

        self.shown.append(("question", title, text))
        return self.answer if self.answer is not None else QMessageBox.StandardButton.Cancel

    def warning(self, parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        self.shown.append(("warning", title, text))

    information = warning


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    from PySide6.QtWidgets import QMessageBox

    boxes = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "question", boxes.question)
    monkeypatch.setattr(QMessageBox, "warning", boxes.warning)
    monkeypatch.setattr(QMessageBox, "information", boxes.information)
    return boxes


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    """The test's own autosave workspace, never the user's: every window a test makes is given one."""
    from editor.workspace import Workspace

    return Workspace(tmp_path / "workspace.sqlite")


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> Iterator[Any]:
    from ui.window.main_window import MainWindow

    main = MainWindow(workspace)
    main.resize(1400, 900)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    wait_for_preview(qtbot, main)
    yield main
    main.document.undo_stack.setClean()  # no prompt when the test closes it
    main.close()
    destroy_now(main)


def destroy_now(widget: Any) -> None:
    """Delete a window now, page before profile, not at interpreter exit
    (where Python's order of destruction would crash QtWebEngine)."""
    from PySide6.QtCore import QEvent

    from ui.common.workers import wait_for_background_work

    wait_for_background_work()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def wait_for_preview(qtbot: Any, main: Any, timeout: int = 20_000) -> None:
    """Wait until the preview shows the document's current title."""
    def loaded() -> None:
        assert not main.preview.is_loading()
        assert js(qtbot, main.preview, "document.readyState") == "complete"
        assert js(qtbot, main.preview, "document.querySelector('h1').textContent") == main.document.article.title

    qtbot.waitUntil(loaded, timeout=timeout)


def js(qtbot: Any, view: Any, script: str, timeout: int = 10_000) -> Any:
    """Run ``script`` in the preview and return its result (read from the real DOM)."""
    from PySide6.QtWebEngineCore import QWebEngineScript

    with qtbot.waitCallback(timeout=timeout) as callback:
        view.page().runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, callback)
    return callback.args[0]


def open_article(qtbot: Any, main: Any, path: Path) -> None:
    with qtbot.waitSignal(main.document.reset, timeout=20_000):
        main.files.open_path(path)
    wait_for_preview(qtbot, main)


def wait_until_dom(qtbot: Any, view: Any, script: str, expected: Any, timeout: int = 10_000) -> None:
    def check() -> None:
        assert js(qtbot, view, script) == expected

    qtbot.waitUntil(check, timeout=timeout)


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    import shutil

    from tests.helpers import EXAMPLE_DIR

    target = tmp_path / "le-chan"
    shutil.copytree(EXAMPLE_DIR, target)
    return target / "article.json"


Helper = Callable[..., Any]


def type_text(widget: Any, text: str) -> None:
    """Type ``text`` as key presses, Vietnamese letters included (QTest's
    keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = Qt.Key.Key_Space if char == " " else (ord(char.upper()) if char.isascii() and char.isalnum() else 0)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def press(qtbot: Any, widget: Any, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)
