"""Which site profile an export uses.

Precedence, field by field: a profile given on the command line, then the
article's own ``site``, then the profile saved by the app.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import platformdirs

from editor.article_format import load_site_profile, site_to_dict
from editor.atomic import atomic_write
from editor.media import FileMedia
from editor.model import Article, SiteProfile

APP_NAME = "ToaSoan"
PROFILE_FILE = "site-profile.json"
LOGO_MEMBER = "site/logo"  # where a draft keeps its own logo (editor/logo.py reads it there)


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


KEEP_CMS = object()  # write_saved_profile: leave the file's ``cms`` as it is


def write_saved_profile(site: SiteProfile, path: Path | None = None, cms: dict[str, Any] | None | object = KEEP_CMS) -> None:
    """Write the office's profile as the JSON file the command line reads
    (``main.py export`` and ``publish``; ``load_saved_profile`` reads it
    back), atomically. ``cms`` is where to publish (None: nowhere); by
    default the file's own is kept. The logo is written as the path of the
    user's own file. Slow on a network home folder: not on the UI thread."""
    path = path or saved_profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = site_to_dict(site)
    if cms is KEEP_CMS:
        _keep_cms(data, path)
    elif isinstance(cms, dict):
        data["cms"] = cms
    else:
        data.pop("cms", None)
    logo = site.logo_path()
    if logo:
        data["logo"] = str(logo)
    payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    atomic_write(path, lambda stream: stream.write(payload))


def _keep_cms(data: dict[str, Any], path: Path) -> None:
    """Where to publish (``cms``) may be set in this file by hand or by IT: keep it."""
    if "cms" in data or not path.is_file():
        return
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(existing, dict) and isinstance(existing.get("cms"), dict):
        data["cms"] = existing["cms"]


def effective_site(article: Article, override: SiteProfile | None, saved: SiteProfile | None) -> SiteProfile:
    base = saved or SiteProfile()
    return base.overridden_by(article.site).overridden_by(override)


def carried_site(article: Article, saved: SiteProfile) -> SiteProfile | None:
    """The profile a saved draft carries: the one its page is shown with, so
    that it shows the same portal on a colleague's computer. The logo only
    when the article has its own, and then inside the draft (a draft's logo
    is one of its members, never a path on this computer): a draft's member
    stays as it is, a file beside an article.json is put among the members
    (``article.kept_files``). The saved profile's logo is a file on this
    computer, and each computer's own profile gives its logo. None when
    there is nothing to carry."""
    shown = effective_site(article, None, saved)
    carried = SiteProfile(extra=dict(shown.extra))
    for name in SiteProfile.FIELDS:
        setattr(carried, name, getattr(shown, name))
    carried.dictionary = list(shown.dictionary)
    own = article.site
    carried.logo = ""
    if own is not None and own.logo and own.logo_archive is not None:
        carried.logo = own.logo  # kept with the draft's other members when it is saved
    elif own is not None and (own_logo := own.logo_path()) is not None and own_logo.is_file():
        suffix = own_logo.suffix.lower() if re.fullmatch(r"\.[a-z0-9]{1,5}", own_logo.suffix.lower()) else ""
        carried.logo = f"{LOGO_MEMBER}{suffix}"
        article.kept_files[carried.logo] = FileMedia(own_logo)
    if not any(getattr(carried, name) for name in SiteProfile.FIELDS) and not carried.dictionary:
        return None
    return carried


def same_profile(one: SiteProfile, other: SiteProfile) -> bool:
    """The same portal on the page: every field alike, the logo by its file."""
    return all(getattr(one, name) == getattr(other, name) for name in SiteProfile.FIELDS if name != "logo") and one.dictionary == other.dictionary and (
        one.logo_path() == other.logo_path()
    )
