#!/usr/bin/env bash
# System tools the benchmark needs (Debian/Ubuntu, apt only). Idempotent.
set -euo pipefail
need=()
command -v restic >/dev/null || need+=(restic)
command -v zstd >/dev/null || need+=(zstd)
command -v age >/dev/null || need+=(age)
command -v aws >/dev/null || need+=(awscli)
[ -x /usr/bin/time ] || need+=(time)
command -v sha256sum >/dev/null || need+=(coreutils)
if [ ${#need[@]} -gt 0 ]; then
  echo "[bench/setup] apt-get install ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Ceph RGW packages (radosgw, ceph-mon, ceph-osd) come from the project's own setup script
if ! command -v radosgw >/dev/null || ! command -v ceph-osd >/dev/null; then
  bash "$(dirname "$0")/../scripts/setup-system.sh"
fi
