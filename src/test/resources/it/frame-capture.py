#!/usr/bin/env python3
# frame-capture.py IFACE SECONDS COUNT OUTFILE
# Captures ARP frames and ICMPv6 neighbour advertisements arriving on IFACE (AF_PACKET), one line per frame:
# "<kernel receive time in microseconds> <frame hex>", until COUNT frames, SECONDS, or OUTFILE.stop exists.
# Writes OUTFILE.ready once the socket is bound, so the caller knows that nothing sent afterwards is missed.
import os, socket, struct, sys, time

iface, seconds, count, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
SO_TIMESTAMP = 29
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0003))
s.bind((iface, 0))
s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMP, 1)
open(out + ".ready", "w").close()
deadline = time.monotonic() + seconds
lines = []
while len(lines) < count:
    left = deadline - time.monotonic()
    if left <= 0 or os.path.exists(out + ".stop"):
        break
    s.settimeout(min(left, 0.1))
    try:
        data, anc, flags, addr = s.recvmsg(4096, 64)
    except socket.timeout:
        continue
    if addr[2] == socket.PACKET_OUTGOING:
        continue
    ethertype = struct.unpack("!H", data[12:14])[0]
    is_na = ethertype == 0x86DD and len(data) > 54 and data[20] == 58 and data[54] == 136
    if ethertype != 0x0806 and not is_na:
        continue
    stamp = None
    for level, kind, value in anc:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMP:
            sec, usec = struct.unpack("@ll", value[:16])
            stamp = sec * 1000000 + usec
    if stamp is None:
        stamp = time.time_ns() // 1000
    lines.append("%d %s" % (stamp, data.hex()))
with open(out + ".tmp", "w") as f:
    f.write("".join(l + "\n" for l in lines))
os.rename(out + ".tmp", out)
