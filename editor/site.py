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
