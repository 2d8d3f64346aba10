#!/usr/bin/env bash
# Throughput of the Java validator against the Node reference (../shared/bench/validate.mjs, tiktoken WASM)
# on the same seed-42 synthetic file, interleaved, in the same run. Verifies that the Java cookbook-compatible
# summary equals the reference's, then prints wall time, MB/s, CPU time, peak RSS (/usr/bin/time -v) and both ratios.
#
#   dataset-validation/bench.sh [SIZE] [RUNS]        SIZE: 100MB (default), 300MB, 10MB ...  RUNS: 3 (default)
#
# Environment: BENCH_WORK (scratch dir, default dataset-validation/target/bench; ../shared stays read-only),
#              JAVA_OPTS (JVM flags of the measured Java run), THREADS (worker threads, default: all cores),
#              SHARED_BENCH (the reference validator, default ../shared/bench next to the project root).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SHARED_BENCH="$(cd "${SHARED_BENCH:-$ROOT/../shared/bench}" 2>/dev/null && pwd)" || { echo "no ../shared/bench next to the project root (or set SHARED_BENCH)" >&2; exit 2; }
SIZE="${1:-100MB}"
RUNS="${2:-3}"
WORK="${BENCH_WORK:-$HERE/target/bench}"
# C1 only: the run is short, and C2's compile time costs more CPU than it saves; a small serial heap keeps RSS low.
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
THREADS="${THREADS:-$(nproc)}"

mkdir -p "$WORK"
REF="$WORK/ref"
if [ ! -f "$REF/validate.mjs" ]; then
  cp -r "$SHARED_BENCH" "$REF"
  chmod -R u+w "$REF"
fi
if [ ! -d "$REF/node_modules/tiktoken" ]; then
  (cd "$REF" && npm ci --no-audit --no-fund --silent)
fi

DATA="$WORK/synth-$SIZE.jsonl"
if [ ! -f "$DATA" ]; then
  echo "generating $DATA with the reference generator (seed 42)" >&2
  node "$REF/gen.mjs" --size "$SIZE" --seed 42 --out "$DATA" >&2
fi
EXPECTED_SHA="$(awk -v f="synth-$SIZE.jsonl" '$2 ~ f"$" {print $1}' "$REF/testdata/SHA256SUMS.synth" 2>/dev/null || true)"
if [ -n "$EXPECTED_SHA" ]; then
  echo "$EXPECTED_SHA  $DATA" | sha256sum -c --quiet - || { echo "generated file differs from SHA256SUMS.synth" >&2; exit 1; }
fi

if [ ! -d "$HERE/target/lib" ] || [ ! -d "$HERE/target/classes" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl dataset-validation -am package -DskipTests)
fi
CP="$HERE/target/classes:$(ls "$HERE"/target/lib/*.jar | tr '\n' ':')"
MAIN=io.tuneforge.dataset.validation.bench.ValidateFileCommand
BYTES=$(stat -Lc %s "$DATA")

# measure NAME OUTFILE CMD... : appends "wall_seconds max_rss_kb cpu_seconds" to $WORK/NAME.times
# (cpu = user + system: on a machine shared with other builds it is the steadier comparison than wall time)
measure() {
  local name="$1" out="$2"; shift 2
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$out" 2> "$WORK/$name.stderr"
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$name.time")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s+=$2} END {print s}' "$WORK/$name.time")
  echo "$wall $rss $cpu" >> "$WORK/$name.times"
  printf '  %-10s wall %7.2f s  %7.2f MB/s  cpu %7.2f s  peak RSS %6.1f MB\n' "$name" "$wall" "$(echo "$BYTES / 1000000 / $wall" | bc -l)" "$cpu" "$(echo "$rss / 1024" | bc -l)" >&2
}

rm -f "$WORK/reference.times" "$WORK/java.times"
echo "file: $DATA ($BYTES bytes), $RUNS interleaved runs, java: $JAVA_OPTS, threads: $THREADS" >&2
for run in $(seq 1 "$RUNS"); do
  echo "run $run" >&2
  measure reference "$WORK/reference.json" node "$REF/validate.mjs" "$DATA"
  measure java "$WORK/java.json" java $JAVA_OPTS -cp "$CP" "$MAIN" "$DATA" --threads "$THREADS"
done

# Same summary: every field except the tokenizer name must be equal (and equal the stored expected output if any).
node -e '
  const fs = require("fs");
  const [ref, java, expected] = process.argv.slice(1);
  const strip = (f) => { if (!fs.existsSync(f)) return null; const o = JSON.parse(fs.readFileSync(f, "utf8")); delete o.tokenizer; delete o.file; return JSON.stringify(o); };
  if (strip(ref) !== strip(java)) { console.error("MISMATCH: Java summary differs from the reference summary"); process.exit(1); }
  const e = strip(expected);
  if (e !== null && e !== strip(java)) { console.error("MISMATCH: summary differs from " + expected); process.exit(1); }
  console.error("summaries identical (all fields but file/tokenizer)" + (e !== null ? ", and equal to " + expected : ""));
' "$WORK/reference.json" "$WORK/java.json" "$REF/results/summary.synth-$SIZE.json"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
REF_WALL=$(awk '{print $1}' "$WORK/reference.times" | median)
JAVA_WALL=$(awk '{print $1}' "$WORK/java.times" | median)
REF_RSS=$(awk '{print $2}' "$WORK/reference.times" | sort -n | tail -1)
JAVA_RSS=$(awk '{print $2}' "$WORK/java.times" | sort -n | tail -1)
REF_CPU=$(awk '{print $3}' "$WORK/reference.times" | median)
JAVA_CPU=$(awk '{print $3}' "$WORK/java.times" | median)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
printf '\n%-28s %10s %10s %10s %12s\n' "median of $RUNS" "wall s" "MB/s" "cpu s" "peak RSS MB"
printf '%-28s %10.2f %10.2f %10.2f %12.1f\n' "reference (tiktoken-wasm)" "$REF_WALL" "$(echo "$BYTES/1000000/$REF_WALL" | bc -l)" "$REF_CPU" "$(echo "$REF_RSS/1024" | bc -l)"
printf '%-28s %10.2f %10.2f %10.2f %12.1f\n' "java (jtokkit, $THREADS threads)" "$JAVA_WALL" "$(echo "$BYTES/1000000/$JAVA_WALL" | bc -l)" "$JAVA_CPU" "$(echo "$JAVA_RSS/1024" | bc -l)"
printf 'throughput ratio java/reference: %.2fx wall, %.2fx cpu   (load average at the end: %s)\n' \
  "$(echo "$REF_WALL/$JAVA_WALL" | bc -l)" "$(echo "$REF_CPU/$JAVA_CPU" | bc -l)" "$LOAD"
