#!/usr/bin/env python3
"""clients.py URL COUNT SOURCE... : COUNT GET requests from each SOURCE address, each on a new connection.

Prints one line per source: "SOURCE NAME NAME ..." with the first body line of each answer (the real
server's name), or FAIL when a request failed or timed out (1 s). One process for all sources, because a
Python start costs seconds in a loaded user-mode-linux kernel.
"""
import http.client
import sys
from urllib.parse import urlsplit

url = urlsplit(sys.argv[1])
count = int(sys.argv[2])
for source in sys.argv[3:]:
    answers = []
    for _ in range(count):
        connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=1, source_address=(source, 0))
        try:
            connection.request("GET", url.path or "/")
            body = connection.getresponse().read().decode(errors="replace").strip()
            answers.append(body.splitlines()[0] if body else "EMPTY")
        except OSError:
            answers.append("FAIL")
        finally:
            connection.close()
    print(source, " ".join(answers), flush=True)
