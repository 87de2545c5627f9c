#!/usr/bin/env bash
# bench/serve-load.sh — `flags serve` under overload, on loopback only.
#
# What it measures (each against a fresh `target/flags.jar serve` it starts and stops itself):
#   1. load      10,000 concurrent requests at --delay 1 --jitter 0 from the test-side NIO generator
#                (flags.server.LoadGenerator, one thread, another JVM): outcomes, time from the last connection
#                to the last answer, the slowest answer counted from its own connection, the server's peak
#                threads and peak RSS (sampled from /proc every 50 ms), the generator's CPU time (its own
#                thread and the whole client process, GNU time).
#   2. overload  a server under `ulimit -n $LOW_FD` flooded with $FLOOD connections (more than it has
#                descriptors) that send a partial head, then the same with complete requests; the flood is
#                held $HOLD s and closed, then one ordinary request is timed; then SIGTERM is timed.
#   3. slowloris $SLOW connections sending their head a byte a second for $SLOW_ROUNDS s at the default
#                --header-timeout 10, with one ordinary request timed every second meanwhile.
# Raises its own descriptor limit to the hard limit (each process needs one per connection).
#
# Options (environment variables): PORT=8790 N=10000 LOW_FD=1024 FLOOD=1100 HOLD=3 SLOW=2000 SLOW_ROUNDS=14
#   JAVA=java (both server and generator)   PARTS="load overload slowloris"
# Needs target/flags.jar and target/test-classes (mvn -q -B package -DskipTests builds both).
# Takes about a minute.
set -euo pipefail

PORT=${PORT:-8790} N=${N:-10000} LOW_FD=${LOW_FD:-1024} FLOOD=${FLOOD:-1100} HOLD=${HOLD:-3}
SLOW=${SLOW:-2000} SLOW_ROUNDS=${SLOW_ROUNDS:-14} JAVA=${JAVA:-java} PARTS=${PARTS:-load overload slowloris}

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
JAR="$ROOT/target/flags.jar"
CP="$ROOT/target/test-classes:$ROOT/target/classes"
[ -f "$JAR" ] && [ -f "$ROOT/target/test-classes/flags/server/LoadGenerator.class" ] \
  || (cd "$ROOT" && mvn -q -B -ntp package -DskipTests -Dflags.cds.skip)
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
ulimit -n "$(ulimit -Hn)"

log() { printf '%s\n' "$*" >&2; }
now_ms() { date +%s%3N; }
SERVER=""

# start_server FD_LIMIT ARGS...: a fresh server on $PORT; sets SERVER to its pid once it answers
start_server() {
  local fds=$1; shift
  (ulimit -n "$fds" && exec "$JAVA" -jar "$JAR" serve --port "$PORT" "$@") >"$TMP/serve.out" 2>"$TMP/serve.err" &
  SERVER=$!
  for _ in $(seq 100); do
    grep -q '^Serving' "$TMP/serve.out" 2>/dev/null && return 0
    sleep 0.05
  done
  log "server did not start: $(cat "$TMP/serve.err")"; exit 1
}

# stop_server: SIGTERM, and how long the process took to exit
stop_server() {
  local t0; t0=$(now_ms)
  kill -TERM "$SERVER"
  wait "$SERVER" || true
  echo "stopped_ms=$(( $(now_ms) - t0 ))"
  SERVER=""
}

# sample PID FILE: peak Threads and VmHWM of PID, every 50 ms, until it exits or FILE.stop appears
sample() {
  local pid=$1 out=$2 peak=0 t
  while kill -0 "$pid" 2>/dev/null && [ ! -e "$out.stop" ]; do
    t=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${t:-0}" -gt "$peak" ] && peak=$t
    printf 'server_peak_threads=%s server_peak_rss_kb=%s\n' "$peak" \
      "$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null)" > "$out"
    sleep 0.05
  done
}

TMP=$(mktemp -d)
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT

for part in $PARTS; do
  case $part in
    load)
      log "== $N concurrent requests, --delay 1 --jitter 0 (ulimit -n $(ulimit -n))"
      start_server "$(ulimit -n)" --delay 1 --jitter 0
      sample "$SERVER" "$TMP/sample" &
      SAMPLER=$!
      /usr/bin/time -f 'client_wall_s=%e client_user_s=%U client_sys_s=%S client_max_rss_kb=%M' -o "$TMP/time" \
        "$JAVA" -cp "$CP" flags.server.LoadGenerator requests "$PORT" "$N" 60
      touch "$TMP/sample.stop"; wait "$SAMPLER"
      cat "$TMP/sample"
      cat "$TMP/time"
      stop_server
      ;;
    overload)
      for heads in partial complete; do
        log "== ulimit -n $LOW_FD, $FLOOD connections with $heads heads held ${HOLD}s, --delay 0.5 --jitter 0"
        start_server "$LOW_FD" --delay 0.5 --jitter 0
        "$JAVA" -cp "$CP" flags.server.LoadGenerator flood "$PORT" "$FLOOD" "$HOLD" "$heads"
        stop_server
        log "server stderr: $(cat "$TMP/serve.err")"
      done
      ;;
    slowloris)
      log "== $SLOW slowloris connections, a byte a second, --header-timeout 10, --delay 0 --jitter 0"
      start_server "$(ulimit -n)" --delay 0 --jitter 0
      "$JAVA" -cp "$CP" flags.server.LoadGenerator slowloris "$PORT" "$SLOW" "$SLOW_ROUNDS"
      stop_server
      ;;
    *) log "unknown part: $part"; exit 2 ;;
  esac
done
