#!/usr/bin/env bash
# Hunt benchmark: `ferret hunt` with every active ESCU detection over all EVTX files under the shared data,
# against bare parsing of the same files by libevtx's `evtxexport -f xml` (the peer, GUIDE §6), in the same run.
# Prints both wall times, their ratio, each side's CPU seconds (user + system; steadier than wall time on a shared
# machine) and each side's peak memory (GNU time's maximum resident set size).
# Usage: benchmarks/scripts/hunt-vs-evtxexport.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${1:-${FERRET_SHARED:-$root/../shared}}"
command -v evtxexport >/dev/null || { echo "needs evtxexport (Debian: libevtx-utils)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (Debian: time)" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
list="$work/evtx.txt"
find "$shared/data" -name '*.evtx' -type f | sort > "$list"
files=$(wc -l < "$list"); bytes=$(tr '\n' '\0' < "$list" | du -cb --files0-from=- | tail -1 | cut -f1)
out="$work/cli"
dotnet build "$root/src/Ferret.Cli/Ferret.Cli.csproj" -c Release -o "$out" -m:1 --nologo -v q >/dev/null

mapfile -t inputs < "$list"
/usr/bin/time -f '%e %M %U %S' -o "$work/ferret.time" \
    dotnet "$out/ferret.dll" hunt --content "$shared/escu" --input "${inputs[@]}" --format csv -o "$work/findings.csv" 2> "$work/ferret.err"
/usr/bin/time -f '%e %M %U %S' -o "$work/peer.time" \
    bash -c 'while IFS= read -r f; do evtxexport -f xml "$f" > /dev/null 2>&1 || true; done < "$1"' _ "$list"

read -r ferret_s ferret_kb ferret_user ferret_sys < "$work/ferret.time"
read -r peer_s peer_kb peer_user peer_sys < "$work/peer.time"
echo "input: $files EVTX files, $((bytes / 1024 / 1024)) MiB"
grep -E '^(Read|Ran|Findings)' "$work/ferret.err" || true
echo "ferret hunt: ${ferret_s} s, CPU ${ferret_user} s user + ${ferret_sys} s system, peak RSS $((ferret_kb / 1024)) MiB"
echo "evtxexport:  ${peer_s} s, CPU ${peer_user} s user + ${peer_sys} s system, peak RSS $((peer_kb / 1024)) MiB (largest single process)"
awk -v a="$ferret_s" -v b="$peer_s" 'BEGIN { printf "ratio hunt / bare parsing: %.2f\n", a / b }'
