#!/usr/bin/env python3
"""client.py HOST PORT LOG: starts a new TCP connection to HOST:PORT every 20 ms, sends an HTTP GET and
logs "<end ms> <start ms> ok <body>" or "<end ms> <start ms> fail <reason>" per attempt (200 ms timeout),
forever (epoch ms), so the bench takes kill->served from the client's own clock. The whole answer is read
(HTTP/1.0: until the server closes), so "ok" always carries the real server's name.

Attempts overlap: one is started every 20 ms whether or not the earlier ones have ended. One after the
other, an attempt begun just before the service came back would hold the next one back for up to its
200 ms timeout, so the figure would carry 0-220 ms of this client's own polling; overlapping, the first
attempt started after the service is back is at most 20 ms late. One thread and non-blocking sockets: a
thread per attempt costs a clone each in the one-CPU kernel the bench runs in."""
import errno
import selectors
import socket
import sys
import time

host, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
PERIOD, TIMEOUT = 0.02, 0.2
REQUEST = b"GET / HTTP/1.0\r\nHost: vip\r\n\r\n"
selector = selectors.DefaultSelector()


class Attempt:
    def __init__(self):
        self.started = time.time()
        self.data = b""
        self.sent = False
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        code = self.sock.connect_ex((host, port))
        if code not in (0, errno.EINPROGRESS):
            self.sock.close()
            raise OSError(code, "connect")
        selector.register(self.sock, selectors.EVENT_WRITE, self)

    def ready(self, out):
        if not self.sent:
            code = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code:
                return self.end(out, "fail " + errno.errorcode.get(code, str(code)))
            self.sock.sendall(REQUEST)
            self.sent = True
            selector.modify(self.sock, selectors.EVENT_READ, self)
            return None
        chunk = self.sock.recv(4096)
        if chunk:
            self.data += chunk
            return None
        body = self.data.split(b"\r\n\r\n", 1)[-1].strip().decode(errors="replace")
        return self.end(out, "ok " + (body if self.data else "empty"))

    def end(self, out, outcome):
        selector.unregister(self.sock)
        self.sock.close()
        out.write("%d %d %s\n" % (time.time() * 1000, self.started * 1000, outcome))
        return True


with open(log, "a", buffering=1) as out:
    next_start = time.time()
    while True:
        now = time.time()
        if now >= next_start:
            try:
                Attempt()
            except OSError as e:
                out.write("%d %d fail %s\n" % (now * 1000, now * 1000, type(e).__name__))
            # after a stall, one attempt and on: no burst of attempts started in the same millisecond
            next_start = max(next_start + PERIOD, now)
        for key, _ in selector.select(timeout=max(0.0, next_start - time.time())):
            attempt = key.data
            try:
                attempt.ready(out)
            except OSError as e:
                attempt.end(out, "fail " + type(e).__name__)
        now = time.time()
        for attempt in [key.data for key in selector.get_map().values() if now - key.data.started >= TIMEOUT]:
            attempt.end(out, "fail TimeoutError")
