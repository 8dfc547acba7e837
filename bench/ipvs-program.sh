#!/bin/bash
# bench/ipvs-program.sh [SERVICES [REALS [ROUNDS]]]   (defaults 1000 10 3; not run by CI)
#
# Programming a large IPVS table: the director's own path (config -> reconciler -> kernel backend, one netlink
# socket, pipelined) against `ipvsadm -R` of the same table, in the same user-mode-linux boot. Also: one
# destination change (ours: must be exactly one netlink request) and dumping the table (ours in-process and
# as `scripts/lvsadm -Ln`, against `ipvsadm -Ln`). Prints a table; times in ms, wall clock.
# Needs: linux.uml + its modules, ipvsadm, and `mvn -DskipTests package` (target/, target/lib, test classes).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

if [ "${1:-}" != --inside ]; then
    ls target/lvs-director-*.jar target/lib target/test-classes/lvsdirector/bench >/dev/null 2>&1 \
        || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
    UML_TIMEOUT=${UML_TIMEOUT:-900} exec scripts/uml-run bash bench/ipvs-program.sh --inside "$@"
fi
shift
services=${1:-1000} reals=${2:-10} rounds=${3:-3}
work=$(mktemp -d /tmp/ipvs-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
java_opts="-XX:+UseSerialGC -Djna.tmpdir=$work"
cp="target/test-classes:target/classes:target/lib/*"
ms() { echo "$(( ($2 - $1) / 1000000 ))"; }
now() { date +%s%N; }

java $java_opts -cp "$cp" lvsdirector.bench.IpvsProgramBench generate "$work" "$services" "$reals"
lines=$(wc -l < "$work/restore.txt")

ipvsadm -C
t0=$(now); ipvsadm -R < "$work/restore.txt"; t1=$(now)
ipvsadm_restore=$(ms "$t0" "$t1")
t0=$(now); ipvsadm -Ln > "$work/ipvsadm-Ln.txt"; t1=$(now)
ipvsadm_dump=$(ms "$t0" "$t1")
vip=$(sed -n 's/^-A -t \([^ ]*\) .*/\1/p' "$work/restore.txt" | sed -n "$((services / 2 + 1))p")
rip=$(grep -m1 -- "-a -t $vip " "$work/restore.txt" | sed 's/.* -r \([^ ]*\) .*/\1/')
t0=$(now); ipvsadm -e -t "$vip" -r "$rip" -m -w 0; t1=$(now)
ipvsadm_change=$(ms "$t0" "$t1")
t0=$(now); ipvsadm -C; t1=$(now)
ipvsadm_flush=$(ms "$t0" "$t1")

t0=$(now)
measure_status=0
java $java_opts -cp "$cp" lvsdirector.bench.IpvsProgramBench measure "$work" "$rounds" > "$work/ours.txt" \
    || measure_status=$?
t1=$(now)
cat "$work/ours.txt" >&2
ours_jvm=$(ms "$t0" "$t1")
# the table stays flushed after `measure`: program it once more with ipvsadm for the lvsadm process timing
ipvsadm -R < "$work/restore.txt"
t0=$(now); LVS_DIRECTOR_JAVA_OPTS="$java_opts" scripts/lvsadm -Ln > "$work/lvsadm-Ln.txt"; t1=$(now)
lvsadm_dump=$(ms "$t0" "$t1")
same=$(cmp -s "$work/ipvsadm-Ln.txt" "$work/lvsadm-Ln.txt" && echo yes || echo NO)
ipvsadm -C

field() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<< "$2"; }
echo
echo "IPVS programming benchmark: $services services x $reals destinations ($lines ipvsadm lines), $(nproc) vCPU UML, kernel $(uname -r)"
printf '%-44s %12s %10s\n' "step" "ms" "requests"
printf '%-44s %12s %10s\n' "ipvsadm -R (whole table, one process)" "$ipvsadm_restore" "$lines"
while read -r line; do
    case $line in ROUND*) ;; *) continue ;; esac
    r=$(awk '{print $2}' <<< "$line")
    printf '%-44s %12s %10s\n' "ours: program, round $r (in JVM)" "$(field program_ms "$line")" "$(field program_requests "$line")"
done < "$work/ours.txt"
printf '%-44s %12s %10s\n' "ipvsadm -e one destination (one process)" "$ipvsadm_change" "1 (+GETFAMILY)"
while read -r line; do
    case $line in ROUND*) ;; *) continue ;; esac
    r=$(awk '{print $2}' <<< "$line")
    printf '%-44s %12s %10s\n' "ours: one real down, round $r (reconcile+apply)" "$(field change_ms "$line")" "$(field change_requests "$line")"
    printf '%-44s %12s %10s\n' "  of which the kernel request, round $r" "$(field change_apply_ms "$line")" "$(field change_requests "$line")"
done < "$work/ours.txt"
printf '%-44s %12s %10s\n' "ipvsadm -Ln (one process)" "$ipvsadm_dump" "$((services + 1))+"
while read -r line; do
    case $line in ROUND*) ;; *) continue ;; esac
    r=$(awk '{print $2}' <<< "$line")
    printf '%-44s %12s %10s\n' "ours: dump + render -Ln, round $r (in JVM)" "$(field dump_ms "$line")" "$(field dump_requests "$line")"
done < "$work/ours.txt"
printf '%-44s %12s %10s\n' "scripts/lvsadm -Ln (JVM start included)" "$lvsadm_dump" "-"
printf '%-44s %12s %10s\n' "ipvsadm -C" "$ipvsadm_flush" "1"
echo "whole measure JVM run: ${ours_jvm} ms (status $measure_status); lvsadm -Ln identical to ipvsadm -Ln: $same"
[ "$measure_status" = 0 ] && [ "$same" = yes ]
