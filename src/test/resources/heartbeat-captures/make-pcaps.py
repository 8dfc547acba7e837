#!/usr/bin/env python3
"""Rebuilds classic libpcap files from the capture.txt dumps beside this script.

capture.txt keeps every frame's addresses, ports, IP TTL and the UDP payload in hex, but not the raw
frames; this script re-frames them (Ethernet or Linux cooked, IPv4, UDP with checksum) so the decoder
tool can be tested on real pcap input. ARP frames are rebuilt too (the reader must skip them);
frames logged only as "ethertype=... len=..." are left out. Run: python3 make-pcaps.py
"""
import re, struct, sys, os

HDR = re.compile(r'^\[\s*([\d.]+)\] (\d\d):(\d\d):(\d\d)\.(\d+) (UDP|ARP) (.*)$')

def mac(s): return bytes(int(x, 16) for x in s.split(':'))
def ip4(s): return bytes(int(x) for x in s.split('.'))

def csum(data):
    if len(data) % 2: data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def udp_ip(src, sport, dst, dport, ttl, payload, ident):
    udp_len = 8 + len(payload)
    pseudo = ip4(src) + ip4(dst) + struct.pack('!BBH', 0, 17, udp_len)
    udp = struct.pack('!HHHH', sport, dport, udp_len, 0) + payload
    c = csum(pseudo + udp) or 0xffff
    udp = udp[:6] + struct.pack('!H', c) + udp[8:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + udp_len, ident, 0x4000, ttl, 17, 0, ip4(src), ip4(dst))
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    return ip + udp

def frames(path):
    lines = open(path, encoding='ascii').read().splitlines()
    ident = 1
    for i, line in enumerate(lines):
        m = HDR.match(line)
        if not m: continue
        h, mi, s, frac = int(m[2]), int(m[3]), int(m[4]), m[5]
        secs = 1764000000 + h * 3600 + mi * 60 + s
        usec = int((frac + '000000')[:6])
        rest = m[7]
        if m[6] == 'UDP':
            u = re.match(r'([\d.]+):(\d+) > ([\d.]+):(\d+) eth (\S+) > (\S+) ipttl=(\d+) payload_len=(\d+)', rest)
            j = i + 1
            while not lines[j].strip().startswith('HEX '): j += 1
            payload = bytes.fromhex(lines[j].strip()[4:])
            assert len(payload) == int(u[8]), (path, i)
            ip = udp_ip(u[1], int(u[2]), u[3], int(u[4]), int(u[7]), payload, ident)
            ident += 1
            yield secs, usec, mac(u[5]), mac(u[6]), 0x0800, ip
        else:
            a = re.match(r'eth (\S+) > (\S+) op=(\w+) sha=(\S+) spa=(\S+) tha=(\S+) tpa=(\S+)', rest)
            op = 1 if a[3] == 'request' else 2
            arp = struct.pack('!HHBBH6s4s6s4s', 1, 0x0800, 6, 4, op, mac(a[4]), ip4(a[5]), mac(a[6]), ip4(a[7]))
            yield secs, usec, mac(a[1]), mac(a[2]), 0x0806, arp

def write(out, path, linktype):
    with open(out, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, linktype))
        for secs, usec, src, dst, etype, l3 in frames(path):
            if linktype == 1:
                frame = dst + src + struct.pack('!H', etype) + l3
            else:  # LINKTYPE_LINUX_SLL: packet type, ARPHRD_ETHER, address length, address, protocol
                ptype = 1 if dst == b'\xff' * 6 else 0
                frame = struct.pack('!HHH', ptype, 1, 6) + src + b'\0\0' + struct.pack('!H', etype) + l3
            f.write(struct.pack('<IIII', secs, usec, len(frame), len(frame)) + frame)

here = os.path.dirname(os.path.abspath(__file__))
for run in ('main-sha1-bcast', 'md5-ucast', 'smoke-sha1'):
    write(os.path.join(here, run, 'capture.pcap'), os.path.join(here, run, 'capture.txt'), 1)
write(os.path.join(here, 'md5-ucast', 'capture-sll.pcap'), os.path.join(here, 'md5-ucast', 'capture.txt'), 113)
