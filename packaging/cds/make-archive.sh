#!/bin/sh
# Writes the class-data-sharing archives of an installed or built app image from the class lists build-installers.sh
# recorded: lib/app/coalmine.jsa for the CLI launcher (serial GC) from lib/app/coalmine.classlist (a real
# `canary status` call), and lib/app/coalmine-console.jsa for the console launcher (ZGC) from
# lib/app/coalmine-console.classlist (the console up to its first workload rows, plus the CLI's classes: the
# `coalmine` command is the console launcher). Two archives because on Java 17 a JVM maps only an archive dumped
# with its own compressed-oops setting, and ZGC has none: the console ignored the CLI's archive. Each is dumped by
# its own launcher, so it holds exactly the runtime, jar path and collector that launcher uses; an archive made
# elsewhere would be ignored. Without an archive a launcher starts as before, only slower.
# Usage: make-archive.sh APP_IMAGE_DIR   (the .deb's postinst runs it for /opt/coalmine)
set -eu

image=${1:?usage: make-archive.sh APP_IMAGE_DIR}
app=$image/lib/app

# dump LAUNCHER NAME: lib/app/NAME.jsa from lib/app/NAME.classlist. The launcher's own -XX:SharedArchiveFile names
# where the archive goes; JAVA_TOOL_OPTIONS adds the dump.
dump() {
    [ -f "$app/$2.classlist" ] || { echo "make-archive: $app/$2.classlist is missing" >&2; exit 1; }
    rm -f "$app/$2.jsa"
    JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/$2.classlist -Xlog:cds=off" \
        "$image/bin/$1" --version >/dev/null 2>&1 || true
    [ -s "$app/$2.jsa" ] || { echo "make-archive: no archive was written to $app/$2.jsa" >&2; exit 1; }
}

dump kubectl-coalmine coalmine
dump Coalmine coalmine-console
