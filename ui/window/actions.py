"""The window's actions, with the platform's standard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.common.language import translated
from ui.preview.preview_width import PreviewWidth


@dataclass
class Actions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    revisions: QAction
    export: QAction
    export_pdf: QAction
    export_package: QAction
    publish: QAction
    print: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    insert_image: QAction
    paste_image: QAction
    site_profile: QAction
    find: QAction
    import_word: QAction
    copy_for_cms: QAction
    unify_tone_marks: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_fit: QAction
    bold: QAction
    italic: QAction
    link: QAction
    remove_link: QAction
    heading: QAction
    quote: QAction
    bulleted_list: QAction
    numbered_list: QAction
    widths: dict[PreviewWidth, QAction]
    width_group: QActionGroup


# Each action's text and tip, marked for lupdate and translated on use.
_TEXTS: dict[str, tuple[str, str]] = {
    "new": (QT_TRANSLATE_NOOP("Actions", "&New"), QT_TRANSLATE_NOOP("Actions", "Start a new article")),
    "open": (QT_TRANSLATE_NOOP("Actions", "&Open…"), QT_TRANSLATE_NOOP("Actions", "Open an article")),
    "save": (QT_TRANSLATE_NOOP("Actions", "&Save"), QT_TRANSLATE_NOOP("Actions", "Save the article")),
    "save_as": (QT_TRANSLATE_NOOP("Actions", "Save &As…"), QT_TRANSLATE_NOOP("Actions", "Save the article under another name")),
    "revisions": (QT_TRANSLATE_NOOP("Actions", "Re&visions…"), QT_TRANSLATE_NOOP("Actions", "The versions kept at each save, and what changed since")),
    "export": (QT_TRANSLATE_NOOP("Actions", "&Export…"), QT_TRANSLATE_NOOP("Actions", "Export the page for the portal: a folder, a zip or one HTML file")),
    "export_pdf": (QT_TRANSLATE_NOOP("Actions", "Export &PDF…"), QT_TRANSLATE_NOOP("Actions", "Save the page as an A4 PDF")),
    "export_package": (QT_TRANSLATE_NOOP("Actions", "Export publish pac&kage…"),
        QT_TRANSLATE_NOOP("Actions", "One zip for a portal with no publishing API: the body, its photos and a sheet of the fields to fill in")),
    "publish": (QT_TRANSLATE_NOOP("Actions", "P&ublish…"),
        QT_TRANSLATE_NOOP("Actions", "Send the saved article to the portal's WordPress: a draft, for review, or published")),
    "print": (QT_TRANSLATE_NOOP("Actions", "&Print…"), QT_TRANSLATE_NOOP("Actions", "Print the page")),
    "quit": (QT_TRANSLATE_NOOP("Actions", "&Quit"), ""),
    "undo": (QT_TRANSLATE_NOOP("Actions", "&Undo"), ""),
    "redo": (QT_TRANSLATE_NOOP("Actions", "&Redo"), ""),
    "insert_image": (QT_TRANSLATE_NOOP("Actions", "Insert &photo…"), QT_TRANSLATE_NOOP("Actions", "Insert photos at the cursor")),
    "paste_image": (QT_TRANSLATE_NOOP("Actions", "Paste photo"), QT_TRANSLATE_NOOP("Actions", "Insert the picture on the clipboard")),
    "site_profile": (QT_TRANSLATE_NOOP("Actions", "Site &profile…"), QT_TRANSLATE_NOOP("Actions", "The portal's name, address, fanpage and logo")),
    "import_word": (QT_TRANSLATE_NOOP("Actions", "&Import Word document…"),
        QT_TRANSLATE_NOOP("Actions", "Start an article from a .docx file, with its photos and captions")),
    "find": (QT_TRANSLATE_NOOP("Actions", "&Find and replace…"), QT_TRANSLATE_NOOP("Actions", "Find and replace in every field")),
    "copy_for_cms": (QT_TRANSLATE_NOOP("Actions", "Copy for &CMS"),
        QT_TRANSLATE_NOOP("Actions", "Copy the body as HTML, with the title and lead, for the portal's web editor")),
    "unify_tone_marks": (QT_TRANSLATE_NOOP("Actions", "Unify &tone marks"),
        QT_TRANSLATE_NOOP("Actions", "Place tone marks in the whole article in the style chosen in the site profile")),
    "zoom_in": (QT_TRANSLATE_NOOP("Actions", "Zoom &in"), QT_TRANSLATE_NOOP("Actions", "Show the preview larger (also Ctrl + wheel)")),
    "zoom_out": (QT_TRANSLATE_NOOP("Actions", "Zoom &out"), QT_TRANSLATE_NOOP("Actions", "Show the preview smaller (also Ctrl + wheel)")),
    "zoom_fit": (QT_TRANSLATE_NOOP("Actions", "&Fit to pane"), QT_TRANSLATE_NOOP("Actions", "Scale the page to the pane again")),
    "bold": (QT_TRANSLATE_NOOP("Actions", "&Bold"), QT_TRANSLATE_NOOP("Actions", "Bold (Ctrl+B)")),
    "italic": (QT_TRANSLATE_NOOP("Actions", "&Italic"), QT_TRANSLATE_NOOP("Actions", "Italic (Ctrl+I)")),
    "link": (QT_TRANSLATE_NOOP("Actions", "&Link…"), QT_TRANSLATE_NOOP("Actions", "Make the selected words a link, or change the link (Ctrl+K)")),
    "remove_link": (QT_TRANSLATE_NOOP("Actions", "&Remove link"), QT_TRANSLATE_NOOP("Actions", "Take the link off, keeping the words (Ctrl+Shift+K)")),
    "heading": (QT_TRANSLATE_NOOP("Actions", "&Heading"),
        QT_TRANSLATE_NOOP("Actions", "Make the paragraph a subheading, or a subheading a paragraph (Ctrl+Alt+2)")),
    "quote": (QT_TRANSLATE_NOOP("Actions", "&Quote"),
        QT_TRANSLATE_NOOP("Actions", "Make the paragraph a quotation, or a quotation a paragraph (Ctrl+Shift+Q)")),
    "bulleted_list": (QT_TRANSLATE_NOOP("Actions", "B&ulleted list"),
        QT_TRANSLATE_NOOP("Actions", "Make the selected paragraphs a bulleted list, or the list paragraphs (Ctrl+Shift+8)")),
    "numbered_list": (QT_TRANSLATE_NOOP("Actions", "&Numbered list"),
        QT_TRANSLATE_NOOP("Actions", "Make the selected paragraphs a numbered list, or the list paragraphs (Ctrl+Shift+7)")),
}
_WIDTH_TEXTS = {
    PreviewWidth.PHONE: QT_TRANSLATE_NOOP("Actions", "Phone (360 px)"),
    PreviewWidth.TABLET: QT_TRANSLATE_NOOP("Actions", "Tablet (768 px)"),
    PreviewWidth.DESKTOP: QT_TRANSLATE_NOOP("Actions", "Desktop (1280 px)"),
    PreviewWidth.PRINT: QT_TRANSLATE_NOOP("Actions", "Print (A4)"),
}
_SHORTCUTS: dict[str, QKeySequence.StandardKey | str] = {
    "new": QKeySequence.StandardKey.New,
    "open": QKeySequence.StandardKey.Open,
    "save": QKeySequence.StandardKey.Save,
    "save_as": QKeySequence.StandardKey.SaveAs,
    "export": "Ctrl+E",
    "print": QKeySequence.StandardKey.Print,
    "quit": QKeySequence.StandardKey.Quit,
    "undo": QKeySequence.StandardKey.Undo,
    "redo": QKeySequence.StandardKey.Redo,
    "insert_image": "Ctrl+Shift+I",
    "paste_image": "Ctrl+Shift+V",
    "find": QKeySequence.StandardKey.Find,
    "zoom_in": QKeySequence.StandardKey.ZoomIn,
    "zoom_out": QKeySequence.StandardKey.ZoomOut,
    "zoom_fit": "Ctrl+0",
    "bold": QKeySequence.StandardKey.Bold,
    "italic": QKeySequence.StandardKey.Italic,
    "link": "Ctrl+K",
    "remove_link": "Ctrl+Shift+K",
    # As Google Docs names them; Ctrl+Q is Quit, so the quote takes Shift too.
    "heading": "Ctrl+Alt+2",
    "quote": "Ctrl+Shift+Q",
    "bulleted_list": "Ctrl+Shift+8",
    "numbered_list": "Ctrl+Shift+7",
}

# The Format menu and the bar above the form, in this order (None: a separator).
FORMAT_ACTIONS = ("bold", "italic", None, "link", "remove_link", None, "heading", "quote", "bulleted_list", "numbered_list")


def build_actions(window: QWidget) -> Actions:
    items: dict[str, QAction] = {}
    for name in _TEXTS:
        item = QAction(window)
        shortcut = _SHORTCUTS.get(name)
        if isinstance(shortcut, QKeySequence.StandardKey):
            item.setShortcuts(QKeySequence.keyBindings(shortcut))
        elif shortcut:
            item.setShortcut(QKeySequence(shortcut))
        items[name] = item
    widths = {width: QAction(window) for width in _WIDTH_TEXTS}
    group = QActionGroup(window)
    for item in widths.values():
        item.setCheckable(True)
        group.addAction(item)
    actions = Actions(**items, widths=widths, width_group=group)
    retranslate_actions(actions)
    return actions


def retranslate_actions(actions: Actions) -> None:
    """Set every action's text in the current language."""
    for name, (text, tip) in _TEXTS.items():
        item: QAction = getattr(actions, name)
        item.setText(translated("Actions", text))
        item.setStatusTip(translated("Actions", tip) if tip else "")
        item.setToolTip(translated("Actions", tip) if tip else item.text().replace("&", ""))
    for width, text in _WIDTH_TEXTS.items():
        actions.widths[width].setText(translated("Actions", text))
