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

# alive PID: the process runs (an exited child stays a zombie until reaped, and `kill -0` still finds it).
alive() { local state; state="$(ps -o stat= -p "$1" 2>/dev/null)" && [[ "$state" != Z* ]]; }

# started PID PORT...: whether the process PID is alive and every PORT listens (at most 15 s). Another checkout's
# server may take a port between the check and the start (several worktrees run their tests at once): then the
# process exits and the caller tries the next ports.
started() {
  local pid=$1; shift
  for _ in $(seq 1 150); do
    alive "$pid" || return 1
    local all=1 p
    for p in "$@"; do port_in_use "$p" || all=0; done
    if [ "$all" -eq 1 ]; then sleep 0.3; alive "$pid" && return 0 || return 1; fi
    sleep 0.1
  done
  echo "Nothing listens on 127.0.0.1:$*" >&2
  return 1
}

maildev_start() {
  local smtp=$1 web attempt
  for attempt in 1 2 3 4 5; do
    while port_in_use "$smtp"; do smtp=$((smtp + 1)); done
    web=$((smtp + 1))
    while port_in_use "$web"; do web=$((web + 1)); done
    nohup "$CRM_ROOT/build/.local/tools/node_modules/.bin/maildev" --smtp "$smtp" --web "$web" --ip 127.0.0.1 \
      > "$CRM_ROOT/build/.local/maildev.log" 2>&1 &
    if started $! "$smtp" "$web"; then
      export SMTP_PORT="$smtp" MAILDEV_URL="http://127.0.0.1:$web"
      return 0
    fi
    kill $! 2>/dev/null || true
    smtp=$((web + 1))
  done
  echo "maildev did not start (attempt $attempt): see build/.local/maildev.log" >&2
  return 1
}

s3rver_start() {
  local port=$1 dir="$CRM_ROOT/build/.local/s3" attempt
  mkdir -p "$dir"
  for attempt in 1 2 3 4 5; do
    while port_in_use "$port"; do port=$((port + 1)); done
    nohup "$CRM_ROOT/build/.local/tools/node_modules/.bin/s3rver" -d "$dir" -a 127.0.0.1 -p "$port" --configure-bucket crm-files \
      > "$CRM_ROOT/build/.local/s3rver.log" 2>&1 &
    if started $! "$port"; then
      export S3_URL="http://127.0.0.1:$port"
      return 0
    fi
    kill $! 2>/dev/null || true
    port=$((port + 1))
  done
  echo "s3rver did not start (attempt $attempt): see build/.local/s3rver.log" >&2
  return 1
}
