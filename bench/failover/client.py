#!/usr/bin/env python3
"""client.py HOST PORT LOG: starts a new TCP connection to HOST:PORT every 20 ms, sends an HTTP GET and
logs "<end ms> <start ms> ok <body>" or "<end ms> <start ms> fail <reason>" per attempt (200 ms timeout),
forever (epoch ms), so the bench takes kill->served from the client's own clock. The whole answer is read
(HTTP/1.0: until the server closes), so "ok" always carries the real server's name.

Attempts overlap: one is started every 20 ms whether or not the earlier ones have ended. One after the
other, an attempt begun just before the service came back would hold the next one back for up to its
200 ms timeout, so the figure would carry 0-220 ms of this client's own polling; overlapping, the first
attempt started after the service is back is at most 20 ms late."""
import socket
import sys
import threading
import time

host, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lock = threading.Lock()


def attempt(out):
    started = time.time()
    try:
        with socket.create_connection((host, port), timeout=0.2) as s:
            s.sendall(b"GET / HTTP/1.0\r\nHost: vip\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            body = data.split(b"\r\n\r\n", 1)[-1].strip().decode(errors="replace")
            line = "%d %d ok %s\n" % (time.time() * 1000, started * 1000, body if data else "empty")
    except OSError as e:
        line = "%d %d fail %s\n" % (time.time() * 1000, started * 1000, type(e).__name__)
    with lock:
        out.write(line)


with open(log, "a", buffering=1) as out:
    next_start = time.time()
    while True:
        threading.Thread(target=attempt, args=(out,), daemon=True).start()
        next_start += 0.02
        time.sleep(max(0.0, next_start - time.time()))
