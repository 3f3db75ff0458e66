"""Where publishing goes and with which password: only this computer's
profile or --site, never a draft's own site; https except on loopback; the
password from the keyring or TOASOAN_CMS_PASSWORD, never from a file."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest

from editor.draft import save_draft
from editor.errors import PublishError
from editor.model import Article, SiteProfile
from editor.publish.settings import KEYRING_SERVICE, CmsSettings, cms_password, cms_settings, store_password
from tests.helpers import MemoryKeyring


def profile(**cms: str) -> SiteProfile:
    return SiteProfile(name="Cổng", extra={"cms": {"kind": "wordpress", **cms}})


def test_the_cms_comes_from_the_given_profile_over_this_computers_and_this_computers_user_wins() -> None:
    saved = profile(url="https://portal.example.vn", user="bientap")
    shared = profile(url="https://portal.example.vn/", user="someone-else")
    assert cms_settings(shared, saved, environ={}) == CmsSettings("wordpress", "https://portal.example.vn/", "bientap")
    assert cms_settings(shared, None, environ={}).user == "someone-else"
    assert cms_settings(shared, saved, environ={"TOASOAN_CMS_USER": "duyet"}).user == "duyet"


def test_a_drafts_own_site_never_chooses_where_the_password_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.inputs import load_article
    from editor.publish.command import publish_draft
    from editor.publish.publisher import PublishOptions
    from tests.helpers import EXAMPLE_DIR

    monkeypatch.setattr("editor.site.saved_profile_path", lambda: tmp_path / "none.json")
    monkeypatch.setenv("TOASOAN_CMS_PASSWORD", "secret")
    article = load_article(EXAMPLE_DIR)
    article.site = SiteProfile(extra={"cms": {"kind": "wordpress", "url": "https://evil.example/", "user": "x"}})
    path = tmp_path / "bai.article"
    save_draft(article, path)
    with pytest.raises(PublishError, match="no CMS is set up"):  # nothing is sent to evil.example
        publish_draft(path, None, PublishOptions())


def test_plain_http_is_refused_except_on_a_loopback_address() -> None:
    with pytest.raises(PublishError, match="plain http"):
        cms_settings(profile(url="http://portal.example.vn", user="a"), None, environ={})
    assert cms_settings(profile(url="http://127.4.5.6:8080", user="a"), None, environ={}).url == "http://127.4.5.6:8080/"
    with pytest.raises(PublishError, match="not supported"):
        cms_settings(SiteProfile(extra={"cms": {"kind": "joomla", "url": "https://a.vn", "user": "a"}}), None, environ={})
    with pytest.raises(PublishError, match="no CMS user name"):
        cms_settings(profile(url="https://a.vn"), None, environ={})


def test_the_password_is_kept_in_the_keyring_under_the_user_and_site_and_the_variable_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    memory = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        settings = CmsSettings("wordpress", "https://portal.example.vn/", "bientap")
        with pytest.raises(PublishError, match="no application password is stored for bientap@https://portal.example.vn/"):
            cms_password(settings, environ={})
        store_password(settings, "abcd efgh ijkl mnop qrst uvwx")
        assert memory.entries == {(KEYRING_SERVICE, "bientap@https://portal.example.vn/"): "abcd efgh ijkl mnop qrst uvwx"}
        assert cms_password(settings, environ={}) == "abcd efgh ijkl mnop qrst uvwx"
        assert cms_password(settings, environ={"TOASOAN_CMS_PASSWORD": "from-script"}) == "from-script"
    finally:
        keyring.set_keyring(previous)


def test_the_password_is_never_written_into_the_draft(tmp_path: Path) -> None:
    article = Article(title="Bài", extra={"publish": {"cms": "https://a.vn/", "post_id": 3, "media": {}}})
    path = tmp_path / "bai.article"
    save_draft(article, path)
    import zipfile

    with zipfile.ZipFile(path) as archive:
        data = json.loads(archive.read("article.json"))
    assert data["publish"] == {"cms": "https://a.vn/", "post_id": 3, "media": {}}
    assert "password" not in json.dumps(data)


def test_checklist_errors_stop_the_publish_with_exit_code_1_before_anything_else(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from editor.inputs import load_article
    from tests.helpers import EXAMPLE_DIR, ROOT

    article = load_article(EXAMPLE_DIR)
    article.author = ""
    article.url = ""  # no address yet: the portal gives it, so this alone would not stop publishing
    path = tmp_path / "bai.article"
    save_draft(article, path)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "publish", str(path)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 1, result.stderr  # with no CMS set up, getting further would have exited 2
    assert "Bài viết chưa có tên tác giả" in result.stderr and "not published" in result.stderr
    assert "url-missing" not in result.stderr


def test_scheduling_an_article_dated_in_the_past_is_refused_before_anything_is_sent() -> None:
    from editor.inputs import load_article
    from editor.publish.publisher import PublishOptions, publish
    from tests.helpers import EXAMPLE_DIR

    article = load_article(EXAMPLE_DIR)  # dated 1 November 2023
    settings = CmsSettings("wordpress", "http://127.0.0.1:9/", "a")
    with pytest.raises(PublishError, match="a scheduled post needs a date in the future"):
        publish(article, settings, "x", PublishOptions(status="future"), lambda state: None)
