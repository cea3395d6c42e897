#!/usr/bin/env bash
# Backups of the hotline database (see docs/backup.md). Run as the postgres OS user on the database host, or anywhere
# with PG* variables (PGHOST, PGPORT, PGUSER, PGDATABASE; password in ~/.pgpass) pointing at the primary.
#
#   backup.sh dump   BACKUP_DIR   nightly logical dump (small sites): BACKUP_DIR/hotline-YYYYmmdd-HHMM.dump
#   backup.sh base   BACKUP_DIR   base backup for point-in-time recovery (cities), with WAL archiving configured
#
# Keeps the last KEEP (default 14) of each kind. Exits non-zero on any failure, so cron/systemd can alert.
set -euo pipefail

mode=${1:?usage: backup.sh dump|base BACKUP_DIR}
dir=${2:?usage: backup.sh dump|base BACKUP_DIR}
keep=${KEEP:-14}
stamp=$(date +%Y%m%d-%H%M)
mkdir -p "$dir"

case "$mode" in
  dump)
    # Custom format: compressed, restorable table by table, in parallel (pg_restore -j).
    out="$dir/hotline-$stamp.dump"
    pg_dump --format=custom --compress=6 --no-owner --file="$out.partial" "${PGDATABASE:-hotline}"
    pg_restore --list "$out.partial" >/dev/null        # the archive is readable
    mv "$out.partial" "$out"
    ls -1t "$dir"/hotline-*.dump | tail -n +$((keep + 1)) | xargs -r rm --
    ;;
  base)
    # Requires on the primary: wal_level=replica, archive_mode=on, archive_timeout=300 (or less),
    # archive_command copying to the WAL archive (see docs/backup.md). --wal-method=stream makes the backup
    # self-contained; the archive adds every change after it.
    out="$dir/base-$stamp"
    pg_basebackup --pgdata="$out" --format=tar --gzip --wal-method=stream --checkpoint=fast \
      --label="hotline $stamp" --progress --verbose
    ls -1dt "$dir"/base-* | tail -n +$((keep + 1)) | xargs -r rm -r --
    ;;
  *)
    echo "unknown mode: $mode (dump or base)" >&2
    exit 2
    ;;
esac
echo "backup $mode done: $out"
