#!/usr/bin/env bash
# Failover time of a director pair: kill the active node like a power cut (link down + SIGKILL of all
# its processes) and measure, from just before the link goes down, when the other node holds the VIP, when its IPVS
# table has the real server (both as seen by polling, late under load: our JVMs' logs carry ms time stamps
# for the exact phases), and when a client (a new TCP connection every 20 ms, overlapping, 200 ms timeout) is
# served again (the first success of an attempt started after the link went down), by the client's own clock; nodeb's own log gives the phases
# (declared dead, address up, director active). For ours the kill waits until the standby node's hot-standby director
# is ready; a round in which the standby declared the active node dead or held the VIP before the kill is marked INVALID.
# Runs the real heartbeat 3.0.6 + Debian's ldirectord pair and ours, same settings, in one UML kernel
# (real IPVS); ours also with sub-second timing. Not run by CI. The first line printed is the kernel's cost
# of a fork+exec: the real heartbeat takes over through a chain of shell scripts (ResourceManager, IPaddr,
# Debian's Perl ldirectord), so its figures scale with it (~0.1-0.25 s in a UML kernel, ~1 ms on bare metal).
#   bench/failover.sh [ROUNDS] [MODE...]     modes: real ours ours-fast (default: all three), ROUNDS default 3
#   KEEP=1 keeps the work directory (logs of every node); REALTIME=on|off writes `realtime` into every ha.cf
#   (default: unset, heartbeat's default, on); TRACE=1 also logs each node JVM's class loading, safepoints and GC
#   (DIR/jvm-PID.log) and the director daemon's lines with ms time stamps (DIR/director-ms.log): distorts the times
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}; shift || true
modes=("$@"); [ ${#modes[@]} -gt 0 ] || modes=(real ours ours-fast)
jar() { ls "$here"/target/lvs-director-*.jar 2>/dev/null | grep -Ev -- '-(sources|tests|javadoc)\.jar$' | head -1; }
if [ -z "$(jar)" ] || [ ! -d "$here/target/lib" ] || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$(jar)" -print -quit)" ]; then
    (cd "$here" && mvn -B -q -DskipTests package)
fi
work=$(mktemp -d /tmp/lvs-failover.XXXXXX)
trap '[ -n "${KEEP:-}" ] && echo "kept $work" || rm -rf "$work"' EXIT
# the nodes run a private copy of the jar, the scripts and this bench: an edit or a build in the work tree during the run
# must neither change what is measured nor make scripts/heartbeat rebuild the project inside the kernel
mkdir -p "$work/app/target" "$work/app/src/main"
cp -a "$here/scripts" "$work/app/"
mkdir -p "$work/app/bench" "$work/app/src/test/resources/it"
cp -a "$here/bench/failover" "$work/app/bench/"
cp -a "$here/src/test/resources/it/name-server.py" "$work/app/src/test/resources/it/"
cp -a "$(jar)" "$here/target/lib" "$work/app/target/"
touch -d @0 "$work/app/pom.xml" "$work/app/src/main" "$work/app/src"
# the launchers' class-data-sharing archive for this copy, built here on the host: a first use inside the
# one-CPU kernel would build it there, in the middle of a node's start (scripts/jvm-start.sh)
"$work/app/scripts/lvsadm" --version >/dev/null 2>&1 || true
for _ in $(seq 600); do compgen -G "$work/app/target/cds/*.lock" >/dev/null || break; sleep 0.2; done
list=()
for ((r = 1; r <= rounds; r++)); do list+=("${modes[@]}"); done
echo "failover bench: ${rounds} round(s) of ${modes[*]} in one UML kernel ($(nproc) host CPUs; load $(cut -d' ' -f1-3 /proc/loadavg))"
UML_TIMEOUT=$(( 300 + 600 * ${#list[@]} )) "$here/scripts/uml-run" env "REALTIME=${REALTIME:-}" "TRACE=${TRACE:-}" bash "$work/app/bench/failover/inside.sh" "$work" "${list[@]}" \
    > "$work/uml.out" 2>&1 || { echo "the UML run failed:"; tail -40 "$work/uml.out"; exit 1; }
grep -v '^RESULT' "$work/uml.out" | grep '^\[' || true
echo
# kill->dead / kill->active: nodeb's own log (ours in ms; the real heartbeat's ha-log in whole seconds, its
# "active" = mach_down takeover complete); kill->VIP / kill->table: seen by polling (a poll forks ip or
# ipvsadm, ~0.1-0.3 s in a loaded kernel); kill->served: the client's clock; link-down: from the kill clock to
# the exit of the `ip -batch` (started beforehand, waiting on a FIFO) that took the link down
printf '%-10s %5s %11s %11s %11s %13s %13s %7s %10s\n' mode round "kill->dead" "kill->VIP" "kill->table" "kill->active" "kill->served" failed "link-down"
grep '^RESULT' "$work/uml.out" | awk '
    { delete kv; for (i = 2; i <= NF; i++) { split($i, p, "="); kv[p[1]] = p[2] }
      round[kv["mode"]]++
      if ("error" in kv) { printf "%-10s %6d %s\n", kv["mode"], round[kv["mode"]], "error (see log)"; next }
      invalid = kv["false_death_before_kill"] == "yes"
      printf "%-10s %5d %8d ms %8d ms %8d ms %10d ms %10d ms %7d %7d ms%s\n", kv["mode"], round[kv["mode"]], kv["dead_log_ms"],
          kv["vip_ms"], kv["table_ms"], kv["active_log_ms"], kv["served_ms"], kv["failed_attempts"], kv["down_ms"],
          invalid ? "  INVALID: nodeb declared nodea dead or held the VIP before the kill (load)" : ""
      if (kv["served_ms"] >= 0 && !invalid) { sum[kv["mode"]] += kv["served_ms"]; n[kv["mode"]]++ } }
    END { print ""; for (m in n) printf "%-10s mean kill->served %d ms over %d round(s)\n", m, sum[m] / n[m], n[m] }'
