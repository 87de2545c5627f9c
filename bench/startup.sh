#!/usr/bin/env bash
# bench/startup.sh — what a `flags` process spends besides its batch: whole-process times, and a timeline
# of where the time goes between the JVM starting and the process ending.
#
# What it does
#   1. Installs what is missing from Debian's packages (hyperfine, jq; needs root or sudo for that) and runs a
#      snapshot of target/flags (built if missing) with its archive made for $JAVA and, when one is found, for
#      a JDK 24+ ($JDK25, or the first JDK >= 24 under /usr/lib/jvm): the ahead-of-time cache the launcher
#      makes for such a JDK (see src/main/sh/flags).
#   2. Whole processes, hyperfine -N, $WARMUP warm-ups + $RUNS runs each: `--help`, `--version`, seq, threads
#      and async on the 20 default codes at --delay 0 --jitter 0 (the embedded server), threads without the
#      archive (FLAGS_CDS=off); then under the JDK 24+ `--help`, threads and async, with its cache and without.
#   3. A timeline, the median of $TRACE runs of each of
#        threads --delay 0 --jitter 0              the embedded server, 20 codes
#        async -e -m $M -s URL, threads -e -m $M -s URL
#                                                  676 codes against one `flags serve --delay $DELAY --jitter 0`
#                                                  started here (and warmed up by one untimed run)
#      (the -s URL rows again under the JDK 24+, with threads --virtual), all with --format json. Each moment
#      comes from the JVM's own log (-Xlog:async, startuptime, class+init, gc+heap+exit; uptime in ns, to a
#      file): the JVM created; our main class initialised (picocli starts); BatchRun initialised (arguments
#      parsed, the command runs); FlagServer (the embedded server starts); HttpClients (the client is built);
#      FlagStore (the header is out); BatchClock (the batch starts); MachineReport (the summary is written);
#      the exit (JDK 17 reports its heap then; JDK 25 logs nothing at exit, so there the last step runs from
#      the summary to the end of the process). The batch's own clock (--format json) gives the first request, the M-th (the first wave out)
#      and the last answer. The process's wall time comes from bash's $EPOCHREALTIME around it: what is left
#      after the JVM's exit line is the launcher script, the JVM's own start before its clock, and its teardown.
#      Logging every class initialised costs a few milliseconds: these rows run a little slower than section 2.
#   Only loopback traffic; the server it starts is stopped on exit (trap EXIT).
#
# Options (environment variables):
#   RUNS=30 WARMUP=3 TRACE=10 M=100 DELAY=0.5 PORT=8770 JAVA=java (the default JVM) JDK25=/path/to/jdk
#   OUT=dir to keep the exports (hyperfine JSON/markdown, the timelines' raw rows) in; default a temporary
#   directory, removed.
# Takes about 6 minutes at the defaults with a JDK 25 (about 3 without).
# Usage: bench/startup.sh            (from anywhere; paths are resolved from the script's location)
set -euo pipefail

RUNS=${RUNS:-30} WARMUP=${WARMUP:-3} TRACE=${TRACE:-10} M=${M:-100} DELAY=${DELAY:-0.5} PORT=${PORT:-8770}

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
log() { printf '%s\n' "$*" >&2; }
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

need_tools hyperfine:hyperfine jq:jq
JAVA_BIN=$(command -v "${JAVA:-java}")
J25=
if [ -n "${JDK25:-}" ]; then J25="$JDK25/bin/java"; else J25=$(find_jdk 24); fi
[ "$J25" != "$JAVA_BIN" ] || J25= # the default JVM is already the new one: no second set of rows
J25_MAJOR=; [ -z "$J25" ] || J25_MAJOR=$(java_major "$J25")
MAJOR=$(java_major "$JAVA_BIN")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/flags-startup.XXXXXX")
SERVER_PID=
cleanup() {
  [ -z "$SERVER_PID" ] || { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  if [ -n "${OUT:-}" ]; then mkdir -p "$OUT"; cp "$WORK"/*.json "$WORK"/*.md "$WORK"/*.tsv "$OUT"/ 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

snapshot "$WORK/bin" "$JAVA_BIN" ${J25:+"$J25"}
FLAGS="$WORK/bin/flags"

# ---------------------------------------------------------------- 1. whole processes
names=() cmds=() preps=()
add() { # name, environment (VAR=value ...), arguments of flags (@DIR@: a scratch directory, emptied before each run)
  local name=$1 envs=$2 dir=$WORK/out/${#cmds[@]}; shift 2
  names+=(-n "$name"); preps+=(--prepare "rm -rf $dir"); cmds+=("env $envs $FLAGS ${*//@DIR@/$dir}")
}
ZERO="--delay 0 --jitter 0 -q -o @DIR@"
add "flags --help (JDK $MAJOR)" "JAVA=$JAVA_BIN" --help
add "flags --version (JDK $MAJOR)" "JAVA=$JAVA_BIN" --version
add "flags seq, 20 codes (JDK $MAJOR)" "JAVA=$JAVA_BIN" seq $ZERO
add "flags threads, 20 codes (JDK $MAJOR)" "JAVA=$JAVA_BIN" threads $ZERO
add "flags async, 20 codes (JDK $MAJOR)" "JAVA=$JAVA_BIN" async $ZERO
add "FLAGS_CDS=off flags threads, 20 codes (JDK $MAJOR, no archive)" "JAVA=$JAVA_BIN FLAGS_CDS=off" threads $ZERO
if [ -n "$J25" ]; then
  add "flags --help (JDK $J25_MAJOR)" "JAVA=$J25" --help
  add "flags threads, 20 codes (JDK $J25_MAJOR)" "JAVA=$J25" threads $ZERO
  add "flags async, 20 codes (JDK $J25_MAJOR)" "JAVA=$J25" async $ZERO
  add "FLAGS_CDS=off flags --help (JDK $J25_MAJOR, no cache)" "JAVA=$J25 FLAGS_CDS=off" --help
  add "FLAGS_CDS=off flags threads, 20 codes (JDK $J25_MAJOR, no cache)" "JAVA=$J25 FLAGS_CDS=off" threads $ZERO
fi
log "timing ${#cmds[@]} commands, whole process ($WARMUP warm-ups + $RUNS runs each)"
hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" "${preps[@]}" "${names[@]}" \
  --export-json "$WORK/whole.json" --export-markdown "$WORK/whole.md" "${cmds[@]}" >&2

# ---------------------------------------------------------------- 2. timelines
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for i in $(seq 0 99); do port_free $((PORT + i)) && { PORT=$((PORT + i)); break; }; done
BASE="http://127.0.0.1:$PORT/flags"
"$FLAGS" serve --port "$PORT" --delay "$DELAY" --jitter 0 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 100); do grep -q '^Serving' "$WORK/serve.log" 2>/dev/null && break; sleep 0.1; done
grep -q '^Serving' "$WORK/serve.log" || { log "the server did not start: $(cat "$WORK/serve.log")"; exit 1; }
log "server: $(head -1 "$WORK/serve.log"); warming it up with one run"
"$FLAGS" async -e -m "$M" -s "$BASE" -o "$WORK/out/warm" -q >/dev/null
rm -rf "$WORK/out/warm"

MOMENTS="vm main parsed server client header clock first wave last summary exit wall"
# trace JAVA ARGS...: one run; prints the moments, ms since the JVM's clock started ("-": did not happen)
trace() {
  local java=$1 xlog=$WORK/trace.log json=$WORK/trace.json t0 t1; shift
  rm -rf "$WORK/out/trace"
  t0=$EPOCHREALTIME
  JAVA="$java" FLAGS_JAVA_OPTS="-Xlog:async -Xlog:startuptime=info,class+init=info,gc+heap+exit=info:file=$xlog:uptimenanos" \
    "$FLAGS" "$@" -o "$WORK/out/trace" --format json >"$json"
  t1=$EPOCHREALTIME
  # the batch's clock: first request started, the M-th started (or the last one, with fewer codes), last answer
  local batch
  batch=$(jq -r --argjson m "$M" '([.items[].started_ms] | sort) as $s | ([.items[].ended_ms] | max) as $e
    | "\($s[0]) \($s[([$m, ($s | length)] | min) - 1]) \($e)"' "$json")
  awk -v batch="$batch" -v wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')" '
    function ms(s) { gsub(/[^0-9]/, "", s); return s / 1e6 }
    function mark(k, v) { if (!(k in t)) t[k] = v }
    /Create VM/ { mark("vm", ms($1)) }
    /Initializing .flags\/cli\/FlagsCommand./ { mark("main", ms($1)) }
    /Initializing .flags\/cli\/BatchRun./ { mark("parsed", ms($1)) }
    /Initializing .flags\/server\/FlagServer./ { mark("server", ms($1)) }
    /Initializing .flags\/download\/HttpClients./ { mark("client", ms($1)) }
    /Initializing .flags\/download\/FlagStore./ { mark("header", ms($1)) }
    /Initializing .flags\/download\/BatchClock./ { mark("clock", ms($1)) }
    /Initializing .flags\/report\/MachineReport./ { mark("summary", ms($1)) }
    /\] Heap/ { mark("exit", ms($1)) } # JDK 17 reports its heap as it exits; JDK 25 logs nothing then
    END {
      split(batch, b, " ")
      if ("clock" in t) { t["first"] = t["clock"] + b[1]; t["wave"] = t["clock"] + b[2]; t["last"] = t["clock"] + b[3] }
      t["wall"] = wall
      n = split("'"$MOMENTS"'", names, " ")
      for (i = 1; i <= n; i++) printf "%s%s", (names[i] in t ? sprintf("%.1f", t[names[i]]) : "-"), (i < n ? "\t" : "\n")
    }' "$xlog"
}

# timeline LABEL JAVA ARGS...: $TRACE runs, then a markdown table of the median moments and steps
timeline() {
  local label=$1 java=$2 file=$WORK/timeline-${#cmds[@]}-$RANDOM.tsv i; shift 2
  log "timeline: $label ($TRACE runs)"
  for i in $(seq 1 "$TRACE"); do trace "$java" "$@" >>"$file"; done
  echo "**$label** (median of $TRACE runs; ms):"
  echo
  echo "| moment | at | step | step min-max |"
  echo "|:---|---:|---:|---:|"
  awk -F'\t' -v names="$MOMENTS" '
    function median(k,   n, i, j, x, a) {
      n = 0; for (i = 1; i <= NR; i++) if (v[i, k] != "-") a[++n] = v[i, k] + 0
      if (n == 0) return "-"
      for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { for (i = 1; i <= NF; i++) v[NR, i] = $i }
    END {
      split("JVM created (its own start, before it runs Java)|main class initialised|arguments parsed (picocli built the command line)|embedded server starting (options checked, output ready)|client being built (the server is up)|header written (the client is built)|batch clock starts|first request starts|" ENVIRON["M_LABEL"] "|last answer|summary being written|JVM exit begins (summary out)|process ended (launcher, JVM teardown)", label, "|")
      n = split(names, k, " ")
      prev = 0
      for (i = 1; i <= n; i++) {
        m = median(i)
        if (m == "-") { printf "| %s | - | - | - |\n", label[i]; continue }
        lo = ""; hi = ""
        for (r = 1; r <= NR; r++) {
          if (v[r, i] == "-") continue
          p = 0; for (j = i - 1; j >= 1; j--) if (v[r, j] != "-") { p = v[r, j]; break }
          s = v[r, i] - p; if (lo == "" || s < lo) lo = s; if (hi == "" || s > hi) hi = s
        }
        printf "| %s | %.1f | %.1f | %.1f-%.1f |\n", label[i], m, m - prev, lo, hi
        prev = m
      }
    }' "$file"
  echo
}

{
  echo "## flags start-up — $(date -u +%Y-%m-%d), $(nproc) cores, JDK $MAJOR${J25:+ and JDK $J25_MAJOR}"
  echo
  echo "Whole process (hyperfine -N, $WARMUP warm-ups + $RUNS runs):"
  echo
  cat "$WORK/whole.md"
  echo
  echo "### Timelines"
  echo
  echo "Moments in ms since the JVM's clock started; a step is the time from the moment before. The batch"
  echo "runs of the 676 codes (\`-e\`) go to one \`flags serve --delay $DELAY --jitter 0\` on loopback."
  echo
  M_LABEL="first wave out (request #20 or the last)" timeline "flags threads --delay 0 --jitter 0, 20 codes (JDK $MAJOR)" \
    "$JAVA_BIN" threads --delay 0 --jitter 0
  export M_LABEL="first wave out (request #$M started)"
  timeline "flags async -e -m $M -s URL (JDK $MAJOR)" "$JAVA_BIN" async -e -m "$M" -s "$BASE"
  timeline "flags threads -e -m $M -s URL (JDK $MAJOR)" "$JAVA_BIN" threads -e -m "$M" -s "$BASE"
  if [ -n "$J25" ]; then
    timeline "flags async -e -m $M -s URL (JDK $J25_MAJOR)" "$J25" async -e -m "$M" -s "$BASE"
    timeline "flags threads -e -m $M -s URL (JDK $J25_MAJOR)" "$J25" threads -e -m "$M" -s "$BASE"
    timeline "flags threads --virtual -e -m $M -s URL (JDK $J25_MAJOR)" "$J25" threads --virtual -e -m "$M" -s "$BASE"
  fi
} | tee "$WORK/startup.md"
