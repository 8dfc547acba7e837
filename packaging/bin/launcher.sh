# Installed as /usr/share/lvs-director/launcher.sh and sourced by the entry points in /usr/sbin: runs a
# main class of the installed jar with its libraries. Paths are found relative to the entry point, so an
# unpacked package (dpkg -x into any directory) runs as well as an installed one.
# shellcheck shell=sh

# lvs_run PROGRAM-NAME MAIN-CLASS ARGS... : exec's the JVM, so signals reach it directly.
lvs_run() {
    program=$1
    main=$2
    shift 2
    share=$(dirname "$(readlink -f "$0")")/../share/lvs-director
    share=$(cd "$share" && pwd)
    java=java
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        java=$JAVA_HOME/bin/java
    fi
    # Packaged daemons keep pid files and control sockets here: the systemd unit runs them unprivileged.
    LVS_DIRECTOR_RUNDIR=${LVS_DIRECTOR_RUNDIR:-/run/lvs-director}
    export LVS_DIRECTOR_RUNDIR
    classpath="$share/lvs-director.jar:$share/lib/*"
    # start-up options (jvm-start.sh): the AppCDS archive lives in the units' CacheDirectory (relative to
    # the package's root, like everything here), else in the user's cache
    . "$share/jvm-start.sh"
    lvs_jvm_options "$java" "$classpath" "$share/cds.classlist" \
        "${share%/usr/share/lvs-director}/var/cache/lvs-director/cds ${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/lvs-director" \
        "$program" "$@"
    # shellcheck disable=SC2086  # word lists: the start-up options, then the user's (last, so they win)
    exec "$java" $LVS_JVM_OPTIONS ${LVS_DIRECTOR_JAVA_OPTS:-} \
        ${LVS_DIRECTOR_JNA_TMPDIR:+-Djna.tmpdir="$LVS_DIRECTOR_JNA_TMPDIR"} \
        --enable-native-access=ALL-UNNAMED \
        -Dlvsdirector.program="$program" -Dlvsdirector.launcher="$0" \
        -cp "$classpath" "$main" "$@"
}
