#!/usr/bin/env bash
# Tests the TypeScript client: regenerates and compiles it (tsc --strict), starts the service (Release build) on a
# free loopback port against a fresh database of the test cluster, and runs the Node tests against it, one of them
# in headless chromium (installed from apt when missing).
# Expects build/test.sh's environment (CRM_TEST_CONNECTION, PGDIR, PGPORT) and a Release build.
# Prints node's summary; the caller reads "# pass N" and "# fail N".
set -euo pipefail
cd "$(dirname "$0")/.."
source build/postgres.sh

(cd build/client && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
# The browser test drives Debian's chromium (never a downloaded browser).
if ! command -v chromium >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export CRM_CHROMIUM="$(command -v chromium)"
(cd build/client && npx --no-install tsc -p tsconfig.json)

pg_create_db_fresh() {
  as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null
  pg_create_db "$1"
}
pg_create_db_fresh crm_test_client
port=5180
while port_in_use "$port"; do port=$((port + 1)); done
export ConnectionStrings__Crm="$(pg_connection crm_test_client)"
# A fresh EC P-256 signing key (base64 PKCS#8) for this run's access tokens.
export Auth__SigningKeys__0="$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
# A fresh AES-256 key for the secrets stored encrypted (authenticator secrets) of this run's database.
export Auth__EncryptionKeys__0="$(openssl rand -base64 32)"
export ASPNETCORE_ENVIRONMENT=Testing
# Pages on other loopback origins may call it: the browser test's page is one.
export Cors__AllowedOrigins__0="http://127.0.0.1:*"
# The scenario's webhook receiver listens on loopback over plain HTTP; deliveries are looked for often.
export Webhooks__AllowInsecure=true Webhooks__AllowPrivateTargets=true Webhooks__PollInterval=00:00:00.200
# Emails are written as .eml files here, where the scenario reads its verification link.
Email__PickupDirectory="$(mktemp -d)"
export Email__PickupDirectory CRM_MAIL_DIR="$Email__PickupDirectory"
app=src/WebApi/bin/Release/net10.0/Crm.WebApi.dll
dotnet "$app" migrate >/dev/null
dotnet "$app" serve --urls "http://127.0.0.1:$port" > build/.local/client-test-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  node -e "fetch('http://127.0.0.1:$port/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  sleep 0.2
done

status=0
(cd build/client && CRM_API_URL="http://127.0.0.1:$port" node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=../.local/client-test.tap test/) || status=$?
grep -E "^# (pass|fail) " build/.local/client-test.tap
exit $status
