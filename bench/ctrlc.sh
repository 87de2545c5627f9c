#!/usr/bin/env bash
# bench/ctrlc.sh — how fast a stopped `flags` process exits: the promises are exit 130 within a second of
# Ctrl-C mid-batch, and `flags serve` gone within a second of Ctrl-C or SIGTERM. The tests only bound these at
# many times the promise (they run side by side, on machines busy with other work); this measures them.
#
# What it does
#   1. Runs a snapshot of target/flags (built if missing) with its archive made for $JAVA (see common.sh).
#   2. For every download command the jar lists (seq, threads, async, and any strategy added since), $RUNS
#      times: `flags CMD -a -m 10 --delay 5 --jitter 0` against the embedded server; once its header is out
#      and $SETTLE s more have passed (requests in flight, none answered), SIGINT; the time from the signal
#      to the process's end, from bash's $EPOCHREALTIME. Checks the exit status is 130 and that the hook did
#      not give up ("still stopping after 5 s" on stderr).
#   3. `flags serve --delay 60` holding one request (curl), $RUNS times each: SIGINT, then SIGTERM; the
#      time from the signal to the end (exit 130 and 143).
#   Prints one row per case: runs, min / median / max ms, how many runs went over the second, exit statuses,
#   and the load average before and after (a busy machine is slower, and this says how busy it was).
#   Only loopback traffic; every process it starts is stopped on exit (trap EXIT).
#
# Options (environment variables): RUNS=10 SETTLE=0.3 JAVA=java (the default JVM)
# Takes a few seconds a run (a JVM starting each time): 3-5 minutes at the defaults with three strategies.
# Usage: bench/ctrlc.sh            (from anywhere; paths are resolved from the script's location)
set -euo pipefail

RUNS=${RUNS:-10} SETTLE=${SETTLE:-0.3}

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
log() { printf '%s\n' "$*" >&2; }
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

need_tools curl:curl perl:perl
JAVA_BIN=$(command -v "${JAVA:-java}")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/flags-ctrlc.XXXXXX")
PID= CURL=
cleanup() {
  for p in $PID $CURL; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

snapshot "$WORK/snap" "$JAVA_BIN"
FLAGS=$WORK/snap/flags
export JAVA=$JAVA_BIN

# start OUT ERR ARGS...: starts flags in the background with SIGINT at its default disposition (a background
# job of a script otherwise ignores it, and a JVM started that way never runs its shutdown hooks); sets PID.
start() {
  local out=$1 err=$2; shift 2
  perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die "exec: $!"' "$FLAGS" "$@" >"$out" 2>"$err" &
  PID=$!
}

# await_lines FILE N: until FILE has N lines (the process writes them as it starts), 60 s at most.
await_lines() {
  local i
  for i in $(seq 1 3000); do
    [ "$(wc -l <"$1")" -lt "$2" ] || return 0
    sleep 0.02
  done
  log "no $2 lines in $1 after 60 s: $(cat "$1")"; return 1
}

# stop SIGNAL: sends SIGNAL to PID and waits for it; prints "MS STATUS". (Not in $(...): only this shell, the
# process's parent, can wait for it.)
stop() {
  local t0 t1 status=0
  t0=$EPOCHREALTIME
  kill -"$1" "$PID"
  wait "$PID" || status=$?
  t1=$EPOCHREALTIME
  PID=
  awk -v a="$t0" -v b="$t1" -v s="$status" 'BEGIN { printf "%d %d\n", (b - a) * 1000 + 0.5, s }'
}

# row NAME FILE: one line of statistics from FILE's "MS STATUS [GAVE_UP]" lines.
row() {
  sort -n "$2" | awk -v name="$1" '
    { ms[NR] = $1; status[$2]++; if ($1 > 1000) over++; if ($3 == "gave-up") gaveup++ }
    END {
      med = NR % 2 ? ms[(NR + 1) / 2] : (ms[NR / 2] + ms[NR / 2 + 1]) / 2
      s = ""; for (k in status) s = s (s == "" ? "" : ",") k "x" status[k]
      printf "%-22s %4d %7d %7d %7d %6d  %-12s %d\n", name, NR, ms[1], med, ms[NR], over, s, gaveup
    }'
}

# The download commands, from the jar's own list: every one but serve, bench, help and generate-completion.
mapfile -t COMMANDS < <("$FLAGS" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' |
  grep -vx 'serve\|bench\|help\|generate-completion')

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs each"
printf '%-22s %4s %7s %7s %7s %6s  %-12s %s\n' case runs min_ms med_ms max_ms over_1s statuses gave_up
for cmd in "${COMMANDS[@]}"; do
  : >"$WORK/$cmd.tsv"
  for i in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/out"
    start "$WORK/stdout" "$WORK/stderr" "$cmd" -a -m 10 --delay 5 --jitter 0 -o "$WORK/out" --progress off
    await_lines "$WORK/stdout" 3 # the header: the batch starts
    sleep "$SETTLE"              # the first ten requests are out; none is answered before 5 s
    stop INT >"$WORK/run"
    if grep -q 'still stopping' "$WORK/stderr"; then echo "$(cat "$WORK/run") gave-up"; else cat "$WORK/run"; fi \
      >>"$WORK/$cmd.tsv"
  done
  row "$cmd -a (SIGINT)" "$WORK/$cmd.tsv"
done

mkdir -p "$WORK/site/br"
printf 'GIF89a br' >"$WORK/site/br/br.gif"
for signal in INT TERM; do
  : >"$WORK/serve-$signal.tsv"
  for i in $(seq 1 "$RUNS"); do
    start "$WORK/stdout" "$WORK/stderr" serve --port 0 --dir "$WORK/site" --delay 60 --jitter 0
    await_lines "$WORK/stdout" 1 # the banner, with the address it bound
    url=$(grep -o 'http://[0-9.:]*/flags' "$WORK/stdout" | head -1)
    curl -s -o /dev/null "$url/br/br.gif" & CURL=$!
    sleep "$SETTLE" # the request is in, waiting out its 60 s
    stop "$signal" >>"$WORK/serve-$signal.tsv"
    wait "$CURL" 2>/dev/null || true; CURL=
  done
  row "serve (SIG$signal)" "$WORK/serve-$signal.tsv"
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
