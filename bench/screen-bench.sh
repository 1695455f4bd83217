#!/usr/bin/env bash
# The screen command and the start-up of issue 16, on this machine, in one command:
#  1. `java -jar duban.jar screen` on CASES (default 200,000) generated cases, end to end (JVM start to exit), on an
#     existing data folder, side by side with the plain single-pass reference screener (bench/reference_screener.py),
#     RUNS times (default 3), the load average before each run;
#  2. the same on 1,000,000 cases with -Xmx1g (BENCH_MILLION=0 skips it);
#  3. the web application's ready time (until /actuator/health says UP) on a fresh data folder and after a restart,
#     and its resident memory then.
# Usage: bench/screen-bench.sh [cases] [runs]. Environment: BENCH_SKIP_BUILD=1 (use target/duban.jar as it is),
# BENCH_JAR (another jar), BENCH_PORT (default 18090), BENCH_DIR (work folder, default target/bench/screen),
# BENCH_JAVA_OPTS (more JVM options for every java -jar), BENCH_MILLION=0 (skip 1,000,000), BENCH_SETTLE (seconds
# before the second RSS reading, default 15), BENCH_READY=0 (skip the web application's ready times), BENCH_CDS=1 (build with -Pcds and run everything, screen and web, from
# the extracted jar with its start-up archive and database template, docs/adr/0211-cds-archive.md and
# docs/adr/0213-start-up-template-and-aot-cache.md), BENCH_JAVA (the java to build with and run, default the one on
# the PATH; a Java 25 makes -Pcds an AOT cache instead of a class-data-sharing archive).
set -euo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-200000}"
RUNS="${2:-3}"
PORT="${BENCH_PORT:-18090}"
CDS=()
JAVA="${BENCH_JAVA:-java}"
JAVA_HOME_OF_JAVA="$(dirname "$(dirname "$(realpath "$(command -v "$JAVA")")")")"
echo "java: $("$JAVA" -version 2>&1 | head -1)"
if [ "${BENCH_CDS:-}" = "1" ]; then
  [ "${BENCH_SKIP_BUILD:-}" = "1" ] || JAVA_HOME="$JAVA_HOME_OF_JAVA" ./mvnw -B -o -q -Pcds package -Dmaven.test.skip=true
  BENCH_JAR=target/app/duban.jar
  CDS=("@$(realpath target/app/duban.args)")
elif [ "${BENCH_SKIP_BUILD:-}" != "1" ] && [ -z "${BENCH_JAR:-}" ]; then
  ./mvnw -B -o -q package -Dmaven.test.skip=true
fi
JAR="$(realpath "${BENCH_JAR:-target/duban.jar}")"
REF="$(realpath bench/reference_screener.py)"
GEN_JAR="$(realpath "${BENCH_GEN_JAR:-target/duban.jar}")" # the fat jar: its launcher runs the generator
DIR="${BENCH_DIR:-target/bench/screen}"
mkdir -p "$DIR"
DIR="$(realpath "$DIR")"
JOPTS=(${BENCH_JAVA_OPTS:-} "${CDS[@]}")
cp src/main/resources/screening/benchmark.csv "$DIR/benchmark.csv"

generate() { # cases file: the project's own generator (CaseGenerator), numbered 〔2024〕 so never like the demo's
  [ -s "$2" ] || java -cp "$GEN_JAR" -Dloader.main=org.duban.screening.CaseGenerator \
    org.springframework.boot.loader.launch.PropertiesLauncher "$1" "$2" 42 2024
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

screen_vs_reference() { # cases file, data folder, jvm options…
  local file="$1" data="$2"; shift 2
  local t0 t1 t2
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(now)
  (cd "$data" && /usr/bin/time -o "$data/screen.cpu" -f "%U %S" "$JAVA" "$@" "${JOPTS[@]}" -jar "$JAR" screen \
      --benchmark "$DIR/benchmark.csv" --cases "$file" --out "$data/findings.csv" > "$data/screen.out" 2> "$data/screen.err")
  t1=$(now)
  /usr/bin/time -o "$data/reference.cpu" -f "%U %S" python3 "$REF" "$DIR/benchmark.csv" "$file" "$data/reference.csv" 2> /dev/null
  t2=$(now)
  local s r
  s=$(secs "$t0" "$t1"); r=$(secs "$t1" "$t2")
  echo "screen ${s} s ($(grep -o 'start-up.*s)' "$data/screen.out"), $(($(wc -l < "$data/findings.csv") - 1)) findings)" \
       "| reference ${r} s ($(($(wc -l < "$data/reference.csv") - 1)) findings) | ratio $(awk -v a="$s" -v b="$r" 'BEGIN { printf "%.2f", a / b }')"
  # Under a shared machine's load the wall times mostly measure waiting; the CPU seconds (user + system; the JVM's,
  # not its PostgreSQL server's) are steadier.
  echo "  CPU: screen JVM $(awk '{ printf "%.1f", $1 + $2 }' "$data/screen.cpu") s, reference $(awk '{ printf "%.1f", $1 + $2 }' "$data/reference.cpu") s"
}

echo "== screen, $CASES cases, existing data folder, $RUNS runs"
generate "$CASES" "$DIR/cases-$CASES.csv"
mkdir -p "$DIR/data-$CASES"
if [ ! -d "$DIR/data-$CASES/data/pg" ]; then
  echo "(preparing the data folder: first run, not counted)"
  screen_vs_reference "$DIR/cases-$CASES.csv" "$DIR/data-$CASES"
fi
for i in $(seq "$RUNS"); do
  screen_vs_reference "$DIR/cases-$CASES.csv" "$DIR/data-$CASES"
done

if [ "${BENCH_MILLION:-1}" != "0" ]; then
  echo "== screen, 1000000 cases, -Xmx1g, existing data folder (target 30 s)"
  generate 1000000 "$DIR/cases-1000000.csv"
  mkdir -p "$DIR/data-1000000"
  if [ ! -d "$DIR/data-1000000/data/pg" ]; then
    echo "(preparing the data folder: first run, not counted)"
    screen_vs_reference "$DIR/cases-1000000.csv" "$DIR/data-1000000" -Xmx1g
  fi
  screen_vs_reference "$DIR/cases-1000000.csv" "$DIR/data-1000000" -Xmx1g
fi

[ "${BENCH_READY:-1}" != "0" ] || exit 0
echo "== ready time of the web application (target: 14 s fresh, 10 s restart, RSS 400 MiB)"
ready() { # label: starts the app in $DIR/web, waits for health UP, prints time and RSS, stops it
  local t0 pid rss status=""
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(now)
  (cd "$DIR/web" && exec "$JAVA" "${JOPTS[@]}" -jar "$JAR" --server.port="$PORT" --logging.structured.format.console= \
      > "$DIR/web/app-$1.log" 2>&1) &
  pid=$!
  for _ in $(seq 1800); do
    status=$(curl -s "http://127.0.0.1:$PORT/actuator/health" || true)
    case "$status" in *UP*) break ;; esac
    sleep 0.1
  done
  local t1; t1=$(now)
  local jpid; jpid=$(pgrep -P "$pid" java || echo "$pid")
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$jpid/status" 2>/dev/null || echo "?")
  # CPU seconds (user + system) of the JVM until ready: steadier than the wall time on a shared machine.
  local cpu; cpu=$(awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$jpid/stat" 2>/dev/null || echo "?")
  echo "$1: health $status after $(secs "$t0" "$t1") s, JVM CPU ${cpu} s, RSS ${rss} MiB at ready"
  sleep "${BENCH_SETTLE:-15}"
  rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$jpid/status" 2>/dev/null || echo "?")
  echo "$1: RSS ${rss} MiB ${BENCH_SETTLE:-15} s later (demonstration data loaded meanwhile on a fresh folder)"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
rm -rf "$DIR/web"; mkdir -p "$DIR/web"
ready fresh
ready restart
ready restart
if [ "${BENCH_CDS:-}" = "1" ]; then
  echo "== the same restart from target/duban.jar, without the archive (for the ratio)"
  JAR="$(realpath target/duban.jar)"
  JOPTS=(${BENCH_JAVA_OPTS:-})
  ready restart-jar
fi
