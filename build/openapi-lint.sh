#!/usr/bin/env bash
# Lints the committed OpenAPI document as partners' tools read it: Redocly CLI (recommended rules, redocly.yaml) and
# Spectral (spectral:oas, .spectral.yaml), both pinned in build/openapi/package.json. Any error or warning fails.
# Prints one line per linter, "# lint pass NAME" or "# lint fail NAME", for build/test.sh to count.
set -uo pipefail
cd "$(dirname "$0")/openapi"
[ -d node_modules/@redocly/cli ] && [ -d node_modules/@stoplight/spectral-cli ] \
  || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error || exit 1
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
status=0
# Redocly exits non-zero on errors only: its warnings are read from its report.
if out=$(npx --no-install redocly lint --format=stylish v1.json 2>&1) && ! grep -qE "^\s+[0-9]+:[0-9]+\s+(error|warning)" <<<"$out"; then
  echo "# lint pass redocly"
else
  grep -vE "║|═|^\s*$" <<<"$out"
  echo "# lint fail redocly"
  status=1
fi
if out=$(npx --no-install spectral lint --fail-severity=warn v1.json 2>&1); then
  echo "# lint pass spectral"
else
  echo "$out"
  echo "# lint fail spectral"
  status=1
fi
exit $status
