#!/usr/bin/env bash
# Whole-run EVTX benchmark: `ferret evtx dump` against libevtx's `evtxexport -f xml` on the same input in the
# same run, reported as ratios (the machines are shared and noisy; an absolute time alone means little).
#
#   benchmarks/scripts/evtx-dump-benchmark.sh [BIG_FILE_MEGABYTES, default 128]
#
# Inputs: every EVTX file of the shared corpora (evtx-attack-samples, deepbluecli, evtx-parser-samples), and one
# big file built from their intact chunks (make-big-evtx.py) to show throughput and flat memory on a large log.
# Runs single-threaded and with all cores (ferret --threads N; evtxexport one process per file, N at a time).
# Peak memory is the maximum resident set size from /usr/bin/time. Needs: dotnet, evtxexport (libevtx-utils),
# python3, /usr/bin/time. Builds Release into $FERRET_ARTIFACTS (default: a temporary folder), never into .build/,
# unless FERRET_BIN names a ferret binary to use.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${FERRET_SHARED:-$repo/../shared}"
work="${TMPDIR:-/tmp}/ferret-evtx-benchmark"
megabytes="${1:-128}"
cores="$(nproc)"
mkdir -p "$work"
export FERRET_ARTIFACTS="${FERRET_ARTIFACTS:-$work/artifacts}"

for tool in dotnet evtxexport python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done

# FERRET_BIN: an already built Release ferret to measure instead of building one.
if [ -n "${FERRET_BIN:-}" ]; then
  ferret="$FERRET_BIN"
else
  dotnet build -c Release "$repo/src/Ferret.Cli" -v quiet -nologo >/dev/null
  ferret="$FERRET_ARTIFACTS/bin/Ferret.Cli/release/ferret"
fi

folders=("$shared/data/evtx-attack-samples" "$shared/data/deepbluecli" "$shared/data/evtx-parser-samples")
mapfile -d '' corpus < <(find "${folders[@]}" -name '*.evtx' -print0 | sort -z)
big="$work/big-${megabytes}mb.evtx"
[ -f "$big" ] || python3 "$repo/benchmarks/scripts/make-big-evtx.py" "$big" "$megabytes" "${folders[0]}" "${folders[1]}" >&2
small="$shared/data/evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx"

bytes_of() { du -cb "$@" | tail -1 | cut -f1; }
corpus_bytes="$(bytes_of "${corpus[@]}")"
big_bytes="$(bytes_of "$big")"
corpus_events="$("$ferret" evtx dump "${corpus[@]}" 2>/dev/null | wc -l)"
big_events="$("$ferret" evtx dump "$big" 2>/dev/null | wc -l)"

# measure LABEL EVENTS BYTES COMMAND...: one timed run; prints a table row and remembers the seconds in $seconds.
measure() {
  local label="$1" events="$2" bytes="$3"; shift 3
  local report="$work/time.txt"
  /usr/bin/time -f "%e %M" -o "$report" "$@" >/dev/null 2>&1 || true
  read -r seconds kilobytes < "$report"
  awk -v l="$label" -v s="$seconds" -v e="$events" -v b="$bytes" -v k="$kilobytes" 'BEGIN {
    if (s <= 0) s = 0.01
    printf "| %-44s | %8.2f | %10.0f | %7.1f | %8.0f |\n", l, s, e / s, b / s / 1048576, k / 1024 }'
}

evtxexport_each() { for f in "$@"; do evtxexport -f xml "$f"; done; }
export -f evtxexport_each

echo "EVTX dump benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $cores cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "corpus: ${#corpus[@]} files, $corpus_events events, $((corpus_bytes / 1048576)) MiB; big: $big_events events, $((big_bytes / 1048576)) MiB"
echo
echo "| run | seconds | events/s | MiB/s | peak MiB |"
echo "|---|---:|---:|---:|---:|"
measure "corpus, 1 thread: ferret" "$corpus_events" "$corpus_bytes" "$ferret" evtx dump "${corpus[@]}"; f1=$seconds
measure "corpus, 1 thread: evtxexport" "$corpus_events" "$corpus_bytes" bash -c 'evtxexport_each "$@"' _ "${corpus[@]}"; e1=$seconds
measure "corpus, $cores cores: ferret --threads $cores" "$corpus_events" "$corpus_bytes" "$ferret" evtx dump --threads "$cores" "${corpus[@]}"; fn=$seconds
measure "corpus, $cores cores: evtxexport x$cores" "$corpus_events" "$corpus_bytes" \
  bash -c 'printf "%s\0" "$@" | xargs -0 -n 4 -P '"$cores"' bash -c '"'"'evtxexport_each "$@"'"'"' _' _ "${corpus[@]}"; en=$seconds
measure "big file, 1 thread: ferret" "$big_events" "$big_bytes" "$ferret" evtx dump "$big"; b1=$seconds
measure "big file, 1 thread: evtxexport" "$big_events" "$big_bytes" evtxexport -f xml "$big"; be=$seconds
measure "big file, $cores cores: ferret --threads $cores" "$big_events" "$big_bytes" "$ferret" evtx dump --threads "$cores" "$big"; bn=$seconds
measure "one small file (memory floor): ferret" 1 "$(bytes_of "$small")" "$ferret" evtx dump "$small"
echo
awk -v f1="$f1" -v e1="$e1" -v fn="$fn" -v en="$en" -v b1="$b1" -v be="$be" -v bn="$bn" 'BEGIN {
  printf "ratios (evtxexport time / ferret time): corpus 1 thread %.1fx, corpus %s cores %.1fx, big file 1 thread %.1fx, big file ferret %s cores vs evtxexport 1 thread %.1fx\n",
    e1 / f1, "'"$cores"'", en / fn, be / b1, "'"$cores"'", be / bn }'
