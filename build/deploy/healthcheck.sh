#!/usr/bin/env bash
# The image's health check: GET /health/live on the given port of this host, healthy on a 200 answer. Pure bash
# (/dev/tcp), so that the runtime image needs neither curl nor wget. Usage: crm-healthcheck [PORT]
set -euo pipefail
port="${1:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3
exec 3<&-
[[ "$status" == "HTTP/1.1 200"* ]]
