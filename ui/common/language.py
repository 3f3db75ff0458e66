"""The interface's language, Vietnamese or English.

It follows the system (a Vietnamese system gives Vietnamese) unless the user
chose one under Settings ▸ Language. Switching installs other Qt translators;
Qt then sends every widget a LanguageChange event, and the widgets that keep
their texts in ``retranslate()`` (see ``Retranslating``) set them again, so
the open article, its undo history and the window stay as they are.

``resources/i18n`` holds ``toasoan_<code>.ts`` (the app's strings, kept up to
date with ``pyside6-lupdate``) and ``qt_<code>.ts`` (the strings of Qt's own
dialogs, buttons and menus that the app shows: Qt ships no Vietnamese), and
the ``.qm`` files built from them with ``pyside6-lrelease``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from editor.fields import TextField
from ui.common.settings import settings

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("vi", "en")
CATALOGS = ("toasoan", "qt")
_SETTING = "interface/language"  # "vi", "en", or absent for the system's

_installed: list[QTranslator] = []
_current = "en"


def system_language() -> str:
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


def chosen_language(store: QSettings) -> str | None:
    value = store.value(_SETTING)
    return value if value in LANGUAGES else None


def choose_language(store: QSettings, code: str | None) -> None:
    """Remember the user's choice (None: follow the system) and apply it."""
    if code is None:
        store.remove(_SETTING)
    else:
        store.setValue(_SETTING, code)
    install_language(code or system_language())


def install_language(code: str) -> None:
    """Translate the interface into ``code`` from now on."""
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for catalog in CATALOGS:
        translator = QTranslator(app)
        if translator.load(str(I18N / f"{catalog}_{code}.qm")):
            app.installTranslator(translator)
            _installed.append(translator)
    _current = code
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if code == "vi" else QLocale.Language.English))
    # Installing a translator posts LanguageChange to every widget; deliver
    # it now, so the window is in the new language when this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def interface_language() -> str:
    """The language the interface is shown in now: "vi" or "en"."""
    return _current


class Retranslating:
    """For widgets that set their texts in ``retranslate()``: call it from
    ``__init__``, and it runs again whenever the language changes."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def translated(context: str, text: str) -> str:
    """``text`` (marked with QT_TRANSLATE_NOOP) in the current language."""
    return QCoreApplication.translate(context, text)


def field_label(field: TextField, *, shortcut: bool = True) -> str:
    """A text field's label as the model declares it, in the current language:
    with its "&" shortcut mark for a form's buddy label, without for an
    accessible name."""
    label = translated("TextField", field.label)
    return label if shortcut else label.replace("&&", "\0").replace("&", "").replace("\0", "&")


class LanguageMenu(Retranslating, QMenu):
    """Settings ▸ Language: follow the system, or always one language. Each
    language is named in itself, as language menus do."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        group = QActionGroup(self)
        self.follow_system = self.addAction("")
        self.addSeparator()
        self.choices: dict[str | None, QAction] = {None: self.follow_system}
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            self.choices[code] = self.addAction(name)
        chosen = chosen_language(settings())
        for code, item in self.choices.items():
            item.setCheckable(True)
            item.setChecked(code == chosen)
            group.addAction(item)
            item.triggered.connect(lambda checked=False, c=code: choose_language(settings(), c))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.follow_system.setText(self.tr("As the system (%s)") % ("Tiếng Việt" if system_language() == "vi" else "English"))
