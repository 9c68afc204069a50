#!/usr/bin/env bash
# Runs every test in Crm.sln against a throwaway PostgreSQL cluster on 127.0.0.1:55433, Redis on 127.0.0.1:56379
# (both installed from apt if missing), maildev (SMTP) and s3rver (S3) from npm, all on loopback with their data
# under build/.local, then the TypeScript client's tests against a running service and the OpenAPI linters (each
# linter counts as one test). Ends with "N passed, N failed".
# CRM_TEST_FILTER=<dotnet test filter> runs only the matching .NET tests and skips the client and the linters.
set -euo pipefail
cd "$(dirname "$0")/.."
source build/postgres.sh
source build/redis.sh
source build/mail.sh

# Durability is not under test: skip fsync for speed.
PG_FSYNC=off pg_start pg-test "${CRM_TEST_PG_PORT:-55433}"
export CRM_TEST_CONNECTION="$(pg_connection postgres)"
redis_start redis-test "${CRM_TEST_REDIS_PORT:-56379}"
export CRM_TEST_REDIS="127.0.0.1:$REDIS_PORT"
tools_install
maildev_start "${CRM_TEST_SMTP_PORT:-51025}"
export CRM_TEST_SMTP_PORT="$SMTP_PORT" CRM_TEST_MAILDEV_URL="$MAILDEV_URL"
s3rver_start "${CRM_TEST_S3_PORT:-54569}"
export CRM_TEST_S3_URL="$S3_URL"

results="build/.local/test-results"
rm -rf "$results"
dotnet restore Crm.sln -v q
dotnet build Crm.sln -c Release --no-restore -v q -nologo
status=0

# dotnet-ef (a local tool, .config/dotnet-tools.json) is how migrations are added: check from a fresh clone that it
# restores, runs against the design-time factory, and finds the model carried whole by the migrations.
dotnet tool restore -v q >/dev/null
migrations_status=0
dotnet ef migrations has-pending-model-changes -p src/Infrastructure -s src/Infrastructure --configuration Release --no-build \
  > build/.local/migrations-check.log 2>&1 || migrations_status=$?
if [ "$migrations_status" -ne 0 ]; then cat build/.local/migrations-check.log; status=1; fi
filter=()
if [ -n "${CRM_TEST_FILTER:-}" ]; then filter=(--filter "$CRM_TEST_FILTER"); fi
dotnet test Crm.sln -c Release --no-build "${filter[@]}" --results-directory "$results" --logger "trx" -- NUnit.DisplayName=FullName || status=$?

# The TypeScript client: current, strictly typed, and driving a running service.
client_status=0
: > build/.local/client-test.log
: > build/.local/openapi-lint.log
if [ -z "${CRM_TEST_FILTER:-}" ]; then
  bash build/client-test.sh > build/.local/client-test.log 2>&1 || client_status=$?
  cat build/.local/client-test.log | grep -vE "^npm (warn|notice)" || true

  # The contract as partners' tools read it: Redocly and Spectral, no error and no warning.
  bash build/openapi-lint.sh > build/.local/openapi-lint.log 2>&1 || true
  grep -vE "^npm (warn|notice)" build/.local/openapi-lint.log || true
fi

passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
client_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' build/.local/client-test.log | tail -n 1)
client_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' build/.local/client-test.log | tail -n 1)
passed=$((passed + ${client_passed:-0}))
failed=$((failed + ${client_failed:-0}))
if [ "$migrations_status" -ne 0 ]; then failed=$((failed + 1)); fi
if [ "$client_status" -ne 0 ] && [ "${client_failed:-0}" -eq 0 ]; then failed=$((failed + 1)); status=1; fi
if [ "$client_status" -ne 0 ]; then status=1; fi
lint_passed=$(grep -c "^# lint pass " build/.local/openapi-lint.log || true)
lint_failed=$(grep -c "^# lint fail " build/.local/openapi-lint.log || true)
# Both linters report, or the lint run itself failed (for instance the install): that is a failure too.
if [ -z "${CRM_TEST_FILTER:-}" ] && [ $((lint_passed + lint_failed)) -lt 2 ]; then lint_failed=$((2 - lint_passed)); fi
passed=$((passed + lint_passed))
failed=$((failed + lint_failed))
if [ "$lint_failed" -ne 0 ]; then status=1; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
