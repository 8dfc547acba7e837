#!/bin/bash
# scripts/uml/failover.sh SUBCOMMAND ARGS... -- one director node of DrbdFailoverIT (two UML kernels of
# src/test/java/lvsdirector/it/UmlPair.java). Runs INSIDE UML as root. The director, heartbeat and the sync
# daemons live in the root namespace; clients and NAT real servers in namespaces with the SAME addresses in
# both kernels, so a client "moves" to whichever node holds the VIP 10.0.1.100:
#   client  c1 10.0.1.10-.17, .20-.27, .30 (the watcher's probe) --- c0 10.0.1.1/24 (root; the VIP comes here by IPaddr::10.0.1.100/24/c0)
#   rs1     r1 10.0.2.11/24 --- r0 10.0.2.1/24         rs2  s1 10.0.3.12/24 --- s0 10.0.3.1/24
# eth0 (192.168.77.N on the pair's segment) carries heartbeat, DRBD and the IPVS sync messages.
#
#   topology                 namespaces, addresses and the two real servers (answering rs1 / rs2)
#   start DIR LOG CMD...     runs CMD in the background, detached, output to LOG (under DIR's env file)
#   clients COUNT SOURCE...  COUNT requests to the VIP from each SOURCE: one line "SOURCE NAME NAME..."
#   kill-soon                prints the epoch ms at which this kernel powers off (sysrq o, 2 s later)
#   watch OUT STATEDIR LOG   background: appends "EVENT epoch-ms" to OUT the first time DRBD is Primary
#                            (promoted), STATEDIR is mounted (mounted), the VIP is up (vip), LOG has the
#                            restore line (restored) and a client request succeeds (served); its errors go to OUT.err
#   now                      milliseconds since the epoch
set -eu
here=$(cd "$(dirname "$0")" && pwd)
resources=$(cd "$here/../../src/test/resources/it" && pwd)
now() { echo $(( $(date +%s%N) / 1000000 )); }

pair() { # NS HOSTSIDE NSSIDE HOSTADDR NSADDR GATEWAY
    ip netns add "$1"
    ip link add "$2" type veth peer name "$3"
    ip link set "$3" netns "$1"
    ip addr add "$4" dev "$2"
    ip link set "$2" up
    ip -n "$1" link set lo up
    ip -n "$1" addr add "$5" dev "$3"
    ip -n "$1" link set "$3" up
    ip -n "$1" route add default via "$6"
}

topology() {
    sysctl -qw net.ipv4.ip_forward=1
    mkdir -p /run/netns
    pair client c0 c1 10.0.1.1/24 10.0.1.10/24 10.0.1.1
    for i in 11 12 13 14 15 16 17 20 21 22 23 24 25 26 27 30; do ip -n client addr add "10.0.1.$i/24" dev c1; done
    pair rs1 r0 r1 10.0.2.1/24 10.0.2.11/24 10.0.2.1
    pair rs2 s0 s1 10.0.3.1/24 10.0.3.12/24 10.0.3.1
    for r in rs1 rs2; do
        ip netns exec "$r" python3 "$resources/name-server.py" "$r" 80 > "/run/$r.log" 2>&1 &
    done
    for r in rs1 rs2; do
        tries=0
        until grep -q serving "/run/$r.log" 2>/dev/null; do
            tries=$((tries + 1))
            [ $tries -le 150 ] || { echo "$r never started:"; cat "/run/$r.log"; exit 1; }
            sleep 0.1
        done
    done
}

# The watcher shares the one CPU with the takeover it times, and a fork+exec costs ~90 ms in UML: its
# sampling loop forks nothing (bash builtins, /proc files, a read with a timeout on a silent FIFO as its sleep).
file_has() { # FILE GLOB: true when a line of FILE matches the glob
    local line
    while IFS= read -r line; do
        # shellcheck disable=SC2053  # the pattern is meant to be a glob
        [[ $line == $2 ]] && return 0
    done < "$1"
    return 1
}

now_ms() { local us=${EPOCHREALTIME//[!0-9]/}; echo $((us / 1000)); }

watch() { # OUT STATEDIR LOG
    local out=$1 state=$2 log=$3 pause logfd="" line at event found
    local -A seen=()
    : > "$out"
    # a FIFO nobody writes to (not <(:): UML's /dev has no /dev/fd), opened read-write so it never reaches EOF
    mkfifo "$out.pause"
    exec {pause}<> "$out.pause"
    rm -f "$out.pause"
    mark() { [[ -n ${seen[$1]:-} ]] || { seen[$1]=$2; echo "$1 $2" >> "$out"; }; }
    local deadline=$(( ${EPOCHREALTIME//[!0-9]/} / 1000 + 240000 )) # DrbdFailoverIT.TAKEOVER_LIMIT_S
    # The served probe (a python client, slow to start in UML) has a loop of its own: in the sampling loop it
    # would leave seconds between two samples of the other events.
    (
        while (( ${EPOCHREALTIME//[!0-9]/} / 1000 < deadline )); do
            if file_has /proc/net/fib_trie '*-- 10.0.1.100'; then
                r=$(ip netns exec client python3 "$resources/http-client.py" http://10.0.1.100/ 1 10.0.1.30)
                case $r in rs*) echo "served $(now_ms)" >> "$out"; break ;; esac
            fi
            read -rt 0.05 -u "$pause" || true
        done
    ) &
    # Samples the events against their takeover order (restored, vip, mounted, promoted) and stamps what one
    # sample found with the time after it: an event seen true happened before that time, and so did the
    # earlier ones (sampled after it), so the stamps keep the order of the events however slow a sample is.
    while (( ${EPOCHREALTIME//[!0-9]/} / 1000 < deadline )); do
        found=""
        if [[ -z $logfd && -e $log ]]; then exec {logfd}< "$log"; fi
        if [[ -n $logfd ]]; then # reads on from where the last sample stopped
            while IFS= read -r -u "$logfd" line || [[ -n $line ]]; do
                [[ $line == *"Restored "*" persistence templates"* || $line == *"No persistence snapshot to restore"* ]] \
                    && found="$found restored"
            done
        fi
        file_has /proc/net/fib_trie '*-- 10.0.1.100' && found="$found vip"
        file_has /proc/mounts "* $state *" && found="$found mounted"
        file_has /proc/drbd '*ro:Primary*' && found="$found promoted"
        at=$(( ${EPOCHREALTIME//[!0-9]/} / 1000 ))
        for event in $found; do mark "$event" "$at"; done
        [[ -n ${seen[restored]:-} && -n ${seen[vip]:-} && -n ${seen[mounted]:-} && -n ${seen[promoted]:-} ]] && break
        read -rt 0.05 -u "$pause" || true
    done
    wait
}

command=$1; shift
case $command in
    topology) topology ;;
    start)
        dir=$1 log=$2; shift 2
        # shellcheck disable=SC1090,SC1091
        . "$dir/env"
        setsid "$@" > "$log" 2>&1 < /dev/null &
        ;;
    clients)
        ip netns exec client python3 "$here/clients.py" http://10.0.1.100/ "$@"
        ;;
    kill-soon)
        # 2 s: the agent must hand this answer back before the kernel is gone, in a loaded UML too
        at=$(( $(now) + 2000 ))
        ( sleep 2; echo o > /proc/sysrq-trigger ) > /dev/null 2>&1 &
        echo "$at"
        ;;
    watch) watch "$@" > /dev/null 2> "$1.err" < /dev/null & ;;
    now) now ;;
    *) echo "failover.sh: unknown subcommand $command" >&2; exit 2 ;;
esac
