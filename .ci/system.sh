#!/usr/bin/env bash
# Debian's chromium (for the HTML view test) and a throw-away PostgreSQL server on
# 127.0.0.1:54329 with trust auth (for the sink round-trip test).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if pg_isready -h 127.0.0.1 -p 54329 >/dev/null 2>&1; then
  exit 0  # already running (a rerun on the same machine)
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
data=$(mktemp -d /tmp/vnunion-pg.XXXXXX)
chown postgres "$data"
su postgres -c "$bin/initdb -D $data -A trust -U postgres >/dev/null"
su postgres -c "$bin/pg_ctl -D $data -o '-p 54329 -k /tmp -c listen_addresses=127.0.0.1' -l $data/log -w start >/dev/null"
su postgres -c "psql -h 127.0.0.1 -p 54329 -U postgres -qc \"CREATE ROLE vnunion LOGIN\""
su postgres -c "psql -h 127.0.0.1 -p 54329 -U postgres -qc \"CREATE DATABASE vnunion OWNER vnunion\""
