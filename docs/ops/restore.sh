#!/usr/bin/env bash
# Restores the hotline database (see docs/backup.md). Never run against the live primary.
#
#   restore.sh dump DUMP_FILE TARGET_DB
#       Logical restore into a NEW, empty database TARGET_DB (created here), 4 jobs in parallel.
#   restore.sh pitr BASE_BACKUP_DIR WAL_ARCHIVE_DIR NEW_DATA_DIR 'YYYY-MM-DD HH:MM:SS+08'
#       Point-in-time recovery on a fresh host: unpacks the base backup into NEW_DATA_DIR, replays the archived WAL
#       up to the given time, then promotes. Start the server afterwards with: pg_ctl -D NEW_DATA_DIR start
set -euo pipefail

mode=${1:?usage: restore.sh dump|pitr ...}

case "$mode" in
  dump)
    file=${2:?dump file}
    db=${3:?target database}
    createdb "$db"
    pg_restore --dbname="$db" --jobs=4 --no-owner --exit-on-error "$file"
    psql -d "$db" -Atc "select 'tickets restored: ' || count(*) from ticket"
    ;;
  pitr)
    base=${2:?base backup dir}
    archive=${3:?WAL archive dir}
    data=${4:?new data dir}
    target=${5:?target time, e.g. '2025-02-18 14:05:00+08'}
    if [ -e "$data" ] && [ -n "$(ls -A "$data")" ]; then
      echo "$data is not empty" >&2
      exit 2
    fi
    mkdir -p "$data"
    chmod 700 "$data"
    tar -xzf "$base/base.tar.gz" -C "$data"
    mkdir -p "$data/pg_wal"
    tar -xzf "$base/pg_wal.tar.gz" -C "$data/pg_wal"
    cat >>"$data/postgresql.auto.conf" <<CONF
restore_command = 'cp $archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
# The restored server must not archive into the production archive.
archive_mode = off
CONF
    touch "$data/recovery.signal"
    echo "ready: pg_ctl -D $data start; then check: select pg_is_in_recovery(); select max(created_at) from ticket;"
    ;;
  *)
    echo "unknown mode: $mode (dump or pitr)" >&2
    exit 2
    ;;
esac
