#!/usr/bin/env bash
# Shared by test.sh and the benchmarks: installs Redis from apt when it is missing and starts a private server on
# 127.0.0.1 (PORT, or the next free one) that keeps nothing on disk.
#   source build/redis.sh; redis_start NAME PORT      -> exports REDIS_PORT
set -euo pipefail

redis_start() {
  local name=$1 port=$2 dir
  if ! command -v redis-server >/dev/null; then
    echo "Installing Redis (apt)..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  dir="$CRM_ROOT/build/.local/$name"
  mkdir -p "$dir"
  if [ -f "$dir/port" ] && redis-cli -h 127.0.0.1 -p "$(cat "$dir/port")" ping >/dev/null 2>&1; then
    port="$(cat "$dir/port")"
  else
    while port_in_use "$port"; do port=$((port + 1)); done
    redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save "" --appendonly no \
      --dir "$dir" --logfile "$dir/redis.log" --pidfile "$dir/redis.pid" >/dev/null
    echo "$port" > "$dir/port"
    for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  export REDIS_PORT="$port"
}
