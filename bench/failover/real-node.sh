#!/usr/bin/env bash
# real-node.sh NODE DIR: Debian's heartbeat 3.0.6 as node NODE with DIR/etc-ha.d as /etc/ha.d and
# DIR/varlib as /var/lib/heartbeat, its resources (IPaddr, Debian's Perl ldirectord) run by it. Started
# as `ip netns exec NS unshare --uts --mount --pid --fork --kill-child --mount-proc bash THIS NODE DIR`,
# so killing unshare takes the whole node down, like a power cut.
set -euo pipefail
node="$1"; dir="$2"
hostname "$node"
mount --make-rprivate /
mount --bind "$dir/etc-ha.d" /etc/ha.d
mount --bind "$dir/varlib" /var/lib/heartbeat
mount -t tmpfs tmpfs /run
mkdir -p /run/heartbeat/ccm /run/heartbeat/crm /run/heartbeat/dopd /run/resource-agents /run/heartbeat/rsctmp
chown -R hacluster:haclient /run/heartbeat
exec /usr/libexec/heartbeat/heartbeat -f
