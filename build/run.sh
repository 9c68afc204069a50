#!/usr/bin/env bash
# Runs Crm locally with demo data: PostgreSQL (installed from apt if missing) on 127.0.0.1:55432 with its data
# under build/.local, migrations, demo seed, then the API on http://127.0.0.1:5080.
# Arguments pass to the service, e.g. build/run.sh --urls http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
source build/postgres.sh

pg_start pg "${CRM_PG_PORT:-55432}"
pg_create_db crm
export ConnectionStrings__Crm="$(pg_connection crm)"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Development signs access tokens with the public development key; any other environment needs a real key, so
# without one this run makes a throwaway EC P-256 key (its tokens stop working when the service restarts).
if [ "$ASPNETCORE_ENVIRONMENT" != Development ] && [ -z "${Auth__SigningKeys__0:-}" ]; then
  export Auth__SigningKeys__0="$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
fi
# Authenticator secrets are stored encrypted: outside Development, without a configured key, this run makes one
# and keeps it beside the data (build/.local, git-ignored), since secrets encrypted with a lost key are lost.
if [ "$ASPNETCORE_ENVIRONMENT" != Development ] && [ -z "${Auth__EncryptionKeys__0:-}" ]; then
  mkdir -p build/.local && [ -s build/.local/encryption-key ] || (umask 077 && openssl rand -base64 32 > build/.local/encryption-key)
  export Auth__EncryptionKeys__0="$(cat build/.local/encryption-key)"
fi

dotnet build src/WebApi -c Release -v q -nologo
run() { dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll "$@"; }
run migrate
run seed --if-empty

urls="http://127.0.0.1:5080"
for ((i = 1; i <= $#; i++)); do
  if [ "${!i}" = "--urls" ]; then j=$((i + 1)); urls="${!j}"; fi
  case "${!i}" in --urls=*) urls="${!i#--urls=}" ;; esac
done
echo
echo "Crm API: $urls  (health: $urls/health/ready, docs: $urls/docs)"
echo "Demo users of 'Acme Demo' (password demo-password-2026, development only):"
echo "  owner@demo.crm.test  admin@demo.crm.test  manager@demo.crm.test  member@demo.crm.test"
echo "Sign in: curl -s $urls/api/v1/auth/login -H 'Content-Type: application/json' -d '{\"email\":\"owner@demo.crm.test\",\"password\":\"demo-password-2026\"}'"
echo
exec dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll serve --urls "$urls" "$@"
