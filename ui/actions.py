"""The window's actions, with the platform's standard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.preview import PreviewWidth


@dataclass
class Actions:
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    revisions: QAction
    export: QAction
    export_pdf: QAction
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
    widths: dict[PreviewWidth, QAction]
    width_group: QActionGroup


def build_actions(window: QWidget) -> Actions:
    def action(text: str, shortcut: QKeySequence.StandardKey | str | None = None, tip: str = "") -> QAction:
        item = QAction(text, window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            item.setShortcuts(QKeySequence.keyBindings(shortcut))
        elif shortcut:
            item.setShortcut(QKeySequence(shortcut))
        if tip:
            item.setStatusTip(tip)
            item.setToolTip(tip)
        return item

    tr = window.tr
    widths = {
        PreviewWidth.PHONE: action(tr("Phone (360 px)")),
        PreviewWidth.TABLET: action(tr("Tablet (768 px)")),
        PreviewWidth.DESKTOP: action(tr("Desktop (1280 px)")),
        PreviewWidth.PRINT: action(tr("Print (A4)")),
    }
    group = QActionGroup(window)
    for item in widths.values():
        item.setCheckable(True)
        group.addAction(item)
    return Actions(
        new=action(tr("&New"), QKeySequence.StandardKey.New, tr("Start a new article")),
        open=action(tr("&Open…"), QKeySequence.StandardKey.Open, tr("Open an article")),
        save=action(tr("&Save"), QKeySequence.StandardKey.Save, tr("Save the article")),
        save_as=action(tr("Save &As…"), QKeySequence.StandardKey.SaveAs, tr("Save the article under another name")),
        revisions=action(tr("Re&visions…"), None, tr("The versions kept at each save, and what changed since")),
        export=action(tr("&Export…"), "Ctrl+E", tr("Export the page for the portal: a folder, a zip or one HTML file")),
        export_pdf=action(tr("Export &PDF…"), None, tr("Save the page as an A4 PDF")),
        print=action(tr("&Print…"), QKeySequence.StandardKey.Print, tr("Print the page")),
        quit=action(tr("&Quit"), QKeySequence.StandardKey.Quit),
        undo=action(tr("&Undo"), QKeySequence.StandardKey.Undo),
        redo=action(tr("&Redo"), QKeySequence.StandardKey.Redo),
        insert_image=action(tr("Insert &photo…"), "Ctrl+Shift+I", tr("Insert photos at the cursor")),
        paste_image=action(tr("Paste photo"), "Ctrl+Shift+V", tr("Insert the picture on the clipboard")),
        site_profile=action(tr("Site &profile…"), None, tr("The portal's name, address, fanpage and logo")),
        import_word=action(tr("&Import Word document…"), None, tr("Start an article from a .docx file, with its photos and captions")),
        find=action(tr("&Find and replace…"), QKeySequence.StandardKey.Find, tr("Find and replace in every field")),
        copy_for_cms=action(tr("Copy for &CMS"), None, tr("Copy the body as HTML, with the title and lead, for the portal's web editor")),
        widths=widths,
        width_group=group,
    )
