# bench/common.sh — what the bench scripts share; sourced, not run. Needs ROOT (the repository) and log().

# need_tools COMMAND[:PACKAGE]...: installs from Debian what is missing (root or sudo needed for that).
need_tools() {
  local want missing=() cmd pkg
  for want in "$@"; do
    cmd=${want%%:*} pkg=${want#*:}
    if [ "$cmd" = /usr/bin/time ]; then [ -x "$cmd" ] || missing+=("$pkg"); continue; fi
    command -v "$cmd" >/dev/null || missing+=("$pkg")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  log "installing from Debian: ${missing[*]}"
  local sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" >&2
}

# java_major JAVA: the feature version of a java binary (17, 21, 25...).
java_major() {
  "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
}

# find_jdk MIN: the java binary of the first JDK >= MIN under /usr/lib/jvm, or nothing.
find_jdk() {
  local d v
  for d in /usr/lib/jvm/*/; do
    [ -x "$d/bin/java" ] || continue
    v=$(java_major "$d/bin/java")
    if [ "${v:-0}" -ge "$1" ]; then echo "${d%/}/bin/java"; return; fi
  done
}

# snapshot DIR JAVA...: copies target/flags and flags.jar into DIR (safe from a rebuild during the benchmark:
# mvn package replaces the jar, which would break the JVMs that load classes from it lazily) and makes there
# the archive of each JAVA the way `mvn package` does (FLAGS_CDS=dump: a static CDS archive for JDK 17-23, an
# ahead-of-time cache for 24+). The archives name the jar's path, so a copy needs its own. Builds the jar first
# when it is missing.
snapshot() {
  local dir=$1 i j; shift
  if [ ! -f "$ROOT/target/flags.jar" ] || [ ! -x "$ROOT/target/flags" ]; then
    log "building target/flags.jar"
    (cd "$ROOT" && mvn -q -B -ntp package -DskipTests -Dflags.cds.skip)
  fi
  mkdir -p "$dir"
  for i in $(seq 1 10); do
    cp "$ROOT/target/flags" "$ROOT/target/flags.jar" "$dir/" && "$dir/flags" --version >/dev/null 2>&1 && break
    [ "$i" -lt 10 ] || { log "target/flags.jar does not run"; exit 1; }
    log "target/flags.jar not usable yet (a build in progress?), retrying in 15 s"; sleep 15
  done
  for j in "$@"; do
    if JAVA="$j" FLAGS_CDS=dump "$dir/flags" threads --delay 0 --jitter 0 --progress on -q -o "$dir/training" \
        >/dev/null 2>&1; then
      log "archive made for the snapshot: $j"
    else
      log "no archive for the snapshot on $j: its rows start without one"
    fi
    rm -rf "$dir/training"
  done
}
