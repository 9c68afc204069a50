#!/usr/bin/env bash
# Benchmarks Crm against the database's own ceiling, everything on loopback:
#   build/bench/run.sh [--scale small|large] [--only core|integrations|exports|imports|notifications]
# Installs wrk and pgbench (apt) when missing, starts its own PostgreSQL (build/.local/pg-bench, a fresh database
# each run), seeds it with the CLI, starts a Release build of the service, then runs every scenario with wrk and its
# main SQL with pgbench at the same concurrency, then the integration scenarios (batch upsert, webhook delivery
# latency, change feed throughput; build/bench/integrations.py), then the exports (every deal, and 1,000,000
# activities added with one INSERT ... SELECT, to CSV, JSON and XLSX; build/bench/exports.py), then a 100,000-row
# contacts import and a 100,000-row companies import (build/bench/imports.py: rows/minute and the service's peak
# memory), then live notification latency (build/bench/notifications.mjs: SignalR clients receiving the notifications
# of a steady load of task assignments; with --only notifications the seed is a small one), and prints the tables (also
# kept in build/.local/bench/results.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=small
only=all
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="${2:-}"; shift 2 ;;
    --scale=*) scale="${1#--scale=}"; shift ;;
    --only) only="${2:-}"; shift 2 ;;
    --only=*) only="${1#--only=}"; shift ;;
    *) echo "usage: build/bench/run.sh [--scale small|large] [--only core|integrations|exports|imports|notifications]" >&2; exit 2 ;;
  esac
done
case "$scale" in small|large) ;; *) echo "--scale is small or large" >&2; exit 2 ;; esac
case "$only" in all|core|integrations|exports|imports|notifications) ;; *) echo "--only is core, integrations, exports, imports or notifications" >&2; exit 2 ;; esac

source build/postgres.sh
if ! command -v wrk >/dev/null || ! command -v python3 >/dev/null || ! command -v curl >/dev/null || [ ! -x /usr/bin/time ]; then
  echo "Installing wrk, python3 and curl (apt)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk python3 curl time >/dev/null
fi
pg_install   # pgbench comes with the PostgreSQL packages

work="build/.local/bench"
rm -rf "$work" && mkdir -p "$work"
PG_OPTS="-c shared_buffers=1GB -c effective_cache_size=4GB -c work_mem=16MB -c synchronous_commit=on" \
  pg_start pg-bench "${CRM_BENCH_PG_PORT:-55434}"
as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS crm_bench" >/dev/null
pg_create_db crm_bench
export ConnectionStrings__Crm="$(pg_connection crm_bench);Maximum Pool Size=64"
export ASPNETCORE_ENVIRONMENT=Production
# A fresh EC P-256 signing key (base64 PKCS#8) for this run's access tokens.
export Auth__SigningKeys__0="$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
export Auth__EncryptionKeys__0="$(openssl rand -base64 32)"
export RateLimits__Enabled=false
export Email__Transport=smtp Email__SmtpHost=127.0.0.1 Email__SmtpPort=1
export Files__LocalRoot="$PWD/$work/files"
# The webhook benchmark's receiver listens on loopback over plain HTTP, which Production refuses unless told.
export Webhooks__AllowInsecure=true Webhooks__AllowPrivateTargets=true
export BENCH_PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

dotnet build src/WebApi -c Release -v q -nologo
crm() { dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll "$@"; }
crm migrate
echo "Seeding ($scale)..."
if [ "$only" = notifications ]; then
  /usr/bin/time -f "seed: %e s, %M KB peak" -o "$work/seed-time" \
    dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll seed --force --demo-password "$BENCH_PASSWORD" \
    --organizations 1 --users 8 --contacts 100 --deals 100 --tasks 10 --activities 100 | tail -n 2
elif [ "$scale" = large ]; then
  /usr/bin/time -f "seed: %e s, %M KB peak" -o "$work/seed-time" \
    dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll seed --force --demo-password "$BENCH_PASSWORD" \
    --organizations 1 --users 8 --contacts 100000 --deals 200000 --tasks 50000 --activities 1000000 | tail -n 2
else
  /usr/bin/time -f "seed: %e s, %M KB peak" -o "$work/seed-time" \
    dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll seed --force --demo-password "$BENCH_PASSWORD" \
    --organizations 1 --users 8 --contacts 10000 --deals 20000 --tasks 5000 --activities 100000 | tail -n 2
fi
crm seed --force --append --demo-password "$BENCH_PASSWORD" --organizations 9 | tail -n 1
cat "$work/seed-time"
as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -d crm_bench -qc "VACUUM ANALYZE" >/dev/null

# The service under test, and a second one on another port whose database sessions log every statement with its
# parameters: the ceiling's queries are taken from that log, so the measured service never pays for the logging.
as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "GRANT SET ON PARAMETER log_min_duration_statement TO crm" >/dev/null
serve() { # serve PORT LOGFILE [extra environment...]
  local port=$1 log=$2; shift 2
  env "$@" dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll serve --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  echo $!
}
service_port="${CRM_BENCH_PORT:-5091}"
sql_port=$((service_port + 1))
service_pid=$(serve "$service_port" "$work/service.log")
# It makes no notifications: those of the measured service's writes are made, and pushed to its clients, by that service.
sql_pid=$(serve "$sql_port" "$work/sql-service.log" \
  "ConnectionStrings__Crm=$ConnectionStrings__Crm;Options=-c log_min_duration_statement=0" Notifications__Process=false)
trap 'kill $service_pid $sql_pid 2>/dev/null || true' EXIT
for port in "$service_port" "$sql_port"; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
done

# Which parts run: all of them, or the one --only names.
part() { [ "$only" = all ] || [ "$only" = "$1" ]; }
if part core; then
  python3 build/bench/bench.py --scale "$scale" --service "http://127.0.0.1:$service_port" --service-pid "$service_pid" \
    --sql-service "http://127.0.0.1:$sql_port" --sql-log "$PGDIR/server.log" --work "$work" \
    --psql "host=127.0.0.1 port=$PGPORT dbname=crm_bench user=crm password=$CRM_DB_PASSWORD"
fi
if part integrations; then
  python3 build/bench/integrations.py --scale "$scale" --service "http://127.0.0.1:$service_port" --service-pid "$service_pid" --work "$work"
fi
if part imports; then
  python3 build/bench/imports.py --service "http://127.0.0.1:$service_port" --service-pid "$service_pid" --work "$work"
fi
if part exports; then
  python3 build/bench/exports.py --service "http://127.0.0.1:$service_port" --service-pid "$service_pid" \
    --work "$work" --psql "host=127.0.0.1 port=$PGPORT dbname=crm_bench user=crm password=$CRM_DB_PASSWORD"
fi
if part notifications; then
  (cd build/client && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && npx --no-install tsc -p tsconfig.json)
  node build/bench/notifications.mjs --service "http://127.0.0.1:$service_port" --clients 100 --rate 20 --seconds 30 \
    | tee -a "$work/results.md"
fi
