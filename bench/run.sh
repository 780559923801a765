#!/usr/bin/env bash
# Performance benchmarks, run through ./run.sh bench [NAME...] (which finds the JDK and builds
# the engine first). Each prints its figures and what they are compared with.
#
#   grading    check overhead: ./run.sh check vs mvn test -Dtest=..., same check, same run
#   standby    what a JVM started ahead of the grading saves the shell and the UI, per grading
#   ui         the full-screen UI in tmux: first frame, key redraw, save to verdict, memory
#   verdicts   verdict stability: every solution and known-wrong answer graded N times, quiet,
#              with one core busy and on one core only  [--rounds N] [--conditions ...] [IDS...]
#              [--csv FILE: append every grading to FILE] [--solutions: solutions only]
#              [--core N: the core onecore pins to, 0 by default]
#              [--warm: grade in one session kept open, as the UI does, not a ./run.sh check each];
#              --table FILE...: the table of such files
#   fuzz       the lesson loader against mutated lesson files (FUZZ_MUTATIONS, default 1000;
#              FUZZ_SEED): hangs over 10 s, stack traces, problems outside the mutated file
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
JAVA="$JAVA_HOME/bin/java"
JAR="$ROOT/engine/target/threadlings.jar"

names=("$@")
[ ${#names[@]} -gt 0 ] || names=(grading ui)
for name in "${names[@]}"; do
  case "$name" in
    grading) "$JAVA" -cp "$JAR" "$BENCH/GradingBench.java" "$ROOT" overhead ;;
    standby) "$JAVA" -cp "$JAR" "$BENCH/GradingBench.java" "$ROOT" standby ;;
    ui) "$JAVA" "$BENCH/UiLatency.java" "$ROOT" ;;
    verdicts) shift; exec "$JAVA" -cp "$JAR" "$BENCH/VerdictStability.java" "$ROOT" "$@" ;;
    fuzz)
      # The suite's fuzz test with a larger budget: one mutator, one set of rules.
      report="$ROOT/engine/target/fuzz-report.txt"
      rm -f "$report"
      status=0
      "$ROOT/mvnw" -q -f "$ROOT/pom.xml" -pl engine test -Dtest=LessonFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dthreadlings.fuzz.mutations="${FUZZ_MUTATIONS:-1000}" -Dthreadlings.fuzz.seed="${FUZZ_SEED:-20261129}" \
        -Dthreadlings.fuzz.report="$report" >/dev/null 2>&1 || status=$?
      if [ -f "$report" ]; then cat "$report"; else echo "the fuzz test did not run (mvnw exit $status)" >&2; fi
      [ "$status" -eq 0 ] || exit 1
      ;;
    *) echo "unknown benchmark '$name' (known: grading, standby, ui, verdicts, fuzz)" >&2; exit 2 ;;
  esac
done
