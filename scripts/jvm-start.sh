# JVM start-up options shared by scripts/launcher.sh, scripts/heartbeat and the packaged launcher (sourced,
# not run; POSIX sh, safe under `set -eu`). Three measures, all off with LVS_DIRECTOR_JVM_TUNING=off:
#
# 1. An application class-data-sharing archive (AppCDS, static: -Xshare:dump with a class list), so the JVM
#    maps the project's and its libraries' classes already parsed and verified instead of reading them from
#    the jars (a UML kernel, where page faults and forks are 30-250x dearer than on the host, feels it most:
#    lvsadm -L -n there went from ~9-11 s to ~7-8 s CPU). The archive only fits one JVM build and one exact
#    jar set, so its file name is a checksum of both (paths, sizes, mtimes) plus the class list; a missing
#    archive is built in the background (detached, output discarded) while this start goes on without one.
#    A stale, foreign or corrupt archive is harmless: -Xshare:auto falls back to no sharing, and CDS logging
#    is off so no warning reaches the tools' output (lvsadm's is compared byte for byte with ipvsadm's).
# 2. For the short command-line tools only (not the daemons: C1-only code is slower in the long run):
#    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC, no C2 compiler threads, no parallel GC threads to start.
# 3. No hsperfdata file in /tmp (a shared memory-mapped file: in UML /tmp is the host's disk through hostfs,
#    ~1 s of a tool's start there): the short tools keep no perf counters at all (-XX:-UsePerfData), the
#    daemons keep them in-process (-XX:+PerfDisableSharedMem; jcmd PID still works, jps/jstat do not).
#
# Environment: LVS_DIRECTOR_JVM_TUNING=off disables all three; LVS_DIRECTOR_CDS_DIR overrides the cache
# directory; LVS_DIRECTOR_CDS_FIXED_BASE=1 maps the archive unrelocated (set by scripts/uml-run: relocating
# it cost ~1 s of a JVM start in a UML kernel, measured 13.0 s -> 11.9 s mean over 4 lvsadm starts).
# LVS_DIRECTOR_JAVA_OPTS is placed after these options by the launchers, so it overrides them.
# shellcheck shell=sh

# lvs_jvm_options JAVA CLASSPATH CLASSLIST CACHE-DIRS PROGRAM [ARGS...]
#   JAVA: the java command that will run; CLASSPATH: exactly the -cp value that will be used (a trailing
#   DIR/* is hashed as DIR/*.jar); CLASSLIST: the class list to dump from; CACHE-DIRS: space-separated
#   candidate directories, first one that has the archive or can hold it wins; PROGRAM and ARGS: the tool
#   and its arguments (to tell a short tool from a daemon). Sets LVS_JVM_OPTIONS (word-split when used).
lvs_jvm_options() {
    LVS_JVM_OPTIONS=""
    [ "${LVS_DIRECTOR_JVM_TUNING:-on}" = off ] && return 0
    _lvs_java=$1 _lvs_cp=$2 _lvs_list=$3 _lvs_dirs=${LVS_DIRECTOR_CDS_DIR:-$4} _lvs_program=$5
    shift 5
    if lvs_short_tool "$_lvs_program" "$@"; then
        LVS_JVM_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
    else
        LVS_JVM_OPTIONS="-XX:+PerfDisableSharedMem"
    fi
    lvs_cds_archive "$_lvs_java" "$_lvs_cp" "$_lvs_list" "$_lvs_dirs" || return 0
    LVS_JVM_OPTIONS="$LVS_JVM_OPTIONS -XX:SharedArchiveFile=$_lvs_archive -Xshare:auto -Xlog:cds=off,cds+dynamic=off"
    # the archive at the address it was dumped for, not relocated to a random one (which touches every page of
    # it); only where page faults are very dear and address-space randomisation does not matter (scripts/uml-run)
    if [ "${LVS_DIRECTOR_CDS_FIXED_BASE:-0}" = 1 ]; then
        LVS_JVM_OPTIONS="$LVS_JVM_OPTIONS -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
    fi
}

# lvs_short_tool PROGRAM ARGS... : true when this invocation exits soon (does not run or spawn a daemon).
lvs_short_tool() {
    _lvs_tool=$1
    shift
    case $_lvs_tool in
        lvsadm) return 0 ;;
        ldirectord) _lvs_daemon_words="start restart try-restart reload force-reload standby --foreground --daemon-child" ;;
        heartbeat | lvs-heartbeat) _lvs_daemon_words="start" ;;
        drbd-sync) _lvs_daemon_words="run start" ;;
        *) return 1 ;;
    esac
    for _lvs_arg in "$@"; do
        for _lvs_word in $_lvs_daemon_words; do
            [ "$_lvs_arg" = "$_lvs_word" ] && return 1
        done
    done
    return 0
}

# lvs_cds_archive JAVA CLASSPATH CLASSLIST CACHE-DIRS : sets _lvs_archive and returns 0 when a fitting archive
# exists; otherwise starts building it in the background (when a cache directory is writable) and returns 1.
lvs_cds_archive() {
    _lvs_archive=""
    [ -r "$3" ] || return 1
    _lvs_javabin=$(command -v "$1" 2>/dev/null) || return 1
    _lvs_javabin=$(readlink -f "$_lvs_javabin") || return 1
    _lvs_jhome=${_lvs_javabin%/bin/java}
    # The class path as the JVM will expand it: DIR/* stands for DIR's jars.
    _lvs_files=""
    _lvs_rest=$2
    while [ -n "$_lvs_rest" ]; do
        _lvs_entry=${_lvs_rest%%:*}
        case $_lvs_rest in *:*) _lvs_rest=${_lvs_rest#*:} ;; *) _lvs_rest="" ;; esac
        case $_lvs_entry in
            */\*) _lvs_files="$_lvs_files ${_lvs_entry%\*}*.jar" ;;
            *) _lvs_files="$_lvs_files $_lvs_entry" ;;
        esac
    done
    # shellcheck disable=SC2086  # the jar globs are meant to expand here
    # (a file missing from the list, e.g. another JDK layout, only leaves it out: not an error under pipefail)
    _lvs_sum=$( { stat -L -c '%n %s %Y' "$_lvs_javabin" "$_lvs_jhome/lib/modules" "$_lvs_jhome"/lib/server/libjvm.so \
        "$3" $_lvs_files 2>/dev/null || true; } | cksum) || return 1
    _lvs_name="lvs-director-$(echo "$_lvs_sum" | tr ' ' '-').jsa"
    for _lvs_dir in $4; do
        if [ -s "$_lvs_dir/$_lvs_name" ]; then
            _lvs_archive=$_lvs_dir/$_lvs_name
            return 0
        fi
    done
    for _lvs_dir in $4; do
        if mkdir -p "$_lvs_dir" 2>/dev/null && [ -w "$_lvs_dir" ]; then
            lvs_cds_build "$_lvs_javabin" "$2" "$3" "$_lvs_dir" "$_lvs_name"
            return 1
        fi
    done
    return 1
}

# lvs_cds_build JAVA CLASSPATH CLASSLIST DIR NAME : dumps DIR/NAME in a detached process (one builder at a
# time per archive, a lock older than 10 minutes counts as abandoned); a failed dump leaves NAME.failed so
# that later starts do not retry it. Written under a temporary name and renamed: never seen half-written.
# A successful build removes the other archives in DIR older than an hour (stale ones, mostly).
lvs_cds_build() {
    [ -e "$4/$5.failed" ] && return 0
    if ! mkdir "$4/$5.lock" 2>/dev/null; then
        [ -n "$(find "$4/$5.lock" -maxdepth 0 -mmin +10 2>/dev/null)" ] || return 0
        rm -rf "$4/$5.lock"
        mkdir "$4/$5.lock" 2>/dev/null || return 0
    fi
    # ( ... & ): the builder is not a child of the JVM this script is about to become (no zombie).
    (
        cd / && exec >/dev/null 2>&1 </dev/null
        (
            trap 'rm -rf "$4/$5.lock" "$4/$5.tmp.$$"' EXIT
            find "$4" -maxdepth 1 -name 'lvs-director-*.jsa.tmp.*' -mmin +10 -exec rm -f {} + 2>/dev/null
            if nice -n 10 "$1" -Xshare:dump -XX:SharedClassListFile="$3" -XX:SharedArchiveFile="$4/$5.tmp.$$" \
                -cp "$2" && [ -s "$4/$5.tmp.$$" ]; then
                chmod 644 "$4/$5.tmp.$$" && mv -f "$4/$5.tmp.$$" "$4/$5"
                # archives of earlier jar sets or JVMs (each rebuilt jar leaves one behind), if older than an hour
                find "$4" -maxdepth 1 -name 'lvs-director-*.jsa*' ! -name "$5" -mmin +60 \
                    -exec rm -rf {} + 2>/dev/null
            else
                : > "$4/$5.failed"
            fi
        ) &
    )
}
