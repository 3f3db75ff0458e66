"""What changed since the last review: the current text against the revision
saved at the last change of state (the first save after it), compared word
by word with the Revisions diff (editor/revisions.py)."""

from __future__ import annotations

from editor.model import Article
from editor.revisions import DiffLine, Revision, list_revisions, load_revision, text_diff


def last_review_revision(article: Article) -> Revision | None:
    """The revision saved with the last change of state, or None when the
    state never changed or was not saved since."""
    change = article.review.last_change()
    if change is None:
        return None
    # The change is stamped to the second, revisions to the millisecond.
    after = [revision for revision in list_revisions(article.kept_files) if revision.saved_at >= change.at]
    return after[-1] if after else None  # the oldest of those: the save that carried the change


def changes_since_review(article: Article) -> tuple[Revision, list[DiffLine]] | None:
    """The revision of the last review and the word diff from it to now."""
    revision = last_review_revision(article)
    if revision is None:
        return None
    return revision, text_diff(load_revision(article, revision), article)
