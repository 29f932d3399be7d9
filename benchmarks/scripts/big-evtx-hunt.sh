#!/usr/bin/env bash
# Big-file hunt benchmark: `ferret hunt` with every active ESCU detection over one EVTX file of at least 512 MiB,
# against `ferret evtx dump` (bare reading and rendering) of the same file in the same run. The file is assembled in a
# temporary folder by make-big-evtx.py from the intact chunks of the shared EVTX corpora and deleted at the end.
# Prints each side's wall time, events/s, CPU seconds and peak memory (GNU time's maximum resident set size), and the
# ratio hunt / dump.
# Usage: benchmarks/scripts/big-evtx-hunt.sh [MEGABYTES, default 512]   (FERRET_SHARED: the shared folder, default
# ../shared beside the repository; FERRET_BIN: an already built ferret.dll to measure instead of building one)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${FERRET_SHARED:-$root/../shared}"
megabytes="${1:-512}"
for tool in dotnet python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

if [ -n "${FERRET_BIN:-}" ]; then
  ferret="$FERRET_BIN"
else
  dotnet build "$root/src/Ferret.Cli/Ferret.Cli.csproj" -c Release -o "$work/cli" -m:1 --nologo -v q >/dev/null
  ferret="$work/cli/ferret.dll"
fi

big="$work/big-${megabytes}mb.evtx"
python3 "$root/benchmarks/scripts/make-big-evtx.py" "$big" "$megabytes" \
  "$shared/data/evtx-attack-samples" "$shared/data/deepbluecli" "$shared/data/evtx-parser-samples" >&2
bytes=$(stat -c %s "$big")

/usr/bin/time -f '%e %M %U %S' -o "$work/hunt.time" \
  dotnet "$ferret" hunt --content "$shared/escu" --input "$big" --format csv -o "$work/findings.csv" 2> "$work/hunt.err"
/usr/bin/time -f '%e %M %U %S' -o "$work/dump.time" \
  dotnet "$ferret" evtx dump "$big" 2> "$work/dump.err" | wc -l > "$work/dump.count"

read -r hunt_s hunt_kb hunt_user hunt_sys < "$work/hunt.time"
read -r dump_s dump_kb dump_user dump_sys < "$work/dump.time"
events=$(sed -n 's/^Read 1 file(s), \([0-9,]*\) event(s).*/\1/p' "$work/hunt.err" | tr -d ,)
dumped=$(cat "$work/dump.count")
echo "input: one EVTX file, $((bytes / 1048576)) MiB; hunt read ${events:-?} events, dump wrote $dumped"
grep -E '^(Ran|Findings)' "$work/hunt.err" || true
awk -v s="$hunt_s" -v e="${events:-0}" -v k="$hunt_kb" -v u="$hunt_user" -v y="$hunt_sys" 'BEGIN {
  printf "ferret hunt:      %.2f s, %.0f events/s, CPU %.1f s user + %.1f s system, peak RSS %d MiB\n", s, e / s, u, y, k / 1024 }'
awk -v s="$dump_s" -v e="$dumped" -v k="$dump_kb" -v u="$dump_user" -v y="$dump_sys" 'BEGIN {
  printf "ferret evtx dump: %.2f s, %.0f events/s, CPU %.1f s user + %.1f s system, peak RSS %d MiB\n", s, e / s, u, y, k / 1024 }'
awk -v a="$hunt_s" -v b="$dump_s" 'BEGIN { printf "ratio hunt / dump: %.2f\n", a / b }'
