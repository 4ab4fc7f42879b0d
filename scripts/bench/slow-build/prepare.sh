#!/bin/sh
# Puts a static busybox (Debian: apt-get install busybox-static) and 4 MB of generated files beside
# the Dockerfile.
set -eu
here=$(dirname "$0")
bin=$(command -v busybox) || { echo "prepare.sh: install busybox-static first" >&2; exit 1; }
cp "$bin" "$here/busybox"
mkdir -p "$here/files"
for n in 1 2 3 4; do head -c 1048576 /dev/urandom >"$here/files/part-$n.bin"; done
