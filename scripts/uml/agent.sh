#!/bin/sh
# scripts/uml/agent.sh DIR [IDLE_SECONDS]
#
# Runs inside a user-mode-linux kernel (scripts/uml-run sh scripts/uml/agent.sh DIR) and executes shell
# commands that a test on the host hands over through files in DIR (on the shared hostfs /tmp):
#   host writes DIR/cmd.N (atomically, by rename), N = 1, 2, 3...
#   agent runs it with sh -c, output (stdout+stderr) to DIR/out.N, then writes the exit status to DIR/rc.N
# A command file containing just "exit" ends the agent (and so the kernel). With no command for
# IDLE_SECONDS (default 90) the agent gives up, so a crashed test never leaves a kernel behind for long.
# FIFOs cannot be used here: a FIFO on hostfs is private to the UML kernel, the host never sees its end.
set -u
dir=$1
idle_limit=${2:-90}
[ -d "$dir" ] || { echo "agent: no directory $dir" >&2; exit 2; }
echo ready > "$dir/ready.tmp" && mv "$dir/ready.tmp" "$dir/ready"
n=1
waited=0
while :; do
    if [ -e "$dir/cmd.$n" ]; then
        waited=0
        if [ "$(cat "$dir/cmd.$n")" = exit ]; then
            exit 0
        fi
        sh -c "$(cat "$dir/cmd.$n")" > "$dir/out.$n" 2>&1 < /dev/null
        echo $? > "$dir/rc.$n.tmp"
        mv "$dir/rc.$n.tmp" "$dir/rc.$n"
        n=$((n + 1))
        continue
    fi
    sleep 0.02
    waited=$((waited + 1))
    if [ "$waited" -gt $((idle_limit * 40)) ]; then
        echo "agent: no command for ${idle_limit}s, giving up" >&2
        exit 3
    fi
done
