"""The post's category on the portal: the article's section (chuyên mục),
else the site profile's default category, matched by name among the
site's categories (``/wp/v2/categories``) and created when the account
may.

A category the account may not create stops the publish before anything
is sent: a post filed under "Uncategorized" lands in no section of the
portal, which nobody would notice until a reader complains.

The section is the article's ``section`` field (docs/format.md), chosen in
the form among the site profile's ``sections``.
"""

from __future__ import annotations

import html
import unicodedata
from typing import Any

from editor.errors import PublishError
from editor.model import Article
from editor.publish.client import WordPressClient
from editor.text import slug

LISTED = 30  # categories named in the refusal, so that the user can pick one the site has


def same_name(a: str, b: str) -> bool:
    """Term names as WordPress returns them (HTML-escaped: "Kinh tế &amp; Xã hội") against ours."""
    return unicodedata.normalize("NFC", html.unescape(a)).casefold() == unicodedata.normalize("NFC", b).casefold()


def article_section(article: Article) -> str:
    return article.section.strip()


def category_name(article: Article, default: str) -> str:
    """The article's own section, else the profile's default category; "" for none."""
    return article_section(article) or default.strip()


def find_category(client: WordPressClient, name: str) -> int | None:
    found = client.get("/wp/v2/categories", {"search": name, "per_page": 100})
    return next((int(term["id"]) for term in found if same_name(str(term.get("name", "")), name)), None)


def category_ids(client: WordPressClient, name: str, may_create: bool, who: str) -> list[int]:
    """The ids to file the post under: ``[]`` for no category (the site's default applies)."""
    if not name:
        return []
    found = find_category(client, name)
    if found is not None:
        return [found]
    if not may_create:
        raise PublishError(f"the category “{name}” is not on the site and {who} may not create it; nothing was "
                           f"sent; ask an editor of the site to create it, or choose one the site has: "
                           f"{', '.join(_site_categories(client)) or 'none'}")
    try:
        # Our own ASCII slug: WordPress's own would percent-encode the Vietnamese letters.
        created: dict[str, Any] = client.post("/wp/v2/categories", {"name": name, "slug": slug(name)})
    except PublishError as error:
        if "term_exists" not in str(error):  # made meanwhile by someone else, or a slug already taken
            raise
        found = find_category(client, name)
        if found is None:
            raise PublishError(f"the category “{name}” cannot be created: the site has another category with the "
                               f"address “{slug(name)}”; rename one of them") from None
        return [found]
    return [int(created["id"])]


def _site_categories(client: WordPressClient) -> list[str]:
    found = client.get("/wp/v2/categories", {"per_page": LISTED, "orderby": "count", "order": "desc"})
    return [html.unescape(str(term.get("name", ""))) for term in found]
