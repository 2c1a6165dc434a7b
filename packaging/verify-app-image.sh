#!/usr/bin/env bash
# Checks that the packaged app really starts: the app image's own launcher (its bundled runtime, its jar)
# answers --version and --help, every subcommand answers --help, and with no arguments it opens the console
# window against the demo cluster and keeps running. This catches what `mvn test` cannot see: a module
# missing from the trimmed runtime, or classes shadowed in the shipped jar (the `countries` pin, STACK.md).
# Run by `mvn -Ppackage verify`; by hand: packaging/verify-app-image.sh 0.1.0 [target/dist/Coalmine]
# Needs xvfb-run, xwininfo (x11-utils) and libgtk-3-0 (.ci/install installs them). Exits non-zero on failure.
set -euo pipefail

version=${1:?usage: verify-app-image.sh VERSION [APP_IMAGE_DIR]}
image=${2:-target/dist/Coalmine}
cd "$(dirname "$0")/.."
launcher=$(realpath "$image/bin/Coalmine")
window_timeout=${COALMINE_WINDOW_TIMEOUT:-120}   # seconds until the window shows, generous for loaded CI
stay_alive=${COALMINE_STAY_ALIVE:-8}             # seconds the console must then keep running

fail() { echo "verify-app-image: FAIL: $*" >&2; exit 1; }
pass() { echo "verify-app-image: ok: $*"; }

# A throwaway home: no kubeconfig (so the console starts on the demo cluster) and nothing written to the
# real one. Everything the app writes ends up here and is removed at exit.
sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT
export HOME=$sandbox/home XDG_CONFIG_HOME= XDG_STATE_HOME= XDG_CACHE_HOME=
mkdir -p "$HOME"
unset KUBECONFIG

[ -x "$launcher" ] || fail "$image/bin/Coalmine is missing: run packaging/build-installers.sh first"

out=$("$launcher" --version 2>&1) || fail "--version exited $?: $out"
[ "$out" = "coalmine $version" ] || fail "--version printed '$out', expected 'coalmine $version'"
pass "--version prints '$out'"

cli=$(realpath "$image/bin/kubectl-coalmine")
out=$("$cli" --version 2>&1) || fail "bin/kubectl-coalmine --version exited $?: $out"
[ "$out" = "coalmine $version" ] || fail "bin/kubectl-coalmine --version printed '$out'"
# -Xshare:on makes a JVM that cannot map the class-data-sharing archive fail instead of starting without it.
out=$(JAVA_TOOL_OPTIONS=-Xshare:on "$cli" --version 2>/dev/null) \
    || fail "bin/kubectl-coalmine cannot use its class-data-sharing archive lib/app/coalmine.jsa"
pass "the CLI launcher bin/kubectl-coalmine answers --version with its class-data-sharing archive"
# The console runs ZGC: an archive dumped with another collector is not mapped, and until 2026-12-06 it silently was not.
out=$(JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --version 2>/dev/null) \
    || fail "bin/Coalmine cannot use its class-data-sharing archive lib/app/coalmine-console.jsa"
grep -qx "javafx/scene/control/TableView" "$image/lib/app/coalmine-console.classlist" \
    || fail "lib/app/coalmine-console.classlist has no console classes: the console's training run was not recorded"
pass "the console launcher bin/Coalmine starts with its class-data-sharing archive of the console's classes"

# Netty builds a Bouncy Castle provider when it finds Bouncy Castle, at the demo API server's first connection
# (~0.25 s of the demo's start); the build leaves it to the tests (pom.xml, kubernetes-server-mock).
if jar tf "$image/lib/app/coalmine.jar" | grep -q '^org/bouncycastle/'; then
    fail "lib/app/coalmine.jar carries Bouncy Castle: the demo's start would build a provider from it"
fi
pass "the shipped jar carries no Bouncy Castle"

help=$("$launcher" --help 2>&1) || fail "--help exited $?: $help"
[[ $help == Usage:\ coalmine* ]] || fail "--help does not start with 'Usage: coalmine': $help"
pass "--help"

# picocli lists subcommands under "Commands:", one per line, indented by two spaces.
commands=$(sed -n '/^Commands:/,/^$/p' <<<"$help" | sed -n 's/^  \([a-z][a-z0-9-]*\).*/\1/p')
for command in $commands ${COALMINE_REQUIRED_COMMANDS:-}; do
    sub=$("$launcher" "$command" --help 2>&1) || fail "'$command --help' exited $?: $sub"
    [[ $sub == *Usage:* ]] || fail "'$command --help' printed no usage: $sub"
    pass "$command --help"
done

# The console, under a virtual X server of its own.
xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$launcher" "$sandbox" "$window_timeout" "$stay_alive" <<'GUI'
set -euo pipefail
launcher=$1 sandbox=$2 window_timeout=$3 stay_alive=$4
"$launcher" </dev/null >"$sandbox/stdout" 2>"$sandbox/stderr" &
app=$!
stop() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
trap stop EXIT
show_output() { echo "--- stdout:"; cat "$sandbox/stdout"; echo "--- stderr:"; cat "$sandbox/stderr"; } >&2

# GTK also makes a 10x10 leader window named after the program; only a real-sized one counts.
console_window() {
    local line
    while IFS= read -r line; do
        if [[ $line =~ ^\ *0x[0-9a-f]+\ \"Coalmine[^\"]*\":.*\ ([0-9]+)x([0-9]+)[+-] ]] \
                && ((BASH_REMATCH[1] >= 300 && BASH_REMATCH[2] >= 200)); then
            echo "$line"
            return
        fi
    done < <(xwininfo -root -tree)
}

shown=""
for ((i = 0; i < window_timeout; i++)); do
    kill -0 "$app" 2>/dev/null || { show_output; echo "verify-app-image: FAIL: the console exited before its window showed" >&2; exit 1; }
    shown=$(console_window)
    [ -n "$shown" ] && break
    sleep 1
done
[ -n "$shown" ] || { show_output; echo "verify-app-image: FAIL: no window titled Coalmine within ${window_timeout}s" >&2; exit 1; }
echo "verify-app-image: ok: window shown after ~${i}s:$(sed -n '1s/^ */ /p' <<<"$shown")"

for ((i = 0; i < stay_alive; i++)); do
    sleep 1
    kill -0 "$app" 2>/dev/null || { show_output; echo "verify-app-image: FAIL: the console exited ${i}s after its window showed" >&2; exit 1; }
done
# Exceptions are failures even when the window survives them (e.g. a chart that failed to build).
if grep -qE 'Exception|Error:|^\s+at [a-z]' "$sandbox/stderr"; then
    show_output
    echo "verify-app-image: FAIL: the console wrote an exception to stderr" >&2
    exit 1
fi
echo "verify-app-image: ok: console kept running ${stay_alive}s with no exception on stderr"
GUI
pass "all checks passed for $image"
