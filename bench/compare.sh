#!/usr/bin/env bash
# bench/compare.sh — time flags against curl, aria2c and wget2 on the same server.
#
# What it does
#   1. Installs what is missing from Debian's packages (hyperfine, curl, aria2, wget2, time, jq; needs
#      root or sudo for that) and builds target/flags.jar if it is missing. It runs a snapshot of target/flags
#      (safe from rebuilds) with the start-up archive the launcher makes for each JDK it runs: a class data
#      archive for the default JDK 17, an ahead-of-time cache for the JDK 21+ rows when that JDK is 24+.
#   2. Starts ONE `target/flags serve --port $PORT --delay $DELAY --jitter $JITTER` on 127.0.0.1 (the next
#      free port if $PORT is taken), waits until it answers, and warms it up with one pass of curl.
#   3. Times whole processes with hyperfine (-N: no shell, $WARMUP unrecorded + $RUNS recorded runs each),
#      all on the same 676 URLs AA..ZZ (`-e`; only the 194 shipped codes exist, the other 482 are 404s,
#      and every tool gets the same answers, delayed the same), each writing into its own scratch directory
#      removed before every run (hyperfine --prepare 'rm -rf DIR'):
#        flags seq            on the first $SEQ_CODES codes only (676 x 0.5 s would be ~6 minutes);
#                             its own hyperfine run ($SEQ_RUNS runs, no warm-up), its ideal is codes x delay
#        flags threads        -e -m $M
#        flags threads --virtual  under a JDK 21+ found in /usr/lib/jvm (or $JDK21); row skipped if none
#        flags async          -e -m $M   (and again under the JDK 21+, to see what the JVM version changes)
#        flags nio            -e -m $M   (and again under the JDK 21+)
#        curl                 --parallel --parallel-max $M, URLs from a -K config file, --remote-name-all
#                             (curl's default waits for the first connection to see whether it can
#                             multiplex, about one delay lost; the --parallel-immediate row does not)
#        aria2c               -j $M -x1 -i urls.txt (-x is per download; -j is the overall concurrency and
#                             aria2 has no per-host cap on top of it), --max-tries=1, no file allocation
#        wget2                --max-threads=$M -i urls.txt --tries=1 --no-robots (keep-alive is its default)
#      The peers treat 404 as an error (curl --fail exits 22, aria2c 3, wget2 8): hyperfine -i ignores that.
#   4. Prints hyperfine's markdown table, then a table with the ideal ceil(676/M) x (delay + jitter/2)
#      (3.5 s at the defaults), each row's efficiency (ideal / mean) and its ratio to the fastest peer and to wget2.
#   5. Start-up: hyperfine of `target/flags --version` (JVM start + picocli, no download) and the in-process
#      batch time (`--format json` elapsed_s) of `flags async` next to its whole-process time.
#   6. Memory: peak RSS of `target/flags async -e -m 1000` (GNU time's "Maximum resident set size"), and
#      VmHWM of a second `flags serve --delay 5` while it holds 1,000 requests (4 curl --parallel
#      processes x 250, counted with ss): the server holds that many delayed requests at once.
#   Only loopback traffic; every server it starts is stopped on exit (trap EXIT).
#
# Options (environment variables):
#   M=100 DELAY=0.5 JITTER=0 RUNS=5 WARMUP=1 PORT=8765 SEQ_CODES=20 SEQ_RUNS=3 HOLD=1000
#   JDK21=/path/to/jdk (default: the first JDK >= 21 under /usr/lib/jvm)   JAVA=/path/to/java (all rows)
#   OUT=dir to keep the exports (hyperfine JSON/markdown) in; default a temporary directory, removed.
#
# Takes about 5 minutes at the defaults (9 rows x 6 runs x ~4 s, seq 3 x 10 s, memory 30 s).
# Usage: bench/compare.sh            (from anywhere; paths are resolved from the script's location)
set -euo pipefail

M=${M:-100} DELAY=${DELAY:-0.5} JITTER=${JITTER:-0} RUNS=${RUNS:-5} WARMUP=${WARMUP:-1}
PORT=${PORT:-8765} SEQ_CODES=${SEQ_CODES:-20} SEQ_RUNS=${SEQ_RUNS:-3} HOLD=${HOLD:-1000}

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
log() { printf '%s\n' "$*" >&2; }
# shellcheck source=bench/common.sh
. "$ROOT/bench/common.sh"

# ---------------------------------------------------------------- tools
need_tools hyperfine:hyperfine curl:curl aria2c:aria2 wget2:wget2 jq:jq ss:iproute2 /usr/bin/time:time

JAVA_BIN=$(command -v "${JAVA:-java}")
JAVA_DEFAULT_MAJOR=$(java_major "$JAVA_BIN")
J21=
if [ -n "${JDK21:-}" ]; then
  J21="$JDK21/bin/java"
elif [ "${JAVA_DEFAULT_MAJOR:-0}" -ge 21 ]; then
  J21=$JAVA_BIN
else
  J21=$(find_jdk 21)
fi
J21_MAJOR=; [ -n "$J21" ] && J21_MAJOR=$(java_major "$J21")

# ---------------------------------------------------------------- scratch, servers, cleanup
WORK=$(mktemp -d "${TMPDIR:-/tmp}/flags-bench.XXXXXX")
SERVER_PID= HOLD_PID= HOLD_CLIENTS=()
cleanup() {
  for p in "${HOLD_CLIENTS[@]}" $HOLD_PID $SERVER_PID; do kill "$p" 2>/dev/null || true; done
  for p in $HOLD_PID $SERVER_PID; do wait "$p" 2>/dev/null || true; done
  if [ -n "${OUT:-}" ]; then mkdir -p "$OUT"; cp "$WORK"/*.json "$WORK"/*.md "$WORK"/*.log "$OUT"/ 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
javas=("$JAVA_BIN"); [ -z "$J21" ] || [ "$J21" = "$JAVA_BIN" ] || javas+=("$J21")
snapshot "$WORK/bin" "${javas[@]}"
FLAGS="$WORK/bin/flags"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # $1 = preferred port; the next free one, bounded
  local p=$1 i
  for i in $(seq 0 99); do port_free $((p + i)) && { echo $((p + i)); return; }; done
  log "no free port in $p..$((p + 99))"; exit 1
}
wait_up() { # $1 = URL; up to 30 s
  local i
  for i in $(seq 1 150); do
    curl -s -o /dev/null --max-time 10 "$1" && return
    sleep 0.2
  done
  log "server at $1 did not answer"; exit 1
}

PORT=$(free_port "$PORT")
BASE="http://127.0.0.1:$PORT/flags"
"$FLAGS" serve --port "$PORT" --delay "$DELAY" --jitter "$JITTER" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
wait_up "$BASE/br/br.gif"
log "server: $(head -1 "$WORK/serve.log")"

# the 676 URLs, for the peers
for a in {a..z}; do for b in {a..z}; do echo "$BASE/$a$b/$a$b.gif"; done; done >"$WORK/urls.txt"
sed 's/^/url = /' "$WORK/urls.txt" >"$WORK/curl.cfg"
N=$(wc -l <"$WORK/urls.txt")

log "warming the server up (one curl pass over the $N URLs)"
curl --parallel --parallel-immediate --parallel-max "$M" -s -K "$WORK/curl.cfg" >/dev/null 2>&1 || true

# ---------------------------------------------------------------- the benchmark
names=() cmds=() preps=()
add() { # name, output dir, command...
  local name=$1 dir=$WORK/out/$2; shift 2
  names+=(-n "$name"); preps+=(--prepare "rm -rf $dir"); cmds+=("${*//@DIR@/$dir}")
}
add "flags threads -m $M" threads "$FLAGS threads -e -m $M -s $BASE -o @DIR@ -q"
if [ -n "$J21" ]; then
  add "flags threads --virtual -m $M (JDK $J21_MAJOR)" virtual "env JAVA=$J21 $FLAGS threads --virtual -e -m $M -s $BASE -o @DIR@ -q"
fi
add "flags async -m $M" async "$FLAGS async -e -m $M -s $BASE -o @DIR@ -q"
if [ -n "$J21" ] && [ "$J21_MAJOR" != "$JAVA_DEFAULT_MAJOR" ]; then
  add "flags async -m $M (JDK $J21_MAJOR)" async21 "env JAVA=$J21 $FLAGS async -e -m $M -s $BASE -o @DIR@ -q"
fi
add "flags nio -m $M" nio "$FLAGS nio -e -m $M -s $BASE -o @DIR@ -q"
if [ -n "$J21" ] && [ "$J21_MAJOR" != "$JAVA_DEFAULT_MAJOR" ]; then
  add "flags nio -m $M (JDK $J21_MAJOR)" nio21 "env JAVA=$J21 $FLAGS nio -e -m $M -s $BASE -o @DIR@ -q"
fi
CURL_COMMON="--silent --no-progress-meter --fail --remote-name-all --create-dirs"
add "curl --parallel-max $M" curl "curl --parallel --parallel-max $M $CURL_COMMON --output-dir @DIR@ -K $WORK/curl.cfg"
add "curl --parallel-max $M --parallel-immediate" curlimm "curl --parallel --parallel-immediate --parallel-max $M $CURL_COMMON --output-dir @DIR@ -K $WORK/curl.cfg"
add "aria2c -j $M" aria2 "aria2c --no-conf -j $M -x1 -i $WORK/urls.txt -d @DIR@ --quiet --allow-overwrite=true --auto-file-renaming=false --max-tries=1 --retry-wait=0 --file-allocation=none --summary-interval=0"
add "wget2 --max-threads $M" wget2 "wget2 --no-config --max-threads=$M -q -P @DIR@ -i $WORK/urls.txt --tries=1 --no-robots --no-hsts"

log "timing $((${#cmds[@]})) commands on $N URLs at c=$M, delay $DELAY, jitter $JITTER ($WARMUP warm-up + $RUNS runs each)"
hyperfine -N -i --style basic --warmup "$WARMUP" --runs "$RUNS" "${preps[@]}" "${names[@]}" \
  --export-json "$WORK/main.json" --export-markdown "$WORK/main.md" "${cmds[@]}" >&2

SEQ_NAME="flags seq -l $SEQ_CODES (subset: $SEQ_CODES of $N codes)"
log "timing flags seq on the first $SEQ_CODES codes ($SEQ_RUNS runs)"
hyperfine -N -i --style basic --runs "$SEQ_RUNS" --prepare "rm -rf $WORK/out/seq" -n "$SEQ_NAME" \
  --export-json "$WORK/seq.json" --export-markdown "$WORK/seq.md" \
  "$FLAGS seq -e -l $SEQ_CODES -s $BASE -o $WORK/out/seq -q" >&2

# ---------------------------------------------------------------- start-up
log "start-up: flags --version, and the in-process batch time of flags async and threads"
hyperfine -N --style basic --warmup 1 --runs "$RUNS" -n "flags --version (JVM $JAVA_DEFAULT_MAJOR)" \
  --export-json "$WORK/startup.json" "$FLAGS --version" >&2
inproc_async=() inproc_threads=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/out/json"
  inproc_async+=("$("$FLAGS" async -e -m "$M" -s "$BASE" -o "$WORK/out/json" --format json | jq .elapsed_s)")
  rm -rf "$WORK/out/json"
  inproc_threads+=("$("$FLAGS" threads -e -m "$M" -s "$BASE" -o "$WORK/out/json" --format json | jq .elapsed_s)")
done

# ---------------------------------------------------------------- memory
log "memory: flags async -e -m 1000, and a flags serve --delay 5 holding $HOLD requests"
rm -rf "$WORK/out/rss"
/usr/bin/time -v -o "$WORK/time-v.txt" "$FLAGS" async -e -m 1000 -s "$BASE" -o "$WORK/out/rss" -q >/dev/null 2>&1 || true
ASYNC_RSS_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time-v.txt")
ASYNC_1000_S=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time-v.txt")

HPORT=$(free_port $((PORT + 1)))
"$FLAGS" serve --port "$HPORT" --delay 5 --jitter 0 >"$WORK/hold.log" 2>&1 &
HOLD_PID=$!
wait_up "http://127.0.0.1:$HPORT/flags/zz/zz.gif" # a 404, after 5 s
SERVE_IDLE_KB=$(sed -n 's/^VmHWM:\s*\([0-9]*\).*/\1/p' "/proc/$HOLD_PID/status")
per=$(( (HOLD + 3) / 4 ))
for k in 1 2 3 4; do
  for i in $(seq 1 "$per"); do printf 'url = http://127.0.0.1:%s/flags/br/br.gif\noutput = /dev/null\n' "$HPORT"; done >"$WORK/hold$k.cfg"
  curl --parallel --parallel-immediate --parallel-max "$per" -s -K "$WORK/hold$k.cfg" >/dev/null 2>&1 &
  HOLD_CLIENTS+=($!)
done
held=0
for i in $(seq 1 30); do # up to 3 s, while the 5 s delay holds every answer
  sleep 0.1
  held=$(ss -Htn state established "( sport = :$HPORT )" | wc -l)
  [ "$held" -ge $((per * 4)) ] && break
done
sleep 0.5
held=$(ss -Htn state established "( sport = :$HPORT )" | wc -l)
SERVE_HOLD_KB=$(sed -n 's/^VmHWM:\s*\([0-9]*\).*/\1/p' "/proc/$HOLD_PID/status")
SERVE_THREADS=$(sed -n 's/^Threads:\s*//p' "/proc/$HOLD_PID/status")
for p in "${HOLD_CLIENTS[@]}"; do wait "$p" 2>/dev/null || true; done
HOLD_CLIENTS=()
SERVE_AFTER_KB=$(sed -n 's/^VmHWM:\s*\([0-9]*\).*/\1/p' "/proc/$HOLD_PID/status")

# ---------------------------------------------------------------- report
echo "## flags vs curl, aria2c, wget2 — $N URLs (AA..ZZ; 194 exist, 482 are 404), c=$M, delay ${DELAY}s, jitter ${JITTER}s"
echo
echo "Server: one \`flags serve\` on 127.0.0.1:$PORT. Whole-process wall times by hyperfine, $WARMUP warm-up + $RUNS runs;"
echo "flags rows on JDK $JAVA_DEFAULT_MAJOR unless marked. \`flags seq\` ran on $SEQ_CODES codes only ($SEQ_RUNS runs)."
[ -n "$J21" ] || echo "No JDK 21+ under /usr/lib/jvm: the \`threads --virtual\` row is skipped."
echo
cat "$WORK/main.md"
echo
cat "$WORK/seq.md"
echo
jq -r -s --argjson n "$N" --argjson m "$M" --argjson d "$DELAY" --argjson j "$JITTER" --argjson sc "$SEQ_CODES" '
  (.[0].results) as $main | (.[1].results) as $seq
  | ($d + $j / 2) as $eff
  | (($n / $m | ceil) * $eff) as $ideal
  | ([$main[] | select(.command | test("^(curl|aria2c|wget2)")) | .mean] | min) as $peer
  | ([$main[] | select(.command | test("^(curl|aria2c|wget2)")) | select(.mean == $peer) | .command][0]) as $peername
  | ([$main[] | select(.command | test("^wget2")) | .mean][0]) as $wget2
  | def f2: (. * 100 | round / 100 | tostring) | if test("\\.[0-9]$") then . + "0" elif test("\\.") then . else . + ".00" end;
  "Ideal: ceil(\($n)/\($m)) x \($eff) s = \($ideal) s; the fastest peer is `\($peername)` (\($peer | f2) s).",
    "",
    "| command | mean s | min s | max s | ideal s | efficiency (ideal/mean) | / fastest peer | / wget2 |",
    "|:---|---:|---:|---:|---:|---:|---:|---:|",
    ($main[] | "| `\(.command)` | \(.mean | f2) | \(.min | f2) | \(.max | f2) | \($ideal) | \(($ideal / .mean) * 100 | round)% | \(.mean / $peer | f2)x | \(.mean / $wget2 * 1000 | round / 1000)x |"),
    ($seq[] | "| `\(.command)` | \(.mean | f2) | \(.min | f2) | \(.max | f2) | \($sc * $eff) | \((($sc * $eff) / .mean) * 100 | round)% | (subset) | |")
' "$WORK/main.json" "$WORK/seq.json"
# -i hides failures: flag any run whose exit status is not the expected one (flags 0; 404s make curl --fail
# exit 22, aria2c 3, wget2 8), e.g. connection errors that would make a row look fast.
jq -r -s '.[].results[] | (.command | if startswith("flags") then [0] elif startswith("curl") then [22]
    elif startswith("aria2c") then [3] elif startswith("wget2") then [8] else [] end) as $ok
  | select([.exit_codes[] | select(. as $c | $ok | index($c) | not)] | length > 0)
  | "**Warning:** `\(.command)` exited \(.exit_codes | map(tostring) | join(", ")) (expected \($ok[0])): its times are suspect."' \
  "$WORK/main.json" "$WORK/seq.json"
echo
STARTUP=$(jq '.results[0].mean' "$WORK/startup.json")
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "### Start-up"
echo
echo "| measure | seconds |"
echo "|:---|---:|"
printf '| `flags --version` (JVM start + picocli, mean of %s) | %.3f |\n' "$RUNS" "$STARTUP"
for strategy in async threads; do
  if [ "$strategy" = async ]; then runs=("${inproc_async[@]}"); else runs=("${inproc_threads[@]}"); fi
  mean=$(jq --arg s "flags $strategy -m $M" '.results[] | select(.command == $s) | .mean' "$WORK/main.json")
  inproc=$(median "${runs[@]}")
  printf '| `flags %s -e -m %s`, in-process batch (`--format json` elapsed_s, median of %s: %s) | %.3f |\n' \
    "$strategy" "$M" "$RUNS" "${runs[*]}" "$inproc"
  printf '| `flags %s -e -m %s`, whole process (mean, table above) | %.3f |\n' "$strategy" "$M" "$mean"
  printf '| whole process − in-process batch | %.3f |\n' "$(awk "BEGIN{print $mean - $inproc}")"
done
echo
echo "### Memory"
echo
echo "| measure | peak RSS |"
echo "|:---|---:|"
echo "| \`flags async -e -m 1000 -s URL\` (GNU time, Maximum resident set size; took $ASYNC_1000_S) | $((ASYNC_RSS_KB / 1024)) MiB |"
echo "| \`flags serve --delay 5\`, idle after one request (VmHWM) | $((SERVE_IDLE_KB / 1024)) MiB |"
echo "| \`flags serve --delay 5\` holding $held connections of $((per * 4)) requests (VmHWM, $SERVE_THREADS threads) | $((SERVE_HOLD_KB / 1024)) MiB |"
echo "| same server after answering them all (VmHWM) | $((SERVE_AFTER_KB / 1024)) MiB |"
