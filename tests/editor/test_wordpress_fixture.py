"""The WordPress the publish tests run against starts for real and stops cleanly."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.editor.wordpress import ROLES, start_wordpress

# It starts a WordPress of its own: timed with the other WordPress tests (`python3 tasks.py test`).
pytestmark = pytest.mark.wordpress


def _me(url: str, login: str, password: str) -> dict:
    token = base64.b64encode(f"{login}:{password}".encode()).decode()
    request = urllib.request.Request(url + "/?rest_route=/wp/v2/users/me&context=edit",
                                     headers={"Authorization": f"Basic {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_wordpress_starts_with_four_roles_and_stops_everything_it_started(tmp_path: Path) -> None:
    site = start_wordpress(tmp_path)
    try:
        assert site.host.startswith("127.") and site.config is not None and site.config.exists()
        for role in ROLES:
            assert _me(site.url, role, site.passwords[role])["roles"] == [role]
        pids = [process.pid for process in site.processes]
        print(f"WordPress started in {site.start_seconds:.1f} s")
    finally:
        site.stop()
    assert not any(_alive(pid) for pid in pids)
    assert not Path(f"/etc/wordpress/config-{site.host}.php").exists()
    leftovers = subprocess.run(["pgrep", "-f", f"php -S {site.host}:{site.port}"], capture_output=True, text=True)
    assert leftovers.stdout.split() == []  # php -S's workers went with it
