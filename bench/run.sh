#!/usr/bin/env bash
# All benchmarks in one command; adds a dated run subsection to docs/performance.md (newest first, under the
# bench:latest marker; nothing else in the file is changed).
#
#   bench/run.sh                                     # 500,000 tickets of which 250,000 open, within 15 minutes here
#   BENCH_TICKETS=2000000 BENCH_BUDGET_SECONDS=1800 bench/run.sh   # the size of the figures in docs/scaling.md
#   BENCH_KEEP_DB=1 bench/run.sh; BENCH_REUSE=1 bench/run.sh   # keep the generated tickets, re-measure after a change
#
# Needs a PostgreSQL server the benchmarks may fill (default 127.0.0.1:5432, user postgres, trust auth; set
# BENCH_PG_HOST/PORT/USER). It creates the database BENCH_DB there (default bench_<branch>, so that runs from two
# worktrees do not share one) and drops it at the end unless BENCH_KEEP_DB=1. The normal build and the tests never
# use that server.
#
# Steps: package with the bench profile (the classes and the jar are then copied to target/bench/snapshot, so a build
# in the same worktree during the run changes nothing), JMH (triage), the application as its own process with
# -Xmx512m on a free port (it may take BENCH_APP_START_SECONDS, default 300, to start on a busy machine), intake load over HTTP with 1/4/16 clients and the database's own limit for the same rows
# with JDBC, the city generator (COPY), the screens over HTTP next to their SQL, the deadline sweep in the
# application's context, the report.
#
# Fails loudly: any failing step stops the run with the step's name and the end of its log, and exits non-zero.
# Cleans up: the application, the load sampler and the watchdog are stopped (by their process ids) and the database is
# dropped, whatever happens. Budget: BENCH_BUDGET_SECONDS (default 900 = 15 minutes); past it the run is stopped,
# cleaned up and reported as over budget. The machine is shared: the 1-minute load average is sampled every 15 s and
# written next to the figures, with the busiest other processes at the start.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

: "${BENCH_PG_HOST:=127.0.0.1}" "${BENCH_PG_PORT:=5432}" "${BENCH_PG_USER:=postgres}"
: "${BENCH_TICKETS:=500000}" "${BENCH_DAYS:=730}"
: "${BENCH_OPEN:=$(( BENCH_TICKETS / 2 ))}"
: "${BENCH_INTAKE_SECONDS:=15}" "${BENCH_WARMUP_SECONDS:=5}" "${BENCH_SAMPLES:=30}"
: "${BENCH_BUDGET_SECONDS:=900}" "${BENCH_KEEP_DB:=0}" "${BENCH_REUSE:=0}"
branch=$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)
: "${BENCH_DB:=bench_$(printf '%s' "$branch" | tr -c 'a-zA-Z0-9_' '_' | tr 'A-Z' 'a-z')}"
export BENCH_PG_HOST BENCH_PG_PORT BENCH_PG_USER
DB=$BENCH_DB
JDBC="jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$DB"
OUT=target/bench
SNAP=$OUT/snapshot
started=$(date +%s)
STEP="start"
APP="" CHILD="" SAMPLER="" WATCHDOG="" DB_CREATED=0

psql_() { psql -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -v ON_ERROR_STOP=1 -Atq "$@"; }
elapsed() { echo $(( $(date +%s) - started )); }
STEP_STARTED=$started
STEP_TIMES=""
step() {
  local now; now=$(date +%s)
  if [ "$STEP" != start ]; then STEP_TIMES="$STEP_TIMES${STEP_TIMES:+, }$STEP $(( now - STEP_STARTED ))"; fi
  STEP=$1; STEP_LOG=${2:-}; STEP_STARTED=$now
  echo "[$(elapsed)s] $1"
}
die() { echo "bench/run.sh: $*" >&2; exit 1; }

# Stops a process we started, by its id: TERM, up to 30 s, then KILL.
stop_pid() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  echo "bench/run.sh: process $pid did not stop in 30 s, killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT ERR TERM INT
  stop_pid "$CHILD"
  [ -n "$APP" ] || APP=$(cat "$OUT/app.pid" 2>/dev/null || true)
  stop_pid "$APP"
  [ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
  [ -z "$WATCHDOG" ] || kill "$WATCHDOG" 2>/dev/null || true
  if [ "$DB_CREATED" = 1 ] && [ "$BENCH_KEEP_DB" != 1 ]; then
    psql_ -d postgres -c "drop database if exists $DB with (force)" || echo "bench/run.sh: could not drop $DB" >&2
  fi
  if [ "$status" != 0 ]; then
    echo "bench/run.sh: FAILED (exit $status) in step '$STEP' after $(elapsed) s; logs in $OUT/" >&2
  fi
  exit "$status"
}
on_error() {
  local status=$? line=$1
  echo "bench/run.sh: step '$STEP' failed (exit $status, line $line)" >&2
  if [ -n "${STEP_LOG:-}" ] && [ -f "$STEP_LOG" ]; then
    echo "---- last lines of $STEP_LOG ----" >&2; tail -25 "$STEP_LOG" >&2; echo "----" >&2
  fi
  exit "$status"
}
on_budget() {
  echo "bench/run.sh: over the budget of ${BENCH_BUDGET_SECONDS} s in step '$STEP' (set BENCH_BUDGET_SECONDS or a" \
    "smaller BENCH_TICKETS); stopping" >&2
  exit 124
}
trap cleanup EXIT
trap 'on_error $LINENO' ERR
trap on_budget TERM
trap 'exit 130' INT

# Runs a command in the background and waits for it, so that the watchdog's signal interrupts the wait at once and
# cleanup can stop the command by its id.
run() {
  "$@" &
  CHILD=$!
  wait "$CHILD"
  CHILD=""
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 10000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  die "no free port found"
}

mkdir -p "$OUT"
rm -f "$OUT"/*.md "$OUT"/*.txt "$OUT"/*.log "$OUT"/*.json "$OUT"/*.pid
psql_ -d postgres -c 'select 1' >/dev/null \
  || die "no PostgreSQL answers at $BENCH_PG_HOST:$BENCH_PG_PORT as $BENCH_PG_USER (set BENCH_PG_HOST/PORT/USER)"
[ "$BENCH_OPEN" -le "$BENCH_TICKETS" ] || die "BENCH_OPEN ($BENCH_OPEN) exceeds BENCH_TICKETS ($BENCH_TICKETS)"

# The watchdog stops its own sleep when it is stopped, so nothing is left behind.
( trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
  sleep "$BENCH_BUDGET_SECONDS" & sleeper=$!
  wait "$sleeper" && kill -TERM $$ 2>/dev/null ) &
WATCHDOG=$!
( while true; do cut -d' ' -f1 /proc/loadavg; sleep 15; done ) > "$OUT/load.txt" &
SAMPLER=$!

{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu=$(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "memory=$(free -g | awk '/Mem:/ {print $2}') GB"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "postgres=$(psql_ -d postgres -c 'show server_version') on $BENCH_PG_HOST:$BENCH_PG_PORT (fsync $(psql_ -d postgres -c 'show fsync'), synchronous_commit $(psql_ -d postgres -c 'show synchronous_commit'), shared_buffers $(psql_ -d postgres -c 'show shared_buffers'))"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  # The busiest processes at the start, summed by command name (others' builds and tests share the two cores).
  echo "busy_before=$(ps -eo pcpu=,comm= | awk '{cpu[$2] += $1} END {for (c in cpu) if (cpu[c] >= 5) printf "%s %.0f%%\n", c, cpu[c]}' | sort -k2 -t' ' -rn | head -5 | paste -sd, - | sed 's/,/, /g')"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml bench || echo ' (uncommitted changes)')"
  echo "tickets=$BENCH_TICKETS"
  echo "open=$BENCH_OPEN"
  echo "budget=$BENCH_BUDGET_SECONDS"
} > "$OUT/machine.txt"

step "package (bench profile)" "$OUT/package.log"
# Offline first (the usual case: everything is in ~/.m2 already); on a new machine the bench profile's plugins are
# fetched from Maven Central once.
if ! run ./mvnw -B -q -o -Pbench -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test > "$OUT/package.log" 2>&1; then
  run ./mvnw -B -q -Pbench -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test > "$OUT/package.log" 2>&1
fi
rm -rf "$SNAP"
mkdir -p "$SNAP"
cp -r target/classes "$SNAP/classes"
cp -r target/test-classes "$SNAP/test-classes"
cp target/hotline12345-0.1.0-SNAPSHOT.jar "$SNAP/app.jar"
export BENCH_JAR="$SNAP/app.jar"
JAVA=(java -Xmx1g -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8
  -cp "$SNAP/test-classes:$SNAP/classes:$(cat "$OUT/cp.txt")")

step "JMH: triage grading" "$OUT/jmh.log"
run "${JAVA[@]}" org.openjdk.jmh.Main -f 1 -wi 3 -i 5 -rf json -rff "$OUT/jmh.json" org.hotline12345.triage \
  > "$OUT/jmh.log" 2>&1

existing=0
if [ "$BENCH_REUSE" = 1 ]; then
  existing=$(psql_ -d "$DB" -c "select count(*) from ticket where ticket_no like 'NB%'" 2>/dev/null || echo 0)
fi
if [ "$BENCH_REUSE" = 1 ] && [ "$existing" -ge "$BENCH_TICKETS" ]; then
  step "reusing the $existing generated tickets in $DB (BENCH_REUSE=1)"
  echo "reused=yes" >> "$OUT/machine.txt"
  BENCH_KEEP_DB=1
else
  step "fresh database $DB"
  psql_ -d postgres -c "drop database if exists $DB with (force)"
  psql_ -d postgres -c "create database $DB"
  DB_CREATED=1
  existing=0
fi

PORT=${BENCH_PORT:-$(free_port)}
step "application on port $PORT, -Xmx512m" "$OUT/app.log"
run bench/app.sh "$PORT" "$DB" "$OUT/app.log" > /dev/null
APP=$(cat "$OUT/app.pid")
base="http://127.0.0.1:$PORT"
# The first ticket publishes the default triage rules: not part of the measurement.
curl -fsS -o /dev/null -X POST "$base/api/v1/tickets" -H 'Authorization: Bearer demo-operator-token' \
  -H 'Content-Type: application/json' \
  -d '{"callerPhone":"13800000000","requestType":"CONSULTATION","channel":"PHONE","description":"预热"}'

step "intake over HTTP: 1, 4, 16 clients" "$OUT/intake-app.log"
run "${JAVA[@]}" org.hotline12345.perf.IntakeLoad "$base" demo-operator-token "$BENCH_WARMUP_SECONDS" \
  "$BENCH_INTAKE_SECONDS" "$OUT/intake-app.md" 1 4 16 > "$OUT/intake-app.log" 2>&1
cat "$OUT/intake-app.md"
step "the database's own limit for the same rows: 1, 4, 16 clients" "$OUT/intake-db.log"
run "${JAVA[@]}" org.hotline12345.perf.DbLimit "$JDBC" "$BENCH_PG_USER" "$BENCH_WARMUP_SECONDS" \
  "$BENCH_INTAKE_SECONDS" "$OUT/intake-db.md" 1 4 16 > "$OUT/intake-db.log" 2>&1
cat "$OUT/intake-db.md"

if [ "$existing" = 0 ]; then
  step "city generator: $BENCH_TICKETS tickets ($BENCH_OPEN open) over $BENCH_DAYS days" "$OUT/generator.txt"
  run "${JAVA[@]}" org.hotline12345.perf.CityGenerator "$JDBC" "$BENCH_PG_USER" "$BENCH_TICKETS" "$BENCH_OPEN" \
    "$BENCH_DAYS" 42 > "$OUT/generator.txt" 2>&1
  grep GENERATED "$OUT/generator.txt" || die "the generator printed no GENERATED line"
  cp "$OUT/generator.txt" "target/bench-generator.txt"
else
  cp "target/bench-generator.txt" "$OUT/generator.txt" 2>/dev/null || echo "(generator figures not kept)" > "$OUT/generator.txt"
fi
if [ "$existing" = 0 ]; then
  # The generator wrote around the workflow: the dashboard's rollup (decision 0007) is rebuilt by a restart.
  step "restart the application to rebuild the dashboard rollup"
  stop_pid "$APP"; APP=""
  export BENCH_APP_ARGS="${BENCH_APP_ARGS:-} --hotline.supervision.rollup.rebuild-on-start=true"
  run bench/app.sh "$PORT" "$DB" "$OUT/app.log" > /dev/null
  APP=$(cat "$OUT/app.pid")
fi
timeline=$(psql_ -d "$DB" -c "select t.ticket_no from ticket t join ticket_event e on e.ticket_id = t.id where t.ticket_no like 'NB%' and t.caller_phone_index like 'bench%' group by t.ticket_no having count(*) = 50 limit 1")
[ -n "$timeline" ] || die "the generated data has no ticket with a 50-entry timeline"
psql_ -d "$DB" -c "select pg_size_pretty(pg_database_size('$DB'))" > "$OUT/dbsize.txt"

step "screens over HTTP and their SQL" "$OUT/screens.log"
run "${JAVA[@]}" org.hotline12345.perf.ScreenTimer "$base" "$JDBC" "$BENCH_PG_USER" "$timeline" "$BENCH_SAMPLES" \
  "$OUT/screens.md" > "$OUT/screens.log" 2>&1
cat "$OUT/screens.md"
step "stop the application"
stop_pid "$APP"
APP=""
rm -f "$OUT/app.pid"

step "deadline sweep over the open tickets" "$OUT/sweep.log"
run "${JAVA[@]}" org.hotline12345.dispatch.SweepBenchmark "$JDBC" "$BENCH_PG_USER" "$OUT/sweep.md" > "$OUT/sweep.log" 2>&1
cat "$OUT/sweep.md"

step "report"
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""
{
  echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "load_during=$(sort -n "$OUT/load.txt" | awk '{v[NR] = $1} END {if (NR) printf "min %s, median %s, max %s (%d samples, every 15 s)", v[1], v[int((NR + 1) / 2)], v[NR], NR}')"
  echo "steps=$STEP_TIMES"
  echo "seconds=$(elapsed)"
} >> "$OUT/machine.txt"
"${JAVA[@]}" org.hotline12345.perf.PerformanceReport "$OUT" docs/performance.md
step "done in $(elapsed) s: docs/performance.md"
