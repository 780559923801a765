#!/usr/bin/env bash
# Threadlings: learn Java concurrency by doing.
#
#   ./run.sh              open the course (full-screen terminal UI)
#   ./run.sh check        grade the exercise you are on      (./run.sh --help for every command)
#   ./run.sh shell        every command, with completion and history, in one session
#   ./run.sh selftest     run Threadlings' own test suite
#   ./run.sh bench        run the performance benchmarks
#
# Finds a JDK 21 or newer by itself, builds the engine on first use (and again whenever its
# sources change), and otherwise starts it directly with java: no Maven on an ordinary start.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MIN_JAVA=21
JAR="$ROOT/engine/target/threadlings.jar"
STATE="$ROOT/.threadlings"

# The feature version (17, 21, 25…) of the JDK at $1, or nothing if it is not a JDK with javac.
jdk_version() {
  local home="$1" version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9.]*\).*/\1/p' "$home/release" | head -n 1)"
  fi
  if [ -z "$version" ]; then
    version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n 1)"
  fi
  version="${version#1.}"
  echo "${version%%.*}"
}

# The JDK that the java on PATH belongs to, if any.
path_jdk() {
  command -v java >/dev/null 2>&1 || return 0
  local java
  java="$(command -v java)"
  java="$(readlink -f "$java" 2>/dev/null || echo "$java")"
  dirname "$(dirname "$java")"
}

# The usual install folders of JDKs on Linux and macOS.
installed_jdks() {
  local dir
  for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/java/* \
             "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.asdf/installs/java/* \
             "$HOME"/.local/share/mise/installs/java/* /opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
             /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && echo "$dir"
  done
  return 0
}

new_enough() {
  local version
  version="$(jdk_version "$1")"
  [ -n "$version" ] && [ "$version" -ge "$MIN_JAVA" ]
}

# JAVA_HOME or the PATH's java when new enough (the user chose them), else the newest JDK installed.
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && new_enough "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  local home
  home="$(path_jdk)"
  if [ -n "$home" ] && new_enough "$home"; then echo "$home"; return 0; fi
  local best="" best_version=0 candidate version
  while IFS= read -r candidate; do
    version="$(jdk_version "$candidate")"
    if [ -n "$version" ] && [ "$version" -ge "$MIN_JAVA" ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate"; best_version="$version"
    fi
  done < <(installed_jdks)
  [ -n "$best" ] && echo "$best"
  return 0
}

no_jdk() {
  {
    echo "Threadlings needs a JDK $MIN_JAVA or newer (a full JDK, with javac), and none was found."
    echo
    echo "Looked at:"
    [ -n "${JAVA_HOME:-}" ] && echo "  JAVA_HOME=$JAVA_HOME (version: $(jdk_version "$JAVA_HOME" || true))"
    if command -v java >/dev/null 2>&1; then
      echo "  java on PATH: $(command -v java) ($(java -version 2>&1 | head -n 1))"
    else
      echo "  java on PATH: none"
    fi
    echo "  /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks, ~/.asdf, mise, Homebrew, /Library/Java"
    echo
    echo "Install a JDK $MIN_JAVA or newer, for example:"
    echo "  Debian, Ubuntu:  sudo apt install openjdk-21-jdk      (or openjdk-25-jdk)"
    echo "  Fedora, RHEL:    sudo dnf install java-21-openjdk-devel"
    echo "  macOS:           brew install openjdk@21"
    echo "  Any system:      https://adoptium.net (Temurin), or SDKMAN: sdk install java 21-tem"
    echo
    echo "Then run ./run.sh again. If the JDK lives somewhere unusual, point JAVA_HOME at it."
  } >&2
  exit 2
}

JDK="$(find_jdk)"
[ -n "$JDK" ] || no_jdk
JAVA="$JDK/bin/java"
JDK_VERSION="$(jdk_version "$JDK")"
if [ -n "${JAVA_HOME:-}" ] && [ "$JAVA_HOME" != "$JDK" ]; then
  echo "note: JAVA_HOME ($JAVA_HOME) is not a JDK $MIN_JAVA or newer; using $JDK" >&2
fi

maven() {
  JAVA_HOME="$JDK" "$ROOT/mvnw" -f "$ROOT/pom.xml" "$@"
}

# Builds the engine when the jar is missing or older than any engine source or build file.
build_if_needed() {
  if [ -f "$JAR" ] && [ -d "$ROOT/engine/target/lib" ] && \
     [ -z "$(find "$ROOT/engine/src/main" "$ROOT/engine/pom.xml" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  mkdir -p "$STATE"
  local log="$STATE/build.log"
  if [ -f "$JAR" ]; then
    echo "Engine sources changed: rebuilding Threadlings..." >&2
  else
    echo "Building Threadlings for its first start (a minute or two, once; Maven downloads what it needs)..." >&2
  fi
  if ! maven -B -q -pl engine -am package -DskipTests >"$log" 2>&1; then
    echo "The build failed. The last lines of $log:" >&2
    grep -v '^WARNING: ' "$log" | tail -n 30 >&2
    exit 2
  fi
  rm -f "$ROOT"/engine/target/aot/engine-*   # start-up caches belong to the old jar
  echo "Built." >&2
}

# A start-up cache of the engine JVM (an AOT cache on JDK 25+, a class-data archive before):
# the classes an ordinary start needs, already parsed and linked. It is recorded once per build
# and JDK, in the background, by a run that walks through the UI's screens and the compiler
# without touching the student's work; until it is ready, starts are just slower.
startup_cache_options() {
  local version="$JDK_VERSION" dir cache record use stamp
  dir="$ROOT/engine/target/aot"
  # A cache recorded from another jar would hand the JVM that jar's classes: name it after this one.
  stamp="$(find "$JAR" -printf '%T@-%s' 2>/dev/null || stat -f '%m-%z' "$JAR")"
  stamp="${stamp//[^0-9-]/}"
  if [ "$version" -ge 25 ]; then
    cache="$dir/engine-$version-$stamp.aot"
    record="-XX:AOTCacheOutput=$cache.partial"
    use="-XX:AOTCache=$cache"
  else
    cache="$dir/engine-$version-$stamp.jsa"
    record="-XX:ArchiveClassesAtExit=$cache.partial"
    use="-XX:SharedArchiveFile=$cache"
  fi
  if [ -f "$cache" ]; then
    echo "$use"
    return 0
  fi
  mkdir -p "$dir"
  find "$dir" -name 'engine-*' ! -name "engine-$version-$stamp.*" -delete 2>/dev/null || true
  if [ ! -f "$cache.training" ] || [ -n "$(find "$cache.training" -mmin +5 2>/dev/null)" ]; then
    touch "$cache.training"
    # nohup: closing the terminal (SIGHUP) must not leave a half-recorded cache behind.
    # nice: the training takes only the processor time nothing else wants, so that the first
    # gradings after a build (speed-ups above all) are not measured against it.
    # shellcheck disable=SC2086
    nohup nice -n 19 sh -c "\"$JAVA\" $ENGINE_OPTS $record -Dthreadlings.course=\"$ROOT\" -jar \"$JAR\" startup-training \
        && mv -f \"$cache.partial\" \"$cache\"; rm -f \"$cache.training\" \"$cache.partial\"" \
        </dev/null >/dev/null 2>&1 &
  fi
}

case "${1:-}" in
  selftest)
    shift
    echo "Running Threadlings' own test suite (not your exercises: that is ./run.sh check) with $JDK" >&2
    exec env JAVA_HOME="$JDK" "$ROOT/mvnw" -f "$ROOT/pom.xml" -B verify "$@"
    ;;
  bench)
    shift
    build_if_needed
    exec env JAVA_HOME="$JDK" bash "$ROOT/bench/run.sh" "$@"
    ;;
esac

build_if_needed

TTY=false
INTERACTIVE=false
COLUMNS_NOW="${COLUMNS:-}"
if [ -t 1 ]; then
  TTY=true
  COLUMNS_NOW="$(tput cols 2>/dev/null || echo "${COLUMNS:-80}")"
  [ -t 0 ] && INTERACTIVE=true
fi

# The same options for the training run and every start: a start-up cache only fits the flags
# it was recorded with. Logging off, so that a cache that does not fit is skipped in silence.
ENGINE_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED -Xlog:cds=off"
[ "$JDK_VERSION" -ge 25 ] && ENGINE_OPTS="$ENGINE_OPTS -Xlog:aot=off"
CACHE_OPTS="$(startup_cache_options)"

# THREADLINGS_JAVA_OPTS: extra JVM options, for benchmarks and debugging.
# shellcheck disable=SC2086
exec "$JAVA" $ENGINE_OPTS $CACHE_OPTS ${THREADLINGS_JAVA_OPTS:-} \
  -Dthreadlings.course="$ROOT" -Dthreadlings.tty="$TTY" -Dthreadlings.interactive="$INTERACTIVE" \
  ${COLUMNS_NOW:+-Dthreadlings.columns="$COLUMNS_NOW"} \
  -jar "$JAR" "$@"
