#!/usr/bin/env bash
# A throwaway single-node Ceph cluster (Debian's Pacific 16.2 packages) with a RADOS Gateway S3
# endpoint on loopback: the real S3-compatible server that lifeboat's demo and tests run against
# (RGW is the engine behind DigitalOcean Spaces).
#
# Usage: s3-server.sh start | stop | status | env (export lines for the CLI: LIFEBOAT_ENDPOINT, ...)
#   CEPH_S3_DIR       working directory, removed on stop          (default /tmp/lifeboat-s3)
#   CEPH_MON_PORT     monitor port                                 (default 3300)
#   CEPH_RGW_PORT     S3 port on 127.0.0.1                         (default 7480)
#   CEPH_RGW_SSL_PORT also serve S3 over TLS on this port of 127.0.0.1 (default: none, http only),
#                     with a self-signed certificate made at start: $CEPH_S3_DIR/tls/cert.pem is the
#                     CA file its clients trust (NODE_EXTRA_CA_CERTS, AWS_CA_BUNDLE, restic --cacert)
#   S3_ACCESS_KEY / S3_SECRET_KEY   keys of the S3 user created at start
#   CEPH_OBJECTSTORE  memstore (every byte in RAM, fastest) | bluestore (a file on disk)
#   CEPH_MEMSTORE_BYTES  memstore capacity (default 4 GiB)
set -euo pipefail
BASE=${CEPH_S3_DIR:-/tmp/lifeboat-s3}
MON_PORT=${CEPH_MON_PORT:-3300}
RGW_PORT=${CEPH_RGW_PORT:-7480}
SSL_PORT=${CEPH_RGW_SSL_PORT:-}
AK=${S3_ACCESS_KEY:-LIFEBOATTESTKEY}
SK=${S3_SECRET_KEY:-LifeboatTestSecret0123456789}
MEMSTORE_BYTES=${CEPH_MEMSTORE_BYTES:-4294967296}
OBJECTSTORE=${CEPH_OBJECTSTORE:-memstore}
CONF="$BASE/ceph.conf"
DAEMONS="client.rgw.a osd.0 mon.a" # stop order: each daemon needs the next one alive to exit quickly

log() { echo "[s3-server $(date +%T)] $*" >&2; }
ceph_() { timeout 30 ceph -c "$CONF" "$@"; }

need_pkgs() {
  if ! command -v radosgw >/dev/null || ! command -v ceph-osd >/dev/null || ! command -v ceph-mon >/dev/null; then
    bash "$(dirname "$0")/setup-system.sh"
  fi
}

stop() {
  # SIGTERM, up to 3 s grace, then SIGKILL (an RGW with requests hung on a full OSD ignores SIGTERM)
  for d in $DAEMONS; do
    f="$BASE/run/$d.pid"
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill -0 "$pid" 2>/dev/null || continue
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then log "SIGKILL $d ($pid)"; kill -9 "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$BASE"
  log "stopped and removed $BASE"
}

start() {
  need_pkgs
  [ -e "$BASE/run/mon.a.pid" ] && stop
  rm -rf "$BASE"
  mkdir -p "$BASE"/{mon.a,osd.0,rgw.a,run,log}
  local fsid frontends="beast endpoint=127.0.0.1:$RGW_PORT"
  fsid=$(uuidgen)
  if [ -n "$SSL_PORT" ]; then
    # a self-signed certificate for 127.0.0.1 (clients connect by that address: the name they check)
    mkdir -p "$BASE/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
      -addext subjectAltName=IP:127.0.0.1 -keyout "$BASE/tls/key.pem" -out "$BASE/tls/cert.pem" 2>/dev/null
    frontends="$frontends ssl_endpoint=127.0.0.1:$SSL_PORT ssl_certificate=$BASE/tls/cert.pem ssl_private_key=$BASE/tls/key.pem"
  fi
  cat >"$CONF" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
# no cephx: S3 SigV4 is checked by RGW itself against the user's keys, independently of this
auth cluster required = none
auth service required = none
auth client required = none
# radosgw forces ms_mon_client_mode to "secure", which AUTH_NONE cannot do (EACCES hang)
ms mon client mode = crc secure
keyring = /dev/null
run dir = $BASE/run
admin socket = $BASE/run/\$name.asok
pid file = $BASE/run/\$name.pid
log file = $BASE/log/\$name.log
mon cluster log file = $BASE/log/ceph.log
crash dir = $BASE/log/crash
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 1
mon warn on insecure global id reclaim allowed = false
osd fast shutdown notify mon = false
osd objectstore = $OBJECTSTORE
memstore device bytes = $MEMSTORE_BYTES
bluestore block size = 10737418240
bluestore fsck on mkfs = false
bluestore fsck on mount = false
bluestore cache size = 268435456
osd memory target = 1073741824

[mon]
# commit map changes every 50 ms: RGW's first start issues its pool commands one after another
paxos propose interval = 0.05
paxos min wait = 0.01

[mon.a]
mon data = $BASE/mon.a

[osd.0]
osd data = $BASE/osd.0

[client.rgw.a]
rgw data = $BASE/rgw.a
# SSE-KMS for the tests of the sse / sse-kms-key-id inputs: RGW's "testing" KMS backend with fixed
# throwaway keys (key ids testkey-1, testkey-2), allowed over plain HTTP on loopback
rgw crypt require ssl = false
rgw crypt s3 kms backend = testing
rgw crypt s3 kms encryption keys = testkey-1=YmluCmJvb3N0CmJvb3N0LWJ1aWxkCmNlcGguY29uZgo= testkey-2=aWIKTWFrZWZpbGUKbWFuCm91dApzcmMKVGVzdGluZwo=
rgw frontends = $frontends tcp_nodelay=1
CONF
  if curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/"; then
    log "port $RGW_PORT already answers: stop that server or set CEPH_RGW_PORT"
    exit 1
  fi
  # 1. the monitor
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_PORT]" "$BASE/monmap" >/dev/null
  ceph-mon -c "$CONF" --mkfs -i a --monmap "$BASE/monmap"
  ceph-mon -c "$CONF" -i a
  # 2. one OSD
  local uuid id ok=""
  uuid=$(uuidgen)
  id=$(ceph_ osd new "$uuid" 2>/dev/null)
  ceph-osd -c "$CONF" -i "$id" --mkfs --osd-uuid "$uuid" 2>/dev/null
  ceph-osd -c "$CONF" -i "$id" 2>/dev/null
  for _ in $(seq 1 60); do
    if ceph_ osd dump 2>/dev/null | grep -q "^osd.$id up"; then ok=1; break; fi
    sleep 0.5
  done
  [ -n "$ok" ] || { log "osd.$id never came up"; tail -20 "$BASE/log/osd.$id.log" >&2; exit 1; }
  # 3. the gateway (its first start creates the .rgw.root and default.rgw.* pools)
  radosgw -c "$CONF" -n client.rgw.a
  ok=""
  for _ in $(seq 1 120); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$RGW_PORT/")" = 200 ]; then ok=1; break; fi
    sleep 0.25
  done
  [ -n "$ok" ] || { log "radosgw never answered"; tail -20 "$BASE/log/client.rgw.a.log" >&2; exit 1; }
  # 4. an S3 user with fixed keys
  radosgw-admin -c "$CONF" user create --uid=lifeboat --display-name=lifeboat \
    --access-key="$AK" --secret-key="$SK" >"$BASE/log/user-create.json"
  if [ -n "$SSL_PORT" ]; then
    ok=""
    for _ in $(seq 1 40); do
      if [ "$(curl -s --cacert "$BASE/tls/cert.pem" -o /dev/null -w '%{http_code}' "https://127.0.0.1:$SSL_PORT/")" = 200 ]; then ok=1; break; fi
      sleep 0.25
    done
    [ -n "$ok" ] || { log "radosgw never answered over TLS on $SSL_PORT"; tail -20 "$BASE/log/client.rgw.a.log" >&2; exit 1; }
    log "S3 endpoint https://127.0.0.1:$SSL_PORT  CA file $BASE/tls/cert.pem"
  fi
  log "S3 endpoint http://127.0.0.1:$RGW_PORT  access=$AK"
}

# a second user whose keys reach only what it owns (tests of cross-account copies)
add_user() {
  local uid=$1 ak=$2 sk=$3
  radosgw-admin -c "$CONF" user create --uid="$uid" --display-name="$uid" \
    --access-key="$ak" --secret-key="$sk" >"$BASE/log/user-$uid.json"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    ceph_ -s
    for d in $DAEMONS; do echo "$d pid $(cat "$BASE/run/$d.pid" 2>/dev/null)"; done
    ;;
  env)
    # the variables the lifeboat CLI (and the AWS SDK under it) reads: eval "$(npm run -s s3 -- env)"
    echo "export LIFEBOAT_ENDPOINT=http://127.0.0.1:$RGW_PORT"
    echo "export LIFEBOAT_FORCE_PATH_STYLE=true"
    echo "export AWS_ACCESS_KEY_ID=$AK"
    echo "export AWS_SECRET_ACCESS_KEY=$SK"
    echo "export AWS_REGION=us-east-1"
    if [ -n "$SSL_PORT" ]; then
      # the same store over TLS: LIFEBOAT_ENDPOINT=$LIFEBOAT_TLS_ENDPOINT uses it
      echo "export LIFEBOAT_TLS_ENDPOINT=https://127.0.0.1:$SSL_PORT"
      echo "export NODE_EXTRA_CA_CERTS=$BASE/tls/cert.pem"
      echo "export AWS_CA_BUNDLE=$BASE/tls/cert.pem"
    fi
    ;;
  add-user) add_user "$2" "$3" "$4" ;;
  *)
    echo "usage: $0 start|stop|status|env|add-user UID ACCESS SECRET" >&2
    exit 2
    ;;
esac
