#!/usr/bin/env python3
"""timestamp-follow.py FILE OUT : follows FILE (created later is fine) and appends each new line to OUT
prefixed with the epoch milliseconds at which it was read (polled every 10 ms).

A debug-mode director writes bare lines to stderr, as ldirectord -d does; the ITs that bound a detection
time use this to tell a late verdict of the director from a late poll of the table. Runs until killed.
"""
import os
import sys
import time

path, out_path = sys.argv[1], sys.argv[2]
while not os.path.exists(path):
    time.sleep(0.01)
with open(path, "r", errors="replace") as source, open(out_path, "a") as out:
    pending = ""
    while True:
        chunk = source.readline()
        if not chunk:
            time.sleep(0.01)
            continue
        pending += chunk
        if pending.endswith("\n"):
            out.write("%d %s" % (time.time() * 1000, pending))
            out.flush()
            pending = ""
