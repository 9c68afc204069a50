#!/usr/bin/env bash
# The newcomer's first commands, from a fresh clone (of this checkout's HEAD) in a folder the `postgres` user
# cannot enter (mode 700, as /root is): build/run.sh serves until /health/ready answers, its cluster lives
# outside the clone and is found again by the next start with its data, and build/test.sh runs a filtered part
# of the suite (CRM_SCRIPTS_TEST_FILTER, one small fixture by default). Ends with "N passed, N failed".
# Takes a few minutes (a Release build of the clone), so .ci/run runs it after build/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source build/postgres.sh

top="$(mktemp -d)"
chmod 700 "$top"
clone="$top/crm"
git clone -q "$CRM_ROOT" "$clone"
hash="$(printf '%s' "$clone" | sha256sum | cut -c1-12)"
home="/var/lib/postgresql/crm/$hash"
run_pid=""
passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }

free_port() { local p=$1; while port_in_use "$p"; do p=$((p + 1)); done; echo "$p"; }

cleanup() {
  if [ -n "$run_pid" ]; then kill -- "-$run_pid" 2>/dev/null || true; fi
  for cluster in "$home"/*/data; do
    [ -d "$cluster" ] && as_root su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$cluster' -m fast stop" >/dev/null 2>&1 || true
  done
  if [ -f "$clone/build/.local/redis-test/redis.pid" ]; then kill "$(cat "$clone/build/.local/redis-test/redis.pid")" 2>/dev/null || true; fi
  # maildev and s3rver of the clone's test run: only the processes started from this temporary clone.
  for pid in $(pgrep -f -- "$clone/build/.local/tools/" || true); do kill "$pid" 2>/dev/null || true; done
  as_root rm -rf "$home"
  rm -rf "$top"
}
trap cleanup EXIT

postgres_cannot_enter() { ! as_root su postgres -s /bin/sh -c "test -x '$clone'" 2>/dev/null; }
private_to_postgres() { [ "$(as_root stat -c %a "$home/pg/data")" = 700 ]; }
check "the postgres user cannot enter the clone" postgres_cannot_enter

# 1. build/run.sh, in its own process group so that it can be stopped whole.
api_port="$(free_port 5180)"
pg_port="$(free_port 55532)"
CRM_PG_PORT="$pg_port" setsid bash "$clone/build/run.sh" --urls "http://127.0.0.1:$api_port" > "$top/run.log" 2>&1 &
run_pid=$!
ready=0
for _ in $(seq 1 600); do
  if curl -fs "http://127.0.0.1:$api_port/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$run_pid" 2>/dev/null || break
  sleep 1
done
if [ "$ready" -eq 1 ]; then ok "build/run.sh answers /health/ready"; else not_ok "build/run.sh answers /health/ready"; tail -n 30 "$top/run.log"; fi
kill -- "-$run_pid" 2>/dev/null || true
wait "$run_pid" 2>/dev/null || true
run_pid=""

check "the cluster's data lives outside the clone, keyed by its path" as_root test -f "$home/pg/data/PG_VERSION"
check "nothing of the cluster is inside the clone" test ! -e "$clone/build/.local/pg/data"
check "the cluster is private to its owner" private_to_postgres

# 2. The next start finds the same cluster and the demo data.
seeded="$(cd "$clone" && bash -c "source build/postgres.sh && pg_start pg $pg_port >/dev/null && as_root psql -h \"\$PGDIR\" -p \"\$PGPORT\" -U postgres -d crm -tAc 'SELECT count(*) FROM users'" 2>/dev/null || echo 0)"
check "the next start reuses the cluster and its data" test "${seeded:-0}" -gt 0

# 3. build/test.sh, bounded by a filter.
test_status=0
CRM_TEST_FILTER="${CRM_SCRIPTS_TEST_FILTER:-FullyQualifiedName~ErrorCatalogTests}" \
  CRM_TEST_PG_PORT="$(free_port 55633)" CRM_TEST_REDIS_PORT="$(free_port 56479)" \
  CRM_TEST_SMTP_PORT="$(free_port 51225)" CRM_TEST_S3_PORT="$(free_port 54769)" \
  bash "$clone/build/test.sh" > "$top/test.log" 2>&1 || test_status=$?
summary="$(tail -n 1 "$top/test.log")"
if [ "$test_status" -eq 0 ] && [[ "$summary" =~ ^[1-9][0-9]*\ passed,\ 0\ failed$ ]]; then
  ok "build/test.sh runs from the clone ($summary)"
else
  not_ok "build/test.sh runs from the clone ($summary)"; tail -n 30 "$top/test.log"
fi
check "the test cluster lives outside the clone too" as_root test -f "$home/pg-test/data/PG_VERSION"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
