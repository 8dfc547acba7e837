# Shared by the scripts in this directory (sourced, not run): finds the project, builds it on first use
# and starts a main class with the runtime class path and the start-up options of jvm-start.sh.
# shellcheck shell=bash
. "$(dirname "${BASH_SOURCE[0]}")/jvm-start.sh"

lvs_home() {
    local self
    self=$(readlink -f "${BASH_SOURCE[1]}")
    cd "$(dirname "$self")/.." && pwd
}

lvs_ensure_built() {
    local home=$1
    if ! ls "$home"/target/lvs-director-*.jar >/dev/null 2>&1 || [ ! -d "$home/target/lib" ]; then
        echo "lvs-director: building (first use): mvn -B -q -DskipTests package" >&2
        (cd "$home" && mvn -B -q -DskipTests package) >&2 || {
            echo "lvs-director: build failed; run 'mvn -B -DskipTests package' in $home to see why" >&2
            exit 1
        }
    fi
}

# lvs_exec HOME PROGRAM-NAME MAIN-CLASS ARGS... : exec's the JVM (signals reach it directly).
lvs_exec() {
    local home=$1 program=$2 main=$3
    shift 3
    local jar classpath
    jar=$(ls "$home"/target/lvs-director-*.jar | head -1)
    classpath="$jar:$home/target/lib/*"
    # the archive cache: next to the jars it fits (gone with them on mvn clean), else the user's cache
    lvs_jvm_options java "$classpath" "$home/scripts/cds.classlist" \
        "$home/target/cds ${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/lvs-director" "$program" "$@"
    # shellcheck disable=SC2086  # word lists: the start-up options, then the user's (last, so they win)
    exec java $LVS_JVM_OPTIONS ${LVS_DIRECTOR_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
        -Dlvsdirector.program="$program" -Dlvsdirector.launcher="$(readlink -f "$0")" \
        -cp "$classpath" "$main" "$@"
}
