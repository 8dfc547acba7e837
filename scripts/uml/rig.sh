#!/bin/sh
# scripts/uml/rig.sh SUBCOMMAND ARGS... -- network namespaces and real servers for the director's ITs.
# Runs INSIDE user-mode-linux as root (commands handed to scripts/uml/agent.sh). The UML root namespace
# is the L2 switch and IP router; everything lives in namespaces the rig makes itself.
#
#   traffic-topology     client, director and rs1..rs3 (see below), real servers started on port 80
#   backend-topology     only the back bridge with rs1..rs3 (ports 80 and 8080), for directors added later
#   director-ns NS ADDR  a director namespace plugged into the back bridge with ADDR/24
#   server-start N       (re)start rsN's HTTP server (answers "rsN")        server-kill N   SIGKILL it
#   server-stop N        SIGSTOP it (hangs: checks must time out)            server-cont N  SIGCONT it
#   fallback-start       a server answering "fallback" on port 80 in the director namespace
#   now                  milliseconds since the epoch (the UML clock is the host's)
#   await-line NS SERVICE PRESENT|ABSENT REGEX SECONDS
#                        polls `ipvsadm -L -n SERVICE` (e.g. SERVICE "-t 10.0.1.100:80") in NS until a
#                        line matches (or none does); prints the epoch milliseconds when it happened;
#                        exit 1 on time-out
#
# traffic-topology:
#   client   eth0 10.0.1.10/24 + 10.0.1.11/24 -- brF 10.0.1.254 -- director eth0 10.0.1.1/24 (+ NAT VIPs)
#   rsN      eth0 10.0.2.1N/24, VIP 10.0.2.101/32 on lo -- brB 10.0.2.254 -- director eth1 10.0.2.1/24
#   rsN routes via the director (NAT replies must pass it), except replies sourced from the direct
#   routing VIP, which a policy rule sends to the router (the director would drop its own address).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
resources=$(cd "$here/../../src/test/resources/it" && pwd)
state=${RIG_STATE:-/run/rig}
mkdir -p "$state"

now() { echo $(( $(date +%s%N) / 1000000 )); }

plug() { # NS IFNAME BRIDGE ADDR...
    ns=$1 ifname=$2 bridge=$3; shift 3
    ip link add "$ns-$ifname" type veth peer name "new-$ns"
    ip link set "new-$ns" netns "$ns"
    ip -n "$ns" link set "new-$ns" name "$ifname"
    for address in "$@"; do ip -n "$ns" addr add "$address" dev "$ifname"; done
    ip -n "$ns" link set "$ifname" up
    ip link set "$ns-$ifname" master "$bridge" up
}

namespace() { ip netns add "$1"; ip -n "$1" link set lo up; }

bridge() { # NAME ADDR
    ip link add "$1" type bridge
    ip addr add "$2" dev "$1"
    ip link set "$1" up
}

real_servers() { # PORT...
    for i in 1 2 3; do
        namespace "rs$i"
        plug "rs$i" eth0 brB "10.0.2.1$i/24"
        ip netns exec "rs$i" sysctl -qw net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2 \
            net.ipv4.conf.eth0.arp_ignore=1 net.ipv4.conf.eth0.arp_announce=2
        echo "$*" > "$state/rs$i.ports"
        server_start "$i"
    done
    for i in 1 2 3; do await_server "$i"; done
}

server_start() {
    ip netns exec "rs$1" python3 "$resources/name-server.py" "rs$1" $(cat "$state/rs$1.ports") \
        > "$state/rs$1.log" 2>&1 &
    echo $! > "$state/rs$1.pid"
}

await_server() { # N: until rsN's server has bound its ports
    tries=0
    until grep -q serving "$state/rs$1.log" 2>/dev/null; do
        tries=$((tries + 1))
        [ $tries -le 150 ] || { echo "rs$1 never started:"; cat "$state/rs$1.log"; exit 1; }
        sleep 0.1
    done
}

signal_server() { kill "-$1" "$(cat "$state/rs$2.pid")"; }

traffic_topology() {
    sysctl -qw net.ipv4.ip_forward=1
    bridge brF 10.0.1.254/24
    bridge brB 10.0.2.254/24
    namespace client
    namespace director
    plug client eth0 brF 10.0.1.10/24 10.0.1.11/24
    plug director eth0 brF 10.0.1.1/24 10.0.1.100/24 10.0.1.103/24
    plug director eth1 brB 10.0.2.1/24 10.0.2.101/24
    ip -n client route add default via 10.0.1.254
    ip -n director route add default via 10.0.1.254
    ip netns exec director sysctl -qw net.ipv4.ip_forward=1
    real_servers 80
    for i in 1 2 3; do
        ip -n "rs$i" addr add 10.0.2.101/32 dev lo
        ip -n "rs$i" route add default via 10.0.2.1
        ip -n "rs$i" rule add from 10.0.2.101 lookup 100
        ip -n "rs$i" route add default via 10.0.2.254 table 100
    done
}

await_line() { # NS SERVICE PRESENT|ABSENT REGEX SECONDS
    deadline=$(( $(now) + $5 * 1000 ))
    while :; do
        # shellcheck disable=SC2086
        if ip netns exec "$1" ipvsadm -L -n $2 2>&1 | grep -Eq -- "$4"; then found=PRESENT; else found=ABSENT; fi
        [ "$found" = "$3" ] && { now; return 0; }
        [ "$(now)" -lt "$deadline" ] || { echo "time-out"; ip netns exec "$1" ipvsadm -L -n; return 1; }
        sleep 0.05
    done
}

command=$1; shift
case $command in
    traffic-topology) traffic_topology ;;
    backend-topology) sysctl -qw net.ipv4.ip_forward=1; bridge brB 10.0.2.254/24; real_servers 80 8080 ;;
    director-ns) namespace "$1"; plug "$1" eth0 brB "$2/24" ;;
    server-start) server_start "$1"; await_server "$1"; now ;;
    server-kill) signal_server KILL "$1"; now ;;
    server-stop) signal_server STOP "$1"; now ;;
    server-cont) signal_server CONT "$1"; now ;;
    fallback-start)
        ip netns exec director python3 "$resources/name-server.py" fallback 80 > "$state/fallback.log" 2>&1 &
        ;;
    now) now ;;
    await-line) await_line "$@" ;;
    *) echo "rig.sh: unknown subcommand $command" >&2; exit 2 ;;
esac
