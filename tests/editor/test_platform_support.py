"""The refusal on a Windows older than 10 1809, from faked versions (this
machine is Linux): the window starts on 1809 and later, and before it the
user reads why, in Vietnamese and English, instead of a missing DLL."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from editor.platform_support import too_old_message, windows_build


@pytest.mark.parametrize("version", [(10, 0, 17763), (10, 0, 19045), (10, 0, 22631), (10, 0, 26100)])
def test_windows_10_1809_and_later_and_11_start(version: tuple[int, int, int]) -> None:
    assert too_old_message(version) is None


@pytest.mark.parametrize(("version", "named"), [
    ((10, 0, 17134), "Windows 10.0, build 17134"),  # Windows 10 1803
    ((10, 0, 10240), "Windows 10.0, build 10240"),  # the first Windows 10
    ((6, 3, 9600), "Windows 6.3, build 9600"),  # Windows 8.1
    ((6, 1, 7601), "Windows 6.1, build 7601"),  # Windows 7 SP1
])
def test_older_windows_is_refused_in_plain_words_in_both_languages(version: tuple[int, int, int], named: str) -> None:
    message = too_old_message(version)
    assert message is not None
    assert "Tòa Soạn cần Windows 10 phiên bản 1809 trở lên" in message
    assert "Tòa Soạn needs Windows 10 version 1809 or later" in message
    assert message.count(named) == 2


def test_the_real_version_is_read_where_a_manifest_cannot_hide_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # A program without Windows 10 in its manifest is told "6.2"; platform_version is kernel32.dll's own.
    fake = SimpleNamespace(major=6, minor=2, build=9200, platform_version=(10, 0, 17134))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "getwindowsversion", lambda: fake, raising=False)
    assert windows_build() == (10, 0, 17134)
    assert too_old_message(windows_build()) is not None


def test_other_systems_are_never_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert windows_build() is None and too_old_message(windows_build()) is None
