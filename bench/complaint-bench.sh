#!/usr/bin/env bash
# Benchmark of the complaint API on this machine: builds the jar, starts the application on port 18080 (own embedded
# PostgreSQL in a temporary directory) with the rate limits raised for 127.0.0.1 only, drives it from a second JVM
# on loopback (bench/ComplaintLoad.java), and stops it. Usage: bench/complaint-bench.sh [seconds] [workers]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE="${1:-30}"
WORKERS="${2:-16}"
PORT="${BENCH_PORT:-18080}"
DATA="$(mktemp -d /tmp/duban-bench.XXXXXX)"
if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -o -q package -DskipTests
fi
JAR=target/duban.jar
java -Xmx1g -jar "$JAR" --server.port="$PORT" --duban.database.data-dir="$DATA/pg" \
  --duban.complaint.rate-limit.raised-addresses=127.0.0.1 --duban.complaint.rate-limit.raised-limit=100000000 \
  --logging.structured.format.console= --logging.level.root=WARN > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { tail -50 "$DATA/app.log"; exit 1; }
java bench/ComplaintLoad.java "http://127.0.0.1:$PORT" "$SECONDS_PER_PHASE" "$WORKERS"
