"""What a shared or searched link says about the article, from the same
data the page shows: the Open Graph set (Facebook, Zalo), the card
Twitter/X reads, and a schema.org ``NewsArticle`` in JSON-LD (Google).

The lengths and sizes come from the services' own documentation; each
constant says where.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from editor.model import Article, SiteProfile
from editor.text import inline_to_plain, is_web_url

# Google's Article structured data: "headline ... we recommend using concise
# titles, as long titles may be truncated"; its older rule, and many
# validators', is at most 110 characters. The checklist warns above it.
MAX_HEADLINE = 110
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}


@dataclass(frozen=True)
class ShareLinks:
    """Where the pictures of a shared link are, as the page names them
    (absolute addresses in an export; the preview's own in the window)."""

    card: str
    card_width: int
    card_height: int
    images: tuple[str, ...]  # the structured data's 1:1, 4:3 and 16:9 crops
    alt: str = ""
    logo: str | None = None  # the publisher's logo


def headline(title: str) -> str:
    """The title as the structured data's headline: whole when it fits,
    else cut at the last word that fits and ended with "…"."""
    title = " ".join(title.split())
    if len(title) <= MAX_HEADLINE:
        return title
    cut = title[: MAX_HEADLINE - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–") + "…"


def description_text(article: Article) -> str:
    """The lead as one line of plain text: the page's description, og:description
    and the structured data's ``description``."""
    return " ".join(inline_to_plain(article.lead).split())


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def modified_time(article: Article) -> datetime | None:
    """When the article was last changed: its ``updated`` time, else its
    publication (an article never updated was last modified when published)."""
    return article.local_updated() or article.local_published()


def open_graph(article: Article, site: SiteProfile, article_url: str, lead_text: str, share: ShareLinks | None) -> list[tuple[str, str, str]]:
    """The head's sharing metadata, in page order: (attribute, key, value)."""
    tags: list[tuple[str, str, str]] = [("property", "og:type", "article")]
    if site.name:
        tags.append(("property", "og:site_name", site.name))
    tags.append(("property", "og:locale", OG_LOCALES.get(article.language, "vi_VN")))
    tags.append(("property", "og:title", article.title))
    if lead_text:
        tags.append(("property", "og:description", lead_text))
    if article_url:
        tags.append(("property", "og:url", article_url))
    if share is not None:
        tags += [("property", "og:image", share.card), ("property", "og:image:type", "image/jpeg"),
                 ("property", "og:image:width", str(share.card_width)), ("property", "og:image:height", str(share.card_height))]
        if share.alt:
            tags.append(("property", "og:image:alt", share.alt))
    published = _iso(article.local_published())
    if published:
        tags.append(("property", "article:published_time", published))
        tags.append(("property", "article:modified_time", _iso(modified_time(article))))
    # No article:author: Open Graph wants a profile's address there, not a name.
    if article.section:
        tags.append(("property", "article:section", article.section))
    tags += [("property", "article:tag", tag) for tag in article.tags if tag.strip()]
    tags.append(("name", "twitter:card", "summary_large_image" if share is not None else "summary"))
    return tags


def news_article(article: Article, site: SiteProfile, article_url: str, site_url: str, lead_text: str,
                 share: ShareLinks | None) -> dict[str, Any]:
    """The schema.org NewsArticle; properties without a value are left out
    (an empty one is an error to Google's Rich Results Test)."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    if article_url:
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": article_url}
        data["url"] = article_url
    data["headline"] = headline(article.title)
    if lead_text:
        data["description"] = lead_text
    if share is not None:
        data["image"] = list(share.images)
    published = article.local_published()
    if published is not None:
        data["datePublished"] = _iso(published)
        data["dateModified"] = _iso(modified_time(article))
    if article.author:
        data["author"] = [{"@type": "Person", "name": article.author}]
    if site.name:
        publisher: dict[str, Any] = {"@type": "Organization", "name": site.name}
        if site_url:
            publisher["url"] = site_url
        if share is not None and share.logo:
            publisher["logo"] = {"@type": "ImageObject", "url": share.logo}
        data["publisher"] = publisher
    data["inLanguage"] = article.language
    if article.section:
        data["articleSection"] = article.section
    keywords = [tag for tag in article.tags if tag.strip()]
    if keywords:
        data["keywords"] = keywords
    return data


def json_for_script(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element early: ``<``, ``>`` and
    ``&`` are written as escapes, which JSON readers turn back."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@dataclass(frozen=True)
class SharedLink:
    """What a card shows of the article's link, before the card cuts it."""

    title: str  # og:title, as the page has it
    description: str  # og:description ("" when the page has none)
    domain: str  # the host the link is on ("" when neither address is known)
    has_address: bool  # the article has a public address (else no card image is exported)


def shared_link(article: Article, site: SiteProfile) -> SharedLink:
    """The og:title and og:description exactly as ``open_graph`` writes them
    for the exported page, and the domain a card names: the article's public
    address, else the site profile's."""
    article_url = article.url if is_web_url(article.url) else ""
    tags = {key: value for _, key, value in open_graph(article, site, article_url, description_text(article), None)}
    address = article_url or (site.url if is_web_url(site.url) else "")
    return SharedLink(tags.get("og:title", ""), tags.get("og:description", ""), link_domain(address), bool(article_url))


def link_domain(url: str) -> str:
    """The host a card names for ``url``: lower case, without ``www.``
    (as both cards show it), international names in their own letters."""
    host = (urlsplit(url.strip()).hostname or "") if url else ""
    if host.startswith("www."):
        host = host[4:]
    try:
        return host.encode("ascii").decode("idna") if "xn--" in host else host
    except UnicodeError:
        return host


def alt_of_cover(article: Article) -> str:
    cover = article.cover_image()
    if cover is None:
        return ""
    return cover.alt or " ".join(inline_to_plain(cover.caption).split())
