"""Publish an article to WordPress: its photos, then the post. Repeatable.

What is on the server is remembered in the article's ``"publish"`` object
(docs/format.md), handed to ``save_state`` so that the caller writes it
back atomically: before an update of the post, after the post, after a
failure, and every ``SAVE_EVERY`` seconds while photos go up (rewriting a
draft full of photos takes about a second, so not after each photo):

    {"cms": SITE_URL, "post_id": N, "link": URL, "modified_gmt": "…",
     "media": {SHA256_OF_THE_UPLOADED_BYTES: MEDIA_ID}}

Publishing again updates the same post and uploads only photos whose bytes
are new; when the post on the server is already as it would be sent,
nothing is sent and the draft is not rewritten. A run killed between a
write on the server and ``save_state`` leaves something the next run does
not know about; it finds it again before creating anything: a photo by
its file name *and* the sha256 of its bytes (downloaded back), the post by
its slug, author and date. Nothing is ever created twice.

The post is read before it is updated: when it changed on the server
since the last publish, a ``PublishConflict`` says what changed (the
Revisions dialog's word diff) and nothing is sent, unless ``force``.

The office's review state (editor/review.py) follows the post's status:
a post the portal shows makes the article *đã đăng* (published), one
sent for review makes it *chờ duyệt* (waiting for review); the change is
recorded in the review history under the CMS account's name and saved
with the last step.
"""

from __future__ import annotations

import copy
import hashlib
import html
import itertools
import re
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from editor.cms import body_html
from editor.errors import ExportError, PublishConflict, PublishError
from editor.export import ExportedFile, PhotoConversions, photo_base_name, photos_for_publishing
from editor.images import DEFAULT_MAX_SIZE
from editor.labels import labels_for
from editor.model import Article, ImageBlock, ParagraphBlock
from editor.publish.categories import category_ids, category_name, same_name
from editor.publish.client import ServerError, WordPressClient
from editor.publish.settings import STATUSES, CmsSettings
from editor.render import ImageSource, credit_line
from editor.review import PUBLISHED, REVIEW
from editor.revisions import DiffLine, text_diff
from editor.text import slug

ANY_STATUS = "draft,pending,publish,future,private"
_MIME = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp"}
CREATE_TRIES = 4
UPLOADS_AT_ONCE = 3  # photos sent together; a shared host answers three at once without trouble
PAGE = 100  # WordPress's largest page
SAVE_EVERY = 5.0  # seconds between two saves of the record while photos go up
# The post's status on the portal → the article's review state. A draft on the portal or a scheduled
# post says nothing new about the office's review, so the state is left as it is.
REVIEW_STATE_OF_STATUS = {"publish": PUBLISHED, "pending": REVIEW}

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class PublishOptions:
    status: str = "draft"
    force: bool = False
    photos: bool = True
    max_size: int = DEFAULT_MAX_SIZE


@dataclass
class PublishResult:
    post_id: int
    link: str
    status: str
    uploaded: int = 0  # photos sent this time
    reused: int = 0  # photos already on the server (known or found again)
    photos_total: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Account:
    """Who we publish as, from ``GET /wp/v2/users/me?context=edit``."""

    id: int
    name: str
    roles: tuple[str, ...]
    capabilities: frozenset[str]

    def may(self, capability: str) -> bool:
        return capability in self.capabilities

    def describe(self) -> str:
        return f"“{self.name}” ({', '.join(self.roles) or 'no role'})"


def read_account(client: WordPressClient) -> Account:
    me = client.get("/wp/v2/users/me", {"context": "edit"})
    capabilities = frozenset(name for name, granted in (me.get("capabilities") or {}).items() if granted)
    return Account(int(me["id"]), str(me.get("name") or me.get("username") or ""), tuple(me.get("roles") or ()), capabilities)


def test_connection(settings: CmsSettings, password: str, client: WordPressClient | None = None) -> Account:
    """Who this computer publishes as and what the account may do (the *Test connection* button)."""
    client = client or WordPressClient(settings.url, settings.user, password)
    client.discover()
    return read_account(client)


def refusal(account: Account, article: Article, options: PublishOptions) -> str | None:
    """Why this account may not publish this article so, before anything is sent."""
    if options.photos and article.images() and not account.may("upload_files"):
        return (f"{account.describe()} may not upload photos, and the article has {len(article.images())}: "
                "submit it for review without its photos (--no-photos --status pending), or make the publish "
                "package for an editor (export INPUT -o NAME.zip --package)")
    if options.status in ("publish", "future") and not account.may("publish_posts"):
        return (f"{account.describe()} may not publish; submit the article for review instead (--status pending)")
    if not account.may("edit_posts"):
        return f"{account.describe()} may not write posts on this site"
    return None


def publish(article: Article, settings: CmsSettings, password: str, options: PublishOptions,
            save_state: Callable[[dict[str, Any]], None], progress: Progress | None = None,
            client: WordPressClient | None = None, photos: PhotoConversions | None = None) -> PublishResult:
    """Publish ``article``; ``photos``, when given, are its photos already being converted
    (``photos_for_publishing``, started before the checklist), used if a photo must be sent;
    whoever started them closes them (``publish_draft``)."""
    if options.status not in STATUSES:
        raise PublishError(f"unknown status “{options.status}”; one of {', '.join(STATUSES)}")
    if options.status == "future" and (article.published is None or article.published <= datetime.now(UTC)):
        # WordPress publishes a "future" post with a past date at once: never by surprise.
        raise PublishError("a scheduled post needs a date in the future, and the article's date is "
                           f"{article.local_published() or 'not set'}; change the date, or publish now (--status publish)")
    client = client or WordPressClient(settings.url, settings.user, password)
    report = progress or (lambda what, done, total: None)
    state = _known_state(article, settings)
    result = PublishResult(post_id=0, link="", status=options.status)
    try:
        report("connecting", 0, 1)
        client.discover()
        account = read_account(client)
        refused = refusal(account, article, options)  # before anything is sent
        if refused:
            raise PublishError(refused)
        categories = category_ids(client, category_name(article, settings.category),
                                  account.may("manage_categories"), account.describe())
        return _publish(client, account, article, options, categories, state, save_state, report, result, photos)
    except PublishError as error:
        error.problems.append(_on_server(state, result))
        raise


def _on_server(state: dict[str, Any], result: PublishResult) -> str:
    """What a failed run leaves on the server, for the user to know; publishing again finishes the job."""
    done = result.uploaded + result.reused
    photos = f"{done} of {result.photos_total} photos" if result.photos_total else ""
    post = f"post {state['post_id']} (as last sent)" if "post_id" in state else "no post yet"
    if not done and "post_id" not in state:
        return "on the server now: nothing from this publish; publishing again does the whole job"
    return f"on the server now: {', '.join(part for part in (photos, post) if part)}; publishing again finishes the job"


def _publish(client: WordPressClient, account: Account, article: Article, options: PublishOptions,
             categories: list[int], state: dict[str, Any], save_state: Callable[[dict[str, Any]], None], report: Progress,
             result: PublishResult, photos: PhotoConversions | None) -> PublishResult:
    post = _existing_post(client, account, state, options, article, result)
    if post is None:
        post = _find_post(client, account, article)
        if post is not None:
            result.notes.append(f"found post {post['id']} from an interrupted publish; it is updated, not duplicated")
            state.update(post_id=post["id"], link=post.get("link", ""), modified_gmt=post.get("modified_gmt", ""))
            save_state(dict(state))

    # Rewriting a draft full of photos takes a while: the record is saved when something changed,
    # not after every request (what a killed run did not record, the next one finds again).
    before = (copy.deepcopy(state), article.url, article.review)
    urls, media_ids = _send_photos(client, account, article, options, state, save_state, report, result, photos)
    try:
        tags = _tag_ids(client, account, article, result)
        data = _post_data(article, options, urls, media_ids, tags, categories)
        report("post", 0, 1)
        if post is None:
            post = _create_post(client, account, article, data, result)
        elif _as_sent(post, data) and not state.get("sending"):
            pass  # the server has exactly this post: nothing to send, and its modified_gmt stays ours
        else:
            state["sending"] = True  # if this run dies now, the next one knows the change on the server is its own
            save_state(dict(state))
            post = client.post(f"/wp/v2/posts/{post['id']}", data, {"context": "edit"})
    except PublishError:
        if state != before[0]:
            save_state(dict(state))  # the photos that went up, for the next run
        raise
    state.pop("sending", None)
    state.update(post_id=post["id"], link=post.get("link", ""), modified_gmt=post.get("modified_gmt", ""))
    if post.get("status") in ("publish", "future") and not article.url and post.get("link"):
        article.url = post["link"]  # the public address, for the page's QR code; saved with the state below
        result.notes.append(f"the article's address is now the post's: {article.url}")
    _follow_review_state(article, account, post)
    if (state, article.url, article.review) != before:
        save_state(dict(state))
    report("post", 1, 1)
    result.post_id, result.link, result.status = post["id"], post.get("link", ""), post.get("status", options.status)
    if result.status in ("publish", "future") and article.url and article.url != result.link:
        result.notes.append(f"the portal's address of the post is {result.link}, not the address typed in the "
                            f"article ({article.url}); the article's address was left as it is")
    return result


def _as_sent(post: dict[str, Any], data: dict[str, Any]) -> bool:
    """Whether the post on the server is already exactly what ``data`` would make it."""
    for key, value in data.items():
        there = post.get(key)
        if isinstance(there, dict):  # title, content, excerpt: {"raw": …, "rendered": …}
            there = there.get("raw")
        if key in ("tags", "categories"):
            there, value = sorted(there or []), sorted(value)
        if there != value:
            return False
    return True


def _follow_review_state(article: Article, account: Account, post: dict[str, Any]) -> None:
    """Move the article's review state to what the post now is on the portal (saved with the next step)."""
    status = str(post.get("status", ""))
    state = REVIEW_STATE_OF_STATUS.get(status)
    if state is None or article.review.state == state:
        return
    article.review = article.review.changed_to(state, account.name, f"WordPress: post {post['id']} ({status})")


# -- state --------------------------------------------------------------------------

def _known_state(article: Article, settings: CmsSettings) -> dict[str, Any]:
    """The article's record of a publish to this same site; another site's is not ours to reuse."""
    saved = article.extra.get("publish")
    if isinstance(saved, dict) and saved.get("cms") == settings.url:
        media, sources = saved.get("media"), saved.get("sources")
        media = media if isinstance(media, dict) else {}
        state = {key: saved[key] for key in ("post_id", "link", "modified_gmt", "sending") if key in saved}
        sources = sources if isinstance(sources, dict) else {}
        return {"cms": settings.url, **state, "media": {str(k): int(v) for k, v in media.items() if str(v).isdigit()},
                "sources": {str(k): str(v) for k, v in sources.items()}}
    return {"cms": settings.url, "media": {}, "sources": {}}


# -- the post -----------------------------------------------------------------------

def _existing_post(client: WordPressClient, account: Account, state: dict[str, Any], options: PublishOptions,
                   article: Article, result: PublishResult) -> dict[str, Any] | None:
    post_id = state.get("post_id")
    if not isinstance(post_id, int):
        return None
    try:
        post: dict[str, Any] = client.get(f"/wp/v2/posts/{post_id}", {"context": "edit"})
    except PublishError as error:
        if "rest_post_invalid_id" not in str(error):
            raise
        result.notes.append(f"post {post_id} is no longer on the server (deleted there); a new post is made")
        for key in ("post_id", "link", "modified_gmt"):
            state.pop(key, None)
        return None
    if post.get("status") == "trash":
        result.notes.append(f"post {post_id} is in the site's trash; it is updated and taken out of the trash")
    if post.get("modified_gmt") != state.get("modified_gmt") and state.get("sending") and _only_ours_since(client, account, post, state):
        result.notes.append(f"post {post_id} holds an update an interrupted publish sent; it is updated again")
    elif post.get("modified_gmt") != state.get("modified_gmt") and not options.force:
        changes = _server_changes(client, post, state)
        raise PublishConflict(
            [f"post {post_id} was changed on the server at {post.get('modified_gmt')} UTC since this article "
             "was last published; nothing was sent. What changed there:"]
            + [_diff_text(line) for line in changes if line.kind != "same"]
            + ["publish with --force to overwrite it with this article, or copy the changes into the article first"],
            changes=changes,
        )
    return post


def _only_ours_since(client: WordPressClient, account: Account, post: dict[str, Any], state: dict[str, Any]) -> bool:
    """Whether every revision since our last publish was made by this account: a run killed after
    sending its update, before keeping the new ``modified_gmt``, not someone else's edit."""
    try:
        revisions = client.get(f"/wp/v2/posts/{post['id']}/revisions", {"context": "edit", "per_page": 100})
    except PublishError:
        return False
    since = str(state.get("modified_gmt", ""))
    return all(revision.get("author") == account.id for revision in revisions if str(revision.get("date_gmt", "")) > since)


def _server_changes(client: WordPressClient, post: dict[str, Any], state: dict[str, Any]) -> list[DiffLine]:
    """The word diff from the post as last published here to the post now.

    WordPress keeps a revision per update: the one saved at our last
    ``modified_gmt`` is what we sent. Without it (revisions off), compare
    with this article, which is what publishing would put there."""
    before = None
    try:
        revisions = client.get(f"/wp/v2/posts/{post['id']}/revisions", {"context": "edit", "per_page": 100})
        matching = [r for r in revisions if r.get("modified_gmt", "") <= str(state.get("modified_gmt", ""))]
        if matching:
            before = max(matching, key=lambda r: r.get("modified_gmt", ""))
    except PublishError:
        pass
    old = _article_from_post(before) if before else None
    new = _article_from_post(post)
    return text_diff(old or Article(), new)


def _raw(post: dict[str, Any], key: str) -> str:
    value = post.get(key)
    if isinstance(value, dict):
        return str(value.get("raw", value.get("rendered", "")))
    return str(value or "")


_BLOCK_END = re.compile(r"</(?:p|h[1-6]|blockquote|figure|li|div)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def _article_from_post(post: dict[str, Any]) -> Article:
    """A post's title, excerpt and content as an Article, for the word diff."""
    article = Article(title=html.unescape(_raw(post, "title")), lead=_raw(post, "excerpt"))
    for piece in _BLOCK_END.split(_raw(post, "content")):
        text = " ".join(html.unescape(_TAG.sub(" ", piece)).split())
        if text:
            article.blocks.append(ParagraphBlock(text=html.escape(text, quote=False)))
    return article


def _diff_text(line: DiffLine) -> str:
    marks = {"removed": "[-{}-]", "added": "{{+{}+}}", "same": "{}"}
    sign = {"removed": "- ", "added": "+ ", "changed": "~ "}.get(line.kind, "  ")
    return sign + "".join(marks[kind].format(text) for kind, text in line.parts)


def _find_post(client: WordPressClient, account: Account, article: Article) -> dict[str, Any] | None:
    """A post a killed run created: this author's, with this slug and date."""
    posts: list[dict[str, Any]] = client.get("/wp/v2/posts", {"slug": _slug(article), "author": account.id, "status": ANY_STATUS,
                                        "context": "edit", "per_page": 100})
    wanted = _date_gmt(article)
    for post in posts:
        if wanted is None or (post.get("date_gmt") or "").startswith(wanted):
            return post
    return None


def _create_post(client: WordPressClient, account: Account, article: Article, data: dict[str, Any],
                 result: PublishResult) -> dict[str, Any]:
    """Create the post; after a 5xx look for it before trying again (the server may have made it)."""
    for attempt in range(CREATE_TRIES):
        try:
            return cast("dict[str, Any]", client.post("/wp/v2/posts", data, {"context": "edit"}, retry=False))
        except ServerError:
            if attempt == CREATE_TRIES - 1:
                raise
            time.sleep(client.retry_delays[min(attempt, len(client.retry_delays) - 1)] if client.retry_delays else 0)
            found = _find_post(client, account, article)
            if found is not None:
                return cast("dict[str, Any]", client.post(f"/wp/v2/posts/{found['id']}", data, {"context": "edit"}))
    raise AssertionError("unreachable")


def _slug(article: Article) -> str:
    return slug(article.title)


def _date_gmt(article: Article) -> str | None:
    if article.published is None:
        return None
    return article.published.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def _post_data(article: Article, options: PublishOptions, urls: dict[str, str], media_ids: dict[str, int],
               tags: list[int], categories: list[int]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": article.title,
        "content": body_html(article, {block_id: ImageSource(src=url) for block_id, url in urls.items()}),
        "excerpt": article.lead,
        "slug": _slug(article),
        "status": options.status,
        "tags": tags,
    }
    if categories:  # else the post keeps what it has (a new one: the site's default category)
        data["categories"] = categories
    when = _date_gmt(article)
    if when:
        data["date_gmt"] = when
    cover = article.cover_image()
    if cover is not None and cover.id in media_ids:
        data["featured_media"] = media_ids[cover.id]
    elif not article.images():
        data["featured_media"] = 0
    return data


# -- tags ---------------------------------------------------------------------------

def _tag_ids(client: WordPressClient, account: Account, article: Article, result: PublishResult) -> list[int]:
    ids: list[int] = []
    for tag in article.tags:
        if not tag.strip():
            continue
        found = [t for t in client.get("/wp/v2/tags", {"search": tag, "per_page": 100}) if same_name(t["name"], tag)]
        if found:
            ids.append(found[0]["id"])
            continue
        try:
            ids.append(client.post("/wp/v2/tags", {"name": tag})["id"])
        except PublishError as error:
            existing = re.search(r"term_exists", str(error))
            if existing:
                again = [t for t in client.get("/wp/v2/tags", {"search": tag, "per_page": 100}) if same_name(t["name"], tag)]
                if again:
                    ids.append(again[0]["id"])
                    continue
            result.notes.append(f"the tag “{tag}” is not on the site and {account.describe()} may not create it; "
                                "the post was sent without it")
    return ids


# -- photos -------------------------------------------------------------------------

def _caption(block: ImageBlock, article: Article) -> str:
    parts = [block.caption] if block.caption else []
    if block.credit:
        parts.append(html.escape(credit_line(block.credit, labels_for(article.language)["photo_credit"]), quote=False))
    return " ".join(parts)


def _fields(block: ImageBlock, article: Article, name: str) -> dict[str, str]:
    return {"title": name.rsplit(".", 1)[0], "alt_text": block.alt, "caption": _caption(block, article),
            "description": html.escape(block.credit, quote=False)}


def _send_photos(client: WordPressClient, account: Account, article: Article, options: PublishOptions,
                 state: dict[str, Any], save_state: Callable[[dict[str, Any]], None], report: Progress,
                 result: PublishResult, photos: PhotoConversions | None) -> tuple[dict[str, str], dict[str, int]]:
    """Upload each distinct photo once; block id → its URL, and → its media id.

    Each photo goes up as soon as it is converted, while the next ones are converted: on a real
    portal the server's work (its own thumbnails) and ours then overlap. Up to ``UPLOADS_AT_ONCE``
    photos go up together. The record is saved as photos arrive, at most every ``SAVE_EVERY``
    seconds (rewriting a draft full of photos takes a while), after a failure, and with the post;
    a photo that went up unrecorded (a killed run) is found again by the next run, by its name and
    hash."""
    if not options.photos or not article.images():
        return {}, {}
    known = _photos_already_there(client, article, options, state, result, report)
    if known is not None:
        return known
    blocks = {block.id: block for block in article.images()}
    files: dict[str, ExportedFile] = {}  # digest → the file sent
    first_of: dict[str, str] = {}  # digest → the first block showing that photo
    digests: dict[str, str] = {}  # block id → digest
    # A killed run's uploads, to adopt rather than duplicate: listed once, not searched for photo by photo.
    earlier = _media_named_like(client, account, photo_base_name(article))
    converted = photos or photos_for_publishing(article, options.max_size)
    total = result.photos_total = converted.total

    def send(digest: str, already: dict[str, Any] | None) -> tuple[dict[str, Any], bool]:
        """The photo on the server (found, adopted or uploaded), and whether it was uploaded now."""
        file, block = files[digest], blocks[first_of[digest]]
        fields = _fields(block, article, file.file_name)
        media = already or _same_photo(client, earlier, file.file_name, digest)
        if media is None:
            return _upload(client, account, file.file_name, file.data, digest, fields), True
        changed = {key: value for key, value in fields.items() if key != "description" and _raw(media, key) != value}
        if changed:
            media = client.post(f"/wp/v2/media/{media['id']}", changed, {"context": "edit"})
        return media, False

    by_hash: dict[str, dict[str, Any]] = {}
    sending: dict[Future[tuple[dict[str, Any], bool]], str] = {}
    last_save, unsaved = time.monotonic(), False

    def keep(future: Future[tuple[dict[str, Any], bool]]) -> None:
        digest = sending[future]
        media, uploaded = future.result()
        by_hash[digest] = media
        result.uploaded += uploaded
        result.reused += not uploaded
        state["media"][digest] = media["id"]
        state.setdefault("sources", {})[_source_key(blocks[first_of[digest]], options.max_size)] = digest

    def record(future: Future[tuple[dict[str, Any], bool]]) -> None:
        nonlocal last_save, unsaved
        keep(future)
        unsaved = True
        if time.monotonic() - last_save >= SAVE_EVERY and len(by_hash) < total:
            save_state(dict(state))
            last_save, unsaved = time.monotonic(), False
        report("photo", len(by_hash), total)

    def arrived() -> list[Future[tuple[dict[str, Any], bool]]]:
        return [future for future, digest in sending.items() if future.done() and digest not in by_hash]

    pool = ThreadPoolExecutor(max_workers=UPLOADS_AT_ONCE, thread_name_prefix="publish-photo")
    try:
        report("photo", 0, total)
        try:
            with closing(converted):
                for block_ids, file in converted:
                    digest = hashlib.sha256(file.data).hexdigest()
                    digests.update(dict.fromkeys(block_ids, digest))
                    if digest in first_of:  # two edits that give the same bytes: one photo on the server
                        total = result.photos_total = total - 1
                        continue
                    first_of[digest], files[digest] = block_ids[0], file
                    # Known ids are checked here, on this thread: only it touches ``state``.
                    sending[pool.submit(send, digest, _known_media(client, state, digest))] = digest
                    for future in arrived():
                        record(future)
        except ExportError as error:
            raise PublishError(error.problems) from error
        for future in as_completed([future for future, digest in sending.items() if digest not in by_hash]):
            record(future)
    except PublishError:
        # A failure or Cancel: start no other photo, let the ones on their way arrive, and keep what
        # is on the server now, so that the message says it and publishing again finishes the job.
        pool.shutdown(wait=True, cancel_futures=True)
        for future in arrived():
            if not future.cancelled() and future.exception() is None:
                keep(future)
                unsaved = True
        if unsaved:
            save_state(dict(state))
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        converted.close()  # also when Cancel came before the first photo was read
    for block_id, digest in digests.items():
        state["sources"][_source_key(blocks[block_id], options.max_size)] = digest
    urls = {block_id: by_hash[digest]["source_url"] for block_id, digest in digests.items()}
    ids = {block_id: by_hash[digest]["id"] for block_id, digest in digests.items()}
    return urls, ids


def _source_key(block: ImageBlock, max_size: int) -> str:
    """The original photo and what the export does to it: the same key gives the same uploaded photo."""
    assert block.media is not None
    crop = block.crop
    edits = f"{crop.left},{crop.top},{crop.width},{crop.height}" if crop else "-"
    return f"{block.media.sha256}/{block.rotate}/{edits}/{max_size}"


def _photos_already_there(client: WordPressClient, article: Article, options: PublishOptions, state: dict[str, Any],
                          result: PublishResult, report: Progress) -> tuple[dict[str, str], dict[str, int]] | None:
    """When every photo went up before, unchanged, and is still on the server: its URL and id, without
    converting any photo again (what makes publishing again fast). None when a photo must be prepared."""
    sources = state.get("sources")
    sources = sources if isinstance(sources, dict) else {}
    blocks = article.images()
    if any(block.media is None for block in blocks):
        return None
    digests = {block.id: sources.get(_source_key(block, options.max_size)) for block in blocks}
    if not all(digest in state["media"] for digest in digests.values()):
        return None
    found = _known_media_at_once(client, state, {str(digest) for digest in digests.values()})
    if found is None:
        return None
    for block in blocks:
        media = found[str(digests[block.id])]
        changed = {key: value for key, value in (("alt_text", block.alt), ("caption", _caption(block, article)))
                   if _raw(media, key) != value}
        if changed:
            found[str(digests[block.id])] = client.post(f"/wp/v2/media/{media['id']}", changed, {"context": "edit"})
    result.photos_total = result.reused = len(found)
    report("photo", len(found), len(found))
    return ({block.id: found[str(digests[block.id])]["source_url"] for block in blocks},
            {block.id: found[str(digests[block.id])]["id"] for block in blocks})


def photos_already_sent(article: Article, settings: CmsSettings, max_size: int = DEFAULT_MAX_SIZE) -> bool:
    """Whether every photo went up to this site before, as it is now (same original, same edits): the
    checklist read each then, and its one photo error (an undecodable photo) cannot have appeared since."""
    state = _known_state(article, settings)
    blocks = article.images()
    return bool(blocks) and all(
        block.media is not None and state["sources"].get(_source_key(block, max_size)) in state["media"] for block in blocks)


def _known_media_at_once(client: WordPressClient, state: dict[str, Any], digests: set[str]) -> dict[str, dict[str, Any]] | None:
    """The media of these photos, read in one request per hundred; None when one is gone from the server."""
    wanted = {int(state["media"][digest]): digest for digest in digests}
    found: dict[str, dict[str, Any]] = {}
    ids = sorted(wanted)
    for start in range(0, len(ids), PAGE):
        chunk = ids[start:start + PAGE]
        for media in client.get("/wp/v2/media", {"include": ",".join(map(str, chunk)), "per_page": PAGE, "context": "edit"}):
            if media.get("id") in wanted:
                found[wanted[media["id"]]] = media
    return found if len(found) == len(digests) else None


def _known_media(client: WordPressClient, state: dict[str, Any], digest: str) -> dict[str, Any] | None:
    media_id = state["media"].get(digest)
    if media_id is None:
        return None
    try:
        return cast("dict[str, Any]", client.get(f"/wp/v2/media/{media_id}", {"context": "edit"}))
    except PublishError as error:
        if "rest_post_invalid_id" in str(error) or "HTTP 404" in str(error):
            del state["media"][digest]
            return None
        raise


def _find_media(client: WordPressClient, account: Account, name: str, digest: str) -> dict[str, Any] | None:
    """A photo a killed run uploaded: this author's, named like ours, with our bytes."""
    return _same_photo(client, _media_named_like(client, account, name.rpartition(".")[0]), name, digest)


def _media_named_like(client: WordPressClient, account: Account, stem: str) -> list[dict[str, Any]]:
    """This author's media whose title (the file name WordPress gave it) contains ``stem``: one
    request per hundred."""
    found: list[dict[str, Any]] = []
    for page in itertools.count(1):
        listed: list[dict[str, Any]] = client.get("/wp/v2/media", {"search": stem, "author": account.id, "context": "edit",
                                                                   "per_page": PAGE, "page": page})
        found.extend(listed)
        if len(listed) < PAGE:
            return found
    raise AssertionError("unreachable")


def _same_photo(client: WordPressClient, found: list[dict[str, Any]], name: str, digest: str) -> dict[str, Any] | None:
    """Of ``found``, the one named ``name`` (or as WordPress renames a second upload: ``-2``) with our bytes."""
    stem, _, extension = name.rpartition(".")
    same_name = re.compile(rf"^{re.escape(stem)}(?:-\d+)?\.{re.escape(extension)}$")
    for media in found:
        source = str(media.get("source_url", ""))
        if same_name.match(source.rsplit("/", 1)[-1]) and hashlib.sha256(client.download(source)).hexdigest() == digest:
            return media
    return None


def _upload(client: WordPressClient, account: Account, name: str, data: bytes, digest: str,
            fields: dict[str, str]) -> dict[str, Any]:
    mime = _MIME.get(name.rsplit(".", 1)[-1], "application/octet-stream")
    for attempt in range(CREATE_TRIES):
        try:
            return cast("dict[str, Any]", client.upload(name, data, mime, fields, retry=False))
        except ServerError:
            if attempt == CREATE_TRIES - 1:
                raise
            time.sleep(client.retry_delays[min(attempt, len(client.retry_delays) - 1)] if client.retry_delays else 0)
            found = _find_media(client, account, name, digest)
            if found is not None:
                return found
    raise AssertionError("unreachable")
