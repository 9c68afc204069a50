#!/usr/bin/env bash
# Shared by run.sh, test.sh and the benchmarks: installs PostgreSQL 15 from apt when it is missing and starts a
# private cluster bound to 127.0.0.1 with its data under build/.local (git-ignored), or, when the `postgres` user
# cannot enter the checkout (a clone under /root, mode 700), under /var/lib/postgresql/crm/<checkout hash>.
#   source build/postgres.sh; pg_start NAME PORT      -> exports PGDIR, PGPORT (the port used), CRM_DB_PASSWORD
set -euo pipefail

CRM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

pg_install() {
  if [ -x "$PG_BIN/initdb" ] && command -v psql >/dev/null; then return 0; fi
  echo "Installing PostgreSQL 15 (apt)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pg_start NAME PORT: a cluster under build/.local/NAME listening on 127.0.0.1 (PORT, or the next free port when
# another server holds it), with a role `crm` (password generated on first start and kept beside the data) that
# may create databases.
pg_start() {
  local name=$1 port=$2
  pg_install
  mkdir -p "$CRM_ROOT/build/.local"
  chmod 755 "$CRM_ROOT/build/.local"
  export PGDIR="$CRM_ROOT/build/.local/$name"
  if ! as_root su postgres -s /bin/sh -c "test -x '$CRM_ROOT/build/.local'" 2>/dev/null; then
    local home
    home="/var/lib/postgresql/crm/$(printf '%s' "$CRM_ROOT" | sha256sum | cut -c1-12)"
    as_root install -d -o postgres -g postgres -m 755 /var/lib/postgresql/crm "$home"
    PGDIR="$home/$name"
  fi
  if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    as_root install -d -o postgres -g postgres -m 700 "$PGDIR"
    as_root su postgres -s /bin/sh -c "$PG_BIN/initdb -D '$PGDIR/data' -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  if as_root su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$PGDIR/data' status" >/dev/null 2>&1; then
    port="$(as_root cat "$PGDIR/port")"
  else
    while port_in_use "$port"; do port=$((port + 1)); done
    as_root su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$PGDIR/data' -l '$PGDIR/server.log' -o \"-p $port -c listen_addresses=127.0.0.1 -k '$PGDIR' -c max_connections=200 -c fsync=${PG_FSYNC:-on} ${PG_OPTS:-}\" -w start" >/dev/null
    echo "$port" | as_root tee "$PGDIR/port" >/dev/null
  fi
  export PGPORT="$port"
  if ! as_root test -f "$PGDIR/crm-password"; then
    local password
    password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
    as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "CREATE ROLE crm LOGIN CREATEDB PASSWORD '$password'" >/dev/null
    echo "$password" | as_root tee "$PGDIR/crm-password" >/dev/null
    as_root chmod 600 "$PGDIR/crm-password"
  fi
  CRM_DB_PASSWORD="$(as_root cat "$PGDIR/crm-password")"
  export CRM_DB_PASSWORD
}

# pg_connection DATABASE: the Npgsql connection string of a database of the started cluster.
pg_connection() {
  echo "Host=127.0.0.1;Port=$PGPORT;Database=$1;Username=crm;Password=$CRM_DB_PASSWORD"
}

# pg_create_db DATABASE: creates the database (owned by crm) unless it exists.
pg_create_db() {
  if ! as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; then
    as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "CREATE DATABASE \"$1\" OWNER crm" >/dev/null
  fi
}
