#!/usr/bin/env bash
# Installs the Debian packages lifeboat's demo and tests use, only those that are missing.
# Idempotent and quiet when everything is present. Needs root (or sudo) for apt-get.
set -euo pipefail

# command -> package
declare -A NEED=(
  [radosgw]=radosgw        # Ceph RADOS Gateway: the real S3-compatible server of the tests
  [ceph-mon]=ceph-mon
  [ceph-osd]=ceph-osd
  [uuidgen]=uuid-runtime
  [curl]=curl
  [tar]=tar
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
)

missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${NEED[$cmd]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "[setup-system] installing: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
