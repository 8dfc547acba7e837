#!/bin/sh
# scripts/uml/drbd.sh SUBCOMMAND ARGS... -- a DRBD 8.4 resource r0 between the two kernels of a UML pair
# (src/test/java/lvsdirector/it/UmlPair.java: nodea and nodeb on one uml_switch or loopback cable). Runs INSIDE UML as root;
# the kernel must have been booted with UML_DRBD=1 (drbd module loaded). Everything it changes in the
# file system outside DIR is a mount inside this kernel only (hostfs root is shared with the host).
#
#   net N                 eth0 up with 192.168.77.N/24 (1 = nodea, 2 = nodeb)
#   setup DIR [HANDLER]   writes DIR/r0.conf (nodea/nodeb, /dev/drbd0 on a 32 MiB loop image DIR/<host>.img),
#                         binds it over /etc/drbd.conf, create-md, up; HANDLER, when given, is run by DRBD as
#                         its split-brain handler ("HANDLER split-brain")
#   mkfs                  (Primary only) ext4 on /dev/drbd0
#   await REGEX SECONDS   until /proc/drbd matches REGEX (exit 1 and print /proc/drbd on time-out)
#   initial-sync SECONDS  (nodea) once connected, primary --force and the full sync, within SECONDS
#   promote SECONDS       drbdadm primary r0 (never --force), retried every 0.1 s until it succeeds; prints
#                         "START END TRIES" (epoch ms of the first try and of success); exit 1 on time-out
#   mount DIR             mounts /dev/drbd0 on DIR (made if missing); prints "START END" (epoch ms)
#   syslog FILE           a syslog stand-in on /dev/log (this kernel's devtmpfs) appending each message to FILE
set -eu
command=$1; shift

# await REGEX SECONDS: 0 once /proc/drbd matches, else 1 after printing it
await() {
    tries=$(( $2 * 10 ))
    until grep -Eq -- "$1" /proc/drbd; do
        tries=$((tries - 1))
        [ $tries -gt 0 ] || { echo "time-out waiting for /$1/ in /proc/drbd:"; cat /proc/drbd; return 1; }
        sleep 0.1
    done
}

case "$command" in
net)
    ip addr add "192.168.77.$1/24" dev eth0
    ip link set eth0 up
    ;;
setup)
    dir=$1 handler=${2:-}
    mkdir -p "$dir"
    conf="$dir/r0.conf"
    if [ ! -e "$conf" ]; then
        {
            echo 'global { usage-count no; }'
            echo 'common { net { protocol C; } disk { c-plan-ahead 0; resync-rate 100M; } }'
            echo 'resource r0 {'
            echo '  device /dev/drbd0; disk /dev/loop0; meta-disk internal;'
            [ -n "$handler" ] && echo "  handlers { split-brain \"$handler split-brain\"; }"
            echo '  on nodea { address 192.168.77.1:7789; }'
            echo '  on nodeb { address 192.168.77.2:7789; }'
            echo '}'
        } > "$conf.tmp"
        mv "$conf.tmp" "$conf"
    fi
    mount -t tmpfs tmpfs /var/lib/drbd 2>/dev/null || true
    mount --bind "$conf" /etc/drbd.conf
    # loop is a module in the UML kernel; uml-run's /run/modprobe knows where the UML modules are
    [ -e /dev/loop0 ] || /run/modprobe loop
    image="$dir/$(hostname).img"
    rm -f "$image"
    truncate -s 32M "$image"
    losetup /dev/loop0 "$image"
    yes yes | drbdadm create-md r0 > "$dir/$(hostname).create-md.log" 2>&1
    drbdadm up r0
    ;;
mkfs)
    mkfs.ext4 -q -F /dev/drbd0
    ;;
await)
    await "$1" "$2" || exit 1
    ;;
initial-sync)
    # the connection handshake first: forced while it was still going on, a pair once stayed Connected with the
    # peer Inconsistent and nothing syncing (CI); if that happens all the same, the full sync is asked for again
    await 'cs:Connected' 30 || exit 1
    drbdadm primary --force r0
    if ! await 'ds:UpToDate/UpToDate' "$1"; then
        grep -q 'cs:Connected .*ds:UpToDate/Inconsistent' /proc/drbd || exit 1
        echo "no resync started: drbdadm invalidate-remote r0"
        drbdadm invalidate-remote r0
        await 'ds:UpToDate/UpToDate' "$1" || exit 1
    fi
    ;;
promote)
    start=$(( $(date +%s%N) / 1000000 )) tries=0 limit=$(( $1 * 10 ))
    until drbdadm primary r0 2>/dev/null; do
        tries=$((tries + 1))
        [ $tries -lt $limit ] || { echo "drbdadm primary r0 kept failing:"; drbdadm primary r0; cat /proc/drbd; exit 1; }
        sleep 0.1
    done
    echo "$start $(( $(date +%s%N) / 1000000 )) $((tries + 1))"
    ;;
mount)
    mkdir -p "$1"
    start=$(( $(date +%s%N) / 1000000 ))
    mount /dev/drbd0 "$1"
    echo "$start $(( $(date +%s%N) / 1000000 ))"
    ;;
syslog)
    python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/dev/log")
with open(sys.argv[1], "a") as out:
    while True:
        out.write(s.recv(8192).decode(errors="replace").rstrip("\n") + "\n")
        out.flush()
' "$1" > /dev/null 2>&1 &
    i=0
    until [ -S /dev/log ] || [ $i -gt 50 ]; do sleep 0.1; i=$((i + 1)); done
    [ -S /dev/log ]
    ;;
*)
    echo "drbd.sh: unknown subcommand $command" >&2
    exit 2
    ;;
esac
