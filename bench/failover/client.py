#!/usr/bin/env python3
"""client.py HOST PORT LOG: opens a new TCP connection to HOST:PORT every 20 ms, sends an HTTP GET and
logs "<end ms> <start ms> ok <body>" or "<end ms> <start ms> fail <reason>" per attempt (200 ms timeout),
forever (epoch ms), so the bench takes kill->served from the client's own clock. The whole answer is read
(HTTP/1.0: until the server closes), so "ok" always carries the real server's name."""
import socket
import sys
import time

host, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(log, "a", buffering=1) as out:
    while True:
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
                out.write("%d %d ok %s\n" % (time.time() * 1000, started * 1000, body if data else "empty"))
        except OSError as e:
            out.write("%d %d fail %s\n" % (time.time() * 1000, started * 1000, type(e).__name__))
        time.sleep(max(0.0, 0.02 - (time.time() - started)))
