#!/usr/bin/env bash
# Start-up time and memory of the director on the host (in-memory IPVS backend), N real servers on
# loopback answering HTTP. Prints: time until `ldirectord start` returns, time until every real is in
# the table, RSS and heap after a steady period. Not run by CI.
#   bench/startup.sh [N_REALS] [STEADY_SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100}
steady=${2:-20}
work=$(mktemp -d /tmp/lvs-startup.XXXXXX)
cleanup() {
    LVS_DIRECTOR_RUNDIR=$work/run "$here/scripts/ldirectord" "$work/bench.cf" stop >/dev/null 2>&1 || true
    [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
(cd "$here" && ls target/lvs-director-*.jar >/dev/null 2>&1) || (cd "$here" && mvn -B -q -DskipTests package)

# one python process serving N ports on 127.0.0.1
python3 - "$n" > "$work/servers.log" 2>&1 <<'PY' &
import http.server, socketserver, sys, threading
socketserver.ThreadingTCPServer.allow_reuse_address = True
n = int(sys.argv[1])
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *a): pass
for i in range(n):
    s = socketserver.ThreadingTCPServer(("127.0.0.1", 20000 + i), H)
    threading.Thread(target=s.serve_forever, daemon=True).start()
print("ready", flush=True)
threading.Event().wait()
PY
server_pid=$!
until grep -q ready "$work/servers.log" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { echo "real servers failed:"; cat "$work/servers.log"; exit 1; }
    sleep 0.1
done

{
    echo "checkinterval=1"; echo "checktimeout=1"; echo "negotiatetimeout=1"
    echo "logfile=\"$work/ld.log\""
    echo "virtual=192.0.2.50:80"
    for i in $(seq 0 $((n - 1))); do echo "	real=127.0.0.1:$((20000 + i)) masq 1"; done
    echo "	service=http"; echo "	receive=\"ok\""
} > "$work/bench.cf"

# the daemon's /status endpoint answers without a JVM start per poll (lvsadm would add ~1 s each)
http_port=$((30000 + RANDOM % 20000))
export LVS_DIRECTOR_RUNDIR=$work/run LVS_DIRECTOR_HTTP=127.0.0.1:$http_port
t0=$(date +%s.%N)
"$here/scripts/ldirectord" --backend=memory "$work/bench.cf" start
t1=$(date +%s.%N)
until [ "$(curl -s "127.0.0.1:$http_port/status" | grep -c '"health" : "up"')" -ge "$n" ]; do sleep 0.05; done
t2=$(date +%s.%N)
pid=$(cat "$work/run/ldirectord.bench.cf.pid")
hz=$(getconf CLK_TCK)
cpu_at_start=$(awk '{print $14 + $15}' "/proc/$pid/stat")
sleep "$steady"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
cpu_ticks=$(( $(awk '{print $14 + $15}' "/proc/$pid/stat") - cpu_at_start ))
heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen/ {print; exit}' || true)
printf '%-42s %s\n' "real servers" "$n"
printf '%-42s %.2f s\n' "'ldirectord start' returned after" "$(echo "$t1 - $t0" | bc -l)"
printf '%-42s %.2f s\n' "all reals up (checked) after" "$(echo "$t2 - $t0" | bc -l)"
printf '%-42s %d MiB\n' "RSS after ${steady}s steady" "$((rss_kb / 1024))"
printf '%-42s %.3f CPU s per wall s (%s HTTP checks/s)\n' "CPU in the ${steady}s steady state" "$(echo "$cpu_ticks / $hz / $steady" | bc -l)" "$n"
[ -n "$heap" ] && printf '%-42s %s\n' "heap" "$heap"
