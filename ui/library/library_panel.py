"""The drafts library in the window: a dock listing every draft under the
folders the user adds, searched and filtered as ``main.py library`` does.

The index (editor/library.py) is read and written on worker threads only;
the list is refreshed when ``QFileSystemWatcher`` reports a change in a
folder and by a periodic rescan, since network shares do not report changes
reliably. Cover thumbnails are decoded off the UI thread too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QFileSystemWatcher, QModelIndex, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor import revisions
from editor.draft import MEDIA_FOLDER, load_draft
from editor.errors import ArticleError
from editor.library import Filters, Library, LibraryEntry, rescan_index
from editor.media import ArchiveMedia, archives_kept_open
from editor.model import Article
from editor.preview_copies import first_carried_copy
from editor.review import STATES, Review
from ui.common import settings
from ui.common.errors import describe_error
from ui.common.image_cache import thumbnail_image
from ui.common.language import Retranslating
from ui.common.last_folder import FolderKind, last_folder
from ui.common.workers import run_in_background, run_in_index_process
from ui.document.document import Document
from ui.library.paged_entries import PAGE, PagedEntries, scrolled_near_end
from ui.library.review_button import state_name

RESCAN_MS = 30_000  # network shares do not notify: look again this often
PROGRESS_MS = 2_000  # while a first index is built, the list shows what is indexed so far, this often
WATCH_DELAY_MS = 500  # a save renames a temporary file: wait for the folder to settle
THUMBNAIL = QSize(64, 48)
# How much of a title the list shows before its other columns, in average
# characters: "Quận Lê Chân tăng cường bảo vệ n…" tells drafts apart.
TITLE_CHARACTERS = 32
_PATH_ROLE = Qt.ItemDataRole.UserRole
_DAMAGED = QColor("#a4262c")
_ROLES_SHOWN = frozenset(int(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole, _PATH_ROLE))


class EntriesModel(PagedEntries):
    """The listed drafts, seven columns, a page at a time (ui/library/paged_entries.py)."""

    COLUMNS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.thumbnails: dict[str, QPixmap] = {}
        self.damaged_text = ""

    def cells(self, row: int) -> list[str]:
        entry = self.entries[row]
        state = self.damaged_text if entry.error else state_name(entry.state)
        return [entry.title, state, entry.assignee, entry.author, entry.date[:10],
                entry.modified[:16].replace("T", " "), entry.open_by]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Called about ten times per cell painted (once per role the delegate
        # asks for): the roles shown nothing for leave first.
        if role not in _ROLES_SHOWN or not index.isValid():
            return None
        row, column = index.row(), index.column()
        entry = self.entries[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1 and entry.error:
                return entry.error
            return entry.path + (f"\n{entry.error}" if entry.error else "")
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self.thumbnails.get(entry.path)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and entry.error:
            return QBrush(_DAMAGED)
        if role == _PATH_ROLE:
            return entry.path
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(self.headers):
            return self.headers[section]
        return None

    def thumbnails_changed(self) -> None:
        if self.entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.entries) - 1, 0), [Qt.ItemDataRole.DecorationRole])
_FOLDERS_KEY = "library/folders"


def saved_folders() -> list[Path]:
    value = settings.settings().value(_FOLDERS_KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [Path(item) for item in items if item]


def _thumbnails(entries: list[LibraryEntry]) -> dict[str, QImage]:
    """The cover photos' thumbnails (on a worker thread: QImage is safe
    there): from a preview copy the draft carries when it does (a draft the
    window saved), else decoded from the photo."""
    images: dict[str, QImage] = {}
    for entry in entries:
        with archives_kept_open():  # the copies, or else the photo, from one opened zip
            image = _cover_image(entry)
        if image is not None and not image.isNull():
            images[entry.path] = image.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)
    return images


def _cover_image(entry: LibraryEntry) -> QImage | None:
    """The cover's thumbnail from a copy the draft carries, else its photo
    decoded small; None if the draft's photo cannot be read."""
    carried = first_carried_copy(Path(entry.path), _named_hash(entry.cover))
    if carried is not None:
        return thumbnail_image(carried)
    try:
        return _small_image(ArchiveMedia(Path(entry.path), entry.cover).read_bytes())
    except ArticleError:
        return None


def _named_hash(cover: str) -> str:
    """The hash a draft's photo member is named by (``media/<sha256>.<ext>``).
    Only a thumbnail goes by it: a draft that names a photo wrongly shows
    a wrong thumbnail, of a photo it carries itself."""
    return cover.removeprefix(MEDIA_FOLDER).partition(".")[0]


def _small_image(data: bytes) -> QImage:
    """The photo turned as its camera said (EXIF) and decoded no larger than
    twice the thumbnail: a 12 MP JPEG is then read at a reduced DCT scale
    instead of whole (48 MB of pixels per row of the list)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    side = 2 * max(THUMBNAIL.width(), THUMBNAIL.height())
    if size.isValid() and (size.width() > side or size.height() > side):
        reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def duplicate_of(path: Path) -> Article:
    """A new article made from a draft: its text and photos, with no review
    history and no revisions of its own."""
    article = load_draft(path)
    article.review = Review()
    article.kept_files = {name: media for name, media in article.kept_files.items() if not revisions.parse_revision_name(name)}
    return article


class LibraryPanel(Retranslating, QDockWidget):
    open_requested = Signal(Path)
    # How a rescan is run: in the index's process. A test that needs to hold
    # the indexer halfway runs it on a thread of this process instead.
    run_index: Callable[..., None] = staticmethod(run_in_index_process)
    open_copy_requested = Signal(Path)
    listed = Signal()  # the list was refilled (tests wait on it)
    scanned = Signal()

    def __init__(self, document: Document, index_path: Path, load_article: Callable[[Article], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDock")
        self._document = document
        self._load_article = load_article
        self.library: Library | None = None  # made on a worker thread
        self._index_path = index_path
        self.folders: list[Path] = saved_folders()
        self._scanning = False
        self._scan_again = False
        self._search_generation = 0
        # The search the list shows: its generation, query, folders and filters (the next page reads the same).
        self._listing: tuple[int, str, list[Path], Filters] = (0, "", [], Filters())
        self._sized = False
        self._build()
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _: self._watch_timer.start())
        self._watch_timer = QTimer(self, singleShot=True, interval=WATCH_DELAY_MS)
        self._watch_timer.timeout.connect(self.rescan)
        # Runs while the panel is on screen only (``_follow_visibility``).
        self.rescan_timer = QTimer(self, interval=RESCAN_MS)
        self.rescan_timer.timeout.connect(self.rescan)
        self._scanned_at: float | None = None  # time.monotonic() when the last rescan ended
        self.visibilityChanged.connect(self._follow_visibility)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.search)
        self._progress_timer = QTimer(self, interval=PROGRESS_MS)
        self._progress_timer.timeout.connect(self.refresh)
        self.retranslate()
        self._check_full_text_search()
        self._watch_folders()
        if self.folders:
            QTimer.singleShot(0, self, self.rescan)

    # --- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        folders_row = QHBoxLayout()
        self.folders_label = QLabel(body)
        self.folders_label.setWordWrap(True)
        self.add_folder_button = QPushButton(body)
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.remove_folder_button = QPushButton(body)
        self.remove_folder_button.clicked.connect(self._remove_folder_menu)
        folders_row.addWidget(self.folders_label, 1)
        folders_row.addWidget(self.add_folder_button)
        folders_row.addWidget(self.remove_folder_button)
        layout.addLayout(folders_row)
        self.search_box = QLineEdit(body)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _: self._search_timer.start())
        layout.addWidget(self.search_box)
        filters = QGridLayout()
        self.state_filter = QComboBox(body)
        self.author_filter = QLineEdit(body)
        self.assignee_filter = QLineEdit(body)
        self.tag_filter = QLineEdit(body)
        self.from_check, self.to_check = QCheckBox(body), QCheckBox(body)
        self.from_date, self.to_date = QDateEdit(body), QDateEdit(body)
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate.currentDate())
            edit.dateChanged.connect(lambda _: self._search_timer.start())
        self.from_check.toggled.connect(lambda _: self._search_timer.start())
        self.to_check.toggled.connect(lambda _: self._search_timer.start())
        self.state_filter.currentIndexChanged.connect(lambda _: self._search_timer.start())
        for edit in (self.author_filter, self.assignee_filter, self.tag_filter):
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(lambda _: self._search_timer.start())
        filters.addWidget(self.state_filter, 0, 0)
        filters.addWidget(self.author_filter, 0, 1)
        filters.addWidget(self.assignee_filter, 0, 2)
        filters.addWidget(self.tag_filter, 0, 3)
        filters.addWidget(self.from_check, 1, 0)
        filters.addWidget(self.from_date, 1, 1)
        filters.addWidget(self.to_check, 1, 2)
        filters.addWidget(self.to_date, 1, 3)
        layout.addLayout(filters)
        self.notice = QLabel(body)
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        # Folders the last rescan could not read (a network drive gone): their
        # drafts stay listed as last seen, and the user is told why.
        self.unreadable_notice = QLabel(body)
        self.unreadable_notice.setWordWrap(True)
        self.unreadable_notice.hide()
        layout.addWidget(self.unreadable_notice)
        self.count_label = QLabel(body)  # how many match, all of them, however few are fetched yet
        layout.addWidget(self.count_label)
        self.model = EntriesModel(self)
        self.model.more_wanted.connect(self._fetch_more)
        self.list = QTreeView(body)
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setIconSize(THUMBNAIL)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.activated.connect(lambda index: self.open_selected())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.open_button, self.copy_button, self.duplicate_button, self.reveal_button = (QPushButton(body) for _ in range(4))
        self.open_button.clicked.connect(self.open_selected)
        self.copy_button.clicked.connect(self.open_copy_of_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.reveal_button.clicked.connect(self.reveal_selected)
        for button in (self.open_button, self.copy_button, self.duplicate_button, self.reveal_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.setWidget(body)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Drafts library"))
        self.add_folder_button.setText(self.tr("Add folder…"))
        self.remove_folder_button.setText(self.tr("Remove folder…"))
        self.search_box.setPlaceholderText(self.tr("Search: marks are optional (dang bo finds Đảng bộ)"))
        current = self.state_filter.currentData()
        self.state_filter.blockSignals(True)
        self.state_filter.clear()
        self.state_filter.addItem(self.tr("Every state"), None)
        for state in STATES:
            self.state_filter.addItem(state_name(state), state)
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(current)))
        self.state_filter.blockSignals(False)
        self.author_filter.setPlaceholderText(self.tr("Author"))
        self.assignee_filter.setPlaceholderText(self.tr("Assignee"))
        self.tag_filter.setPlaceholderText(self.tr("Tag"))
        self.from_check.setText(self.tr("Published from"))
        self.to_check.setText(self.tr("to"))
        self.model.headers = [self.tr("Title"), self.tr("State"), self.tr("Assignee"), self.tr("Author"),
                              self.tr("Date"), self.tr("Last change"), self.tr("Open by")]
        self.model.damaged_text = self.tr("Damaged")
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        if self.model.entries:
            self.model.dataChanged.emit(self.model.index(0, 1), self.model.index(len(self.model.entries) - 1, 1))
        self._show_count()
        self.open_button.setText(self.tr("Open"))
        self.copy_button.setText(self.tr("Open a copy"))
        self.duplicate_button.setText(self.tr("Duplicate as new"))
        self.reveal_button.setText(self.tr("Show in folder"))
        self._show_folders()

    def _show_folders(self) -> None:
        self.folders_label.setText(", ".join(str(folder) for folder in self.folders) if self.folders
                                   else self.tr("No folder yet: add the folder where the office keeps its drafts."))
        self.folders_label.setToolTip("\n".join(str(folder) for folder in self.folders))
        self.remove_folder_button.setEnabled(bool(self.folders))

    # --- folders ---------------------------------------------------------------------
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of drafts"), str(last_folder(FolderKind.DRAFTS)))
        if folder:
            self.add_folder(Path(folder))

    def add_folder(self, folder: Path) -> None:
        if folder in self.folders:
            return
        self.folders.append(folder)
        self._folders_changed()

    def remove_folder(self, folder: Path) -> None:
        if folder in self.folders:
            self.folders.remove(folder)
            self._folders_changed()

    def _remove_folder_menu(self) -> None:
        menu = QMenu(self)
        for folder in self.folders:
            menu.addAction(str(folder)).triggered.connect(lambda checked=False, f=folder: self.remove_folder(f))
        menu.exec(self.remove_folder_button.mapToGlobal(self.remove_folder_button.rect().bottomLeft()))

    def _folders_changed(self) -> None:
        settings.settings().setValue(_FOLDERS_KEY, [str(folder) for folder in self.folders])
        self._show_folders()
        self._watch_folders()
        self.rescan()

    def _watch_folders(self, extra: set[str] | None = None) -> None:
        wanted = {str(folder) for folder in self.folders if folder.is_dir()} | (extra or set())
        watched = set(self.watcher.directories())
        if watched - wanted:
            self.watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self.watcher.addPaths(sorted(wanted - watched))

    # --- index work, off the UI thread ----------------------------------------------------
    def index(self) -> Library:
        """The index (call it on a worker thread: the first call opens the file)."""
        return self._library()

    def _library(self) -> Library:
        # Made on the worker thread: creating it opens the index file.
        if self.library is None:
            self.library = Library(self._index_path)
        return self.library

    def rescan(self) -> None:
        if not self.folders:
            self.search()  # lists nothing
            return
        if self._scanning:
            self._scan_again = True
            return
        self._scanning = True
        self._progress_timer.start()
        folders = list(self.folders)

        def done(result: tuple[bool, set[str], tuple[str, ...]]) -> None:
            use_fts, subfolders, unreadable = result
            self._scanning = False
            self._scanned_at = time.monotonic()
            self._progress_timer.stop()
            self._show_search_kind(use_fts)
            self._show_unreadable(unreadable)
            self._watch_folders(subfolders)
            self.scanned.emit()
            if self._scan_again:
                self._scan_again = False
                self.rescan()
            self.refresh()

        def failed(error: ArticleError) -> None:
            self._scanning = False
            self._progress_timer.stop()
            self.notice.setText(describe_error(error))
            self.notice.show()

        # In the library's own process, behind the window (ui/common/workers.py):
        # the searches of this process read what it has committed so far.
        self.run_index(rescan_index, (self._index_path, folders), done, failed, self)

    def _follow_visibility(self, visible: bool) -> None:
        """The periodic rescan runs while the list is on screen. Closed, the
        panel walked every shared folder each 30 s for nobody: on a network
        share, from every desk of the office. Shown again, a list older
        than that is rescanned at once (the folder watcher's changes are
        taken meanwhile all the same)."""
        if visible:
            self.rescan_timer.start()
            self.rescan_if_stale()
        else:
            self.rescan_timer.stop()

    def rescan_if_stale(self) -> None:
        """Rescan unless one is under way or the last ended within the periodic rescan's interval."""
        if self._scanning or not self.folders:
            return
        if self._scanned_at is None or time.monotonic() - self._scanned_at >= self.rescan_timer.interval() / 1000:
            self.rescan()

    def _show_unreadable(self, unreadable: tuple[str, ...]) -> None:
        self.unreadable_notice.setVisible(bool(unreadable))
        self.unreadable_notice.setText(self.tr("Cannot read these folders now; the drafts in them are listed as last seen:")
                                       + "\n" + "\n".join(unreadable))

    def _check_full_text_search(self) -> None:
        """At start-up, before any folder is indexed: whether this SQLite has
        FTS5, said at once when it has not (the search then reads the whole index)."""
        run_in_background(lambda: self._library().use_fts, self._show_search_kind, lambda error: None, context=self)

    def _show_search_kind(self, use_fts: bool) -> None:
        self.notice.setVisible(not use_fts)
        self.notice.setText(self.tr("This computer's SQLite has no full-text search (FTS5): "
                                    "searching reads the whole index, more slowly."))

    def filters(self) -> Filters:
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            if not check.isChecked():
                return None
            chosen = edit.date()
            return date(chosen.year(), chosen.month(), chosen.day())

        return Filters(self.state_filter.currentData(), self.author_filter.text().strip() or None,
                       self.assignee_filter.text().strip() or None, self.tag_filter.text().strip() or None,
                       day(self.from_check, self.from_date), day(self.to_check, self.to_date))

    def search(self) -> None:
        """List the first page of what the search box and filters ask for."""
        self._search(PAGE)

    def refresh(self) -> None:
        """List the same search again (the index changed): as many rows as
        are listed now, so that the place scrolled to and the selection stay."""
        self._search(max(PAGE, len(self.model.entries)))

    def _search(self, rows: int) -> None:
        self._search_generation += 1
        generation = self._search_generation
        query, folders, filters = self.search_box.text(), list(self.folders), self.filters()
        if not folders:
            self._fill([], 0)
            return

        def work() -> tuple[list[LibraryEntry], int]:
            library = self._library()
            # Entries (and lock files read) only for the rows listed: the rest when scrolled to.
            return library.search(query, folders, filters, limit=rows), library.count(query, folders, filters)

        def done(result: tuple[list[LibraryEntry], int]) -> None:
            if generation == self._search_generation:  # a newer search is on its way
                self._listing = (generation, query, folders, filters)
                self._fill(*result)

        run_in_background(work, done, lambda error: self.notice.setText(describe_error(error)), context=self)

    def _fetch_more(self, offset: int) -> None:
        if not scrolled_near_end(self.list):
            self.model.decline_fetch()
            return
        generation, query, folders, filters = self._listing

        def done(entries: list[LibraryEntry]) -> None:
            if generation != self._search_generation:
                return  # a newer search refills the list
            self.model.add_entries(entries)
            self._load_thumbnails(self._without_thumbnails(entries))
            self._show_count()

        def failed(error: ArticleError) -> None:
            self.model.add_entries([])
            self.notice.setText(describe_error(error))
            self.notice.show()

        run_in_background(lambda: self._library().search(query, folders, filters, limit=PAGE, offset=offset), done, failed, context=self)

    # --- the list ----------------------------------------------------------------------------
    def match_count(self) -> int:
        """How many drafts match the search, listed yet or not."""
        return self.model.total

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n draft(s)", "", self.model.total))

    def _without_thumbnails(self, entries: list[LibraryEntry]) -> list[LibraryEntry]:
        return [entry for entry in entries if entry.cover and entry.path not in self.model.thumbnails]

    def _fill(self, entries: list[LibraryEntry], total: int) -> None:
        selected = self.selected_path()
        self.model.set_entries(entries, total)
        if selected is not None:
            self.select_path(selected)
        if not self._sized and entries:
            self._sized = True  # once, from the first rows: the user may widen them after
            self._size_columns()
        self._show_count()
        self._load_thumbnails(self._without_thumbnails(entries))
        self.listed.emit()

    def _size_columns(self) -> None:
        """Each column but the title as wide as its widest text in the first
        100 rows, and the title wide enough for its thumbnail and the start
        of a title (beside the thumbnails it was cut to "B…" in a narrow
        dock: drafts could not be told apart; the list scrolls sideways to
        the rest). Measured here, not by resizeColumnToContents: that asks the
        model for every role of every cell through Python, 80 ms of the UI
        thread for 100 rows while a big library was being indexed."""
        metrics = self.list.fontMetrics()
        rows = [self.model.cells(row) for row in range(min(100, self.model.rowCount()))]
        margin = 3 * self.list.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.list) + 12
        for column in range(1, 7):
            texts = [self.model.headers[column] if column < len(self.model.headers) else "", *(cells[column] for cells in rows)]
            self.list.setColumnWidth(column, max(metrics.horizontalAdvance(text) for text in texts) + margin)
        title = THUMBNAIL.width() + margin + metrics.averageCharWidth() * TITLE_CHARACTERS
        self.list.setColumnWidth(0, max(self.list.columnWidth(0), title))

    def _load_thumbnails(self, missing: list[LibraryEntry]) -> None:
        batch, rest = missing[:20], missing[20:]
        if not batch:
            return

        def done(images: dict[str, QImage]) -> None:
            for path, image in images.items():
                self.model.thumbnails[path] = QPixmap.fromImage(image)
            self.model.thumbnails_changed()
            self._load_thumbnails(rest)

        run_in_background(lambda: _thumbnails(batch), done, lambda error: None, context=self)

    def rows(self) -> list[list[str]]:
        """The cells as shown, row by row."""
        return [self.model.cells(row) for row in range(self.model.rowCount())]

    def select_path(self, path: str) -> bool:
        for row, entry in enumerate(self.model.entries):
            if entry.path == path:
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def selected_path(self) -> str | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()].path if rows and rows[0].row() < len(self.model.entries) else None

    def _context_menu(self, point: object) -> None:
        if self.selected_path() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.open_button.text(), self.open_selected)
        menu.addAction(self.copy_button.text(), self.open_copy_of_selected)
        menu.addAction(self.duplicate_button.text(), self.duplicate_selected)
        menu.addAction(self.reveal_button.text(), self.reveal_selected)
        menu.exec(self.list.viewport().mapToGlobal(point))  # type: ignore[arg-type]

    def open_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.open_requested.emit(Path(path))

    def open_copy_of_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.open_copy_requested.emit(Path(path))

    def duplicate_selected(self) -> None:
        path = self.selected_path()
        if path is None:
            return
        run_in_background(lambda: duplicate_of(Path(path)), self._load_article,
                          lambda error: self.notice.setText(describe_error(error)) or self.notice.show(), context=self)

    def reveal_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

