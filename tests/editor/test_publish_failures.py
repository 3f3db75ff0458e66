"""Each way publishing fails, against the real test WordPress (behind a
small proxy where the failure is the web server's): a plain sentence, exit
code 2 on the command line, what is on the server now, and never a
duplicate when the server failed after doing the work."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from editor.errors import PublishError
from editor.model import Article
from editor.publish.client import WordPressClient
from editor.publish.publisher import PublishOptions, publish
from editor.publish.settings import CmsSettings
from tests.editor.proxy import Proxy, self_signed_certificate
from tests.editor.test_publish import example_draft, media_named, posts_with_slug, published_line, run_publish
from tests.editor.wordpress import WordPress  # the `wordpress` fixture: one WordPress per run (tests/conftest.py)

FAST = (0.05, 0.1, 0.2, 0.4)


def publish_in_process(url: str, site: WordPress, article: Article, role: str = "editor", **client_options: Any) -> tuple[Any, list[dict[str, Any]]]:
    settings = CmsSettings("wordpress", url.rstrip("/") + "/", role)
    client = WordPressClient(settings.url, role, site.passwords[role], **{"retry_delays": FAST, **client_options})
    states: list[dict[str, Any]] = []
    result = publish(article, settings, site.passwords[role], PublishOptions(status="pending"), states.append, client=client)
    return result, states


@pytest.fixture
def proxies() -> Iterator[list[Proxy]]:
    started: list[Proxy] = []
    yield started
    for proxy in started:
        proxy.stop()


def start(proxies: list[Proxy], proxy: Proxy) -> Proxy:
    proxies.append(proxy.start())
    return proxy


def test_a_server_that_does_not_answer_or_cannot_be_found_is_said_so(wordpress: WordPress, tmp_path: Path) -> None:
    _, article = example_draft(tmp_path, "Không kết nối:", small_photos=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    with pytest.raises(PublishError, match=r"does not answer \(connection refused\)"):
        publish_in_process(f"http://127.0.0.1:{closed}", wordpress, article)
    with pytest.raises(PublishError, match="cannot find the server no-such-portal.invalid: no network"):
        publish_in_process("https://no-such-portal.invalid", wordpress, article)


def test_a_server_that_stops_answering_times_out_in_plain_words(wordpress: WordPress, tmp_path: Path, proxies: list[Proxy]) -> None:
    _, article = example_draft(tmp_path, "Quá giờ:", small_photos=True)
    proxy = start(proxies, Proxy(wordpress.url, rule=lambda method, path: ("hang", 0) if "users/me" in path else None))
    began = time.monotonic()
    with pytest.raises(PublishError, match=r"did not answer within 1 s \(timeout\)"):
        publish_in_process(proxy.url, wordpress, article, timeout=1.0)
    assert time.monotonic() - began < 10


def test_a_wrong_password_is_refused_with_exit_code_2(wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft, article = example_draft(tmp_path, "Sai mật khẩu:", small_photos=True)
    monkeypatch.setitem(wordpress.passwords, "wrong", "abcd efgh ijkl mnop qrst uvwx")
    result = run_publish(wordpress, draft, role="wrong", tmp_path=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    # WordPress 6.1 (Debian 12) says "rest_not_logged_in" for a wrong password, as for a stripped header: both are named.
    assert "did not log “wrong” in: either the application password is wrong" in result.stderr
    assert "on the server now: nothing" in result.stderr


def test_application_passwords_disabled_on_the_site_are_explained(wordpress: WordPress, tmp_path: Path) -> None:
    draft, _ = example_draft(tmp_path, "Tắt mật khẩu ứng dụng:", small_photos=True)
    plugins = wordpress.folder / "wp-content" / "mu-plugins"
    plugins.mkdir(exist_ok=True)
    switch = plugins / "no-application-passwords.php"
    switch.write_text("<?php add_filter('wp_is_application_passwords_available', '__return_false');\n")
    try:
        result = run_publish(wordpress, draft, tmp_path=tmp_path)
    finally:
        switch.unlink()
    assert result.returncode == 2
    assert "application passwords are disabled on this site" in result.stderr


def test_a_web_server_that_strips_the_authorization_header_is_detected_and_the_fix_named(
        wordpress: WordPress, tmp_path: Path, proxies: list[Proxy]) -> None:
    draft, _ = example_draft(tmp_path, "Mất header:", small_photos=True)
    proxy = start(proxies, Proxy(wordpress.url, strip_authorization=True))
    result = run_publish(_through(wordpress, proxy), draft, tmp_path=tmp_path)
    assert result.returncode == 2, result.stdout
    assert "removes the Authorization header" in result.stderr and "SetEnvIf Authorization" in result.stderr
    assert not any(method == "POST" for method, _, _ in proxy.seen)


def _through(site: WordPress, proxy: Proxy) -> WordPress:
    """The same WordPress as the command line will see it: at the proxy's address."""
    host, port = proxy.url.rsplit("//", 1)[1].rsplit(":", 1)
    seen = WordPress(host=host, port=int(port), folder=site.folder, passwords=site.passwords)
    if proxy.certificate:
        seen.__class__ = _HttpsWordPress
    return seen


class _HttpsWordPress(WordPress):
    @property
    def url(self) -> str:
        return f"https://{self.host}:{self.port}"


def test_https_through_a_self_signed_certificate_is_refused_until_the_system_trusts_it(
        wordpress: WordPress, tmp_path: Path, proxies: list[Proxy], monkeypatch: pytest.MonkeyPatch) -> None:
    draft, article = example_draft(tmp_path, "Chứng chỉ riêng:", small_photos=True)
    certificate = self_signed_certificate(tmp_path, "127.0.0.1")
    proxy = start(proxies, Proxy(wordpress.url, certificate=certificate))
    seen = _through(wordpress, proxy)
    untrusted = run_publish(seen, draft, tmp_path=tmp_path)
    assert untrusted.returncode == 2
    assert "is not trusted by this computer" in untrusted.stderr and "certificate store" in untrusted.stderr
    assert posts_with_slug(wordpress, article) == []

    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))  # what installing the office CA does for OpenSSL
    trusted = run_publish(seen, draft, tmp_path=tmp_path)
    post_id, link = published_line(trusted)
    assert link.startswith(proxy.url) and [p["id"] for p in posts_with_slug(wordpress, article)] == [post_id]


def test_a_photo_too_large_for_the_server_names_the_photo_and_what_is_on_the_server(
        wordpress: WordPress, tmp_path: Path, proxies: list[Proxy]) -> None:
    _, article = example_draft(tmp_path, "Ảnh quá lớn:", small_photos=True)
    uploads = iter(range(100))
    proxy = start(proxies, Proxy(wordpress.url, rule=lambda method, path: (
        ("fail", 413) if method == "POST" and path.endswith("/wp/v2/media") and next(uploads) >= 1 else None)))
    with pytest.raises(PublishError) as raised:
        publish_in_process(proxy.url, wordpress, article)
    text = str(raised.value)
    # Photos go up three at once: the one the server refused first is named, whichever it is.
    assert re.search(r"the photo \S+-[123]\.jpg is larger than the server accepts \(HTTP 413", text), text
    assert "on the server now: 1 of 3 photos, no post yet" in text
    result, _ = publish_in_process(wordpress.url, wordpress, article)  # publishing again finishes the job
    assert (result.uploaded, result.reused) == (2, 1)  # the photo that went up is found again, not sent twice
    assert len(media_named(wordpress, article)) == 3


def test_server_errors_are_retried_and_a_failure_after_the_work_was_done_never_duplicates(
        wordpress: WordPress, tmp_path: Path, proxies: list[Proxy]) -> None:
    _, article = example_draft(tmp_path, "Lỗi máy chủ:", small_photos=True)
    failures = {"media": 2, "post": 1, "read": 2}

    def rule(method: str, path: str) -> tuple[str, int] | None:
        kind = "media" if path.endswith("/wp/v2/media") and method == "POST" else (
            "post" if path.endswith("/wp/v2/posts&context=edit") and method == "POST" else (
                "read" if method == "GET" and "users/me" in path else None))
        if kind and failures[kind] > 0:
            failures[kind] -= 1
            return ("fail-after", 500) if method == "POST" else ("fail", 503)
        return None

    proxy = start(proxies, Proxy(wordpress.url, rule=rule))
    result, states = publish_in_process(proxy.url, wordpress, article)
    assert failures == {"media": 0, "post": 0, "read": 0}
    assert sum(1 for _, _, status in proxy.seen if status >= 500) == 5
    assert [p["id"] for p in posts_with_slug(wordpress, article)] == [result.post_id]
    assert len(media_named(wordpress, article)) == 3
    assert states[-1]["post_id"] == result.post_id and len(states[-1]["media"]) == 3

    always = start(proxies, Proxy(wordpress.url, rule=lambda method, path: ("fail", 503) if "users/me" in path else None))
    with pytest.raises(PublishError, match=r"the server failed on /wp/v2/users/me \(HTTP 503\) 5 times in a row"):
        publish_in_process(always.url, wordpress, article)
