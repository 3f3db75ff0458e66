"""Which site profile an export uses.

Precedence, field by field: a profile given on the command line, then the
article's own ``site``, then the profile saved by the app.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from editor.article_format import load_site_profile
from editor.model import Article, SiteProfile

APP_NAME = "ToaSoan"
PROFILE_FILE = "site-profile.json"


def saved_profile_path() -> Path:
    """Where the app keeps the office's site profile (per user, per OS)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / PROFILE_FILE


def load_saved_profile(path: Path | None = None) -> SiteProfile | None:
    """The saved profile, or None when none was saved yet."""
    path = path or saved_profile_path()
    if not path.is_file():
        return None
    site = load_site_profile(path)
    site.logo_anywhere = True  # written by the app from the user's own choice of file
    return site


def effective_site(article: Article, override: SiteProfile | None, saved: SiteProfile | None) -> SiteProfile:
    base = saved or SiteProfile()
    return base.overridden_by(article.site).overridden_by(override)


def carried_site(article: Article, saved: SiteProfile) -> SiteProfile | None:
    """The profile a saved draft carries: the one its page is shown with, so
    that it shows the same portal on a colleague's computer. The logo only
    when the article has its own (by its full path, since relative to the
    profile's folder it would mean nothing beside the draft): the saved
    profile's logo is a file on this computer, and each computer's own
    profile gives its logo. None when there is nothing to carry."""
    shown = effective_site(article, None, saved)
    carried = SiteProfile(extra=dict(shown.extra))
    for name in SiteProfile.FIELDS:
        setattr(carried, name, getattr(shown, name))
    own_logo = article.site.logo_path() if article.site is not None else None
    carried.logo = str(own_logo.resolve()) if own_logo is not None else ""
    if not any(getattr(carried, name) for name in SiteProfile.FIELDS):
        return None
    return carried


def same_profile(one: SiteProfile, other: SiteProfile) -> bool:
    """The same portal on the page: every field alike, the logo by its file."""
    return all(getattr(one, name) == getattr(other, name) for name in SiteProfile.FIELDS if name != "logo") and (
        one.logo_path() == other.logo_path()
    )
