"""``python main.py publish INPUT.article``: the checklist, then the publish,
with the article's ``"publish"`` record saved back into the draft after
every step (atomically: a killed run leaves the previous or the next
state, never half of one)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from editor.article_format import load_site_profile
from editor.checks import CheckInput, Finding, check_article, has_errors, raw_texts
from editor.draft import SUFFIX, load_draft, save_draft
from editor.errors import PublishError
from editor.export import photos_for_publishing
from editor.inputs import find_article_file, read_raw_article_data
from editor.publish.publisher import Progress, PublishOptions, PublishResult, photos_already_sent, publish
from editor.publish.settings import CmsSettings, cms_password, cms_settings
from editor.site import effective_site, load_saved_profile

STATE_KEY = "publish"
NOT_BLOCKING = {"url-missing"}


@dataclass
class CommandOutcome:
    findings: list[Finding]
    language: str
    result: PublishResult | None  # None when checklist errors stopped it


def publish_draft(path: Path, site_path: Path | None, options: PublishOptions,
                  progress: Progress | None = None) -> CommandOutcome:
    path = find_article_file(path)
    if path.suffix.lower() != SUFFIX:
        raise PublishError(f"publishing keeps what is on the server in the draft: give an {SUFFIX} file "
                           "(the app's File ▸ Save makes one)", path=path)
    article = load_draft(path)
    given = load_site_profile(site_path) if site_path else None
    saved = load_saved_profile()
    site = effective_site(article, given, saved)
    try:
        settings: CmsSettings | None = cms_settings(given, saved)  # never the draft's own site: see settings.py
    except PublishError:
        settings = None  # said after the checklist, which comes first
    # Photos already on the portal as they are were read by the checklist when they went up: not
    # decoding twenty camera photos again is most of what makes publishing again fast.
    read_photos = settings is None or not photos_already_sent(article, settings, options.max_size)
    # Photos to send are converted while the checklist runs (both mostly decode, on the cores the
    # other leaves idle); nothing is sent before the checklist has passed.
    photos = photos_for_publishing(article, options.max_size) if read_photos and options.photos and article.images() else None
    try:
        findings = check_article(article, CheckInput(raw_texts=raw_texts(read_raw_article_data(path), article), site=site,
                                                     read_photos=read_photos))
        # The portal gives the address when the post is published: a missing one does not stop publishing.
        findings = [finding for finding in findings if finding.id not in NOT_BLOCKING]
        if has_errors(findings):
            return CommandOutcome(findings, article.language, None)
        if settings is None:
            settings = cms_settings(given, saved)  # raises what is missing
        password = cms_password(settings)
        if not options.status:  # not chosen: the profile's default status, else a draft
            options = replace(options, status=settings.status or "draft")

        def save_state(state: dict[str, Any]) -> None:
            article.extra[STATE_KEY] = state
            save_draft(article, path)

        result = publish(article, settings, password, options, save_state, progress, photos=photos)
    except PublishError as error:
        error.path = error.path or path
        raise
    finally:
        if photos is not None:
            photos.close()  # stopped by the checklist, a missing setting or a failure: convert no more
    return CommandOutcome(findings, article.language, result)
