#!/usr/bin/env python3
"""http-client.py URL COUNT [SOURCE_ADDRESS] : COUNT GET requests, each on a new connection.

Prints one line per request: the body's first line (the real server's name), or FAIL when the request
failed or timed out (1 s). SOURCE_ADDRESS binds the client side (a second client address).
"""
import http.client
import sys
from urllib.parse import urlsplit

url = urlsplit(sys.argv[1])
count = int(sys.argv[2])
source = (sys.argv[3], 0) if len(sys.argv) > 3 else None
for _ in range(count):
    connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=1, source_address=source)
    try:
        connection.request("GET", url.path or "/")
        body = connection.getresponse().read().decode(errors="replace").strip()
        print(body.splitlines()[0] if body else "EMPTY")
    except OSError:
        print("FAIL")
    finally:
        connection.close()
    sys.stdout.flush()
