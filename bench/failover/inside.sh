#!/usr/bin/env bash
# inside.sh WORK MODE... -- runs INSIDE user-mode-linux (bench/failover.sh starts it): for each MODE, a
# director pair in network namespaces of this kernel, a client and a direct-routing real server; the
# active node is killed like a power cut and the time until the client is served again is measured.
#
#   client 10.0.1.10 ---+--- br0 ---+--- nodea 10.0.1.1  (VIP 10.0.1.100 while active)
#   rs1 10.0.1.11 ------+           +--- nodeb 10.0.1.2
#   (rs1 holds the VIP on lo, arp_ignore: it answers the client directly, as in LVS-DR)
#
# MODE: real            Debian's heartbeat 3.0.6 + its IPaddr + Debian's ldirectord, keepalive 1 deadtime 3
#       ours            our heartbeat peer + built-in IPaddr + our director, same timing
#       ours-fast       ours, keepalive 100ms deadtime 500ms
# Prints one "RESULT mode=... key=value..." line per mode.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=$(cd "$here/../.." && pwd)
work=$1; shift
app=$work/app   # bench/failover.sh's private copy of the jar and scripts
VIP=10.0.1.100

now() { local us=${EPOCHREALTIME/./}; echo $(( us / 1000 )); }   # no fork of date: one costs ~80 ms in this kernel
log() { echo "[$(date +%T.%3N)] $*" >&2; }

# every step is checked: the rounds run with set -e off (run_mode is called in an || list), and a round on a
# half-built topology measured nothing (a second round once found the last round's veth still there, so rs1
# had no link and neither director ever saw it up)
plug() { # NS ADDR
    ip link add "v-$1" type veth peer name "new-$1" &&
    ip link set "new-$1" netns "$1" &&
    ip -n "$1" link set "new-$1" name eth0 &&
    ip -n "$1" addr add "$2" brd + dev eth0 &&
    ip -n "$1" link set eth0 up &&
    ip link set "v-$1" master br0 up || { log "cannot plug $1 into br0"; return 1; }
}

topology() {
    ip link add br0 type bridge && ip link set br0 up || { log "cannot create br0"; return 1; }
    for ns in client nodea nodeb rs1; do
        ip netns add "$ns" && ip -n "$ns" link set lo up || { log "cannot create namespace $ns"; return 1; }
    done
    plug client 10.0.1.10/24 && plug nodea 10.0.1.1/24 && plug nodeb 10.0.1.2/24 && plug rs1 10.0.1.11/24 || return 1
    ip -n rs1 addr add "$VIP/32" dev lo &&
    ip netns exec rs1 sysctl -qw net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2 || return 1
    rm -f "$work/rs1.log"
    ip netns exec rs1 python3 "$home/src/test/resources/it/name-server.py" rs1 80 > "$work/rs1.log" 2>&1 &
    until grep -q serving "$work/rs1.log" 2>/dev/null; do sleep 0.1; done
}

teardown() {
    for ns in client nodea nodeb rs1; do
        pids=$(ip netns pids "$ns" 2>/dev/null || true)
        [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
    done
    sleep 0.5
    # the veth pairs are deleted here, at once: a deleted namespace takes its devices down later, in the
    # kernel's own time, and the next round's `ip link add v-NS` failed with "File exists"
    for ns in client nodea nodeb rs1; do ip link del "v-$ns" 2>/dev/null || true; done
    for ns in client nodea nodeb rs1; do ip netns del "$ns" 2>/dev/null || true; done
    ip link del br0 2>/dev/null || true
    local deadline=$(( $(now) + 60000 ))
    while ip -o link show | grep -Eq ': (v-(client|nodea|nodeb|rs1)|br0)[@:]'; do
        [ "$(now)" -lt "$deadline" ] || { log "devices of the last round still present after 60 s"; return 1; }
        sleep 0.1
    done
}

director_cf() { # FILE LOG
    cat > "$1" <<CF
checktimeout=1
negotiatetimeout=1
checkinterval=1
quiescent=no
logfile="$2"
virtual=$VIP:80
	real=10.0.1.11:80 gate
	service=http
	checktype=connect
	scheduler=rr
	protocol=tcp
CF
}

ha_cf() { # FILE LOG KEEPALIVE DEADTIME WARNTIME INITDEAD
    cat > "$1" <<CF
logfile $2
keepalive $3
deadtime $4
warntime $5
initdead $6
udpport 694
bcast eth0
auto_failback off
node nodea nodeb
CF
    [ -z "${REALTIME:-}" ] || echo "realtime $REALTIME" >> "$1"
}

prepare_real() { # NODE DIR
    mkdir -p "$2"
    cp -a /etc/ha.d "$2/etc-ha.d"
    cp -a /var/lib/heartbeat "$2/varlib"
    rm -f "$2/varlib/hb_uuid" "$2/varlib/hostcache" "$2/varlib/delhostcache"
    ha_cf "$2/etc-ha.d/ha.cf" "$2/ha-log" 1 3 2 10
    printf 'auth 1\n1 sha1 failover-bench\n' > "$2/etc-ha.d/authkeys"
    chmod 600 "$2/etc-ha.d/authkeys"
    director_cf "$2/director.cf" "$2/director.log"
    echo "nodea $VIP/24/eth0 ldirectord::$2/director.cf" > "$2/etc-ha.d/haresources"
}

start_real() { # NODE DIR
    ip netns exec "$1" unshare --uts --mount --pid --fork --kill-child --mount-proc \
        bash "$here/real-node.sh" "$1" "$2" > "$2/console.log" 2>&1 &
    echo $! > "$2/pid"
}

prepare_ours() { # NODE DIR KEEPALIVE DEADTIME WARNTIME INITDEAD
    mkdir -p "$2/etc/resource.d" "$2/state"
    ha_cf "$2/etc/ha.cf" "$2/ha-log" "$3" "$4" "$5" "$6"
    printf 'auth 1\n1 sha1 failover-bench\n' > "$2/etc/authkeys"
    chmod 600 "$2/etc/authkeys"
    director_cf "$2/director.cf" "$2/director.log"
    echo "nodea $VIP/24/eth0 ldirectord::$2/director.cf" > "$2/etc/haresources"
}

logback_with_times() { # FILE: our JVMs' log lines with a millisecond time stamp, for the phases
    cat > "$1" <<'XML'
<configuration>
  <appender name="stderr" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%d{HH:mm:ss.SSS} [%thread] %msg%n</pattern></encoder>
  </appender>
  <logger name="ldirectord" level="INFO"/>
  <logger name="lvsdirector" level="INFO"/>
  <root level="WARN"><appender-ref ref="stderr"/></root>
</configuration>
XML
    [ -n "${TRACE:-}" ] || return 0
    # TRACE=1: the director daemon's own lines (logger "ldirectord", kept by its log setup, which only replaces
    # the root's appenders) with ms time stamps in DIR/director-ms.log, and the control round trip of the activation
    # (debug lines of both ends: the director's StandbyControl, the peer's HotStandbyLdirectord)
    sed -i "s|</configuration>|  <appender name=\"ms\" class=\"ch.qos.logback.core.FileAppender\">\n    <file>$(dirname "$1")/director-ms.log</file>\n    <encoder><pattern>%d{HH:mm:ss.SSS} [%thread] %msg%n</pattern></encoder>\n  </appender>\n  <logger name=\"ldirectord\"><appender-ref ref=\"ms\"/></logger>\n  <logger name=\"lvsdirector.daemon.StandbyControl\" level=\"DEBUG\" additivity=\"false\"><appender-ref ref=\"ms\"/></logger>\n  <logger name=\"lvsdirector.cli.HotStandbyLdirectord\" level=\"DEBUG\" additivity=\"false\"><appender-ref ref=\"ms\"/><appender-ref ref=\"stderr\"/></logger>\n</configuration>|" "$1"
}

# TRACE=1: class loading, safepoints and GC of every JVM of the node, with wall-clock ms, in DIR/jvm-PID.log
trace_options() { # DIR
    [ -n "${TRACE:-}" ] && echo " -Xlog:class+load=info,safepoint=info,gc=info:file=$1/jvm-%p.log:time,uptime" || true
}

start_ours() { # NODE DIR
    logback_with_times "$2/logback.xml"
    ip netns exec "$1" unshare --uts --mount --pid --fork --kill-child --mount-proc sh -c '
        hostname "$1"; mount --make-rprivate /; mount -t tmpfs tmpfs /run
        export LVS_DIRECTOR_RUNDIR=/run LVS_DIRECTOR_HTTP=off
        mkdir -p /run/jna
        export LVS_DIRECTOR_JAVA_OPTS="-Djna.tmpdir=/run/jna -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlogback.configurationFile=$2/logback.xml$4"
        exec "$3/scripts/heartbeat" start --config-dir "$2/etc" --state-dir "$2/state" --node "$1"' \
        node "$1" "$2" "$app" "$(trace_options "$2")" > "$2/console.log" 2>&1 &
    echo $! > "$2/pid"
}

# ours: the standby node's hot-standby director must be up and checking before the kill, or the bench
# measures a JVM start instead of a takeover (the real pair starts Debian's ldirectord at takeover)
standby_ready() { [ "$1" != ours ] || grep -qs "hot standby ready" "$2"/console.log; }

# what each JVM of a node is doing (ours only): thread dumps into DIR/threads.txt
thread_dumps() { # NS DIR
    for pid in $(ip netns pids "$1" 2>/dev/null); do
        case "$(readlink /proc/$pid/exe 2>/dev/null)" in
            */java) { echo "== pid $pid: $(tr '\0' ' ' < /proc/$pid/cmdline | cut -c1-200)"; jcmd "$pid" Thread.print 2>&1; } >> "$2/threads.txt" ;;
        esac
    done
}

# why a director did not program the real (ours only), into DIR/diagnosis.txt: what its checks last said
# (`ldirectord show`, through the control socket in the node's private /run), the table, and whether the
# real server answers a connect from the node at all
diagnose() { # NS DIR
    local pid
    {
        echo "== ipvsadm -L -n in $1"; ip netns exec "$1" ipvsadm -L -n 2>&1
        echo "== connect from $1 to 10.0.1.11:80"
        ip netns exec "$1" timeout 2 bash -c 'exec 3<>/dev/tcp/10.0.1.11/80' 2>&1 && echo connected || echo "failed ($?)"
        for pid in $(ip netns pids "$1" 2>/dev/null); do
            grep -qs LdirectordMain /proc/"$pid"/cmdline || continue
            echo "== ldirectord show (director pid $pid)"
            nsenter -t "$pid" -m -n env LVS_DIRECTOR_RUNDIR=/run "$app/scripts/ldirectord" "$2/director.cf" show 2>&1
        done
    } >> "$2/diagnosis.txt"
}

# CPU time per thread of each JVM of a node (ours only), into DIR/thread-cpu.txt: whether the SCHED_FIFO
# membership loop (policy 1) takes CPU that the other threads and processes of this one-CPU kernel need
thread_cpu() { # NS DIR LABEL   (one awk per JVM: a fork costs ~80 ms in this kernel)
    local hz uptime pid
    hz=$(getconf CLK_TCK); uptime=$(cut -d' ' -f1 /proc/uptime)
    for pid in $(ip netns pids "$1" 2>/dev/null); do
        case "$(readlink /proc/$pid/exe 2>/dev/null)" in */java) ;; *) continue ;; esac
        # /proc/PID/task/TID/stat: "tid (comm) state ..."; after the last ') ' state is field 1, utime 12,
        # stime 13, starttime 20, policy 39
        awk -v hz="$hz" -v up="$uptime" -v label="$3" -v pid="$pid" '{
                tid = $1; comm = $0; sub(/^[0-9]+ \(/, "", comm); sub(/\) [A-Za-z] .*$/, "", comm)
                rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
                printf "%s pid=%s tid=%s policy=%s cpu_ms=%d alive_ms=%d %s\n", label, pid, tid, f[39] == 1 ? "FIFO" : "other",
                    (f[12] + f[13]) * 1000 / hz, (up - f[20] / hz) * 1000, comm }' /proc/"$pid"/task/*/stat 2>/dev/null \
            | sort -t= -k5,5nr | head -12
    done >> "$2/thread-cpu.txt"
}

await() { # SECONDS DESCRIPTION COMMAND...: polls every 10 ms, prints the epoch ms when COMMAND succeeded
    local limit=$1 what=$2; shift 2
    local deadline=$(( $(now) + limit * 1000 ))
    until "$@" >/dev/null 2>&1; do
        [ "$(now)" -lt "$deadline" ] || { log "time-out waiting for $what"; return 1; }
        sleep 0.01
    done
    now
}

# client.log: END START ok|fail ...; "served after T" counts only attempts started after T
served_after() { awk -v t="$1" '$2 > t && $3 == "ok" { found = 1 } END { exit !found }' "$work/client.log"; }
# served again after a link-down done at D: the earliest end of a successful attempt started after D, which
# cannot have gone through nodea (its link is down by then). Attempts overlap (client.py), so lines are in
# about, not exactly, the order of their ends: the earliest is taken.
served_again() { first_served_again "$1" | grep -q .; }
# when the client was first served again (see served_again), by the client's own clock (end of that attempt)
first_served_again() { awk -v d="$1" '$2 > d && $3 == "ok" && (min == "" || $1 < min) { min = $1 } END { if (min != "") print min }' "$work/client.log"; }
# epoch ms of the first line of a JVM log (HH:MM:SS.mmm, UTC, the day of DAY_MS) matching PATTERN, or 0
# (the first at or after epoch ms SINCE: a partition while nodeb started logs "is dead" long before the kill)
log_ms() { # FILE PATTERN SINCE
    awk -v day=$(( $3 - $3 % 86400000 )) -v since="$3" -v pattern="$2" '$0 ~ pattern && $1 ~ /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9][0-9][0-9]$/ {
        split($1, t, /[:.]/); ms = day + ((t[1] * 60 + t[2]) * 60 + t[3]) * 1000 + t[4]
        if (ms >= since) { printf "%d\n", ms; found = 1; exit } }
        END { if (!found) print 0 }' "$1"
}
# epoch ms of the first line of heartbeat's ha-log matching PATTERN, or 0; whole seconds, stamped
# "Mon DD HH:MM:SS" by heartbeat itself and "YYYY/MM/DD_HH:MM:SS" by its resource scripts
ha_log_ms() { # FILE PATTERN
    local line stamp
    line=$(grep -m1 -E "$2" "$1" || true)
    if [[ $line =~ ^([0-9]{4})/([0-9]{2})/([0-9]{2})_([0-9:]{8}) ]]; then
        stamp="${BASH_REMATCH[1]}-${BASH_REMATCH[2]}-${BASH_REMATCH[3]} ${BASH_REMATCH[4]}"
    else
        stamp=${line:0:15}
    fi
    [ -n "$stamp" ] && echo $(( $(date -u -d "$stamp" +%s) * 1000 )) || echo 0
}
# a false death (load) before the kill makes the round worthless: the standby took over early. Only what
# nodeb logged from byte OFFSET on counts (see logged_bytes): a partition while nodeb started (in a one-CPU
# kernel a JVM's start stalls everything for up to ~0.6 s, more than a 500 ms deadtime) ends in heartbeat's
# restart of both peers, and the round is good again once nodea holds the group and nodeb is a ready standby.
false_death() { # DIR OFFSET
    local f
    for f in "$1"/console.log "$1"/ha-log; do
        [ -f "$f" ] && tail -c +"$(( $2 + 1 ))" "$f" | grep -qs "node nodea: is dead" && return 0
    done
    return 1
}
logged_bytes() { cat "$1"/console.log "$1"/ha-log 2>/dev/null | wc -c; } # the logs only grow
vip_on() { ip -n "$1" -4 addr show dev eth0 | grep -q " $VIP/"; }
table_on() { ip netns exec "$1" ipvsadm -L -n | grep -q "10.0.1.11:80"; }
peer_seen() { grep -Eiqs "node nodea: status active" "$1"/ha-log "$1"/console.log; }

run_mode() { # MODE ROUND: each round in a directory of its own (a node's state dir must start empty)
    local mode=$1 dir="$work/$1/round$2"
    mkdir -p "$dir"
    topology || { log "$mode: the topology could not be built"; return 1; }
    case "$mode" in
        real) for n in nodea nodeb; do prepare_real "$n" "$dir/$n"; done; starter=start_real ;;
        ours) for n in nodea nodeb; do prepare_ours "$n" "$dir/$n" 1 3 2 10; done; starter=start_ours ;;
        ours-fast) for n in nodea nodeb; do prepare_ours "$n" "$dir/$n" 100ms 500ms 300ms 5; done; starter=start_ours ;;
        *) log "unknown mode $mode"; return 2 ;;
    esac
    : > "$work/client.log"
    ip netns exec client python3 "$here/client.py" "$VIP" 80 "$work/client.log" &
    log "$mode: starting nodea"
    $starter nodea "$dir/nodea"
    if ! await 120 "nodea to hold the VIP" vip_on nodea >/dev/null; then
        # the real heartbeat 3.0.6 sometimes loses its own initial ip-request under load (ha-log: "ERROR:
        # msg2string: Message with zero fields", then "Local Resource acquisition completed." and nothing
        # acquired): the start, not the failover, failed, so nodea is started once more
        log "$mode: nodea did not take the VIP ($(grep -hm1 -o 'ERROR: msg2string.*' "$dir/nodea/ha-log" 2>/dev/null || echo 'no error logged')); restarting it"
        kill -9 "$(cat "$dir/nodea/pid")" 2>/dev/null || true
        sleep 2
        mv "$dir/nodea" "$dir/nodea.first-start"
        case "$mode" in real) prepare_real nodea "$dir/nodea" ;; ours) prepare_ours nodea "$dir/nodea" 1 3 2 10 ;;
            ours-fast) prepare_ours nodea "$dir/nodea" 100ms 500ms 300ms 5 ;; esac
        $starter nodea "$dir/nodea"
        await 300 "nodea to hold the VIP" vip_on nodea >/dev/null
    fi
    local up; up=$(now)
    await 300 "the client to be served through nodea" served_after "$up" >/dev/null
    log "$mode: nodea active and serving; starting nodeb"
    $starter nodeb "$dir/nodeb"
    await 120 "nodeb to see nodea active" peer_seen "$dir/nodeb" >/dev/null
    case "$mode" in ours*) await 180 "nodeb's hot-standby director" standby_ready ours "$dir/nodeb" >/dev/null ;; esac
    local settled; settled=$(logged_bytes "$dir/nodeb")
    false_death "$dir/nodeb" 0 && log "$mode: nodeb declared nodea dead while it started (a partition: both restarted, as heartbeat does)"
    sleep 3
    local early=no
    case "$mode" in ours*) thread_cpu nodea "$dir/nodea" before-kill; thread_cpu nodeb "$dir/nodeb" before-kill ;; esac
    false_death "$dir/nodeb" "$settled" && { early=yes; log "$mode: nodeb declared nodea dead before the kill (load): this round is not a failover"; }
    # after a partition the group may have landed on nodeb
    { vip_on nodeb || ! vip_on nodea; } && { early=yes; log "$mode: nodea does not hold the VIP alone before the kill: this round is not a failover"; }
    # The clock starts just before nodea's link goes down. The `ip` that takes it down is started and waiting
    # on a FIFO beforehand: a fork+exec of ip when the clock runs took 0.45 s (2 s under load) before the
    # link went down, and nodeb had declared nodea dead before it returned. down_at: ip has done it and exited.
    local kill_at down_at us cut cut_pid
    mkfifo "$dir/cut.fifo"
    exec {cut}<> "$dir/cut.fifo"
    ip -n nodea -batch - < "$dir/cut.fifo" > "$dir/cut.log" 2>&1 {cut}>&- &
    cut_pid=$!
    sleep 1 # ip is up and reading
    us=${EPOCHREALTIME/./}; kill_at=$(( us / 1000 ))
    echo "link set eth0 down" >&"$cut"
    exec {cut}>&-
    wait "$cut_pid" || log "$mode: ip -batch failed: $(cat "$dir/cut.log")"
    us=${EPOCHREALTIME/./}; down_at=$(( us / 1000 ))
    kill -9 "$(cat "$dir/nodea/pid")"
    log "$mode: nodea killed (link down + SIGKILL of its pid namespace) at $(date -d @$((kill_at / 1000)) +%T).$(printf %03d $((kill_at % 1000))), ip link set down returned after $(( down_at - kill_at )) ms"
    local vip_at table_at served_at
    vip_at=$(await 180 "nodeb to hold the VIP" vip_on nodeb) || vip_at=0
    table_at=$(await 180 "nodeb's IPVS table" table_on nodeb) || table_at=0
    if await 180 "the client to be served through nodeb" served_again "$down_at" >/dev/null; then
        served_at=$(first_served_again "$down_at")
    else
        served_at=0
    fi
    case "$mode" in ours*) thread_cpu nodeb "$dir/nodeb" after-takeover ;; esac
    if [ "$table_at" = 0 ] || [ "$served_at" = 0 ]; then
        case "$mode" in ours*) thread_dumps nodeb "$dir/nodeb"; diagnose nodeb "$dir/nodeb" ;; esac
    fi
    # the phases as nodeb logged them (ours: ms; real heartbeat's ha-log: whole seconds)
    local dead_at vip_log_at active_log_at
    case "$mode" in
        ours*) dead_at=$(log_ms "$dir/nodeb/console.log" "node nodea: is dead" "$kill_at")
               vip_log_at=$(log_ms "$dir/nodeb/console.log" "added $VIP/" "$kill_at")
               active_log_at=$(log_ms "$dir/nodeb/console.log" "director activ(ated|e)" "$kill_at") ;;
        real) dead_at=$(ha_log_ms "$dir/nodeb/ha-log" "node nodea: is dead")
              vip_log_at=$(ha_log_ms "$dir/nodeb/ha-log" "resource.d/ldirectord .* start")
              active_log_at=$(ha_log_ms "$dir/nodeb/ha-log" "mach_down takeover complete\\.") ;;
    esac
    log "$mode: nodeb's log: dead $(( dead_at ? dead_at - kill_at : -1 )) ms, address up $(( vip_log_at ? vip_log_at - kill_at : -1 )) ms, director active $(( active_log_at ? active_log_at - kill_at : -1 )) ms after the kill (real: the address phase is 'ldirectord start' after IPaddr, whole seconds)"
    echo "RESULT mode=$mode vip_ms=$(( vip_at ? vip_at - kill_at : -1 )) table_ms=$(( table_at ? table_at - kill_at : -1 ))" \
        "served_ms=$(( served_at ? served_at - kill_at : -1 ))" \
        "failed_attempts=$(awk -v t="$kill_at" '$2 > t && $3 == "fail"' "$work/client.log" | wc -l)" \
        "false_death_before_kill=$early down_ms=$(( down_at - kill_at ))" \
        "dead_log_ms=$(( dead_at ? dead_at - kill_at : -1 )) active_log_ms=$(( active_log_at ? active_log_at - kill_at : -1 ))"
    cp "$work/client.log" "$dir/client.log"
    teardown
}

# how fast this kernel creates processes: the real heartbeat's takeover is a chain of shell scripts
# (ResourceManager, IPaddr, ldirectord), so its time scales with this; ours forks nothing to take over
calibrate() {
    local t0 t1 t2
    t0=$(now); for _ in $(seq 50); do /bin/true; done; t1=$(now)
    bash -c 'for _ in $(seq 20); do x=$(echo y); done'; t2=$(now)
    log "calibration: fork+exec of /bin/true $(( (t1 - t0) * 1000 / 50 )) us, \$(...) subshell $(( (t2 - t1) * 1000 / 20 )) us; load $(cut -d' ' -f1-3 /proc/loadavg)"
}

sysctl -qw net.ipv4.ip_forward=1
calibrate
declare -A round=()
for mode in "$@"; do
    round[$mode]=$(( ${round[$mode]:-0} + 1 ))
    run_mode "$mode" "${round[$mode]}" || { echo "RESULT mode=$mode error=see-log"; teardown; }
done
