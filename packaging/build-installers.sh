#!/usr/bin/env bash
# Builds the Linux app image (target/dist/Coalmine/) and the .deb (target/dist/coalmine_<version>_amd64.deb)
# from the shaded jar target/coalmine.jar. Run by `mvn -Ppackage package`, which passes the pom's version and
# description; by hand: packaging/build-installers.sh 0.1.0 "Canary-release console" [app-image] [deb] [rpm]
# The per-OS options live in packaging/jpackage/*.opts; src/site/packaging.md has the Windows/macOS commands.
set -euo pipefail

version=${1:?usage: build-installers.sh VERSION DESCRIPTION [TYPE...]}
description=${2:?usage: build-installers.sh VERSION DESCRIPTION [TYPE...]}
shift 2
types=("$@")
[ ${#types[@]} -gt 0 ] || types=(app-image deb)

cd "$(dirname "$0")/.."
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
jpackage=${JPACKAGE:-${jdk_bin}jpackage}
jdeps=${JDEPS:-$(dirname "$(command -v "$jpackage")")/jdeps}
opts=packaging/jpackage
input=target/jpackage-input
dist=target/dist
image=$dist/Coalmine

[ -f target/coalmine.jar ] || { echo "target/coalmine.jar is missing: run mvn package first" >&2; exit 1; }

# The bundled runtime holds only the modules in image.opts; fail early, and say what to add, if the jar
# now needs one more (a missing module shows up only at run time, as NoClassDefFoundError).
check_modules() {
    local needed listed missing=()
    needed=$("$jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 target/coalmine.jar)
    listed=$(sed -n 's/^--add-modules //p' "$opts/image.opts")
    for module in ${needed//,/ }; do
        [[ ",$listed," == *",$module,"* ]] || missing+=("$module")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "error: the jar needs modules that $opts/image.opts does not bundle: ${missing[*]}" \
             "- add them to its --add-modules line" >&2
        exit 1
    fi
}

build_image() {
    check_modules
    rm -rf "$input" "$image"
    mkdir -p "$input" "$dist"
    cp target/coalmine.jar "$input/"
    "$jpackage" --type app-image @"$opts/identity.opts" @"$opts/image.opts" @"$opts/linux.opts" @"$opts/linux-image.opts" \
        --app-version "$version" --description "$description" --input "$input" --dest "$dist"
    build_cds_archive
}

# The CLI pays a JVM's start at every call (pipelines, `kubectl coalmine`): record which classes one real
# `canary status` loads, against the image's own demo cluster; then which classes the console loads until its
# workload table has rows; and archive them (packaging/cds/make-archive.sh).
record_class_list() {
    local work launcher=$image/bin/Coalmine
    work=$(mktemp -d)
    HOME=$work "$launcher" demo --kubeconfig "$work/kubeconfig" >"$work/demo.log" 2>&1 &
    local demo=$!
    for _ in $(seq 1 120); do
        grep -q "demo cluster running" "$work/demo.log" 2>/dev/null && break
        sleep 0.5
    done
    grep -q "demo cluster running" "$work/demo.log" || { cat "$work/demo.log" >&2; kill "$demo"; exit 1; }
    HOME=$work KUBECONFIG=$work/kubeconfig JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$image/lib/app/coalmine.classlist" \
        "$image/bin/kubectl-coalmine" canary status shop-api -o json >/dev/null 2>"$work/status.log" \
        || { cat "$work/status.log" >&2; kill "$demo"; exit 1; }
    kill "$demo"
    wait "$demo" 2>/dev/null || true
    record_console_class_list "$work"
    rm -rf "$work"
}

# The console's list: the CLI's (the `coalmine` command runs the console launcher) and what the console loads from
# its start on the demo cluster (no kubeconfig in its home) until the first workload row reaches the FX thread, the
# line `-Dcoalmine.startup.trace` prints then. It needs a display: without xvfb-run only the CLI's classes are listed.
record_console_class_list() {
    local work=$1 app=$image/lib/app
    cp "$app/coalmine.classlist" "$app/coalmine-console.classlist"
    if ! command -v xvfb-run >/dev/null; then
        echo "warning: no xvfb-run, so the console's archive holds only the CLI's classes (apt-get install xvfb)" >&2
        return
    fi
    mkdir -p "$work/console-home"
    HOME=$work/console-home JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/console.classlist -Dcoalmine.startup.trace" \
        xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
            "$1" </dev/null >"$2/console.log" 2>&1 &
            app=$!
            for _ in $(seq 1 1200); do
                grep -q "first workload on FX" "$2/console.log" && break
                kill -0 "$app" 2>/dev/null || break
                sleep 0.1
            done
            kill "$app" 2>/dev/null
            wait "$app" 2>/dev/null
            grep -q "first workload on FX" "$2/console.log"' bash "$launcher" "$work" \
        || { echo "error: the console showed no workload row in 120 s to record its classes:" >&2; cat "$work/console.log" >&2; exit 1; }
    awk '!seen[$0]++' "$app/coalmine.classlist" "$work/console.classlist" >"$app/coalmine-console.classlist"
}

build_cds_archive() {
    record_class_list
    packaging/cds/make-archive.sh "$image"
    cp packaging/cds/make-archive.sh "$image/lib/app/"
}

build_package() {
    local type=$1
    [ -x "$image/bin/Coalmine" ] || build_image
    rm -f "$dist"/coalmine[_-]"$version"*."$type"
    # The archives hold the build's paths: the package ships the class lists, and its postinst makes the archives
    # where it is installed.
    local packaged=target/jpackage-package-image/Coalmine
    rm -rf "$(dirname "$packaged")"
    mkdir -p "$(dirname "$packaged")"
    cp -a "$image" "$packaged"
    rm -f "$packaged/lib/app/coalmine.jsa" "$packaged/lib/app/coalmine-console.jsa"
    "$jpackage" --type "$type" --app-image "$packaged" @"$opts/identity.opts" @"$opts/linux.opts" \
        @"$opts/linux-package.opts" @"$opts/$type.opts" \
        --app-version "$version" --description "$description" --dest "$dist"
}

for type in "${types[@]}"; do
    SECONDS=0
    case $type in
        app-image) build_image ;;
        deb|rpm) build_package "$type" ;;
        *) echo "unknown type '$type' (app-image, deb or rpm here; see src/site/packaging.md)" >&2; exit 2 ;;
    esac
    echo "built $type in ${SECONDS}s"
done
ls -l "$dist"
du -sh "$image"
