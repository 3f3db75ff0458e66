"""A real WordPress for the publish tests, from Debian's packages.

``start_wordpress`` starts a private MariaDB (its own data folder and
socket, no network), writes Debian's host config
``/etc/wordpress/config-<HOST>.php`` for a loopback address of its own
(``127.x.y.z``: Debian picks the config by the request's host name, so two
runs at once never share one), installs WordPress with ``wp_install()``
from php-cli, creates one user per role with an application password, and
serves it with ``php -S``. ``stop`` ends exactly the processes it started,
by their id, and removes the host config.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

WORDPRESS_ROOT = Path("/usr/share/wordpress")
CONFIG_FOLDER = Path("/etc/wordpress")
ROLES = ("administrator", "editor", "author", "contributor")
TOOLS = ("mariadb-install-db", "mariadbd", "php")


def missing_tools() -> list[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists()]
    if not (WORDPRESS_ROOT / "wp-load.php").is_file():
        missing.append("wordpress")
    return missing


@dataclass
class WordPress:
    host: str
    port: int
    folder: Path
    passwords: dict[str, str] = field(default_factory=dict)  # role (= login) → application password
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    config: Path | None = None
    start_seconds: float = 0.0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def php(self, code: str) -> str:
        """Run PHP with WordPress loaded, as the server sees it; returns stdout."""
        script = self.folder / "run.php"
        script.write_text(
            "<?php\n"
            f"$_SERVER['HTTP_HOST'] = '{self.host}:{self.port}';\n"
            "$_SERVER['REQUEST_URI'] = '/';\n"
            f"require '{WORDPRESS_ROOT}/wp-load.php';\n"
            f"{code}\n",
            encoding="utf-8",
        )
        done = subprocess.run(["php", str(script)], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"php failed: {done.stdout}\n{done.stderr}")
        return done.stdout

    def php_json(self, code: str) -> object:
        return json.loads(self.php(code).strip().splitlines()[-1])

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)  # the group this fixture made for it
                except (PermissionError, ProcessLookupError):
                    process.send_signal(signal.SIGTERM)
        for process in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()
        if self.config is not None:
            self.config.unlink(missing_ok=True)
            self.config = None


def _free_loopback() -> tuple[str, int]:
    """A 127.x.y.z address no other run's config uses, and a free port on it."""
    for _ in range(100):
        host = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(2, 254)}"
        if (CONFIG_FOLDER / f"config-{host}.php").exists():
            continue
        with socket.socket() as probe:
            probe.bind((host, 0))
            return host, probe.getsockname()[1]
    raise RuntimeError("no free loopback address")


def _wait_for(check, what: str, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not start within {timeout:.0f} s")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        error.close()
        return error.code < 500
    except OSError:
        return False


_ROUTER = """<?php
// php -S has no rewrite rules: serve the uploads from the test's own content folder.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (strpos($path, '/wp-content/uploads/') === 0) {
    $file = '%(content)s' . substr($path, strlen('/wp-content'));
    if (is_file($file) && strpos(realpath($file), '%(content)s/') === 0) {
        header('Content-Type: ' . mime_content_type($file));
        readfile($file);
        return true;
    }
    http_response_code(404);
    return true;
}
return false;
"""

_INSTALL = """
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '%(authority)s';
$_SERVER['REQUEST_URI'] = '/';
require '%(root)s/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Cổng thông tin thử', 'administrator', 'admin@example.test', true, '', wp_generate_password(24), 'vi');
update_option('siteurl', 'http://%(authority)s');
update_option('home', 'http://%(authority)s');
update_option('timezone_string', 'Asia/Ho_Chi_Minh');
$passwords = array();
foreach (array('administrator', 'editor', 'author', 'contributor') as $role) {
    $user = get_user_by('login', $role);
    $id = $user ? $user->ID : wp_insert_user(array('user_login' => $role, 'user_pass' => wp_generate_password(24),
        'user_email' => $role . '@example.test', 'role' => $role));
    if ($user) { $user->set_role($role); }
    list($password, $item) = WP_Application_Passwords::create_new_application_password($id, array('name' => 'toasoan-tests'));
    $passwords[$role] = $password;
}
echo json_encode($passwords), "\\n";
"""


def start_wordpress(folder: Path) -> WordPress:
    began = time.monotonic()
    host, port = _free_loopback()
    wordpress = WordPress(host=host, port=port, folder=folder)
    try:
        _start(wordpress)
    except BaseException:
        wordpress.stop()
        raise
    wordpress.start_seconds = time.monotonic() - began
    return wordpress


def _start(wordpress: WordPress) -> None:
    folder = wordpress.folder
    data, socket_path, content = folder / "db", folder / "db.sock", folder / "wp-content"
    (content / "uploads").mkdir(parents=True)
    as_root = ["--user=root"] if os.geteuid() == 0 else []
    subprocess.run(
        ["mariadb-install-db", "--no-defaults", f"--datadir={data}", "--auth-root-authentication-method=normal",
         "--skip-test-db", *as_root],
        check=True, capture_output=True, timeout=120,
    )
    mariadbd = shutil.which("mariadbd") or "/usr/sbin/mariadbd"
    with open(folder / "mariadbd.log", "wb") as log:  # the child keeps its own copy
        wordpress.processes.append(subprocess.Popen(
            [mariadbd, "--no-defaults", f"--datadir={data}", f"--socket={socket_path}", "--skip-networking",
             f"--pid-file={folder / 'db.pid'}", "--innodb-buffer-pool-size=16M", "--skip-log-bin", *as_root],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        ))
    _wait_for(socket_path.exists, "MariaDB")
    _wait_for(lambda: subprocess.run(
        ["mariadb", f"--socket={socket_path}", "-uroot", "-e", "CREATE DATABASE IF NOT EXISTS wordpress"],
        capture_output=True).returncode == 0, "MariaDB")
    authority = f"{wordpress.host}:{wordpress.port}"
    wordpress.config = CONFIG_FOLDER / f"config-{wordpress.host}.php"
    wordpress.config.write_text(
        "<?php\n"
        "define('DB_NAME', 'wordpress');\n"
        "define('DB_USER', 'root');\n"
        "define('DB_PASSWORD', '');\n"
        f"define('DB_HOST', 'localhost:{socket_path}');\n"
        f"define('WP_CONTENT_DIR', '{content}');\n"
        f"define('WP_CONTENT_URL', 'http://{authority}/wp-content');\n"
        # Without it application passwords need HTTPS.
        "define('WP_ENVIRONMENT_TYPE', 'local');\n"
        "define('DISABLE_WP_CRON', true);\n"
        "define('AUTOMATIC_UPDATER_DISABLED', true);\n"
        "define('WP_HTTP_BLOCK_EXTERNAL', true);\n",
        encoding="utf-8",
    )
    install = folder / "install.php"
    install.write_text("<?php\n" + _INSTALL % {"authority": authority, "root": WORDPRESS_ROOT}, encoding="utf-8")
    done = subprocess.run(["php", str(install)], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"wp_install failed: {done.stdout}\n{done.stderr}")
    wordpress.passwords = json.loads(done.stdout.strip().splitlines()[-1])
    router = folder / "router.php"
    router.write_text(_ROUTER % {"content": content}, encoding="utf-8")
    with open(folder / "php-server.log", "wb") as server_log:
        wordpress.processes.append(subprocess.Popen(
            ["php", "-S", authority, "-t", str(WORDPRESS_ROOT), str(router)],
            stdout=server_log, stderr=subprocess.STDOUT, cwd=WORDPRESS_ROOT,
            env={**os.environ, "PHP_CLI_SERVER_WORKERS": "4"},
            start_new_session=True,  # its workers share its process group, ended with it
        ))
    _wait_for(lambda: _answers(wordpress.url + "/?rest_route=/"), "php -S")


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPress]:
    """One WordPress for the whole run (tests/conftest.py offers it to every test module), started
    when a test first asks for it and stopped whatever the tests did. Each test titles its article
    apart, so its post and photos are its own."""
    missing = missing_tools()
    if missing:
        pytest.fail(f"the publish tests need Debian's {', '.join(missing)} (tasks.py installs them)")
    site = start_wordpress(tmp_path_factory.mktemp("wordpress"))
    try:
        yield site
    finally:
        site.stop()
