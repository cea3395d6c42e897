#!/usr/bin/env bash
# All benchmarks in one command; writes docs/performance.md (the newest run on top, earlier runs kept below it).
#
#   bench/run.sh                      # 1,000,000 tickets of which 500,000 open, about 12 minutes here
#   BENCH_TICKETS=5000000 BENCH_OPEN=1000000 bench/run.sh
#
# Needs a PostgreSQL server the benchmarks may fill (default 127.0.0.1:5432, user postgres, trust auth; set
# BENCH_PG_HOST/PORT/USER): it creates (and first drops) the database hotline_bench there. The normal build and the
# tests never use it. Steps: package with the bench profile, JMH (triage), the application started as its own process
# with -Xmx512m, intake load over HTTP with 1/4/16 clients and the database's own limit for the same rows with JDBC,
# the city generator (COPY), the screens over HTTP next to their SQL, the deadline sweep in the application's context.
#
# On a shared server: BENCH_DB names your own database (default hotline_bench); BENCH_DOC writes the report elsewhere
# than docs/performance.md; BENCH_JMH=0 and BENCH_SWEEP=0 skip those steps; BENCH_JAVA_OPTS go to the application's JVM
# (e.g. a flight recording); BENCH_INTAKE_DB measures intake on that fresh, empty database instead (with BENCH_REUSE=1,
# as the first run did, rather than on the reused tickets). The run measures a snapshot of the code as packaged (target/bench/snapshot), so the
# sources can be rebuilt while it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BENCH_PG_HOST:=127.0.0.1}" "${BENCH_PG_PORT:=5432}" "${BENCH_PG_USER:=postgres}"
: "${BENCH_TICKETS:=1000000}" "${BENCH_OPEN:=500000}" "${BENCH_DAYS:=730}"
: "${BENCH_INTAKE_SECONDS:=15}" "${BENCH_WARMUP_SECONDS:=5}" "${BENCH_SAMPLES:=30}"
export BENCH_PG_HOST BENCH_PG_PORT BENCH_PG_USER
DB=${BENCH_DB:-hotline_bench}
DOC=${BENCH_DOC:-docs/performance.md}
JDBC="jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$DB"
OUT=target/bench
PORT=18080
psql_() { psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -v ON_ERROR_STOP=1 -Atq "$@"; }
started=$(date +%s)
step() { echo "[$(( $(date +%s) - started ))s] $*"; }

mkdir -p "$OUT"
rm -f "$OUT"/*.md "$OUT"/*.txt
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu=$(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "memory=$(free -g | awk '/Mem:/ {print $2}') GB"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "postgres=$(psql_ -d postgres -c 'show server_version') on $BENCH_PG_HOST:$BENCH_PG_PORT (fsync $(psql_ -d postgres -c 'show fsync'), synchronous_commit $(psql_ -d postgres -c 'show synchronous_commit'), shared_buffers $(psql_ -d postgres -c 'show shared_buffers'))"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet || echo ' (uncommitted changes)')"
  echo "tickets=$BENCH_TICKETS"
  echo "open=$BENCH_OPEN"
} > "$OUT/machine.txt"

step "package (bench profile)"
./mvnw -B -q -o -Pbench -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
rm -rf "$OUT/snapshot" && mkdir -p "$OUT/snapshot"
cp -r target/classes target/test-classes "$OUT/snapshot/"
cp target/hotline12345-0.1.0-SNAPSHOT.jar "$OUT/snapshot/app.jar"
export BENCH_JAR="$OUT/snapshot/app.jar"
CP="$OUT/snapshot/test-classes:$OUT/snapshot/classes:$(cat "$OUT/cp.txt")"
run_java() { java -Xmx1g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -cp "$CP" "$@"; }

if [ "${BENCH_JMH:-1}" = 1 ]; then
  step "JMH: triage grading"
  run_java org.openjdk.jmh.Main -f 1 -wi 3 -i 5 -rf json -rff "$OUT/jmh.json" org.hotline12345.triage > "$OUT/jmh.log" 2>&1
fi

existing=$(psql_ -d "$DB" -c "select count(*) from ticket where ticket_no like 'NB%'" 2>/dev/null || echo 0)
if [ "${BENCH_REUSE:-0}" = 1 ] && [ "$existing" -ge "$BENCH_TICKETS" ]; then
  step "reusing the $existing generated tickets in $DB (BENCH_REUSE=1); application with -Xmx512m"
  echo "reused=yes" >> "$OUT/machine.txt"
else
  step "fresh database $DB, application with -Xmx512m"
  psql_ -d postgres -c "drop database if exists $DB with (force)"
  psql_ -d postgres -c "create database $DB"
  existing=0
fi
base="http://127.0.0.1:$PORT"
warm_up() {
  # The first ticket publishes the default triage rules: not part of the measurement.
  curl -fs -o /dev/null -X POST "$base/api/v1/tickets" -H 'Authorization: Bearer demo-operator-token' \
    -H 'Content-Type: application/json' \
    -d '{"callerPhone":"13800000000","requestType":"CONSULTATION","channel":"PHONE","description":"预热"}'
}
intake() {
  step "intake over HTTP: 1, 4, 16 clients"
  run_java org.hotline12345.perf.IntakeLoad "$base" demo-operator-token "$BENCH_WARMUP_SECONDS" "$BENCH_INTAKE_SECONDS" \
    "$OUT/intake-app.md" 1 4 16
  step "the database's own limit for the same rows: 1, 4, 16 clients"
  run_java org.hotline12345.perf.DbLimit "$1" "$BENCH_PG_USER" "$BENCH_WARMUP_SECONDS" "$BENCH_INTAKE_SECONDS" \
    "$OUT/intake-db.md" 1 4 16
}
if [ -n "${BENCH_INTAKE_DB:-}" ]; then
  # Intake on an empty database of its own (as a first run measures it), the screens on the reused tickets.
  step "intake on a fresh, empty database $BENCH_INTAKE_DB"
  psql_ -d postgres -c "drop database if exists $BENCH_INTAKE_DB with (force)"
  psql_ -d postgres -c "create database $BENCH_INTAKE_DB"
  APP=$(bench/app.sh "$PORT" "$BENCH_INTAKE_DB" "$OUT/app-intake.log")
  trap 'kill "$APP" 2>/dev/null || true' EXIT
  warm_up
  intake "jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$BENCH_INTAKE_DB"
  kill "$APP"
  while kill -0 "$APP" 2>/dev/null; do sleep 1; done
  psql_ -d postgres -c "drop database $BENCH_INTAKE_DB with (force)"
fi
APP=$(bench/app.sh "$PORT" "$DB" "$OUT/app.log")
trap 'kill "$APP" 2>/dev/null || true' EXIT
warm_up
if [ -z "${BENCH_INTAKE_DB:-}" ]; then
  intake "$JDBC"
fi

if [ "$existing" = 0 ]; then
  step "city generator: $BENCH_TICKETS tickets ($BENCH_OPEN open) over $BENCH_DAYS days"
  run_java org.hotline12345.perf.CityGenerator "$JDBC" "$BENCH_PG_USER" "$BENCH_TICKETS" "$BENCH_OPEN" "$BENCH_DAYS" 42 \
    | tee "$OUT/generator.txt"
  cp "$OUT/generator.txt" "$OUT/../bench-generator.txt"
else
  cp "$OUT/../bench-generator.txt" "$OUT/generator.txt" 2>/dev/null || echo "GENERATED (reused)" > "$OUT/generator.txt"
fi
timeline=$(psql_ -d "$DB" -c "select t.ticket_no from ticket t join ticket_event e on e.ticket_id = t.id where t.ticket_no like 'NB%' and t.caller_phone_index like 'bench%' group by t.ticket_no having count(*) = 50 limit 1")
psql_ -d "$DB" -c "select pg_size_pretty(pg_database_size('$DB'))" > "$OUT/dbsize.txt"

step "screens over HTTP and their SQL"
run_java org.hotline12345.perf.ScreenTimer "$base" "$JDBC" "$BENCH_PG_USER" "$timeline" "$BENCH_SAMPLES" \
  "$OUT/screens.md" > "$OUT/screens.log"
grep '^|' "$OUT/screens.log" || true
kill "$APP"; wait "$APP" 2>/dev/null || true

if [ "${BENCH_SWEEP:-1}" = 1 ]; then
  step "deadline sweep over the open tickets"
  run_java org.hotline12345.dispatch.SweepBenchmark "$JDBC" "$BENCH_PG_USER" "$OUT/sweep.md" > "$OUT/sweep.log" 2>&1
  grep '^|' "$OUT/sweep.log" || { tail -30 "$OUT/sweep.log"; exit 1; }
fi

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"
echo "seconds=$(( $(date +%s) - started ))" >> "$OUT/machine.txt"
run_java org.hotline12345.perf.PerformanceReport "$OUT" "$DOC"
step "done: $DOC"
