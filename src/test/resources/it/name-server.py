#!/usr/bin/env python3
"""name-server.py NAME PORT... : an HTTP server on 0.0.0.0 at each PORT; every GET answers NAME.

The real servers of the director's integration tests (one per network namespace inside UML). Binding the
wildcard address makes it answer on VIPs configured later too (direct routing puts the VIP on lo).
"""
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NAME = sys.argv[1]
BODY = (NAME + "\n").encode()


class NameHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


servers = [Server(("0.0.0.0", int(port)), NameHandler) for port in sys.argv[2:]]
for server in servers[1:]:
    threading.Thread(target=server.serve_forever, daemon=True).start()
print("serving", NAME, "on", " ".join(sys.argv[2:]), flush=True)
servers[0].serve_forever()
