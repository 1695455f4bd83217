#!/usr/bin/env bash
# The /todo benchmark of issue 12: 100,000 problems and 50,000 complaints; for the squad, the work team and the
# leader, p50/p95 of the to-do page's query and the badge's count as they were before the desks were rewritten and as
# they are (same data, same run), and of GET /todo and /todo/badge. Usage: bench/todo-bench.sh [runs]
# Environment: BENCH_EXPLAIN=1 also prints EXPLAIN (ANALYZE, BUFFERS) of each role's queries.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "start $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -o -q test -Dtest=TodoBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.runs="${1:-40}" \
  -Dbench.explain="${BENCH_EXPLAIN:+true}" 2>&1 | grep -v -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}T|^OpenJDK|^WARNING' \
  | if [ -n "${BENCH_EXPLAIN:-}" ]; then cat; else grep -E '^BENCH|ERROR|FAIL'; fi
echo "end $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
