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
)

missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${NEED[$cmd]}")
done
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
