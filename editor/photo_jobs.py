"""The photo jobs the window hands to its photo processes, named here so that
the window can pass them (a function is pickled by its module and name)
without importing Pillow itself: only the photo process, which runs the
job, imports ``editor.images``."""

from __future__ import annotations

from typing import Any

from editor.web_image import PreviewPhoto


def prepare_preview(*args: Any, **kwargs: Any) -> PreviewPhoto:
    """``editor.images.prepare_preview``, run in a photo process."""
    from editor.images import prepare_preview as prepare

    return prepare(*args, **kwargs)
