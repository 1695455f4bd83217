#!/usr/bin/env bash
# The outbox benchmark of issue 12: queues SMS and times the outbox delivering them to a real HTTP gateway on
# 127.0.0.1 (answering at once, then after 20 ms); prints messages per second. Usage: bench/outbox-bench.sh [messages]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "start $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -o -q test -Dtest=OutboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.messages="${1:-2000}" 2>&1 \
  | grep -E '^BENCH|ERROR|FAIL'
echo "end $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
