#!/usr/bin/env bash
# JVM start-up of the command-line tools and the director, without and with the launcher's start-up options
# (scripts/jvm-start.sh: AppCDS archive for all, C1-only + serial GC for the short tools), alternating in the
# same run: on the host (in-memory IPVS backend) and in one UML kernel (kernel backend, one CPU, where page
# faults and forks are far dearer). Prints the median of ROUNDS per figure, in seconds:
#   configtest  `ldirectord cf configtest` (a short tool)
#   start       until `ldirectord cf start` returned (the tool, then the detached daemon up to its pid file)
#   firstlog    until the daemon's first log line
#   lvsadm      `lvsadm -L -n` while the daemon runs (a short tool)
#   status      `ldirectord cf status`;  stop: `ldirectord cf stop` returned
# Not run by CI. Contention on the host (other builds, other kernels) shows as noise: compare the two modes
# of one run, not runs of different days.
#   bench/jvm-start.sh [ROUNDS]      (default 3; SKIP_UML=1: host only)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

# one_round MODE BACKEND : prints "mode=MODE configtest=... start=... ..." (the daemon is stopped again)
one_round() {
    local mode=$1 backend=$2 w t0 t1 t2 t3 t4 t5 t6 t7 rc
    w=$(mktemp -d /tmp/lvs-jvmstart.XXXXXX)
    printf 'checkinterval=2\nchecktimeout=2\nlogfile="%s/ld.log"\nvirtual=192.0.2.50:80\n\treal=127.0.0.1:1 masq 1\n\tservice=http\n\tchecktype=negotiate\n\treceive="ok"\n' \
        "$w" > "$w/jvm.cf"
    export LVS_DIRECTOR_RUNDIR=$w/run LVS_DIRECTOR_HTTP=127.0.0.1:$((30000 + RANDOM % 20000))
    if [ "$mode" = off ]; then export LVS_DIRECTOR_JVM_TUNING=off; else unset LVS_DIRECTOR_JVM_TUNING; fi
    t0=$(date +%s.%N)
    "$here/scripts/ldirectord" "$w/jvm.cf" configtest > /dev/null 2>&1 || true
    t1=$(date +%s.%N)
    rc=0; "$here/scripts/ldirectord" --backend="$backend" "$w/jvm.cf" start > "$w/start.out" 2>&1 || rc=$?
    t2=$(date +%s.%N)
    for _ in $(seq 3000); do [ -s "$w/ld.log" ] && break; sleep 0.02; done
    t3=$(date +%s.%N)
    "$here/scripts/lvsadm" -L -n > /dev/null 2>&1 || true
    t4=$(date +%s.%N)
    "$here/scripts/ldirectord" "$w/jvm.cf" status > /dev/null 2>&1 || true
    t5=$(date +%s.%N)
    "$here/scripts/ldirectord" "$w/jvm.cf" stop > /dev/null 2>&1 || true
    t6=$(date +%s.%N)
    [ "$rc" = 0 ] || { echo "start failed ($rc):" >&2; cat "$w/start.out" >&2; }
    rm -rf "$w"
    awk -v m="$mode" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" -v g="$t6" 'BEGIN {
        printf "mode=%s configtest=%.2f start=%.2f firstlog=%.2f lvsadm=%.2f status=%.2f stop=%.2f\n",
            m, b - a, c - b, d - b, e - d, f - e, g - f }'
}

# rounds WHERE N BACKEND : N rounds alternating off/on, each line prefixed with RESULT where=WHERE
rounds() {
    local r mode
    # the archive is built in the background on first use: let that happen before measuring
    "$here/scripts/ldirectord" --version > /dev/null 2>&1 || true
    for _ in $(seq 600); do ls "$here"/target/cds/*.jsa > /dev/null 2>&1 && break; sleep 0.5; done
    for ((r = 1; r <= $2; r++)); do
        for mode in off on; do echo "RESULT where=$1 $(one_round "$mode" "$3")"; done
    done
}

if [ "${1:-}" = --inside ]; then
    rounds uml "$2" kernel
    exit 0
fi
n=${1:-3}
(cd "$here" && ls target/lvs-director-*.jar > /dev/null 2>&1) || (cd "$here" && mvn -B -q -DskipTests package)
out=$(mktemp /tmp/lvs-jvmstart.XXXXXX)
trap 'rm -f "$out"' EXIT
echo "jvm start bench: $n round(s) per mode, $(java -version 2>&1 | head -1); host: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
rounds host "$n" memory | tee -a "$out"
if [ -z "${SKIP_UML:-}" ]; then
    UML_TIMEOUT=$((600 + 300 * n)) "$here/scripts/uml-run" bash "$here/bench/jvm-start.sh" --inside "$n" > "$out.uml" 2>&1 \
        || { echo "the UML run failed:"; tail -20 "$out.uml"; }
    grep '^RESULT' "$out.uml" | tee -a "$out" || true
    rm -f "$out.uml"
fi
echo
echo "medians (s); off = LVS_DIRECTOR_JVM_TUNING=off, on = the launcher's start-up options"
awk '/^RESULT/ { key = $2 " " $3; keys[key] = 1
        for (i = 4; i <= NF; i++) { split($i, kv, "="); names[i] = kv[1]; v[key, kv[1], ++cnt[key, kv[1]]] = kv[2] } }
    function median(key, name,   n, i, j, t, a) { n = cnt[key, name]
        for (i = 1; i <= n; i++) a[i] = v[key, name, i]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "%-22s", "where mode"; for (i = 4; i in names; i++) printf " %10s", names[i]; print ""
        for (key in keys) { printf "%-22s", key; for (i = 4; i in names; i++) printf " %10.2f", median(key, names[i]); print "" } }' \
    "$out" | sort
