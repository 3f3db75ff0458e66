"""Where to publish, as whom, and with which password.

The ``cms`` object (``{"kind": "wordpress", "url": …, "user": …}``) is read
only from this computer's saved profile or from ``--site``, never from a
draft's own ``site``: a draft someone e-mailed must not send this office's
password to another server. The user name of this computer (its saved
profile, or ``TOASOAN_CMS_USER``) wins over a shared profile's, since a
writer and an approver use different accounts. The application password
is kept in the OS keyring, or given in ``TOASOAN_CMS_PASSWORD`` for
scripts; never in a profile or an ``.article``.
"""

from __future__ import annotations

import ipaddress
import os
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.errors import PublishError
from editor.model import SiteProfile

KEYRING_SERVICE = "ToaSoan CMS"
PASSWORD_VARIABLE = "TOASOAN_CMS_PASSWORD"
USER_VARIABLE = "TOASOAN_CMS_USER"
KINDS = ("wordpress",)
STATUSES = ("draft", "pending", "publish", "future")  # WordPress's, as --status takes them


@dataclass(frozen=True)
class CmsSettings:
    kind: str
    url: str  # the site's home page
    user: str
    category: str = ""  # the default category, for an article without a section
    status: str = ""  # the default status of a publish: draft, pending, publish or future ("" is draft)

    @property
    def keyring_name(self) -> str:
        return f"{self.user}@{self.url}"


def _cms_of(profile: SiteProfile | None) -> dict[str, Any]:
    value = profile.extra.get("cms") if profile is not None else None
    return value if isinstance(value, dict) else {}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cms_settings(given: SiteProfile | None, saved: SiteProfile | None,
                 environ: Mapping[str, str] = os.environ) -> CmsSettings:
    """The CMS to publish to, from ``--site`` (``given``) over this computer's profile."""
    shared, own = _cms_of(given), _cms_of(saved)
    merged = {**own, **shared} if shared else own
    if not merged:
        raise PublishError("no CMS is set up: add \"cms\": {\"kind\": \"wordpress\", \"url\": \"https://…\", "
                           "\"user\": \"…\"} to this computer's site profile, or give one with --site")
    kind = str(merged.get("kind") or "wordpress")
    if kind not in KINDS:
        raise PublishError(f"the CMS kind “{kind}” is not supported; only {', '.join(KINDS)}; "
                           "use export --package for the others")
    url = str(merged.get("url") or "").strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PublishError(f"the CMS address “{url}” is not a web address (https://…)")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise PublishError(f"the CMS address {url} is plain http: the password would cross the network readable; "
                           "use https://")
    user = environ.get(USER_VARIABLE) or str(own.get("user") or "") or str(shared.get("user") or "")
    if not user:
        raise PublishError(f"no CMS user name: set \"user\" in this computer's profile or {USER_VARIABLE}")
    status = str(merged.get("status") or "")
    if status not in ("",) + STATUSES:
        raise PublishError(f"the CMS status “{status}” is not one of {', '.join(STATUSES)}")
    return CmsSettings(kind=kind, url=url.rstrip("/") + "/", user=user, category=str(merged.get("category") or "").strip(),
                       status=status)


def checked_cms(cms: Mapping[str, Any]) -> CmsSettings:
    """The ``cms`` object the profile dialog is about to save, checked as publishing will read it
    (no environment variable standing in for a missing user name)."""
    return cms_settings(None, SiteProfile(extra={"cms": dict(cms)}), environ={})


def saved_cms(path: Path | None = None) -> dict[str, Any]:
    """The ``cms`` object of this computer's saved profile, ``{}`` when there is none (read it off the UI thread)."""
    from editor.site import load_saved_profile

    return dict(_cms_of(load_saved_profile(path)))


def cms_password(settings: CmsSettings, environ: Mapping[str, str] = os.environ) -> str:
    """``TOASOAN_CMS_PASSWORD``, else the OS keyring's entry for this user and site."""
    if environ.get(PASSWORD_VARIABLE):
        return environ[PASSWORD_VARIABLE]
    import keyring
    from keyring.errors import KeyringError

    try:
        password = keyring.get_password(KEYRING_SERVICE, settings.keyring_name)
    except (KeyringError, RuntimeError) as error:
        raise PublishError(f"the system keyring cannot be read ({error}); set {PASSWORD_VARIABLE} instead") from None
    if not password:
        raise PublishError(f"no application password is stored for {settings.keyring_name}: create one in the "
                           f"user's profile on the site and save it in the app (or set {PASSWORD_VARIABLE})")
    return password


def store_password(settings: CmsSettings, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, settings.keyring_name, password)
    except (KeyringError, RuntimeError) as error:
        raise PublishError(f"the system keyring cannot store the password ({error})") from None
