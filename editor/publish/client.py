"""A small WordPress REST client: the standard library's urllib, with HTTPS
verified through the system's certificate store (``truststore``: offices
run private CAs that only the system store knows).

urllib rather than requests: a dozen calls of one shape, and every failure
has to become a sentence anyway; the only thing missing from the standard
library is the system store, which ``truststore`` adds.

Every failure becomes a ``PublishError`` in plain words. 5xx answers and
dropped connections are retried with backoff; the callers make each write
safe to repeat (see editor/publish/publisher.py).
"""

from __future__ import annotations

import base64
import email.message
import json
import secrets
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from editor.errors import PublishError

API_LINK_REL = "https://api.w.org/"
TIMEOUT = 30.0
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0)  # seconds before each new try after a 5xx
STRIPPED_HEADER_FIX = (
    "the web server removes the Authorization header before WordPress sees it, so every call counts as "
    "not logged in; the site's administrator can fix it: on Apache add "
    "“SetEnvIf Authorization \"(.*)\" HTTP_AUTHORIZATION=$1” (or “CGIPassAuth On”) to the site's configuration, "
    "on nginx with PHP-FPM pass “fastcgi_param HTTP_AUTHORIZATION $http_authorization;”"
)


@dataclass(frozen=True)
class Response:
    status: int
    headers: email.message.Message
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise PublishError(f"the server answered with something that is not WordPress's API (HTTP {self.status}, "
                               f"{self.headers.get('Content-Type', 'no type')})") from None


def ssl_context() -> ssl.SSLContext:
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class _NoRedirectForWrites(urllib.request.HTTPRedirectHandler):
    """A redirected POST would arrive as a GET without its body: refuse it, and say where it went."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if req.get_method() not in ("GET", "HEAD"):
            raise PublishError(f"the server redirects {req.full_url} to {newurl}; set the site address in the profile "
                               "to the address it redirects to")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class WordPressClient:
    def __init__(self, site_url: str, user: str, password: str, *, timeout: float = TIMEOUT,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS, sleep: Callable[[float], None] = time.sleep) -> None:
        self.site_url = site_url.rstrip("/") + "/"
        self.user = user
        token = base64.b64encode(f"{user}:{password.replace(' ', '')}".encode()).decode("ascii")
        self._authorization = f"Basic {token}"
        self.timeout = timeout
        self.retry_delays = retry_delays
        self._sleep = sleep
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=ssl_context()), _NoRedirectForWrites())
        self.api_root: str | None = None
        self.index: dict[str, Any] = {}

    # -- finding the API ------------------------------------------------------------
    def discover(self) -> str:
        """The REST API's root, from the home page's ``Link`` header, else
        ``/wp-json/``, else ``?rest_route=/`` (no pretty permalinks)."""
        # HEAD: WordPress sends the Link header and skips rendering the theme's page for it.
        home = self._send("HEAD", self.site_url, authorized=False, accept_error=True)
        # Only an API on the site's own origin: the password is never sent to another server.
        candidates = [link for link in _links(home.headers) if link[1] == API_LINK_REL and _same_origin(link[0], self.site_url)]
        roots = [url for url, _ in candidates] + [self.site_url + "wp-json/", self.site_url + "index.php?rest_route=/"]
        for root in roots:
            answer = self._send("GET", root, authorized=False, accept_error=True)
            if answer.status == 200:
                try:
                    index = json.loads(answer.body)
                except (UnicodeDecodeError, json.JSONDecodeError):
                    continue
                if isinstance(index, dict) and "routes" in index:
                    self.api_root, self.index = root, index
                    return root
        raise PublishError(f"{self.site_url} does not look like a WordPress site: it offers no REST API "
                           "(no api.w.org link, no /wp-json/); check the site address in the profile")

    def application_passwords_available(self) -> bool:
        return "application-passwords" in (self.index.get("authentication") or {})

    def url(self, route: str, params: dict[str, Any] | None = None) -> str:
        if self.api_root is None:
            self.discover()
        assert self.api_root is not None
        query = urllib.parse.urlencode(params or {}, doseq=True)
        if "rest_route=" in self.api_root:
            url = self.api_root + urllib.parse.quote(route.lstrip("/"), safe="/")
            return url + ("&" + query if query else "")
        return self.api_root + route.lstrip("/") + ("?" + query if query else "")

    # -- calls ----------------------------------------------------------------------
    def get(self, route: str, params: dict[str, Any] | None = None) -> Any:
        return self.call("GET", route, params=params).json()

    def post(self, route: str, data: dict[str, Any], params: dict[str, Any] | None = None, *, retry: bool = True) -> Any:
        """``retry=False`` for a create: the caller looks for what a failed try made before trying again."""
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        return self.call("POST", route, params=params, body=body, retry=retry,
                         headers={"Content-Type": "application/json; charset=utf-8"}).json()

    def upload(self, name: str, data: bytes, mime: str, fields: dict[str, str], *, retry: bool = True) -> Any:
        """``POST /wp/v2/media``: the file and its fields in one request, so
        a photo never exists on the server without its alt text."""
        boundary = "toasoan-" + secrets.token_hex(16)
        parts: list[bytes] = []
        for key, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode()
                         + value.encode("utf-8") + b"\r\n")
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                     f"Content-Type: {mime}\r\n\r\n".encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.call("POST", "/wp/v2/media", body=b"".join(parts),
                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
                         what=f"the photo {name}", retry=retry).json()

    def download(self, url: str) -> bytes:
        return self._send("GET", url, authorized=False).body

    def call(self, method: str, route: str, *, params: dict[str, Any] | None = None, body: bytes | None = None,
             headers: dict[str, str] | None = None, what: str = "", retry: bool = True) -> Response:
        url = self.url(route, params)
        delays = list(self.retry_delays) if retry else []
        while True:
            try:
                answer = self._send(method, url, body=body, headers=headers, accept_error=True)
            except _Retryable as failure:
                if not delays:
                    raise ServerError(str(failure)) from None
                self._sleep(delays.pop(0))
                continue
            if answer.status >= 500 and delays:
                self._sleep(delays.pop(0))
                continue
            if answer.status >= 400:
                raise self._explain(answer, route, what)
            return answer

    def _send(self, method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None,
              authorized: bool = True, accept_error: bool = False) -> Response:
        request = urllib.request.Request(url, data=body, method=method, headers={
            "Accept": "application/json", "User-Agent": "ToaSoan", **(headers or {})})
        if authorized:
            request.add_header("Authorization", self._authorization)
        host = urllib.parse.urlsplit(url).netloc
        try:
            with self._opener.open(request, timeout=self.timeout) as reply:
                return Response(reply.status, reply.headers, reply.read())
        except urllib.error.HTTPError as error:
            with error:
                answer = Response(error.code, error.headers, error.read())
            if accept_error:
                return answer
            raise self._explain(answer, url, "") from None
        except TimeoutError:
            raise PublishError(f"{host} did not answer within {self.timeout:.0f} s (timeout); the server or the network "
                               "is too slow or down; try again later") from None
        except urllib.error.URLError as error:
            raise _network_error(error.reason, host) from None
        except (ConnectionError, OSError) as error:
            if isinstance(error, ssl.SSLCertVerificationError):
                raise _network_error(error, host) from None
            raise _Retryable(f"the connection to {host} broke off ({error}); nothing more was sent") from None

    def _explain(self, answer: Response, route: str, what: str) -> PublishError:
        try:
            data = json.loads(answer.body)
        except (UnicodeDecodeError, json.JSONDecodeError):
            data = {}
        code = data.get("code", "") if isinstance(data, dict) else ""
        message = data.get("message", "") if isinstance(data, dict) else ""
        subject = what or route
        if answer.status == 401 and code in ("incorrect_password", "invalid_username", "invalid_email"):
            return PublishError(f"WordPress refused the user name or the application password for “{self.user}” "
                                f"({code}); create a new application password in the user's profile on the site")
        if answer.status == 401 and code == "rest_not_logged_in":
            if not self.application_passwords_available():
                return PublishError("application passwords are disabled on this site (WordPress 5.6 or later turns "
                                    "them on for HTTPS sites; a plugin or setting may turn them off); ask the site's "
                                    "administrator to enable them")
            # The login was sent and WordPress saw none. WordPress 6.1 answers a wrong application
            # password the same way as a missing header (newer ones say incorrect_password, above).
            return PublishError(f"WordPress did not log “{self.user}” in: either the application password is wrong "
                                "(create a new one in the user's profile on the site), or " + STRIPPED_HEADER_FIX)
        if answer.status == 401 and code == "application_passwords_disabled":
            return PublishError("application passwords are disabled on this site; ask the site's administrator to enable them")
        if answer.status in (401, 403):
            return PublishError(f"WordPress does not let “{self.user}” do this ({subject}): {message or code}")
        if answer.status == 413:
            return PublishError(f"{subject} is larger than the server accepts (HTTP 413, request entity too large); export "
                                "photos smaller (--max-size) or ask the site's administrator to raise the upload limit")
        if answer.status >= 500:
            return ServerError(f"the server failed on {subject} (HTTP {answer.status}) {len(self.retry_delays) + 1} "
                                f"times in a row; try again later{': ' + message if message else ''}")
        return PublishError(f"WordPress refused {subject} (HTTP {answer.status}{', ' + code if code else ''})"
                            f"{': ' + message if message else ''}")


class ServerError(PublishError):
    """A 5xx answer or a dropped connection: the server may or may not have done the work."""


class _Retryable(Exception):
    """A dropped connection: worth another try."""


def _network_error(reason: object, host: str) -> PublishError:
    if isinstance(reason, ssl.SSLCertVerificationError):
        return PublishError(f"the certificate of {host} is not trusted by this computer ({reason.verify_message}); "
                            "if the office uses its own certificate authority, install it in the system's "
                            "certificate store; never publish through an untrusted connection")
    if isinstance(reason, socket.gaierror):
        return PublishError(f"cannot find the server {host}: no network, or the site address in the profile is wrong")
    if isinstance(reason, ConnectionRefusedError):
        return PublishError(f"the server {host} does not answer (connection refused): it is down, or the address "
                            "or port in the profile is wrong")
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return PublishError(f"{host} did not answer in time (timeout); the server or the network is down or too slow")
    if isinstance(reason, OSError) and reason.errno in (101, 113, 65, 51):  # network / host unreachable
        return PublishError(f"the server {host} cannot be reached: no network, or it is down")
    return PublishError(f"cannot connect to {host}: {reason}")


def _same_origin(a: str, b: str) -> bool:
    first, second = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    return (first.scheme, first.hostname, first.port) == (second.scheme, second.hostname, second.port)


def _links(headers: email.message.Message) -> list[tuple[str, str]]:
    """``(url, rel)`` of each entry of the ``Link`` headers."""
    found = []
    for header in headers.get_all("Link") or []:
        for entry in header.split(","):
            url, _, rest = entry.partition(";")
            rel = ""
            for parameter in rest.split(";"):
                key, _, value = parameter.strip().partition("=")
                if key == "rel":
                    rel = value.strip('"')
            found.append((url.strip().strip("<>"), rel))
    return found
