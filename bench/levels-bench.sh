#!/bin/sh
# Province-scale benchmark of the levels (issue 13): 1 province, 12 cities, 100 counties beside the demonstration,
# PROBLEMS problems (default 100000) and half as many complaints over the counties' units, 10 items handed down per
# city and per county; prints p50/p95/max of /dashboard, /todo and /handdowns for a county's work team, a city's
# work team and SUPERIOR account, and the province's SUPERIOR account (MockMvc, warm, 20 runs each).
cd "$(dirname "$0")/.." || exit 1
PROBLEMS=${1:-100000}
uptime
./mvnw -B -o test -Dtest=LevelsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dlevels.problems="$PROBLEMS" \
  | grep '^BENCH'
uptime
