#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the server test suite and the sync bench.
#
#   eval "$(scripts/ci-postgres.sh)"      # exports DATABASE_URL, WIREBOOST_PG_DIR, WIREBOOST_PG_BIN
#   scripts/ci-postgres.sh stop "$WIREBOOST_PG_DIR"
#
# On a fresh Debian machine (as root) it installs postgresql with apt-get if no server binaries exist,
# initialises a cluster in a temporary directory, and starts it on 127.0.0.1 on a free port. PostgreSQL
# refuses to run as root, so the cluster runs as the `postgres` user (created if missing). Only the
# `export …` lines go to stdout; progress goes to stderr. Authentication is `trust` on loopback only:
# a disposable CI database, never a deployment.
set -euo pipefail

log() { echo "[ci-postgres] $*" >&2; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
  done
  return 1
}

run_as() {
  # Runs a command as the cluster user (or directly when we are not root).
  if [ "$(id -u)" = "0" ]; then su -s /bin/sh "$PG_USER" -c "$*"; else sh -c "$*"; fi
}

if [ "${1:-}" = "stop" ]; then
  dir="${2:?usage: ci-postgres.sh stop DIR}"
  BIN="$(find_bin)"
  PG_USER="$(stat -c %U "$dir/data")"
  run_as "'$BIN/pg_ctl' -D '$dir/data' -m fast stop" >&2 || true
  rm -rf "$dir"
  exit 0
fi

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" != "0" ]; then log "no PostgreSQL binaries and not root: install postgresql first"; exit 1; fi
  log "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi
log "using $BIN"

PG_USER="$(id -un)"
if [ "$(id -u)" = "0" ]; then
  PG_USER=postgres
  if ! id "$PG_USER" >/dev/null 2>&1; then useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"; fi
fi

DIR="$(mktemp -d /tmp/wireboost-pg.XXXXXX)"
chmod 755 "$DIR"
[ "$(id -u)" = "0" ] && chown "$PG_USER" "$DIR"

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

run_as "'$BIN/initdb' -D '$DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null 2>&1 \
  || run_as "'$BIN/initdb' -D '$DIR/data' -U postgres --auth=trust -E UTF8 --locale=C" >&2
# Loopback only; enough connections for several server instances plus the bench's raw pool.
run_as "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -t 60 -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB\" start" >&2

"$BIN/../bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc 'create database wireboost' >&2 2>/dev/null \
  || psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc 'create database wireboost' >&2

URL="postgres://postgres@127.0.0.1:$PORT/wireboost"
log "PostgreSQL ready: $URL (stop with: scripts/ci-postgres.sh stop $DIR)"
echo "export DATABASE_URL='$URL'"
echo "export WIREBOOST_PG_DIR='$DIR'"
echo "export WIREBOOST_PG_BIN='$BIN'"
