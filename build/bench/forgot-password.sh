#!/usr/bin/env bash
# Forgot-password's answer time for an address with an account and one without, on loopback:
#   build/bench/forgot-password.sh [REQUESTS]
# Starts its own PostgreSQL (build/.local/pg-bench, a fresh database) and a Release build of the service, registers
# one account, then sends REQUESTS (default 300) sequential requests for each address, alternating, and prints the
# mean and median of each and their ratio. The request path does the same work for both (the lookup and the email
# happen after the answer, from a queue), so the ratio stays near 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests="${1:-300}"
source build/postgres.sh
command -v curl >/dev/null || { as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

work="build/.local/bench-forgot"
rm -rf "$work" && mkdir -p "$work"
pg_start pg-bench "${CRM_BENCH_PG_PORT:-55434}"
as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS crm_bench_forgot" >/dev/null
pg_create_db crm_bench_forgot
export ConnectionStrings__Crm="$(pg_connection crm_bench_forgot)"
export ASPNETCORE_ENVIRONMENT=Production
export Auth__SigningKeys__0="$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
export RateLimits__Enabled=false
export Email__Transport=smtp Email__SmtpHost=127.0.0.1 Email__SmtpPort=1
export Files__LocalRoot="$PWD/$work/files"

dotnet build src/WebApi -c Release -v q -nologo
dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll migrate
port="${CRM_BENCH_PORT:-5097}"
dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll serve --urls "http://127.0.0.1:$port" >"$work/service.log" 2>&1 &
service_pid=$!
trap 'kill $service_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done

url="http://127.0.0.1:$port/api/v1/auth"
curl -fs -o /dev/null -H 'Content-Type: application/json' "$url/register" \
  -d '{"email":"known@bench.crm.test","password":"bench-password-2026","name":"Known","organization_name":"Bench"}'
ask() { curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' "$url/forgot-password" -d "{\"email\":\"$1\"}"; }
for _ in $(seq 1 50); do ask known@bench.crm.test >/dev/null; ask nobody@bench.crm.test >/dev/null; done   # warm-up
: >"$work/known"; : >"$work/unknown"
for _ in $(seq 1 "$requests"); do
  ask known@bench.crm.test >>"$work/known"
  ask nobody@bench.crm.test >>"$work/unknown"
done
python3 - "$work/known" "$work/unknown" <<'PY'
import statistics, sys
known, unknown = ([float(x) * 1000 for x in open(p)] for p in sys.argv[1:3])
for name, xs in (("with an account", known), ("without one", unknown)):
    print(f"{name:16} mean {statistics.mean(xs):7.3f} ms   median {statistics.median(xs):7.3f} ms   ({len(xs)} requests)")
print(f"ratio (with / without): mean {statistics.mean(known) / statistics.mean(unknown):.3f}, median {statistics.median(known) / statistics.median(unknown):.3f}")
PY
