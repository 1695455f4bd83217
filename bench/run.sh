#!/bin/sh
# The screening benchmark of issue 6: one million generated cases, PostgreSQL COPY vs Duban import, all rules,
# in a JVM with -Xmx1g. Result: target/bench/result.md. Usage: bench/run.sh [cases]
set -e
cd "$(dirname "$0")/.."
exec ./mvnw -B -o -Pbench test -Dbench.cases="${1:-1000000}"
