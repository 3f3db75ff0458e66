"""The bar above the form when the open article carries a site profile other
than this computer's (a draft written on a colleague's computer). It never
blocks: the page shows the article's profile until the user chooses this
computer's, which is one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from editor.model import SiteProfile
from editor.site import same_profile
from ui.common.language import Retranslating
from ui.document.document import Document


class SiteProfileBar(Retranslating, QFrame):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._dismissed = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("SiteProfileBar { background: #fff4ce; }")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.use_local = QPushButton(self)
        self.keep = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.use_local)
        layout.addWidget(self.keep)
        self.use_local.clicked.connect(self._use_local)
        self.keep.clicked.connect(self._keep)
        document.reset.connect(self._on_reset)
        document.site_changed.connect(self.refresh)
        document.field_changed.connect(lambda name: self.refresh() if name == "site" else None)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.use_local.setText(self.tr("Use this computer's profile"))
        self.keep.setText(self.tr("Keep the article's"))
        self.refresh()

    def differs(self) -> bool:
        """The article brings its own portal, and this computer has another
        one to offer (with no profile of its own, there is nothing to offer)."""
        saved = self._document.saved_site
        has_portal = any((saved.name, saved.url, saved.fanpage_url, saved.logo))
        return has_portal and self._document.article.site is not None and not same_profile(self._document.site(), saved)

    def refresh(self) -> None:
        if self._dismissed or not self.differs():
            self.hide()
            return
        text = self.tr("This article was written with another site profile (“%1”) than this computer's (“%2”). "
                       "The page shows the article's.")
        ours, theirs = _labels(self._document.site(), self._document.saved_site)
        self.text.setText(text.replace("%1", ours).replace("%2", theirs))
        self.show()

    def _on_reset(self) -> None:
        self._dismissed = False
        self.refresh()

    def _use_local(self) -> None:
        self._document.set_field("site", None, self.tr("Use this computer's site profile"))

    def _keep(self) -> None:
        self._dismissed = True
        self.hide()


def _label(site: SiteProfile) -> str:
    return site.name or site.url or "—"


# What may tell two profiles of the same portal name apart, in the order said.
_TELLING_FIELDS = ("url", "fanpage_url", "fanpage_label", "copyright")


def _labels(article: SiteProfile, computer: SiteProfile) -> tuple[str, str]:
    """The two profiles' names; when those are alike ("Cổng thông tin quận
    Lê Chân" twice read as no difference at all), each with the first
    thing that differs, its address most often."""
    one, other = _label(article), _label(computer)
    if one != other:
        return one, other
    for name in _TELLING_FIELDS:
        mine, theirs = getattr(article, name), getattr(computer, name)
        if mine != theirs:
            return f"{one}, {mine or '—'}", f"{other}, {theirs or '—'}"
    return one, other
