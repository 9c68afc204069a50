#!/usr/bin/env bash
# Generates the TypeScript client (build/client/src/crm-client.ts) from the committed OpenAPI document with the
# npm package nswag, then compiles it with tsc --strict. Operations answering an endless event stream are left out
# (scripts/without-streams.mjs). Usage: build/generate-client.sh [output-file]
set -euo pipefail
cd "$(dirname "$0")/client"
output="${1:-src/crm-client.ts}"
[ -d node_modules/nswag ] && [ -d node_modules/typescript ] || npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
document="$(mktemp --suffix=.json)"
trap 'rm -f "$document"' EXIT
node scripts/without-streams.mjs ../openapi/v1.json "$document"
npx --no-install nswag openapi2tsclient /runtime:Net100 \
  /input:"$document" /output:"$output" \
  /template:Fetch /templateDirectory:templates \
  /operationGenerationMode:MultipleClientsFromOperationId \
  /typeStyle:Interface /enumStyle:StringLiteral /dateTimeType:String \
  /nullValue:Null /wrapDtoExceptions:true /exceptionClass:CrmApiError /generateOptionalParameters:true > /tmp/nswag-$$.log || { cat /tmp/nswag-$$.log; exit 1; }
node scripts/one-of-unions.mjs ../openapi/v1.json "$output"
if [ "$output" = "src/crm-client.ts" ]; then
  npx --no-install tsc -p tsconfig.json
fi
