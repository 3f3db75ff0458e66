"""The main window: it lays out the composer and the preview and wires the
actions to the objects that do the work. Nothing else happens here.

It starts in three steps, so that the window is on screen before the
heavy parts are loaded: the form, menus, status bar and autosave
(``__init__``); then QtWebEngine and the preview (``_start_preview``, as
``first_painted`` is emitted: the app reads the file named at start
meanwhile, and the preview's first page is that file's), after which
``ready_to_open`` is emitted and a file may be opened; then the
checklist, the library, the notes, the photo and Word intake and the
spelling tables (``_start_tools``, once the preview has drawn the first
frame of the page of the file named at start, or 1.5 s later), after
which ``is_started`` is true. The window started by the app
(``defer_start=True``) runs the last two steps from zero-timers after its
first paint; otherwise they run at once, inside ``__init__``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QSplitter, QToolBar, QVBoxLayout, QWidget

from editor.errors import ArticleError
from editor.model import Article
from editor.preview_copies import FOLDER_NAME as PREVIEW_COPIES_FOLDER
from editor.preview_copies import PreviewCopies
from editor.site import saved_profile_path, write_saved_profile
from editor.workspace import Workspace, WorkspaceEntry
from ui.common import settings
from ui.common.errors import describe_error, photo_not_shown
from ui.common.image_cache import ImageCache
from ui.common.language import LanguageMenu, Retranslating
from ui.common.workers import run_in_background
from ui.dialogs.about_dialog import HelpMenu
from ui.dialogs.export_notice import ExportNotice
from ui.document.document import Document
from ui.form import spell_check
from ui.form.composer import Composer
from ui.library.review_button import ReviewButton, state_name
from ui.preview.preview_slot import PreviewSlot
from ui.preview.preview_width import PreviewWidth
from ui.services.autosave import Autosaver
from ui.services.file_ops import FileController, new_article
from ui.window.actions import FORMAT_ACTIONS, build_actions, retranslate_actions
from ui.window.site_bar import SiteProfileBar
from ui.window.status import WordCountLabel
from ui.window.vietnamese_text import LegacyTextGuard, unify_tone_marks

if TYPE_CHECKING:
    from editor.checks import Finding
    from editor.fields import Location
    from ui.dialogs.find_dialog import FindReplaceDialog
    from ui.dialogs.site_profile_dialog import SiteProfileEditor
    from ui.library.library_panel import LibraryPanel
    from ui.library.related_picker import RelatedPickerDialog
    from ui.preview.preview import PreviewView
    from ui.preview.preview_pane import PreviewPane
    from ui.services.cms_copy import CmsCopier
    from ui.services.intake import Intake
    from ui.window.checklist import ChecklistPanel
    from ui.window.notes_panel import NotesPanel
    from ui.window.share_preview import SharePreviewPanel
    from ui.window.welcome import WelcomeDialog

APP_TITLE = "Tòa Soạn"
# How long the tools wait, at most, for the file named at start to open.
TOOLS_AT_LATEST_MS = 1500


class MainWindow(Retranslating, QMainWindow):
    ready_to_open = Signal()  # the preview is up: a file may be opened
    # The first frame is on its way (a deferred start): a file named at start
    # may be read now, on a worker, while QtWebEngine loads here.
    first_painted = Signal()

    preview: PreviewView
    preview_pane: PreviewPane
    checklist: ChecklistPanel
    library_panel: LibraryPanel
    notes_panel: NotesPanel
    share_preview: SharePreviewPanel
    intake: Intake
    cms_copier: CmsCopier
    site_profile_editor: SiteProfileEditor

    def __init__(self, workspace: Workspace, defer_start: bool = False) -> None:
        """``workspace`` is where autosaves go and crashed work is found
        (``ui.app`` gives the user's; a test its own); the drafts library's
        index sits beside it."""
        super().__init__()
        self.is_started = False
        self._defer_start = defer_start
        self._start_scheduled = False
        self._tools_scheduled = False
        if defer_start:  # the spelling tables wait for the tools (_start_tools)
            spell_check.hold_tables()
        self.document = Document(self)
        self.document.set_saved_site(settings.load_site_profile())
        # The preview's copies of photos outlive the window, beside the
        # workspace: an article opened again shows its photos at once.
        self.images = ImageCache(self, PreviewCopies(workspace.path.parent / PREVIEW_COPIES_FOLDER))
        # Connected before the form and the preview: an opened article's
        # photos are queued in reading order, those on screen first, and the
        # checklist (which waits for them) finds the photos busy.
        self.document.reset.connect(lambda: self.images.prefetch(self.document.article.images()))
        self.composer = Composer(self.document, self.images, self)
        self.workspace = workspace
        # Read now: a damaged workspace set aside later (Workspace.check) moves the autosaves, not the library.
        self._workspace_folder = workspace.path.parent
        self.files = FileController(self, self.document, self.workspace, self.images.draft_copies())
        self.export_notice = ExportNotice(self)
        self.actions = build_actions(self)
        self._close_confirmed = False
        self._find_dialog: FindReplaceDialog | None = None
        self._welcome: WelcomeDialog | None = None
        self.legacy_guard = LegacyTextGuard(self.document, self)
        self.autosaver = Autosaver(self.document, self.workspace, self, photos=self.images)
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(self.tr("Autosave failed: %s") % message, 10000))

        # The preview's place in the splitter until QtWebEngine is up.
        self._preview_slot = PreviewSlot(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.composer)
        self.splitter.addWidget(self._preview_slot)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.site_bar = SiteProfileBar(self.document, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.site_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.resize(1400, 900)
        self._build_menus()
        self._build_status_bar()
        self.retranslate()
        self._wire()
        self._restore_layout()
        self.document.load(new_article(), None)
        self.actions.widths[PreviewWidth.TABLET].setChecked(True)
        a = self.actions
        # What needs the preview or the tools waits for them (a second or so).
        self._waiting_actions = [a.export, a.export_pdf, a.export_package, a.publish, a.site_profile, a.print, a.find, a.insert_image,
                                 a.paste_image, a.import_word, a.copy_for_cms, a.zoom_in, a.zoom_out, a.zoom_fit]
        for action in self._waiting_actions:
            action.setEnabled(False)
        if not defer_start:
            self._start_preview()
            self._start_tools()

    # --- the deferred start --------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self._schedule_start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._defer_start:  # should no paint come (a minimized start), start anyway
            QTimer.singleShot(300, self, self._schedule_start)

    def _schedule_start(self) -> None:
        if self._defer_start and not self._start_scheduled:
            # The first frame is on its way to the screen: only now load
            # QtWebEngine, each step from its own zero-timer so that the
            # event loop paints in between.
            self._start_scheduled = True
            QTimer.singleShot(0, self, self._start_preview)
            self.first_painted.emit()

    def _start_preview(self) -> None:
        """QtWebEngine and the preview, started as soon as the window is
        painted; its first page is the article's once a file named at start
        has been read, and the tools are built after that page."""
        from ui.preview.preview import PreviewView
        from ui.preview.preview_pane import PreviewPane
        from ui.preview.webengine import register_scheme

        register_scheme()  # before the first profile is made
        self.preview = PreviewView(self.document, self.images, self)
        self.preview_pane = PreviewPane(self.preview, self)
        self.splitter.replaceWidget(1, self.preview_pane)
        self._preview_slot.deleteLater()
        self.preview_pane.set_page_width(next(w for w, item in self.actions.widths.items() if item.isChecked()))
        self.files.preview = self.preview
        for width, item in self.actions.widths.items():
            item.triggered.connect(lambda checked=False, w=width: self.preview_pane.set_page_width(w))
        self.actions.zoom_in.triggered.connect(self.preview_pane.zoom_in)
        self.actions.zoom_out.triggered.connect(self.preview_pane.zoom_out)
        self.actions.zoom_fit.triggered.connect(self.preview_pane.zoom_to_fit)
        self.composer.blocks.block_focused.connect(self.preview.scroll_to_block)
        self.preview.block_clicked.connect(self.composer.show_block)
        self.ready_to_open.emit()
        # The page is loaded once, with the article: when a file is on its
        # way (start_work says so), not first the blank article and then
        # the file's, two renderings and two navigations (the first one's
        # request still answered) on the way to the title.
        if self.files.is_opening():
            self.files.opening_changed.connect(self._load_page_if_none)
        else:
            self.preview.reload_page()
        if not self._defer_start:
            return
        # The named file first, then its page: the tools wait until the
        # preview has shown the first frame of the article's page
        # (resources/preview/after_first_frame.js). Built earlier, their
        # 0.2-0.5 s on the UI thread stood between Chromium and the page's
        # request, which the scheme handler answers on this thread; built
        # once the page had loaded but before its first frame was on
        # screen, they held that frame back (Chromium's browser side runs on
        # this thread too): in one run 5 launches of 8 painted the title
        # 0.5 s later. A slow drive or a page that never draws does not
        # keep the tools away for long.
        self.files.opening_changed.connect(self._tools_after_page)
        self.preview.first_frame_drawn.connect(self._tools_after_page)
        QTimer.singleShot(TOOLS_AT_LATEST_MS, self, self._schedule_tools)
        self._tools_after_page()

    def _load_page_if_none(self, opening: bool) -> None:
        """The open ended without a page (it failed): show the article on screen."""
        if not opening and not self.preview.has_page():
            self.preview.reload_page()

    def _tools_after_page(self, *args: object) -> None:
        """The tools, once no file is on its way and the preview has drawn its page."""
        if not self.files.is_opening() and self.preview.has_drawn_page():
            self._schedule_tools()

    def _schedule_tools(self, *args: object) -> None:
        if not self._tools_scheduled:
            self._tools_scheduled = True
            QTimer.singleShot(0, self, self._start_tools)

    def _start_tools(self) -> None:
        """Everything the first paint does not need: autosave, the checklist,
        the library, the notes, the share preview, and taking in photos, Word
        files and pastes."""
        from editor.library import INDEX_NAME
        from ui.dialogs.site_profile_dialog import SiteProfileEditor
        from ui.library.library_panel import LibraryPanel
        from ui.services.cms_copy import CmsCopier
        from ui.services.intake import Intake
        from ui.window.checklist import ChecklistPanel
        from ui.window.notes_panel import NotesPanel
        from ui.window.share_preview import SharePreviewPanel

        # The docks made here take their width from the form alone (the
        # splitter gives a shrinking window's loss to its first pane): keep
        # the form's share of the splitter as it was left, or else as the
        # window was shown with it. Not as it is now: what the window gained
        # before the docks came went to the form alone, and a share measured
        # then grew at every start (the preview from 393 to 251 px in three).
        sizes = self.splitter.sizes()
        form_share = self._left_form_share or (sizes[0] / sum(sizes) if sum(sizes) else 0.0)
        show_message = self.statusBar().showMessage
        self.cms_copier = CmsCopier(self, self.document, lambda text, ms: show_message(text, ms))
        self.intake = Intake(self, self.document, self.composer, self.files, lambda text, ms: show_message(text, ms))
        self.checklist = ChecklistPanel(self.document, self, photos=self.images)
        self.site_profile_editor = SiteProfileEditor(self, self.document, lambda text, ms: show_message(text, ms))
        # A file may be opening already (named on the command line).
        self.checklist.hold(self.files.is_opening())
        self.files.opening_changed.connect(self.checklist.hold)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checklist)
        self.checklist.finding_activated.connect(self._show_finding)
        # The library's index sits beside the workspace database, on this computer.
        self.library_panel = LibraryPanel(self.document, self._workspace_folder / INDEX_NAME, self.files.start_from, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_panel)
        self.library_panel.hide()
        self.library_panel.open_requested.connect(self.files.open_path)
        self.library_panel.open_copy_requested.connect(self.files.open_copy)
        self.notes_panel = NotesPanel(self.document, self.preview, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_panel)
        self.tabifyDockWidget(self.checklist, self.notes_panel)
        self.share_preview = SharePreviewPanel(self.document, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.share_preview)
        self.tabifyDockWidget(self.notes_panel, self.share_preview)
        self.checklist.raise_()
        self.view_menu.addActions([self.checklist.toggleViewAction(), self.library_panel.toggleViewAction(),
                                   self.notes_panel.toggleViewAction(), self.share_preview.toggleViewAction()])
        self.composer.blocks.block_focused.connect(self.notes_panel.set_current_block)
        self.composer.fields.related.pick_requested.connect(self.pick_related)

        a, intake = self.actions, self.intake
        a.export.triggered.connect(lambda: self._export())
        a.insert_image.triggered.connect(lambda: intake.choose_images())
        a.paste_image.triggered.connect(lambda: intake.insert_pasted_image(QGuiApplication.clipboard().image()))
        a.import_word.triggered.connect(intake.choose_word_document)
        a.copy_for_cms.triggered.connect(self.cms_copier.copy)
        self.composer.insert_image_requested.connect(intake.choose_images)
        self.composer.blocks.files_dropped.connect(lambda paths, index: intake.take_files([Path(p) for p in paths], index))
        # The form's own handlers (ui/form/text_edits.PasteHandlers), not a class's: another window keeps its own.
        paste = self.composer.paste_handlers
        paste.image, paste.html_pictures, paste.blocks = intake.insert_pasted_image, intake.insert_pasted_pictures, intake.insert_pasted_blocks
        self.setAcceptDrops(True)
        for action in self._waiting_actions:
            action.setEnabled(True)
        if form_share:
            QTimer.singleShot(0, self, lambda: self._give_form_its_share(form_share))
        self.is_started = True
        spell_check.release_tables()

    def _give_form_its_share(self, share: float) -> None:
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([round(total * share), total - round(total * share)])

    # --- layout ------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.actions
        self.file_menu = file_menu = self.menuBar().addMenu("")
        file_menu.addActions([a.new, a.open])
        self.recent_menu = QMenu(self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(a.import_word)
        file_menu.addSeparator()
        file_menu.addActions([a.save, a.save_as, a.revisions])
        file_menu.addSeparator()
        file_menu.addActions([a.export, a.export_pdf, a.export_package, a.publish, a.print])
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        self.edit_menu = edit_menu = self.menuBar().addMenu("")
        edit_menu.addActions([a.undo, a.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([a.insert_image, a.paste_image])
        edit_menu.addSeparator()
        edit_menu.addActions([a.find, a.unify_tone_marks, a.copy_for_cms])
        self.format_menu = format_menu = self.menuBar().addMenu("")
        for name in FORMAT_ACTIONS:
            if name is None:
                format_menu.addSeparator()
            else:
                format_menu.addAction(getattr(a, name))
        self.view_menu = view_menu = self.menuBar().addMenu("")
        self.width_section = view_menu.addSection("")
        view_menu.addActions(list(a.widths.values()))
        view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_fit])
        view_menu.addSeparator()  # the panels' toggles follow, once they are made
        self.settings_menu = settings_menu = self.menuBar().addMenu("")
        settings_menu.addAction(a.site_profile)
        self.language_menu = LanguageMenu(self)
        settings_menu.addMenu(self.language_menu)
        self.help_menu = HelpMenu(self, self._all_actions, self.show_welcome)
        self.menuBar().addMenu(self.help_menu)

        self.toolbar = toolbar = QToolBar(self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        toolbar.addActions([a.new, a.open, a.save])
        toolbar.addSeparator()
        toolbar.addActions([a.undo, a.redo])
        toolbar.addSeparator()
        toolbar.addAction(a.insert_image)
        toolbar.addSeparator()
        toolbar.addActions([a.export, a.export_pdf])
        toolbar.addSeparator()
        toolbar.addActions(list(a.widths.values()))
        toolbar.addSeparator()
        self.review_button = ReviewButton(self.document, toolbar)
        toolbar.addWidget(self.review_button.button)
        self.addToolBar(toolbar)

    def show_welcome(self) -> None:
        """The first start's welcome (ui/window/welcome.py), not modal: the window stays usable."""
        from ui.window.welcome import WelcomeDialog

        if self._welcome is None:
            self._welcome = WelcomeDialog(self.actions.site_profile.trigger, self)
        self._welcome.show()
        self._welcome.raise_()

    def _all_actions(self) -> list[QAction]:
        """Every action of the window's menus, for Help ▸ Keyboard shortcuts."""
        actions = [value for value in vars(self.actions).values() if isinstance(value, QAction)]
        return [*actions, *self.actions.widths.values(), *self.help_menu.actions()]

    def retranslate(self) -> None:
        """The window's own texts, again in the current language."""
        retranslate_actions(self.actions)
        self.export_notice.retranslate()
        if hasattr(self, "review_button"):  # built with the menus, after the first call
            self.review_button.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.format_menu.setTitle(self.tr("F&ormat"))
        self.view_menu.setTitle(self.tr("&View"))
        self.width_section.setText(self.tr("Preview width"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self._show_title()
        if self._find_dialog is not None:
            self._find_dialog.retranslate()
        if self._welcome is not None:  # made again in the new language when next shown (hidden, not deleted)
            self._welcome.hide()
            self._welcome = None

    def _enable_format_actions(self) -> None:
        """Bold, italic and links where the cursor is in a rich text field."""
        rich = self.composer.formatter.target() is not None
        for action in (self.actions.bold, self.actions.italic, self.actions.link, self.actions.remove_link):
            action.setEnabled(rich)
        blocks = self.composer.formatter.can_convert()
        for action in (self.actions.heading, self.actions.quote, self.actions.bulleted_list, self.actions.numbered_list):
            action.setEnabled(blocks)

    def _build_status_bar(self) -> None:
        self.busy_label = QLabel(self)
        self.statusBar().addWidget(self.busy_label)
        self.statusBar().addPermanentWidget(WordCountLabel(self.document, self))

    def _save_dictionary(self) -> None:
        """A word added to the site's dictionary from the spell check: saved as the profile dialog saves it."""
        site, path = self.document.saved_site, saved_profile_path()
        settings.save_site_profile(site)
        run_in_background(lambda: write_saved_profile(site, path), lambda _: None,
                          lambda error: self.statusBar().showMessage(describe_error(error), 15000), context=self)

    def _wire(self) -> None:
        a, files, stack = self.actions, self.files, self.document.undo_stack
        a.new.triggered.connect(files.new)
        a.open.triggered.connect(files.open_dialog)
        a.save.triggered.connect(lambda: files.save())
        a.save_as.triggered.connect(lambda: files.save_as())
        a.revisions.triggered.connect(self._show_revisions)
        a.export_pdf.triggered.connect(lambda: self._export(files.export_pdf_dialog))  # a PDF goes out as the page does
        a.export_package.triggered.connect(lambda: self._export(files.export_package_dialog))
        a.publish.triggered.connect(self._publish)
        a.print.triggered.connect(self._print)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(stack.undo)
        a.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(a.undo.setEnabled)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        a.site_profile.triggered.connect(self._edit_site_profile)
        a.find.triggered.connect(self._show_find_dialog)
        a.unify_tone_marks.triggered.connect(self._unify_tone_marks)
        self.document.dictionary_word_added.connect(self._save_dictionary)
        formatter = self.composer.formatter
        for name in filter(None, FORMAT_ACTIONS):  # each format action runs the formatter's method of its name
            getattr(a, name).triggered.connect(getattr(formatter, name))
        self.composer.format_bar.add_actions([None if name is None else (name, getattr(a, name)) for name in FORMAT_ACTIONS])
        formatter.target_changed.connect(self._enable_format_actions)
        self._enable_format_actions()
        self.legacy_guard.converted.connect(lambda text: self.statusBar().showMessage(text, 15000))
        stack.cleanChanged.connect(self._show_title)
        self.document.path_changed.connect(self._show_title)
        self.document.reset.connect(self._show_title)
        # The title names an article not yet saved to a file.
        self.document.field_changed.connect(lambda name: self._show_title() if name in ("review", "title") else None)
        files.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        files.busy_changed.connect(lambda busy: self.busy_label.setText(self.tr("Working…") if busy else ""))
        files.recent_changed.connect(self._fill_recent_menu)
        files.exported.connect(self.export_notice.show)
        self.images.failed.connect(self._say_photo_not_shown)
        self._fill_recent_menu()
        self._show_title()

    def _say_photo_not_shown(self, token: str, _details: str) -> None:
        text = photo_not_shown(self.document.article, self.images.token_of, token)
        if text is not None:
            self.statusBar().showMessage(text, 8000)

    def _restore_layout(self) -> None:
        store = settings.settings()
        state = store.value("window/splitter")
        # The form's share of the splitter when the window last closed (the
        # restored state's sizes cannot be read back before it is laid out).
        self._left_form_share = _share(store.value("window/form_share"))
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([620, 780])
        geometry = store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _show_title(self, *args: object) -> None:
        name = self.document.display_name(self.tr("Untitled article"))
        state = state_name(self.document.article.review.state)
        self.setWindowTitle(f"{name}[*] — {state} — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in settings.recent_files():
            item = self.recent_menu.addAction(entry)
            item.triggered.connect(lambda checked=False, p=entry: self.files.open_path(Path(p)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.intake.take_files([Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()], None)
        event.acceptProposedAction()

    # --- dialogs ---------------------------------------------------------------------
    def _edit_site_profile(self) -> None:
        self.site_profile_editor.edit(saved_profile_path())

    def pick_related(self) -> RelatedPickerDialog:
        """"Tin khác" from the library's published articles."""
        from ui.library.related_picker import RelatedPickerDialog

        dialog = RelatedPickerDialog(self.library_panel, self)

        def chosen() -> None:
            entry = dialog.chosen()
            if entry is not None:
                self.composer.fields.related.add_link(entry.title, entry.url)

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def _show_revisions(self) -> None:
        from ui.library.revisions_dialog import RevisionsDialog

        RevisionsDialog(self.document, self).exec()

    def offer_recovery(self, then: Callable[[bool], None] | None = None) -> None:
        """After a crash: list what the workspace kept and restore one. The
        workspace is checked first, on a worker: a damaged, read-only, locked
        or foreign file is set aside and the window says so. ``then`` runs
        afterwards, told whether work was restored."""
        workspace = self.autosaver.workspace

        def look() -> tuple[str | None, list[WorkspaceEntry]]:
            note = workspace.check()
            try:
                return note, workspace.entries()
            except ArticleError:
                return note, []

        def offer(result: tuple[str | None, list[WorkspaceEntry]]) -> None:
            note, found = result
            if note:
                QMessageBox.warning(self, self.tr("Autosave"), self.tr(
                    "The autosave workspace could not be used, so a fresh one was started. "
                    "Nothing on screen is lost; work kept in the old one may be missing.") + "\n\n" + note)
            entries = [e for e in found if e.key != self.autosaver.key]
            chosen = None
            if entries:
                from ui.dialogs.recovery_dialog import RecoveryDialog

                dialog = RecoveryDialog(entries, self)
                if dialog.exec() == RecoveryDialog.DialogCode.Accepted:
                    for entry in dialog.discarded():
                        self.autosaver.forget_entry(entry.key)
                    chosen = dialog.chosen()
            if chosen is not None:
                self.restore(chosen.key, chosen.file)
            if then is not None:
                then(chosen is not None)

        run_in_background(look, offer, lambda error: then(False) if then else None, context=self)

    def restore(self, key: str, file: Path | None) -> None:
        workspace = self.autosaver.workspace

        def restored(article: Article) -> None:
            self.document.load(article, file)
            self.document.undo_stack.resetClean()  # not on disk yet: unsaved until saved
            self._show_title()
            self.autosaver.adopt(key)
            self.files.expect_article(False)

        def failed(error: ArticleError) -> None:
            self.files.expect_article(False)
            QMessageBox.warning(self, self.tr("Restore"), describe_error(error))

        self.files.expect_article(True)
        run_in_background(lambda: workspace.restore(key), restored, failed, context=self)

    def _publish(self) -> None:
        from ui.dialogs.publish_dialog import PublishDialog

        dialog = PublishDialog(self, self.document, self.files.adopt_publish)
        dialog.setModal(True)
        dialog.show()
        self.publish_dialog = dialog

    def _export(self, export: Callable[[], None] | None = None) -> None:
        """Export (the page, or ``export``); with errors in the checklist, show them first and ask."""
        errors = self.checklist.errors()
        if errors:
            self.checklist.show()
            listing = "\n".join(f"• {text}" for text in self.checklist.described(errors[:8]))  # as the panel says them
            answer = QMessageBox.question(
                self, self.tr("Export"),
                self.tr("The checklist found problems to fix before publishing:") + "\n\n" + listing + "\n\n" + self.tr("Export anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        (export or self.files.export_dialog)()

    def _show_finding(self, finding: Finding) -> None:
        self._show_location(finding.location)

    def _show_find_dialog(self) -> None:
        if self._find_dialog is None:
            from ui.dialogs.find_dialog import FindReplaceDialog

            self._find_dialog = FindReplaceDialog(self.document, self._show_location, self)
        self._find_dialog.show()
        self._find_dialog.raise_()
        self._find_dialog.find.setFocus()

    def _show_location(self, location: Location) -> None:
        if location.block_id is not None:
            self.composer.show_block(location.block_id)
            self.preview.scroll_to_block(location.block_id)
        else:
            # "related[2].url" is shown by the related-news editor as a whole.
            widget = getattr(self.composer.fields, location.article_field, None)
            if widget is not None:
                self.composer.ensureWidgetVisible(widget)
                getattr(widget, "line", widget).setFocus()  # a URL field focuses its line edit

    def _unify_tone_marks(self) -> None:
        style = self.document.site().tone_marks
        if not style:
            QMessageBox.information(self, self.tr("Unify tone marks"), self.tr(
                "Choose the old style (hòa, thủy) or the new one (hoà, thuỷ) under Settings ▸ Site profile… first."))
            return
        changed = unify_tone_marks(self.document, style)
        self.statusBar().showMessage(self.tr("Tone marks unified in %n field(s)", "", changed) if changed
                                     else self.tr("The tone marks already follow the site profile's style"), 8000)

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._printer = printer  # kept alive until printing finishes
            from ui.preview.pdf_print import with_every_photo_loaded

            with_every_photo_loaded(self.preview.page(), lambda: self.preview.print(printer))

    # --- closing ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._close_confirmed or not self.document.is_modified():
            store = settings.settings()
            store.setValue("window/splitter", self.splitter.saveState())
            sizes = self.splitter.sizes()
            if sum(sizes):
                store.setValue("window/form_share", sizes[0] / sum(sizes))
            store.setValue("window/geometry", self.saveGeometry())
            # A clean close: the user saved or chose to discard.
            self.autosaver.close_cleanly()
            # The window is going: nothing may reach its half-destroyed
            # widgets from the document or the photo workers any more.
            self.files.release_lock()
            self.document.undo_stack.blockSignals(True)
            self.document.blockSignals(True)
            self.images.blockSignals(True)
            if hasattr(self, "preview"):
                self.preview.shutdown()
            spell_check.release_tables()  # closed before its tools started: another window's fields may wait
            event.accept()
            return
        event.ignore()

        def close_now() -> None:
            self._close_confirmed = True
            if not self.close():
                self._close_confirmed = False  # still open: the next close asks again

        # After this event, never inside it: Qt ignores a close() nested in a
        # closeEvent, and Discard answers before this one has returned.
        self.files.confirm_discard(lambda: QTimer.singleShot(0, self, close_now))


def _share(value: object) -> float:
    """A share of the splitter read from the settings, which give it back
    as text from the file of a previous run; 0.0 when absent or absurd."""
    try:
        share = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    return share if 0.1 <= share <= 0.9 else 0.0
