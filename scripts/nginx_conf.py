"""Render deploy/nginx.conf, the site's one server block, for production or a local run.

Usage:
  python -m scripts.nginx_conf --root DIR --port N           print the server block (production)
  python -m scripts.nginx_conf --root DIR --port N --run DIR  write a standalone nginx.conf there
                                                              (own pid, logs, temp paths) and
                                                              print its path
The Content-Security-Policy comes from the built site itself (the <meta> the build wrote into
index.html), so the header and the tag are always the same policy.
"""

import os
import re
import socket
import subprocess
import sys
import time

NGINX = "/usr/sbin/nginx"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATE = os.path.join(ROOT, "deploy", "nginx.conf")
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
# One line per request in the local access log: time, the path asked for, status, encoding, bytes.
LOCAL = """load_module {module};
{user}worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 256; }}
http {{
    log_format yibao '$msec $request_uri $status $sent_http_content_encoding $body_bytes_sent';
    access_log {run}/access.log yibao;
    client_body_temp_path {run}/tmp/body;
    proxy_temp_path {run}/tmp/proxy;
    fastcgi_temp_path {run}/tmp/fastcgi;
    uwsgi_temp_path {run}/tmp/uwsgi;
    scgi_temp_path {run}/tmp/scgi;
    include {run}/yibao.conf;
}}
"""


def site_csp(root: str) -> str:
    """The policy the build put in the site's pages (see scripts/finish_site.py)."""
    with open(os.path.join(root, "index.html"), encoding="utf-8") as handle:
        found = META_CSP.search(handle.read())
    if not found:
        raise SystemExit("no Content-Security-Policy <meta> in " + root + "/index.html: build the site first")
    return found.group(1)


def server_block(root: str, port: int) -> str:
    with open(TEMPLATE, encoding="utf-8") as handle:
        text = handle.read()
    root = os.path.abspath(root)
    return text.replace("@PORT@", str(port)).replace("@ROOT@", root).replace("@CSP@", site_csp(root))


def local_user() -> str:
    """Run as root, nginx's workers would drop to nobody and could not read a private checkout
    or temp dir: a local server serves its user's files as that user."""
    return "user root;\n" if os.geteuid() == 0 else ""


def write_local(run: str, root: str, port: int) -> str:
    """A complete nginx.conf for `nginx -p RUN -c RUN/nginx.conf -g 'daemon off;'`."""
    run = os.path.abspath(run)
    os.makedirs(os.path.join(run, "tmp"), exist_ok=True)
    with open(os.path.join(run, "yibao.conf"), "w", encoding="utf-8") as handle:
        handle.write(
            server_block(root, port).replace("listen " + str(port) + ";", "listen 127.0.0.1:" + str(port) + ";")
        )
    path = os.path.join(run, "nginx.conf")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(LOCAL.format(module=BROTLI_MODULE, run=run, user=local_user()))
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(root: str, port: int, run: str) -> subprocess.Popen:
    """nginx in the foreground on 127.0.0.1:port serving root, its pid and logs in run (the
    tests and the benchmark start several; stop one with terminate())."""
    conf = write_local(run, root, port)
    server = subprocess.Popen(
        [NGINX, "-p", run, "-c", conf, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    for _ in range(200):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        if server.poll() is not None:
            raise RuntimeError("nginx did not start: " + server.stderr.read().decode())
        time.sleep(0.05)
    server.terminate()
    raise RuntimeError("nginx did not open port " + str(port))


def main(argv: list) -> int:
    def option(name):
        return argv[argv.index(name) + 1] if name in argv else None

    root, port, run = option("--root"), option("--port"), option("--run")
    if not root or not port:
        sys.stderr.write(__doc__)
        return 2
    print(write_local(run, root, int(port)) if run else server_block(root, int(port)), end="" if not run else "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
