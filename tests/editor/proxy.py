"""A small reverse proxy in front of the test WordPress, to make the
failures real servers make: a web server that strips ``Authorization``,
HTTPS with a self-signed certificate, 413 for big uploads, 5xx answers
(even after the work was done), a server that never answers.

Like a real reverse proxy (Apache's ProxyPassReverse) it rewrites the
upstream's address in what comes back, so links point at the proxy."""

from __future__ import annotations

import http.client
import http.server
import ssl
import subprocess
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# (method, path with query) → what to do: None (forward), ("fail", status) before forwarding,
# ("fail-after", status) after forwarding (the server did the work), ("hang", 0) never answer.
Rule = Callable[[str, str], "tuple[str, int] | None"]


@dataclass
class Proxy:
    upstream: str  # http://127.x.y.z:port
    strip_authorization: bool = False
    rule: Rule | None = None
    certificate: tuple[Path, Path] | None = None  # (cert, key): serve HTTPS
    seen: list[tuple[str, str, int]] = field(default_factory=list)  # (method, path, status sent)
    _server: http.server.ThreadingHTTPServer | None = None
    _release: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"{'https' if self.certificate else 'http'}://{host}:{port}"

    def start(self, host: str = "127.0.0.1") -> Proxy:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def setup(self) -> None:
                # The TLS handshake in this connection's own thread, as real servers do it: in the
                # accepting thread, one client slow to say hello would hold up every other one.
                if isinstance(self.request, ssl.SSLSocket):
                    try:
                        self.request.do_handshake()
                    except (ssl.SSLError, OSError):
                        self.request.close()
                        raise
                super().setup()

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                action = proxy.rule(self.command, self.path) if proxy.rule else None
                if action and action[0] == "hang":
                    proxy._release.wait(60)
                    return
                if action and action[0] == "fail":
                    self._reply(action[1], {"Content-Type": "text/html"}, b"<h1>error</h1>")
                    return
                upstream = urllib.parse.urlsplit(proxy.upstream)
                connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                if proxy.strip_authorization:
                    headers = {k: v for k, v in headers.items() if k.lower() != "authorization"}
                headers["Host"] = upstream.netloc
                connection.request(self.command, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                data = answer.read()
                connection.close()
                if action and action[0] == "fail-after":
                    self._reply(action[1], {"Content-Type": "text/html"}, b"<h1>gateway error</h1>")
                    return
                public = proxy.url.encode()
                data = data.replace(proxy.upstream.encode(), public).replace(
                    proxy.upstream.replace("/", "\\/").encode(), public.replace(b"/", b"\\/"))
                out = {k: v.replace(proxy.upstream, proxy.url) for k, v in answer.getheaders()
                       if k.lower() not in ("content-length", "connection", "transfer-encoding")}
                self._reply(answer.status, out, data, answer.msg.get_all("Link") or [])

            def _reply(self, status: int, headers: dict[str, str], data: bytes, links: list[str] = ()) -> None:  # type: ignore[assignment]
                proxy.seen.append((self.command, self.path, status))
                self.send_response(status)
                for key, value in headers.items():
                    if key.lower() != "link":
                        self.send_header(key, value)
                for link in links:
                    self.send_header("Link", link.replace(proxy.upstream, proxy.url))
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self._server = http.server.ThreadingHTTPServer((host, 0), Handler)
        self._server.daemon_threads = True
        if self.certificate:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*map(str, self.certificate))
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True,
                                                      do_handshake_on_connect=False)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


def self_signed_certificate(folder: Path, host: str) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={host}",
                    "-addext", f"subjectAltName=IP:{host}", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key
