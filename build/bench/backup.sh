#!/usr/bin/env bash
# Backup and restore figures: seeds a database (by default 10,000 contacts, 20,000 deals, 100,000 timeline entries and
# 200 attachments of 256 KB; --large: ten times the records), then times `backup`, `verify-backup` and `restore` into a
# new database and folder, and prints a markdown table with the sizes.
#   build/bench/backup.sh [--large]          (CRM_BENCH_PG_PORT picks the PostgreSQL port, default 55434)
set -euo pipefail
cd "$(dirname "$0")/../.."
large=false
[ "${1:-}" = "--large" ] && large=true

source build/postgres.sh
work="build/.local/bench-backup"
rm -rf "$work" && mkdir -p "$work"
pg_start pg-bench "${CRM_BENCH_PG_PORT:-55434}"
for db in crm_bench_backup crm_bench_restored; do
  as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null
done
pg_create_db crm_bench_backup
export ConnectionStrings__Crm="$(pg_connection crm_bench_backup)"
export ASPNETCORE_ENVIRONMENT=Development
export Files__LocalRoot="$PWD/$work/files"
dotnet build src/WebApi -c Release -v q -nologo >/dev/null
crm() { dotnet src/WebApi/bin/Release/net10.0/Crm.WebApi.dll "$@"; }
crm migrate >/dev/null
if $large; then
  crm seed --contacts 100000 --deals 200000 --tasks 50000 --activities 1000000 | grep "^Seeded"
else
  crm seed --contacts 10000 --deals 20000 --tasks 5000 --activities 100000 | grep "^Seeded"
fi
# Attachments: files in the store and their rows, on the first contacts.
as_root psql -h "$PGDIR" -p "$PGPORT" -U postgres -d crm_bench_backup -qtAX -c "
  INSERT INTO attachments (id, organization_id, contact_id, file_name, content_type, size, sha256, storage_key, uploaded_by, created_at)
  SELECT gen_random_uuid(), c.organization_id, c.id, 'file' || n || '.bin', 'application/octet-stream', 262144, repeat('0', 64),
         replace(c.organization_id::text, '-', '') || '/' || replace(gen_random_uuid()::text, '-', ''), c.owner_id, now()
    FROM (SELECT *, row_number() OVER (ORDER BY id) n FROM contacts) c WHERE n <= 200
  RETURNING storage_key" > "$work/keys"
while read -r key; do
  mkdir -p "$Files__LocalRoot/$(dirname "$key")"
  head -c 262144 /dev/urandom > "$Files__LocalRoot/$key"
done < "$work/keys"

timed() { local start end; start=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; end=$(date +%s.%N); printf "%.1f" "$(echo "$end - $start" | bc)"; }
backup_s=$(timed crm backup --out "$work/backup")
verify_s=$(timed crm verify-backup "$work/backup")
restore_s=$(timed crm restore --from "$work/backup" --to crm_bench_restored --files-to "$work/restored-files")
rows=$(python3 -c "import json; print(sum(json.load(open('$work/backup/manifest.json'))['tables'].values()))")
dump_mb=$(du -m "$work/backup/database.dump" | cut -f1)
files_mb=$(du -sm "$work/backup/files" | cut -f1)
echo
echo "| step | seconds | what |"
echo "|---|---|---|"
echo "| backup | $backup_s | $rows rows (dump $dump_mb MB) and $(wc -l < "$work/keys") files ($files_mb MB) |"
echo "| verify-backup | $verify_s | SHA-256 of the dump and every file, pg_restore --list |"
echo "| restore | $restore_s | into a new database and folder, then row counts and checksums compared |"
