#!/usr/bin/env bash
# Starts the packaged application as its own process (-Xmx512m) against the benchmark database on the local
# PostgreSQL server, in the demo profile (demo accounts and API tokens; no generated demo city), and waits until it
# answers. Usage: bench/app.sh <port> <database> <logfile>; prints the process id. BENCH_JAR names the jar
# (bench/run.sh passes its snapshot; default target/hotline12345-0.1.0-SNAPSHOT.jar).
set -euo pipefail
port=${1:-18080}; db=${2:-hotline_bench}; log=${3:-target/bench/app.log}
: "${BENCH_PG_HOST:=127.0.0.1}" "${BENCH_PG_PORT:=5432}" "${BENCH_PG_USER:=postgres}"
mkdir -p "$(dirname "$log")"
java -Xmx512m -Xms512m -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 ${BENCH_JAVA_OPTS:-} \
  -jar "${BENCH_JAR:-target/hotline12345-0.1.0-SNAPSHOT.jar}" \
  --spring.profiles.active=demo \
  --server.port="$port" \
  --spring.datasource.url="jdbc:postgresql://$BENCH_PG_HOST:$BENCH_PG_PORT/$db" \
  --spring.datasource.username="$BENCH_PG_USER" \
  --hotline.demo.tickets=false \
  --spring.thymeleaf.cache=true \
  --hotline.api.requests-per-minute=0 \
  --hotline.dispatch.sweep.enabled=false \
  --logging.level.root=WARN --logging.level.org.hotline12345=INFO \
  ${BENCH_APP_ARGS:-} >"$log" 2>&1 &
pid=$!
# Known at once to bench/run.sh, which stops it even if it is itself stopped before this script returns.
echo "$pid" > "${log%.log}.pid"
for _ in $(seq 1 "${BENCH_APP_START_SECONDS:-300}"); do
  if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then echo "$pid"; exit 0; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "application died, see $log" >&2; exit 1; fi
  sleep 1
done
echo "application did not start in ${BENCH_APP_START_SECONDS:-300} s, see $log" >&2; kill "$pid"; exit 1
