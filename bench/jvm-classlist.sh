#!/usr/bin/env bash
# Regenerates scripts/cds.classlist, the class list from which scripts/jvm-start.sh dumps the AppCDS archive:
# the classes loaded by a director daemon (in-memory backend, one HTTP-checked real) from start to its first
# check rounds, by ldirectord status/configtest and lvsadm (with and without a daemon), and by heartbeat
# status. A stale list is harmless (a class that is gone is skipped, a new one loads from its jar); rerun
# this after larger changes to the start-up path. Not run by CI.
#   bench/jvm-classlist.sh [OUTPUT]   (default: scripts/cds.classlist)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/scripts/cds.classlist}
(cd "$here" && ls target/lvs-director-*.jar >/dev/null 2>&1) || (cd "$here" && mvn -B -q -DskipTests package)
work=$(mktemp -d /tmp/lvs-classlist.XXXXXX)
daemon=""
cleanup() {
    [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
cat > "$work/list.cf" <<CF
checkinterval=1
checktimeout=1
logfile="$work/ld.log"
virtual=192.0.2.50:80
	real=127.0.0.1:1 masq 1
	service=http
	checktype=negotiate
	receive="ok"
CF
export LVS_DIRECTOR_RUNDIR=$work/run LVS_DIRECTOR_HTTP=127.0.0.1:$((30000 + RANDOM % 20000)) LVS_DIRECTOR_JVM_TUNING=off
n=0
# traced NAME COMMAND... : runs COMMAND with the JVM writing the classes it loads to $work/NAME.list
traced() { local name=$1; shift; n=$((n + 1)); LVS_DIRECTOR_JAVA_OPTS="-XX:DumpLoadedClassList=$work/$name.list" "$@"; }
# exec: $! is the daemon's JVM itself (the script execs java), so the kill below reaches it
(LVS_DIRECTOR_JAVA_OPTS="-XX:DumpLoadedClassList=$work/1-daemon.list" \
    exec "$here/scripts/ldirectord" --foreground --backend=memory "$work/list.cf" start > "$work/daemon.out" 2>&1) &
n=$((n + 1))
daemon=$!
for _ in $(seq 1200); do grep -q "Status page" "$work/ld.log" 2>/dev/null && break; sleep 0.1; done
grep -q "Status page" "$work/ld.log" || { echo "the daemon did not start:"; cat "$work/daemon.out" "$work/ld.log"; exit 1; }
sleep 3
traced 2-status "$here/scripts/ldirectord" "$work/list.cf" status > /dev/null 2>&1 || true
traced 3-lvsadm-daemon "$here/scripts/lvsadm" -L -n > /dev/null 2>&1 || true
kill "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=""
traced 4-configtest "$here/scripts/ldirectord" "$work/list.cf" configtest > /dev/null 2>&1 || true
traced 5-lvsadm "$here/scripts/lvsadm" -L -n > /dev/null 2>&1 || true
traced 6-heartbeat "$here/scripts/heartbeat" status > /dev/null 2>&1 || true
# first seen first, class lines before the @ lines that refer to them; classes of custom loaders (" id: ") left out
cat "$work"/*.list | grep -av -e '^#' -e ' id: ' | awk '!seen[$0]++' > "$work/merged"
{ grep -av '^@' "$work/merged"; grep -a '^@' "$work/merged" || true; } > "$out"
echo "$(wc -l < "$out") lines in $out from $n runs"
