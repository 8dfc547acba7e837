#!/bin/bash
# bench/checks.sh [N_OURS [N_UML [STEADY_S [ROUNDS]]]]   (defaults 10000 1000 20 3; not run by CI)
#
# Health checks at scale. Reals are 127.10.x.y:8080 on loopback, served by one Java process
# (lvsdirector.bench.checks.ChecksBench), 10 per virtual service; half the virtuals check by HTTP
# (negotiate, receive "ok"), half by TCP connect; checkinterval=1, checktimeout=negotiatetimeout=1; 10% of
# the HTTP reals answer after 400 ms (must stay up), 1% hang (must be down). Rows:
#   ours, host, in-memory IPVS backend, N_OURS reals, -Xmx512m
#   ours and Debian's ldirectord, each in turn in one UML kernel (real IPVS), N_UML reals
# A sample (the healthy reals of 20 virtuals) is closed and reopened ROUNDS times; the latency is from
# the listeners being closed (opened) to the poller seeing weight 0 (1) in the table. The poller reads
# the table from outside: ours through the control socket (lvsadm -L -n -t VIP), in UML through netlink.
# PROBE_REOPEN=1: a plain client also asks every sample real from the moment its listener is reopened and
# prints how soon each one answers (so a late "up" can be told from a listener that does not serve yet).
# The bench prints "bench event loop N ran M ms late" when its own servers stall for more than 300 ms.
# SKIP_HOST=1, SKIP_UML=1, SKIP_LDIRECTORD=1 leave those rows out; DIRECTOR_JAVA_OPTS go to ours in both places.
# WARMUP_S (default 30): seconds between convergence and the steady period (the JVM still compiles after start);
# their CPU and flaps are printed apart, under the table.
# Needs: mvn -B -DskipTests package (target/, target/lib, target/test-classes), ldirectord, linux.uml.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
here=$PWD
cp="target/test-classes:target/classes:target/lib/*"
export WARMUP_S=${WARMUP_S:-30}
bench_java="java -Xmx1g -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -cp $cp lvsdirector.bench.checks.ChecksBench" # BENCH_JAVA_OPTS: e.g. GC logs

# run_one NAME N VIEW START_CMD STOP_CMD PIDFILE STEADY ROUNDS CAP: prints the RESULT line
run_one() {
    local name=$1 n=$2 view=$3 start=$4 stop=$5 pidfile=$6 steady=$7 rounds=$8 cap=$9
    local out=$work/$name.out
    rm -f "$pidfile"
    $bench_java run "$n" "$view" "$pidfile" "$steady" "$rounds" "$cap" > "$out" 2> "$work/$name.err" &
    local bench_pid=$!
    until grep -q READY "$out" 2>/dev/null; do
        kill -0 "$bench_pid" 2>/dev/null || { echo "$name: real servers failed" >&2; cat "$work/$name.err" >&2; return 1; }
        sleep 0.2
    done
    eval "$start" > "$work/$name.start.log" 2>&1 || { echo "$name: start failed" >&2; cat "$work/$name.start.log" >&2; }
    local status=0
    wait "$bench_pid" || status=$?
    heap=-
    if [ "$name" != ldirectord ] && [ -s "$pidfile" ]; then
        # G1 has one line for the heap; serial (the default in a one-CPU UML kernel) and parallel have one per
        # generation, summed (reading only the young one printed a few MB for a whole heap)
        heap=$(jcmd "$(cat "$pidfile")" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen/ {
                for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/,$/, "", v)
                    k = v + 0; if (v ~ /M$/) k *= 1024; else if (v ~ /G$/) k *= 1048576; sum += k; found = 1 } }
            END { if (found) printf "%dK\n", sum }' || true)
    fi
    eval "$stop" >> "$work/$name.start.log" 2>&1 || true
    sed 's/^/  /' "$work/$name.err" >&2
    local result
    result=$(grep '^RESULT' "$out" || true)
    [ -n "$result" ] || { echo "$name: no result (status $status)" >&2; return 1; }
    echo "$result row=$name heap=${heap:--}"
}

if [ "${1:-}" = --inside ]; then
    # inside UML: Debian's ldirectord, then ours on the kernel backend, same N and config
    shift
    n=$1 steady=$2 rounds=$3 skip_ldirectord=${4:-0}
    work=$(mktemp -d /tmp/checks-bench.XXXXXX)
    ulimit -n 20000
    export LVS_DIRECTOR_RUNDIR=$work/run LVS_DIRECTOR_JAVA_OPTS="-Xmx512m ${5:-}"
    if [ "$skip_ldirectord" != 1 ]; then
        $bench_java config "$n" "/etc/ha.d/bench-checks.cf" "$work/ldirectord.log"
        mkdir -p /var/run /etc/ha.d
        run_one ldirectord "$n" kernel "/usr/sbin/ldirectord bench-checks.cf start" \
            "/usr/sbin/ldirectord bench-checks.cf stop" "/var/run/ldirectord.bench-checks.cf.pid" "$steady" "$rounds" 90 || true
        rm -f /etc/ha.d/bench-checks.cf
        ipvsadm -C
    fi
    $bench_java config "$n" "$work/ours.cf" "$work/ours.log"
    run_one ours-uml "$n" kernel "scripts/ldirectord --backend=kernel $work/ours.cf start" \
        "scripts/ldirectord $work/ours.cf stop" "$work/run/ldirectord.ours.cf.pid" "$steady" "$rounds" 90 || true
    ipvsadm -C
    exit 0
fi

n_ours=${1:-10000} n_uml=${2:-1000} steady=${3:-20} rounds=${4:-3}
ls target/lvs-director-*.jar target/lib target/test-classes/lvsdirector/bench/checks >/dev/null 2>&1 \
    || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d /tmp/checks-bench.XXXXXX)
trap '[ "${KEEP_WORK:-0}" = 1 ] && echo "kept $work" >&2 || rm -rf "$work"' EXIT # KEEP_WORK=1: logs stay
ulimit -n "$(ulimit -Hn)"
echo "load before: $(uptime)" >&2

results=()
export LVS_DIRECTOR_RUNDIR=$work/run LVS_DIRECTOR_JAVA_OPTS="-Xmx512m ${DIRECTOR_JAVA_OPTS:-}" # e.g. JFR
for n in $([ "${SKIP_HOST:-0}" = 1 ] || echo "$n_ours $n_uml"); do
    [ "$n" -gt 0 ] || continue # N_UML=0: no UML row, so no host row at that size either
    $bench_java config "$n" "$work/ours.cf" "$work/ours.log"
    results+=("$(run_one ours-host "$n" "control:$work/run/lvs-director/ours.cf.sock" \
        "scripts/ldirectord --backend=memory $work/ours.cf start" "scripts/ldirectord $work/ours.cf stop" \
        "$work/run/ldirectord.ours.cf.pid" "$steady" "$rounds" 60 || true)")
done
if [ "${SKIP_UML:-0}" != 1 ]; then
    while read -r line; do
        case $line in RESULT*) results+=("$line") ;; *) echo "  uml: $line" >&2 ;; esac
    done < <(UML_TIMEOUT=${UML_TIMEOUT:-1500} UML_MEM=${UML_MEM:-3G} scripts/uml-run env WARMUP_S="$WARMUP_S" bash bench/checks.sh --inside "$n_uml" "$steady" "$rounds" \
        "${SKIP_LDIRECTORD:-0}" "${DIRECTOR_JAVA_OPTS:-}" 2>&1 || true)
fi
echo "load after: $(uptime)" >&2

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< "$2"; }
echo
echo "Health checks at scale: checkinterval=1, checktimeout=negotiatetimeout=1, half HTTP / half connect,"
echo "10% of HTTP reals slow (400 ms), 1% hanging; warm-up ${WARMUP_S}s, steady ${steady}s; ${rounds} down/up rounds of the sample."
echo "Latency = listeners closed (opened) -> weight 0 (1) seen by the outside poller, ms p50/p99/max."
printf '%-11s %6s %5s %8s %6s %4s %6s %5s %5s %14s %14s %6s %6s %6s %5s\n' row reals virt checks/s cpu sys% us/chk heapMB rssMB \
    "down p50/99/max" "up p50/99/max" flaps sample poll_ms miss
for r in "${results[@]}"; do
    [ -n "$r" ] || continue
    heap=$(field heap "$r"); heap=${heap%,}; case $heap in *K) heap=$(( ${heap%K} / 1024 )) ;; esac
    printf '%-11s %6s %5s %8s %6s %4s %6s %5s %5s %14s %14s %6s %6s %6s %5s\n' "$(field row "$r")" "$(field reals "$r")" \
        "$(field virtuals "$r")" "$(field checks_per_s "$r")" "$(field cpu "$r")" "$(field sys_pct "$r")" "$(field cpu_us_per_check "$r")" \
        "$heap" "$(field rss_mb "$r")" \
        "$(field down "$r")" "$(field up "$r")" "$(field flaps "$r")" "$(field sample "$r")" "$(field poll_ms "$r")" \
        "$(field missed "$r")"
done
echo "cpu = the director's CPU seconds per wall second in the steady period (children included), sys% of it in the"
echo "kernel (system calls and the TCP stack); us/chk = CPU"
echo "microseconds per check done (CHECKS=http or CHECKS=connect: every virtual checks that way; default mixed);"
echo "flaps = (real, 2-s sweep) pairs off their steady weight in the steady period; miss = sample transitions not seen within the cap."
for r in "${results[@]}"; do
    [ -n "$r" ] && [ -n "$(field warmup_s "$r")" ] || continue
    echo "warm-up of $(field row "$r") ($(field reals "$r") reals): cpu $(field warmup_cpu "$r"), flaps $(field warmup_flaps "$r")"
done
