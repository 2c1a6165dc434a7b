#!/bin/sh
# Writes the class-data-sharing archive of an installed or built app image, lib/app/coalmine.jsa, from the class
# list lib/app/coalmine.classlist (recorded by build-installers.sh from a real `canary status` call). It runs the
# image's own CLI launcher, so the archive holds exactly the runtime and jar path the launchers use: on Java 17 an
# archive made elsewhere would be ignored. Without the archive the launchers start as before, only slower.
# Usage: make-archive.sh APP_IMAGE_DIR   (the .deb's postinst runs it for /opt/coalmine)
set -eu

image=${1:?usage: make-archive.sh APP_IMAGE_DIR}
app=$image/lib/app
[ -f "$app/coalmine.classlist" ] || { echo "make-archive: $app/coalmine.classlist is missing" >&2; exit 1; }
rm -f "$app/coalmine.jsa"
# The launcher's own -XX:SharedArchiveFile names where the archive goes; JAVA_TOOL_OPTIONS adds the dump.
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/coalmine.classlist -Xlog:cds=off" \
    "$image/bin/kubectl-coalmine" >/dev/null 2>&1 || true
[ -s "$app/coalmine.jsa" ] || { echo "make-archive: no archive was written to $app/coalmine.jsa" >&2; exit 1; }
