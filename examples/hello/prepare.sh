#!/bin/sh
# Copies a static busybox into the build context (Debian: apt-get install busybox-static).
set -eu
here=$(dirname "$0")
bin=$(command -v busybox) || { echo "prepare.sh: install busybox-static first" >&2; exit 1; }
cp "$bin" "$here/busybox"
