#!/usr/bin/env bash
# Fuzzes the config parser (and any other @FuzzTest named with -t) for a fixed time.
#
#   bench/fuzz.sh [-t TestClass] [SECONDS]      default: ConfigParserFuzzTest, 60 seconds
#
# Without JAZZER_FUZZ, `mvn test` only replays the seed corpus (regression mode); here JAZZER_FUZZ=1
# makes Jazzer generate inputs until the time is up. Jazzer fuzzes one test method per run. Findings
# (crashing inputs) land in src/test/resources/<package>/<Class>Inputs/<method>/ and are replayed by every
# later `mvn test`; the generated working corpus goes to .cifuzz-corpus/ (not committed).
set -euo pipefail

test_class=ConfigParserFuzzTest
while getopts "t:" opt; do
  case "$opt" in
    t) test_class=$OPTARG ;;
    *) echo "usage: $0 [-t TestClass] [SECONDS]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "SECONDS must be a number" >&2; exit 2; }

cd "$(dirname "$0")/.."
echo "fuzzing $test_class for ${seconds}s"
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" exec mvn -B -o test \
  -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.max_duration="${seconds}s"
