#!/usr/bin/env bash
# Shared by test.sh: the npm test servers (maildev for SMTP, s3rver for S3), installed under build/.local/tools
# and started on free loopback ports.
#   source build/mail.sh; tools_install; maildev_start PORT   -> exports SMTP_PORT, MAILDEV_URL
#                                       s3rver_start PORT    -> exports S3_URL
set -euo pipefail

tools_install() {
  local dir="$CRM_ROOT/build/.local/tools"
  if [ ! -x "$dir/node_modules/.bin/maildev" ] || [ ! -x "$dir/node_modules/.bin/s3rver" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error maildev@2.2.1 s3rver@3.7.1 >/dev/null)
  fi
}

# wait_for_port PORT: until something listens there (at most 15 s).
wait_for_port() {
  for _ in $(seq 1 150); do port_in_use "$1" && return 0; sleep 0.1; done
  echo "Nothing listens on 127.0.0.1:$1" >&2
  return 1
}

maildev_start() {
  local smtp=$1 web
  while port_in_use "$smtp"; do smtp=$((smtp + 1)); done
  web=$((smtp + 1))
  while port_in_use "$web"; do web=$((web + 1)); done
  nohup "$CRM_ROOT/build/.local/tools/node_modules/.bin/maildev" --smtp "$smtp" --web "$web" --ip 127.0.0.1 \
    > "$CRM_ROOT/build/.local/maildev.log" 2>&1 &
  wait_for_port "$smtp"
  wait_for_port "$web"
  export SMTP_PORT="$smtp" MAILDEV_URL="http://127.0.0.1:$web"
}

s3rver_start() {
  local port=$1 dir="$CRM_ROOT/build/.local/s3"
  while port_in_use "$port"; do port=$((port + 1)); done
  mkdir -p "$dir"
  nohup "$CRM_ROOT/build/.local/tools/node_modules/.bin/s3rver" -d "$dir" -a 127.0.0.1 -p "$port" --configure-bucket crm-files \
    > "$CRM_ROOT/build/.local/s3rver.log" 2>&1 &
  wait_for_port "$port"
  export S3_URL="http://127.0.0.1:$port"
}
