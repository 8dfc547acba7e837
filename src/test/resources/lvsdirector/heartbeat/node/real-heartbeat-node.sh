#!/usr/bin/env bash
# Runs Debian's heartbeat 3.0.6 in the foreground as node NODE with DIR/etc-ha.d as /etc/ha.d and
# DIR/varlib as /var/lib/heartbeat. Meant to be started as
#   ip netns exec NS unshare --uts --mount --pid --fork --kill-child --mount-proc bash THIS NODE DIR
# so the host name, mounts and /run are private and killing unshare ends the whole node (this shell is
# its PID 1).
set -euo pipefail
node="$1"; dir="$2"
hostname "$node"
mount --make-rprivate /
mount --bind "$dir/etc-ha.d" /etc/ha.d
mount --bind "$dir/varlib" /var/lib/heartbeat
mount -t tmpfs tmpfs /run
mkdir -p /run/heartbeat/ccm /run/heartbeat/crm /run/heartbeat/dopd /run/resource-agents
chown -R hacluster:haclient /run/heartbeat
# This shell stays PID 1 of the node: heartbeat's restart after a healed partition re-executes it without
# -f, so it daemonizes; the daemon is then a child of this shell and the node lives on until it exits.
/usr/libexec/heartbeat/heartbeat -f &
wait $! || true
while pgrep -x heartbeat >/dev/null; do sleep 1; done
