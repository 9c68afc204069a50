#!/usr/bin/env bash
# What build/deploy/Dockerfile does, on a host without a container engine: copies the build stage's inputs (its COPY
# lines) to an empty folder and runs the build stage's RUN lines there (restore, publish), then runs the published
# executable as an unprivileged user (nobody) with the image's environment (its ENV lines) plus the compose
# environment file (.env.example, its placeholders replaced by generated secrets), on the image's port bound to
# loopback: check-config, migrate against a fresh database, serve, the image's HEALTHCHECK command, /health/ready,
# SIGTERM. Ends with "N passed, N failed"; .ci/run counts it.
#   CRM_CONTAINER_PG_PORT (default 55733): where its PostgreSQL cluster (build/.local/pg-container) listens.
set -euo pipefail
cd "$(dirname "$0")/../.."
source build/postgres.sh
deploy="$PWD/build/deploy"

passed=0 failed=0
ok() { echo "ok - $1"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $1"; failed=$((failed + 1)); }
summary() { echo "$passed passed, $failed failed"; }

top="$(mktemp -d -p /var/tmp crm-container.XXXXXX)" # not under /tmp: Production refuses files kept in the temporary folder
chmod 755 "$top"
server_pid=""
database=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  if [ -n "$database" ]; then
    as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
    as_root su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D '$PGDIR/data' -m fast stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$top"
}
trap cleanup EXIT

# The lines of one stage of the Dockerfile (from its FROM to the next), continuation lines joined.
stage() {
  awk -v name="$1" '
    /^FROM / { inside = ($NF == name) ; next }
    inside && !/^[[:space:]]*#/ { print }' "$deploy/Dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta'
}

# 1. The build stage: its COPY sources into an empty context, then its RUN lines there, /app/publish relocated.
context="$top/context" publish="$top/app"
mkdir -p "$context"
while read -r _ args; do
  read -r -a words <<<"$args"
  # What Dockerfile.dockerignore keeps out of the context: build output and packages installed in place.
  tar -c --exclude=bin --exclude=obj --exclude=node_modules --exclude=TestResults "${words[@]:0:${#words[@]}-1}" | tar -x -C "$context"
done < <(stage build | grep -E '^COPY ' | grep -v -- '--from')
build_status=0
(
  cd "$context"
  stage build | grep -E '^RUN ' | sed -e 's/^RUN //' -e "s#/app/publish#$publish#g" | while read -r command; do
    echo "+ $command"
    bash -c "$command" || exit 1
  done
) > "$top/build.log" 2>&1 || build_status=$?
if [ "$build_status" -eq 0 ] && [ -x "$publish/Crm.WebApi" ]; then
  ok "the build stage publishes from the Dockerfile's inputs alone"
else
  not_ok "the build stage publishes from the Dockerfile's inputs alone"; tail -n 30 "$top/build.log"; summary; exit 1
fi
chmod -R a+rX "$publish"

# 2. The runtime environment: the image's ENV, the environment file with real secrets, the database, loopback.
PG_FSYNC=off pg_start pg-container "${CRM_CONTAINER_PG_PORT:-55733}"
database="crm_container_$$"
as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "CREATE DATABASE \"$database\" OWNER crm" >/dev/null
port=8080
while port_in_use "$port"; do port=$((port + 1)); done
state="$top/var-lib-crm"
install -d -o nobody -m 750 "$state" "$state/files"

environment=(
  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  "HOME=/nonexistent"
  "DOTNET_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")")"
)
# The image's ENV (runtime stage), its /var/lib/crm relocated.
read -r -a image_env <<<"$(stage runtime | grep -E '^ENV ' | sed 's/^ENV //')"
for pair in "${image_env[@]}"; do environment+=("${pair//\/var\/lib\/crm/$state}"); done
# The environment file as compose hands it to the container (env_file), each placeholder given a real secret.
signing_key="$(openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -outform DER | base64 -w0)"
secret_for() {
  case "$1" in
    Auth__SigningKeys__*) echo "$signing_key" ;;
    Auth__EncryptionKeys__*|Privacy__SuppressionKey) openssl rand -base64 32 ;;
    *) openssl rand -hex 16 ;;
  esac
}
placeholders=()
while IFS= read -r line; do
  [[ "$line" =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
  key="${BASH_REMATCH[1]}" value="${BASH_REMATCH[2]}"
  value="${value#\"}"; value="${value%\"}"
  # POSTGRES_PASSWORD is compose's own; the settings the service reads have a double underscore.
  if [[ "$value" == *change-me* ]]; then
    if [[ "$key" == *__* ]]; then placeholders+=("$key=$value"); fi
    value="$(secret_for "$key")"
  fi
  environment+=("$key=${value//\/var\/lib\/crm/$state}")
done < "$deploy/.env.example"
# What compose.yaml adds: the database (here the test cluster) and the port, on loopback only.
environment+=(
  "ConnectionStrings__Crm=$(pg_connection "$database")"
  "ASPNETCORE_URLS=http://127.0.0.1:$port"
)

as_nobody() { runuser -u nobody -- env -i "${environment[@]}" "$@"; }

# 3. check-config: valid with real secrets, secrets masked; refused (exit 78, one line) with a placeholder left.
config_status=0
as_nobody "$publish/Crm.WebApi" check-config > "$top/check-config.log" 2>&1 || config_status=$?
if [ "$config_status" -eq 0 ] && grep -q "^Environment = Production$" "$top/check-config.log"; then
  ok "check-config accepts the container's environment (Production)"
else
  not_ok "check-config accepts the container's environment (Production)"; cat "$top/check-config.log"
fi
if grep -q "^Auth:SigningKeys:0 = \*\*\*$" "$top/check-config.log" && ! grep -qF "$signing_key" "$top/check-config.log"; then
  ok "check-config masks the secrets"
else
  not_ok "check-config masks the secrets"
fi
placeholder_status=0
placeholder_output="$(as_nobody "${placeholders[0]}" timeout 120 "$publish/Crm.WebApi" serve 2>&1)" || placeholder_status=$?
placeholder_key="${placeholders[0]%%=*}"
if [ "$placeholder_status" -eq 78 ] && [ "$(wc -l <<<"$placeholder_output")" -eq 1 ] && [[ "$placeholder_output" == *"${placeholder_key//__/:}"* ]]; then
  ok "a placeholder of .env.example left in place stops the service with one line ($placeholder_output)"
else
  not_ok "a placeholder of .env.example left in place stops the service with one line (exit $placeholder_status: $placeholder_output)"
fi

# 4. migrate, as `docker run IMAGE migrate` (compose's one-shot service).
migrate_status=0
as_nobody "$publish/Crm.WebApi" migrate > "$top/migrate.log" 2>&1 || migrate_status=$?
if [ "$migrate_status" -eq 0 ]; then ok "migrate prepares an empty database ($(tail -n 1 "$top/migrate.log" | cut -c1-60)...)"; else not_ok "migrate prepares an empty database"; cat "$top/migrate.log"; fi

# 5. The service, as the image's ENTRYPOINT runs it; the image's HEALTHCHECK command; readiness; SIGTERM.
# As the image does (COPY --chmod=755 ... /usr/local/bin/crm-healthcheck): a copy the service's user can run, wherever
# the checkout is (a clone in a private home is closed to that user).
install -m 755 "$deploy/healthcheck.sh" "$top/crm-healthcheck"
as_nobody "$publish/Crm.WebApi" > "$top/serve.log" 2>&1 &
server_pid=$!
live=0
for _ in $(seq 1 120); do
  if as_nobody "$top/crm-healthcheck" "$port" 2>/dev/null; then live=1; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
if [ "$live" -eq 1 ]; then ok "the image's health check finds /health/live answering"; else not_ok "the image's health check finds /health/live answering"; tail -n 30 "$top/serve.log"; fi
ready="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
if [ "$ready" = 200 ]; then ok "/health/ready answers 200"; else not_ok "/health/ready answers 200 (got $ready)"; fi
server_pid_user="$(ps -o user= -p "$(pgrep -P "$server_pid" -n 2>/dev/null || echo "$server_pid")" 2>/dev/null || true)"
app_user="$(ps -o user= -C Crm.WebApi 2>/dev/null | sort -u | tr -d ' ' | tr '\n' ' ')"
if [[ "$app_user" == "nobody " ]]; then ok "the service runs as an unprivileged user (nobody)"; else not_ok "the service runs as an unprivileged user (got '$app_user' / '$server_pid_user')"; fi
if ss -Hltn "sport = :$port" | awk '{print $4}' | grep -qxF "127.0.0.1:$port"; then
  ok "it listens on loopback only (127.0.0.1:$port)"
else
  not_ok "it listens on loopback only"; ss -Hltn "sport = :$port"
fi
app_pid="$(pgrep -f "^$publish/Crm.WebApi\$" | head -n 1 || true)"
[ -n "$app_pid" ] && kill -TERM "$app_pid" 2>/dev/null || true
stop_status=0
wait "$server_pid" || stop_status=$?
server_pid=""
if [ "$stop_status" -eq 0 ]; then ok "SIGTERM stops it with exit code 0"; else not_ok "SIGTERM stops it with exit code 0 (got $stop_status)"; tail -n 20 "$top/serve.log"; fi

summary
[ "$failed" -eq 0 ]
