# Shared by the scripts in this directory (sourced, not run): finds the project, builds it on first use
# and starts a main class with the runtime class path.
# shellcheck shell=bash

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
    local jar
    jar=$(ls "$home"/target/lvs-director-*.jar | head -1)
    # shellcheck disable=SC2086
    exec java ${LVS_DIRECTOR_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
        -Dlvsdirector.program="$program" -Dlvsdirector.launcher="$(readlink -f "$0")" \
        -cp "$jar:$home/target/lib/*" "$main" "$@"
}
