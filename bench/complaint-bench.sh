#!/usr/bin/env bash
# Benchmark of the complaint API on this machine: builds the jar, starts the application on port 18080 (own embedded
# PostgreSQL in a temporary directory) with the rate limits raised for 127.0.0.1 only, drives it from a second JVM
# on loopback (bench/ComplaintLoad.java), and stops it. Usage: bench/complaint-bench.sh [seconds] [workers]
# Environment: BENCH_PORT (default 18080), BENCH_SKIP_BUILD=1 (use the jar as it is), BENCH_JAR (another jar, e.g. a
# copy of an older build for a side-by-side run), BENCH_JFR=file.jfr (record a flight recording of the application),
# BENCH_WAITS=1 (sample pg_stat_activity every 0.1 s during the run with psql and print what the busy database
# sessions were doing or waiting for: a poor man's wait profile of the database), BENCH_ARGS (more application
# arguments, e.g. --duban.database.synchronous-commit=off to compare with a build that did not commit synchronously),
# BENCH_WARMUP (seconds of warm-up submissions, default 10: a cold JVM spends much of its CPU in the JIT compiler).
# Each phase also prints the CPU time the application and its PostgreSQL used per request (from /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE="${1:-30}"
WORKERS="${2:-16}"
PORT="${BENCH_PORT:-18080}"
DATA="$(mktemp -d /tmp/duban-bench.XXXXXX)"
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -o -q package -DskipTests
fi
JAR="${BENCH_JAR:-target/duban.jar}"
JFR_OPTS=()
if [ -n "${BENCH_JFR:-}" ]; then
  JFR_OPTS=("-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile")
fi
java -Xmx1g "${JFR_OPTS[@]}" -jar "$JAR" --server.port="$PORT" --duban.database.data-dir="$DATA/pg" \
  --duban.complaint.rate-limit.raised-addresses=127.0.0.1 --duban.complaint.rate-limit.raised-limit=100000000 \
  --logging.structured.format.console= --logging.level.root=WARN ${BENCH_ARGS:-} > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { tail -50 "$DATA/app.log"; exit 1; }
echo "jar $JAR, start $(date -u +%FT%TZ), load average $(cat /proc/loadavg)"
if [ -n "${BENCH_WAITS:-}" ]; then
  PGPORT_EMBEDDED="$(sed -n 4p "$DATA/pg/postmaster.pid")"
  ( while kill -0 $APP 2>/dev/null; do
      psql -h 127.0.0.1 -p "$PGPORT_EMBEDDED" -U postgres -d postgres -XAtq -c \
        "select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-') || ' ' || left(regexp_replace(query, '\s+', ' ', 'g'), 60)
         from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'" \
        >> "$DATA/waits.txt" 2>/dev/null || true
      sleep 0.1
    done ) &
fi
java bench/ComplaintLoad.java "http://127.0.0.1:$PORT" "$SECONDS_PER_PHASE" "$WORKERS" $APP "$(sed -n 1p "$DATA/pg/postmaster.pid")"
echo "end $(date -u +%FT%TZ), load average $(cat /proc/loadavg)"
if [ -n "${BENCH_WAITS:-}" ]; then
  echo "database sessions sampled every 0.1 s (most frequent state and statement):"
  sort "$DATA/waits.txt" | uniq -c | sort -rn | head -15
fi
