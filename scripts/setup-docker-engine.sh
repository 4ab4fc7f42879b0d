#!/usr/bin/env bash
# Installs and starts a Docker engine with Compose v2 and buildx on a fresh Debian 12 machine.
# Idempotent: each step is skipped when what it provides is already there.
#
# Debian 12 ships docker.io (the engine) but not Compose v2 or buildx; Debian's next release does,
# and those .debs install on Debian 12. They are downloaded with apt from the mirror this machine is
# already configured with, through a private apt state directory, so the system's sources stay as
# they are.
set -euo pipefail

log() { printf 'setup-docker-engine: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# 1. The engine; a static busybox for test images built FROM scratch; openssl for the test API
#    server's certificates; curl for the benchmark; a registry and htpasswd for the tests of private
#    images and of the build cache, and the build cache's benchmark (docker-registry's service does
#    not start without systemd; each runs its own on loopback); nginx
#    for the health gate's test (an auth proxy and a default backend; the test runs its own on
#    loopback); kubectl (Debian's kubernetes-client) for the README's kubeconfig recipe, unless one is
#    installed already.
want=()
for pkg in docker.io busybox-static tar openssl curl docker-registry apache2-utils nginx; do
  have_pkg "$pkg" || want+=("$pkg")
done
command -v kubectl >/dev/null 2>&1 || want+=(kubernetes-client)
if [ ${#want[@]} -gt 0 ]; then
  log "installing ${want[*]}"
  apt_install "${want[@]}"
fi

# 2. Compose v2 and buildx from the next Debian suite, without adding it to the system's sources.
need_plugins=()
docker compose version >/dev/null 2>&1 || need_plugins+=(docker-compose)
docker buildx version >/dev/null 2>&1 || need_plugins+=(docker-buildx)
if [ ${#need_plugins[@]} -gt 0 ]; then
  mirror=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
  if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
    mirror=$(awk '$1 == "deb" && $3 !~ /security/ { print $2; exit }' /etc/apt/sources.list)
  fi
  [ -n "$mirror" ] || { log "cannot find the Debian mirror in the apt sources"; exit 1; }
  work=$(mktemp -d)
  chmod 755 "$work" # apt downloads as the unprivileged _apt user
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial" "$work/archives/partial"
  printf 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s sid main\n' "$mirror" >"$work/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=-"
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
    -o "APT::Get::List-Cleanup=0" -o "Acquire::Languages=none")
  log "downloading ${need_plugins[*]} from the sid suite"
  as_root apt-get "${apt_opts[@]}" update -qq
  (cd "$work" && as_root apt-get "${apt_opts[@]}" download "${need_plugins[@]}" >/dev/null)
  as_root dpkg -i "$work"/*.deb >/dev/null
fi

# 3. Start dockerd when nothing answers on the default socket.
if ! docker info >/dev/null 2>&1; then
  if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
    as_root systemctl start docker
  else
    log "starting dockerd in the background (log: /var/log/dockerd.log)"
    as_root sh -c 'nohup dockerd >/var/log/dockerd.log 2>&1 &'
  fi
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { log "dockerd did not start; see /var/log/dockerd.log"; exit 1; }
fi

log "ready: $(docker version --format 'engine {{.Server.Version}}'), $(docker compose version --short | sed 's/^/compose /'), $(docker buildx version | awk '{print "buildx " $2}')"
