#!/usr/bin/env bash
# Installs the Debian packages lifeboat's demo and tests use, only those that are missing, and the
# oldest Node.js that package.json "engines" admits (for the CLI tests), unless it is there.
# Idempotent and quiet when everything is present. Needs root (or sudo) for apt-get.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# command -> package
declare -A NEED=(
  [radosgw]=radosgw        # Ceph RADOS Gateway: the real S3-compatible server of the tests
  [ceph-mon]=ceph-mon
  [ceph-osd]=ceph-osd
  [uuidgen]=uuid-runtime
  [curl]=curl
  [openssl]=openssl        # scripts/s3-server.sh makes the self-signed certificate of its TLS port
  [tar]=tar
  [busybox]=busybox-static # test/e2e/round-trip.test.ts backs up with a minimal busybox tar (no --exclude)
  [gzip]=gzip
  [zstd]=zstd
  [sqlite3]=sqlite3
  [unshare]=util-linux     # the flyctl stand-in mounts the fixture volume in its own mount namespace
  [mount]=mount            # ... with mount --bind
  [age]=age                # interoperability tests of client-side encryption with the real age CLI
  [age-keygen]=age
  [ps]=procps              # the sshd test helper finds a connection's processes
  [sshd]=openssh-server    # ssh-volume-backup tests run a real OpenSSH server on 127.0.0.1
  [ssh]=openssh-client
  [aws]=awscli             # docs/RECOVERY.md's restore without lifeboat is tested command by command
  [jq]=jq                  # ... it reads latest.json and the manifest with jq
  [sha256sum]=coreutils    # ... and checks the archive with sha256sum -c
  [faketime]=faketime      # the CLI's refusal of a runner clock that is off is tested with a faked clock
  [python3]=python3        # test/helpers/slow-link.py: a slow link with a small TCP window (SO_RCVBUF, which Node cannot set)
  [gcc]=gcc                # ... these three build the busybox tar of Alpine's options from Debian's source (below)
  [make]=make
  [bzip2]=bzip2
)

missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${NEED[$cmd]}")
done
# busybox's static link needs the C library's archive (gcc alone does not pull it in without recommends)
dpkg -s libc6-dev >/dev/null 2>&1 || missing+=(libc6-dev)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "[setup-system] installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The CLI tests run the bundle under Node 24 (devDependency "node") and under the oldest Node.js
# that package.json "engines" admits: this version, from the npm registry (package "node", whose
# install script fetches the platform's binary), kept in .tmp/ (git-ignored), outside the project's
# own node_modules and lockfile. test/helpers/cli-nodes.ts expects exactly this version there.
OLDEST_NODE_VERSION=22.15.0
oldest="$root/.tmp/node22"
if [ "$("$oldest/node_modules/node/bin/node" --version 2>/dev/null || true)" != "v$OLDEST_NODE_VERSION" ]; then
  echo "[setup-system] installing Node.js $OLDEST_NODE_VERSION into .tmp/node22 for the CLI tests" >&2
  mkdir -p "$oldest"
  # npm runs a dependency's install script only when the project allows it
  echo '{ "private": true, "allowScripts": { "node": true } }' >"$oldest/package.json"
  npm install --prefix "$oldest" --no-save --no-audit --no-fund --loglevel=error "node@$OLDEST_NODE_VERSION" >/dev/null
fi

# Alpine's busybox tar (long options, --exclude, -X, -T), which Debian does not ship: built from
# Debian's own busybox source package with Alpine's tar options (aports main/busybox/busyboxconfig:
# CONFIG_FEATURE_TAR_LONG_OPTIONS=y, CONFIG_FEATURE_TAR_FROM=y), tar as its only applet, static.
# test/helpers/machine-shapes.ts expects it at this path (the `busybox-alpine` machine shape). The
# source comes through apt from the Debian archive this machine already uses, with apt's lists kept
# in .tmp/ (the system's apt configuration is not touched); the build takes about 30 CPU-s.
bb="$root/.tmp/busybox-alpine"
if [ ! -x "$bb/busybox" ]; then
  echo "[setup-system] building busybox tar with Alpine's options into .tmp/busybox-alpine" >&2
  rm -rf "$bb.work" && mkdir -p "$bb.work/lists/partial" "$bb.work/cache/archives/partial"
  # the Debian archive, at this machine's release (os-release is shell assignments, made to be sourced)
  . /etc/os-release
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $VERSION_CODENAME main" >"$bb.work/sources.list"
  apt_() {
    apt-get -qq -o Dir::Etc::SourceList="$bb.work/sources.list" -o Dir::Etc::SourceParts=/dev/null \
      -o Dir::State::Lists="$bb.work/lists" -o Dir::Cache="$bb.work/cache" "$@"
  }
  apt_ update >/dev/null
  (cd "$bb.work" && apt_ source --download-only busybox >/dev/null 2>&1)
  tar -xjf "$bb.work"/busybox_*.orig.tar.bz2 -C "$bb.work"
  (
    cd "$bb.work"/busybox-*/
    make -s allnoconfig >/dev/null
    for o in TAR FEATURE_TAR_CREATE FEATURE_TAR_LONG_OPTIONS FEATURE_TAR_FROM FEATURE_TAR_GNU_EXTENSIONS \
      FEATURE_TAR_UNAME_GNAME LONG_OPTS STATIC; do
      sed -i "s/^# CONFIG_$o is not set\$/CONFIG_$o=y/" .config
    done
    # new options take their defaults (yes ends by SIGPIPE when oldconfig stops reading)
    { yes '' || true; } | make -s oldconfig >/dev/null
    make -s -j"$(nproc)" >/dev/null 2>&1
  )
  mkdir -p "$bb" && cp "$bb.work"/busybox-*/busybox "$bb/busybox"
  rm -rf "$bb.work"
fi
