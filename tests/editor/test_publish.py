"""Publishing to a real WordPress (tests/editor/wordpress.py), checked
through its REST API after each run: what arrived, that publishing again
changes nothing, that a killed run never duplicates, that an edit on the
server is never overwritten silently, and that a contributor is stopped
before anything is sent."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from editor.draft import load_draft, save_draft
from editor.inputs import load_article
from editor.media import MemoryMedia
from editor.model import Article, ImageBlock, ParagraphBlock
from editor.text import slug
from tests.editor.wordpress import WordPress  # the `wordpress` fixture: one WordPress per run (tests/conftest.py)
from tests.helpers import EXAMPLE_DIR, ROOT


def rest(site: WordPress, route: str, params: dict[str, Any] | None = None, *, role: str = "administrator",
         data: dict[str, Any] | None = None) -> Any:
    query = urllib.parse.urlencode({"rest_route": route, **(params or {})})
    token = base64.b64encode(f"{role}:{site.passwords[role]}".encode()).decode()
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(f"{site.url}/index.php?{query}", data=body, method="POST" if body else "GET",
                                     headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def site_profile(site: WordPress, tmp_path: Path, user: str) -> Path:
    path = tmp_path / f"site-{user}.json"
    path.write_text(json.dumps({"name": "Cổng thử", "cms": {"kind": "wordpress", "url": site.url, "user": user}}))
    return path


def run_publish(site: WordPress, draft: Path, *args: str, role: str = "editor", tmp_path: Path,
                timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "publish", str(draft), "--site", str(site_profile(site, tmp_path, role)), *args],
        capture_output=True, text=True, timeout=timeout, env=publish_env(site, role, tmp_path),
    )


def publish_env(site: WordPress, role: str, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "TOASOAN_CMS_PASSWORD": site.passwords[role], "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "PYTHONPATH": str(ROOT)}


def example_draft(tmp_path: Path, title_prefix: str, small_photos: bool = False) -> tuple[Path, Article]:
    """The example article (3 photos) as a draft, titled apart so each test has its own post and photo names."""
    article = load_article(EXAMPLE_DIR)
    article.title = f"{title_prefix} {article.title}"
    # Without the example's section: a post is then filed under the site's default category, which
    # every role may use (test_publish_categories.py gives sections of its own).
    article.section = ""
    if small_photos:  # for the runs killed again and again: the upload, not the photo conversion, is what is tested
        for number, block in enumerate(article.images()):
            buffer = io.BytesIO()
            Image.new("RGB", (64, 48), (40 * number, 90, 200)).save(buffer, "JPEG")
            block.media = MemoryMedia(buffer.getvalue(), f"small-{number}.jpg")
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "bai.article"
    save_draft(article, path)
    return path, load_draft(path)


def media_named(site: WordPress, article: Article) -> list[dict[str, Any]]:
    stem = slug(article.title, max_length=60)
    found = rest(site, "/wp/v2/media", {"search": stem, "per_page": 100, "context": "edit"})
    return [m for m in found if m["source_url"].rsplit("/", 1)[-1].startswith(stem)]


def posts_with_slug(site: WordPress, article: Article) -> list[dict[str, Any]]:
    return rest(site, "/wp/v2/posts", {"slug": slug(article.title), "status": "draft,pending,publish,future,private",
                                       "context": "edit", "per_page": 100})


def published_line(result: subprocess.CompletedProcess[str]) -> tuple[int, str]:
    assert result.returncode == 0, result.stderr
    line = [text for text in result.stdout.splitlines() if text.startswith("published: ")][-1]
    _, post_id, link = line.split(" ")
    return int(post_id), link


def test_the_example_arrives_as_typed_and_publishing_again_changes_nothing(wordpress: WordPress, tmp_path: Path) -> None:
    draft, article = example_draft(tmp_path, "Gửi duyệt:")
    result = run_publish(wordpress, draft, "--status", "pending", tmp_path=tmp_path)
    post_id, link = published_line(result)
    post = rest(wordpress, f"/wp/v2/posts/{post_id}", {"context": "edit"})
    assert post["title"]["raw"] == article.title and unicodedata.is_normalized("NFC", post["title"]["raw"])
    assert post["excerpt"]["raw"] == article.lead
    assert post["status"] == "pending" and post["slug"] == slug(article.title)
    assert post["date_gmt"] == "2023-11-01T09:20:00"  # 16:20 in Hà Nội, +07:00, as typed
    assert link == post["link"]
    tags = {rest(wordpress, f"/wp/v2/tags/{tag}")["name"] for tag in post["tags"]}
    assert tags == set(article.tags)
    content = post["content"]["raw"]
    first_paragraph = next(b for b in article.blocks if b.type == "paragraph")
    assert first_paragraph.text in content and unicodedata.is_normalized("NFC", content)
    media = media_named(wordpress, article)
    assert len(media) == 3
    by_alt = {m["alt_text"]: m for m in media}
    for block in article.images():
        uploaded = by_alt[block.alt]
        assert uploaded["source_url"] in content  # the body refers to the uploaded photo
        assert block.caption in uploaded["caption"]["raw"]
        assert block.credit in uploaded["caption"]["raw"]
        assert uploaded["mime_type"] == "image/jpeg" and uploaded["source_url"].isascii()
    cover = article.cover_image()
    assert cover is not None and post["featured_media"] == by_alt[cover.alt]["id"]
    kept = load_draft(draft).extra["publish"]
    assert kept["post_id"] == post_id and kept["modified_gmt"] == post["modified_gmt"]
    assert sorted(kept["media"].values()) == sorted(m["id"] for m in media)
    for digest, media_id in kept["media"].items():  # keyed by the sha256 of the bytes on the server
        uploaded = next(m for m in media if m["id"] == media_id)
        assert hashlib.sha256(urllib.request.urlopen(uploaded["source_url"]).read()).hexdigest() == digest

    started = time.monotonic()
    again = run_publish(wordpress, draft, "--status", "pending", tmp_path=tmp_path)
    seconds = time.monotonic() - started
    assert published_line(again) == (post_id, link)
    print(f"second publish, nothing changed: {seconds:.1f} s (whole command, Python's start included)")
    assert sorted(m["id"] for m in media_named(wordpress, article)) == sorted(m["id"] for m in media)
    assert [p["id"] for p in posts_with_slug(wordpress, article)] == [post_id]


def test_publishing_again_converts_no_photo_and_sends_only_a_changed_alt_text(
        wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.publish.publisher import PublishOptions, publish
    from editor.publish.settings import CmsSettings

    draft, _ = example_draft(tmp_path, "Không đổi gì:", small_photos=True)
    post_id, _ = published_line(run_publish(wordpress, draft, tmp_path=tmp_path))
    article = load_draft(draft)
    article.images()[1].alt = "Mô tả mới của ảnh thứ hai"

    def no_conversion(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photo was converted again")

    monkeypatch.setattr("editor.publish.publisher.photos_for_publishing", no_conversion)
    states: list[dict[str, Any]] = []
    started = time.monotonic()
    result = publish(article, CmsSettings("wordpress", wordpress.url + "/", "editor"), wordpress.passwords["editor"],
                     PublishOptions(), states.append)
    print(f"publishing again, in process: {time.monotonic() - started:.2f} s")
    assert (result.post_id, result.uploaded, result.reused) == (post_id, 0, 3)
    assert "Mô tả mới của ảnh thứ hai" in {m["alt_text"] for m in media_named(wordpress, article)}
    assert len(media_named(wordpress, article)) == 3


def test_an_edit_on_the_server_stops_the_publish_and_force_overwrites_it(wordpress: WordPress, tmp_path: Path) -> None:
    draft, article = example_draft(tmp_path, "Sửa trên web:", small_photos=True)
    post_id, _ = published_line(run_publish(wordpress, draft, tmp_path=tmp_path))
    rest(wordpress, f"/wp/v2/posts/{post_id}", data={"title": article.title + " — biên tập viên đã sửa"})
    time.sleep(1.1)  # modified_gmt counts seconds

    refused = run_publish(wordpress, draft, tmp_path=tmp_path)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert f"post {post_id} was changed on the server" in refused.stderr
    assert "biên tập viên đã sửa" in refused.stderr  # the word diff shows what the editor added
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert rest(wordpress, f"/wp/v2/posts/{post_id}", {"context": "edit"})["title"]["raw"].endswith("biên tập viên đã sửa")

    forced = run_publish(wordpress, draft, "--force", tmp_path=tmp_path)
    assert published_line(forced)[0] == post_id
    assert rest(wordpress, f"/wp/v2/posts/{post_id}", {"context": "edit"})["title"]["raw"] == article.title
    assert len(media_named(wordpress, article)) == 3


def _post_lines(site: WordPress) -> int:
    return _log_lines(site, "]: POST ")


def _log_lines(site: WordPress, *parts: str) -> int:
    """Requests php -S logged whose line holds every one of ``parts``."""
    log = (site.folder / "php-server.log").read_text(errors="replace")
    return sum(1 for line in log.splitlines() if all(part in line for part in parts))


def test_a_contributor_is_refused_before_anything_is_sent_and_may_submit_the_text(wordpress: WordPress, tmp_path: Path) -> None:
    draft, article = example_draft(tmp_path, "Cộng tác viên:", small_photos=True)
    writes_before = _post_lines(wordpress)
    refused = run_publish(wordpress, draft, "--status", "pending", role="contributor", tmp_path=tmp_path)
    assert refused.returncode == 2
    assert "may not upload photos" in refused.stderr and "--no-photos" in refused.stderr and "--package" in refused.stderr
    assert _post_lines(wordpress) == writes_before  # nothing was sent
    assert posts_with_slug(wordpress, article) == [] and media_named(wordpress, article) == []
    assert "publish" not in load_draft(draft).extra

    may_not_publish = run_publish(wordpress, draft, "--status", "publish", "--no-photos", role="contributor", tmp_path=tmp_path)
    assert may_not_publish.returncode == 2 and "may not publish" in may_not_publish.stderr

    text_only = run_publish(wordpress, draft, "--status", "pending", "--no-photos", role="contributor", tmp_path=tmp_path)
    post_id, _ = published_line(text_only)
    post = rest(wordpress, f"/wp/v2/posts/{post_id}", {"context": "edit"})
    assert post["status"] == "pending" and post["featured_media"] == 0 and media_named(wordpress, article) == []


KILLS = 12


def test_a_publisher_killed_at_random_moments_never_duplicates_the_post_or_a_photo(wordpress: WordPress, tmp_path: Path) -> None:
    draft, article = example_draft(tmp_path, "Bị ngắt giữa chừng:", small_photos=True)
    command = [sys.executable, str(ROOT / "main.py"), "publish", str(draft), "--site",
               str(site_profile(wordpress, tmp_path, "editor")), "--status", "pending"]
    env = publish_env(wordpress, "editor", tmp_path)
    started = time.monotonic()
    whole = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)  # how long a full run takes here
    full_run = time.monotonic() - started
    assert whole.returncode == 0, whole.stderr
    # Now another article from nothing, killed again and again at random moments of such a run.
    rng = random.Random(15)
    killed = 0
    draft2, article2 = example_draft(tmp_path / "killed", "Ngắt ngẫu nhiên:", small_photos=True)
    command[3] = str(draft2)
    for _ in range(KILLS):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.3, full_run * 0.8))  # a run that resumes is shorter than a full one
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        child.wait()
    final = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    post_id, _ = published_line(final)
    assert [p["id"] for p in posts_with_slug(wordpress, article2)] == [post_id]
    media = media_named(wordpress, article2)
    assert len(media) == 3, [m["source_url"] for m in media]
    post = rest(wordpress, f"/wp/v2/posts/{post_id}", {"context": "edit"})
    assert all(m["source_url"] in post["content"]["raw"] for m in media)
    assert load_draft(draft2).extra["publish"]["post_id"] == post_id
    assert killed >= KILLS // 3, f"only {killed} runs were killed before they ended; the moments missed the run"


def test_the_password_comes_from_the_systems_secret_service_keyring(wordpress: WordPress, tmp_path: Path) -> None:
    """The real keyring path: a D-Bus session with gnome-keyring unlocked, the password stored by the app, then the
    command run with no TOASOAN_CMS_PASSWORD."""
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        assert shutil.which(tool), f"{tool} is missing (tasks.py installs it)"
    draft, article = example_draft(tmp_path, "Mật khẩu trong keyring:", small_photos=True)
    article.url = ""  # published, the post's link becomes the article's address
    save_draft(article, draft)
    site = site_profile(wordpress, tmp_path, "author")
    env = {k: v for k, v in publish_env(wordpress, "author", tmp_path).items() if k != "TOASOAN_CMS_PASSWORD"}
    env["TOASOAN_TEST_PASSWORD"] = wordpress.passwords["author"]
    env["XDG_DATA_HOME"] = str(tmp_path / "data")  # a keyring of its own, created and unlocked here
    store = ("from editor.publish.settings import CmsSettings, store_password; import os; "
             f"store_password(CmsSettings('wordpress', {wordpress.url + '/'!r}, 'author'), os.environ['TOASOAN_TEST_PASSWORD']); "
             "import keyring; print(type(keyring.get_keyring()).__module__)")
    script = (f"echo -n unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
              f"{shlex.quote(sys.executable)} -c {shlex.quote(store)} && unset TOASOAN_TEST_PASSWORD && "
              f"{shlex.quote(sys.executable)} {shlex.quote(str(ROOT / 'main.py'))} publish {shlex.quote(str(draft))} "
              f"--site {shlex.quote(str(site))} --status publish")
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], capture_output=True, text=True, env=env,
                            timeout=180)
    assert "keyring.backends.SecretService" in result.stdout, result.stdout + result.stderr
    post_id, link = published_line(result)
    post = rest(wordpress, f"/wp/v2/posts/{post_id}", {"context": "edit"})
    assert post["author"] == rest(wordpress, "/wp/v2/users/me", role="author")["id"] and post["status"] == "publish"
    assert load_draft(draft).url == link == post["link"]


def test_the_review_state_follows_the_post_waiting_for_review_then_published(wordpress: WordPress, tmp_path: Path) -> None:
    """#16's states: sent for review is chờ duyệt, published is đã đăng, each a step of the history."""
    draft, article = example_draft(tmp_path, "Trạng thái duyệt:", small_photos=True)
    assert article.review.state == "draft"
    post_id, _ = published_line(run_publish(wordpress, draft, "--status", "pending", tmp_path=tmp_path))
    review = load_draft(draft).review
    editor_name = rest(wordpress, "/wp/v2/users/me", role="editor")["name"]
    assert review.state == "review" and [e.state for e in review.history] == ["review"]
    assert review.history[-1].by == editor_name and str(post_id) in review.history[-1].comment

    again, _ = published_line(run_publish(wordpress, draft, "--status", "publish", tmp_path=tmp_path))
    review = load_draft(draft).review
    assert again == post_id and rest(wordpress, f"/wp/v2/posts/{post_id}")["status"] == "publish"
    assert review.state == "published" and [e.state for e in review.history] == ["review", "published"]

    published_line(run_publish(wordpress, draft, "--status", "publish", tmp_path=tmp_path))
    assert len(load_draft(draft).review.history) == 2  # publishing an update again is no new step


def many_photos_draft(tmp_path: Path, title: str, photos: int, size: tuple[int, int] = (640, 480)) -> tuple[Path, Article]:
    """An article of ``photos`` distinct photos, each with its own caption, alt text and credit."""
    article = load_article(EXAMPLE_DIR)
    article.title = title
    paragraphs = [b for b in article.blocks if isinstance(b, ParagraphBlock)]
    article.blocks = []
    rng = random.Random(photos)
    for number in range(photos):
        buffer = io.BytesIO()
        noise = Image.effect_noise(size, 40).convert("RGB")
        Image.blend(Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256))), noise, 0.3).save(
            buffer, "JPEG", quality=85)
        article.blocks.append(ImageBlock(src=f"anh-{number + 1}.jpg", media=MemoryMedia(buffer.getvalue(), f"anh-{number + 1}.jpg"),
                                         caption=f"Ảnh {number + 1}: Quận ủy Lê Chân", alt=f"Ảnh số {number + 1} của buổi họp",
                                         credit="Hoàng Tùng", cover=number == 4))
        article.blocks.append(ParagraphBlock(text=paragraphs[number % len(paragraphs)].text))
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "hai-muoi-anh.article"
    save_draft(article, path)
    return path, load_draft(path)


def test_twenty_photos_go_up_once_each_and_publishing_again_uploads_none(
        wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.publish.command import publish_draft
    from editor.publish.publisher import PublishOptions

    draft, article = many_photos_draft(tmp_path, "Hai mươi ảnh: Hội nghị Ban Chấp hành Đảng bộ quận", 20)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("TOASOAN_CMS_PASSWORD", wordpress.passwords["editor"])
    site = site_profile(wordpress, tmp_path, "editor")
    searches = _log_lines(wordpress, "]: GET ", "/wp/v2/media&search=")
    first = publish_draft(draft, site, PublishOptions(status="pending")).result
    assert first is not None and (first.uploaded, first.reused, first.photos_total) == (20, 0, 20)
    # A killed run's photos are looked for in one request, not one per photo (each costs the server a start).
    assert _log_lines(wordpress, "]: GET ", "/wp/v2/media&search=") - searches == 1
    post = rest(wordpress, f"/wp/v2/posts/{first.post_id}", {"context": "edit"})
    media = media_named(wordpress, article)
    assert len(media) == 20 and post["status"] == "pending"
    by_alt = {m["alt_text"]: m for m in media}
    for block in article.images():
        uploaded = by_alt[block.alt]
        assert uploaded["source_url"] in post["content"]["raw"] and block.caption in uploaded["caption"]["raw"]
        assert unicodedata.is_normalized("NFC", uploaded["caption"]["raw"])
    assert post["featured_media"] == by_alt["Ảnh số 5 của buổi họp"]["id"]  # the photo marked as cover
    assert len(load_draft(draft).extra["publish"]["media"]) == 20

    saved, writes_before = draft.read_bytes(), _post_lines(wordpress)
    from editor import photo_facts

    def no_decoding(*args: object, **kwargs: object) -> None:
        raise AssertionError("the checklist decoded a photo that is on the portal as it is")

    photo_facts.forget_all()  # as in a new process: nothing read yet
    monkeypatch.setattr("editor.images.verify_decodes", no_decoding)
    monkeypatch.setattr("editor.publish.publisher.photos_for_publishing", no_decoding)
    monkeypatch.setattr("editor.publish.command.photos_for_publishing", no_decoding)
    again = publish_draft(draft, site, PublishOptions(status="pending")).result
    assert again is not None and (again.post_id, again.uploaded, again.reused) == (first.post_id, 0, 20)
    assert _post_lines(wordpress) == writes_before  # nothing changed: nothing sent, not even the post
    assert draft.read_bytes() == saved  # and the draft, full of photos, is not rewritten
    assert sorted(m["id"] for m in media_named(wordpress, article)) == sorted(m["id"] for m in media)
    assert [p["id"] for p in posts_with_slug(wordpress, article)] == [first.post_id]


def test_the_first_photo_goes_up_while_the_last_is_still_being_converted(
        wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a real portal the server's work on a photo (its thumbnails) overlaps ours on the next:
    the last photo's conversion here waits until a photo has gone up, which it never would if the
    uploads started only after every conversion (the test then fails, it does not hang)."""
    import threading

    from editor import export
    from editor.publish import publisher
    from editor.publish.publisher import PublishOptions, publish
    from editor.publish.settings import CmsSettings

    _, article = example_draft(tmp_path, "Vừa chuyển vừa gửi:", small_photos=True)
    last = article.images()[-1].src
    uploaded = threading.Event()
    waited: list[bool] = []
    convert, upload = export.prepare_variants, publisher._upload

    def convert_last_after_an_upload(data: bytes, label: str, *args: Any, **kwargs: Any) -> Any:
        if f"({last})" in label:
            waited.append(uploaded.wait(timeout=30))
        return convert(data, label, *args, **kwargs)

    def noting_upload(*args: Any, **kwargs: Any) -> Any:
        media = upload(*args, **kwargs)
        uploaded.set()
        return media

    monkeypatch.setattr(export, "prepare_variants", convert_last_after_an_upload)
    monkeypatch.setattr(publisher, "_upload", noting_upload)
    result = publish(article, CmsSettings("wordpress", wordpress.url + "/", "editor"), wordpress.passwords["editor"],
                     PublishOptions(), lambda state: None)
    assert waited == [True]  # a photo was on the server before the last one was converted
    assert result.uploaded == 3
    assert sorted(m["alt_text"] for m in media_named(wordpress, article)) == sorted(b.alt for b in article.images())


def test_the_photos_are_converted_while_the_checklist_runs_and_a_checklist_error_sends_nothing(
        wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checklist reads every photo, and so does the conversion: they run side by side on the
    cores. Here the checklist waits until a photo conversion has begun, which it never would if the
    conversions started after it (the test then fails, it does not hang). Each photo is converted
    in one size: the CMS makes its own smaller ones."""
    import threading

    from editor import export
    from editor.publish import command
    from editor.publish.command import publish_draft
    from editor.publish.publisher import PublishOptions

    converting = threading.Event()
    sizes: list[bool] = []
    waited: list[bool] = []
    convert, check = export.prepare_variants, command.check_article

    def noting_conversion(data: bytes, label: str, *args: Any, **kwargs: Any) -> Any:
        converting.set()
        sizes.append(kwargs.get("second_size", True))
        return convert(data, label, *args, **kwargs)

    def checklist_after_a_conversion_began(*args: Any, **kwargs: Any) -> Any:
        waited.append(converting.wait(timeout=30))
        return check(*args, **kwargs)

    monkeypatch.setattr(export, "prepare_variants", noting_conversion)
    monkeypatch.setattr(command, "check_article", checklist_after_a_conversion_began)
    monkeypatch.setenv("TOASOAN_CMS_PASSWORD", wordpress.passwords["editor"])
    site = site_profile(wordpress, tmp_path, "editor")
    draft, article = example_draft(tmp_path / "ok", "Chuyển ảnh trong lúc kiểm tra:", small_photos=True)
    result = publish_draft(draft, site, PublishOptions()).result
    assert waited == [True] and result is not None and result.uploaded == 3
    assert sizes == [False, False, False]  # one size each, not the export's two

    broken, article = example_draft(tmp_path / "broken", "Kiểm tra có lỗi:", small_photos=True)
    article.author = ""  # a checklist error
    save_draft(article, broken)
    converting.clear()
    outcome = publish_draft(broken, site, PublishOptions())
    assert outcome.result is None and any(finding.id == "author-missing" for finding in outcome.findings)
    assert media_named(wordpress, article) == [] and posts_with_slug(wordpress, article) == []
