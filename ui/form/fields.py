"""The article's own fields: title, date, language, lead, people, section, links, tags."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from editor.fields import text_fields
from editor.model import DEFAULT_TIMEZONE, Article
from editor.text import is_web_url, slug
from ui.common.language import Retranslating, field_label, interface_language
from ui.document.document import Document
from ui.form.date_edit import PublishedEdit
from ui.form.related_editor import RelatedEditor
from ui.form.sync import show_in_line_edit
from ui.form.text_edits import InlineTextEdit, PasteHandlers, route_undo_keys
from ui.form.title_edit import TitleEdit
from ui.form.url_edit import UrlEdit


def zone_display_name(zone_name: str, moment: datetime | None, language: str) -> str:
    """The time zone as people call it, in the interface language, from
    Qt's CLDR data ("Giờ Đông Dương", "Indochina Time"), not its IANA id
    ("Asia/Ho_Chi_Minh"); the id itself where Qt knows no name."""
    zone = QTimeZone(zone_name.encode())
    if not zone.isValid():
        return zone_name
    locale = QLocale("vi_VN" if language == "vi" else "en_US")
    at = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), zone) if moment is not None else QDateTime.currentDateTime()
    return zone.displayName(at, QTimeZone.NameType.LongName, locale) or zone_name


class ArticleFieldsForm(Retranslating, QWidget):
    """Everything but the body. Each field calls one intent on the document
    and follows the document when it changes (undo, open)."""

    def __init__(self, document: Document, parent: QWidget | None = None, *, paste: PasteHandlers | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._updating = False

        self.title = TitleEdit(self)
        self.published = PublishedEdit(self)
        self.timezone_label = QLabel(self)
        self.language = QComboBox(self)
        self.language.addItem("", "vi")
        self.language.addItem("", "en")
        self.lead = InlineTextEdit(self, min_lines=3, paste=paste)
        self.lead.check_spelling(document)
        self.author = QLineEdit(self)
        self.source = QLineEdit(self)
        self.document_number = QLineEdit(self)
        # The site profile's sections; an article's own section that the
        # profile does not list is kept and shown too, never dropped.
        self.section = QComboBox(self)
        self.original_url = UrlEdit(parent=self)
        self.url = UrlEdit(parent=self)
        self.make_url = QPushButton(self)
        self.tags = QLineEdit(self)
        self.related = RelatedEditor(document, self)
        for line in (self.author, self.source, self.document_number, self.tags):
            route_undo_keys(line)

        self.published.row.addWidget(self.timezone_label, 1)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.make_url, 0, Qt.AlignmentFlag.AlignTop)

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels: dict[str, QLabel] = {}
        rows = (
            ("title", self.title, self.title), ("published", self.published.day, self.published),
            ("language", self.language, self.language), ("document_number", self.document_number, self.document_number),
            ("lead", self.lead, self.lead),
            ("author", self.author, self.author), ("source", self.source, self.source),
            ("section", self.section, self.section),
            ("original_url", self.original_url.line, self.original_url), ("url", self.url.line, url_row),
            ("related", self.related, self.related), ("tags", self.tags, self.tags),
        )
        for name, buddy, field in rows:
            self.labels[name] = label = QLabel(self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        self.retranslate()

        self.title.textEdited.connect(lambda text: document.set_field("title", text, self.tr("Edit title")))
        self.author.textEdited.connect(lambda text: document.set_field("author", text, self.tr("Edit author")))
        self.source.textEdited.connect(lambda text: document.set_field("source", text, self.tr("Edit source")))
        self.document_number.textEdited.connect(
            lambda text: document.set_field("document_number", text, self.tr("Edit number and symbol")))
        self.original_url.edited.connect(lambda text: document.set_field("original_url", text, self.tr("Edit original link")))
        self.url.edited.connect(lambda text: document.set_field("url", text, self.tr("Edit public address")))
        self.tags.textEdited.connect(self._on_tags_edited)
        self.lead.textChanged.connect(self._on_lead_changed)
        self.language.activated.connect(self._on_language_activated)
        self.section.activated.connect(self._on_section_activated)
        self.published.edited.connect(self._on_published_edited)
        self.make_url.clicked.connect(self._on_make_url_clicked)
        document.field_changed.connect(self._on_document_field_changed)
        document.reset.connect(self._show_all)
        document.site_changed.connect(self._show_all)
        self._show_all()

    def retranslate(self) -> None:
        texts = {field.name: field_label(field) for field in text_fields(Article)}
        texts.update({
            "published": self.tr("&Date and time"), "language": self.tr("Lan&guage"),
            "original_url": self.tr("&Original link"), "url": self.tr("&Public address"),
            "related": self.tr("Related news"), "tags": self.tr("Ta&gs"),
        })
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.title.setPlaceholderText(self.tr("The headline readers see first"))
        self.language.setItemText(0, self.tr("Vietnamese"))
        self.language.setItemText(1, self.tr("English"))
        self.lead.setPlaceholderText(self.tr("One paragraph that sums up the news; shown in bold under the title"))
        self.source.setPlaceholderText(self.tr("Where the news came from"))
        self.document_number.setPlaceholderText(self.tr("Of an official document, e.g. 12/QĐ-UBND"))
        self.make_url.setText(self.tr("Make from title"))
        self.make_url.setToolTip(self.tr("Build the address from the site address and the title"))
        self.tags.setPlaceholderText(self.tr("Keywords, separated by commas"))
        self._show_section()  # its first item, "no section", is in the interface language
        self._show_published()  # the time zone's name is in the interface language

    # --- from the widgets to the document ----------------------------------
    def _on_lead_changed(self) -> None:
        if not self._updating:
            self._document.set_field("lead", self.lead.inline(), self.tr("Edit lead"))

    def _on_tags_edited(self, text: str) -> None:
        tags = [tag.strip() for tag in text.split(",") if tag.strip()]
        self._document.set_field("tags", tags, self.tr("Edit tags"), merge_key="tags")

    def _on_language_activated(self, index: int) -> None:
        self._document.set_field("language", self.language.itemData(index), self.tr("Change language"))

    def _on_section_activated(self, index: int) -> None:
        self._document.set_field("section", self.section.itemData(index), self.tr("Change section"))

    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self._document.article.timezone or DEFAULT_TIMEZONE)

    def _on_published_edited(self, local: datetime | None) -> None:
        if self._updating:
            return
        moment = local.replace(tzinfo=self._zone()) if local is not None else None
        self._document.set_field("published", moment, self.tr("Change date"), merge_key="published")

    def _on_make_url_clicked(self) -> None:
        base = self._document.site().url.rstrip("/")
        if not is_web_url(base):
            self.url.show_problem(self.tr("Set the site address in Site profile… first"))
            return
        self._document.set_field("url", f"{base}/{slug(self._document.article.title)}.html", self.tr("Make address from title"))

    # --- from the document to the widgets ----------------------------------
    def _on_document_field_changed(self, name: str) -> None:
        self._show(name)

    def _show_all(self) -> None:
        for field in text_fields(Article):
            self._show(field.name)
        for name in ("published", "language", "original_url", "url", "tags"):
            self._show(name)

    def _show(self, name: str) -> None:
        article = self._document.article
        text = next((field for field in text_fields(Article) if field.name == name), None)
        self._updating = True
        try:
            if name == "section":  # a text, chosen from the site profile's list
                self._show_section()
            elif text is not None:  # each text field's widget is the form's attribute of its name
                widget = getattr(self, name)
                value = getattr(article, name)
                if text.kind == "inline":
                    widget.set_inline(value)
                elif text.kind == "line":
                    show_in_line_edit(widget, value)
                elif widget.toPlainText() != value:  # a QPlainTextEdit
                    widget.setPlainText(value)
            elif name in ("original_url", "url"):
                getattr(self, name).set_text(getattr(article, name))
            elif name == "tags":
                if [t.strip() for t in self.tags.text().split(",") if t.strip()] != article.tags:
                    self.tags.setText(", ".join(article.tags))
            elif name == "language":
                self.language.setCurrentIndex(max(0, self.language.findData(article.language)))
            elif name in ("published", "timezone"):
                self._show_published()
        finally:
            self._updating = False

    def _show_section(self) -> None:
        current = self._document.article.section
        names = list(self._document.site().sections)
        if current and current not in names:
            names.append(current)
        wanted = ["", *names]
        if [self.section.itemData(i) for i in range(self.section.count())] != wanted:
            self.section.clear()
            for name in wanted:
                self.section.addItem(name, name)
        self.section.setItemText(0, self.tr("(no section)"))
        self.section.setCurrentIndex(max(0, self.section.findData(current)))

    def _show_published(self) -> None:
        article = self._document.article
        zone_name = article.timezone or DEFAULT_TIMEZONE
        local = article.local_published()
        self.published.zone = ZoneInfo(zone_name)
        self.published.set_value(local.replace(tzinfo=None, second=0, microsecond=0) if local is not None else None)
        offset = local.strftime("%z") if local is not None else ""
        shown_name = zone_display_name(zone_name, local, interface_language())
        self.timezone_label.setText(f"{shown_name} (UTC{offset[:3]}:{offset[3:]})" if offset else shown_name)
        self.timezone_label.setToolTip(zone_name)  # the IANA id, for whoever needs it
