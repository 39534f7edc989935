#!/usr/bin/env bash
# Runs NewsParsing and the peers (../shared/peers/run.sh: chrono-node, compromise, wink-nlp, Recognizers-Text) on the
# same articles in one run and prints each peer's throughput beside ours, with the ratio.
# Usage: benchmarks/compare-peers.sh [FILE...]   (default: the seeds and the AzerNews stories)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
if [ $# -eq 0 ]; then set -- "$root"/seeds/*.txt "$shared"/eval/azernews/*.txt; fi
out="$(mktemp -d)"
n="${BENCH_N:-1000}" cap="${BENCH_CAP:-30}"

echo "== NewsParsing ($n articles or ${cap}s per configuration)"
dotnet run -c Release --project "$root/benchmarks/NewsParsing.Benchmarks" -- throughput "$n" "$cap" "$@" | tee "$out/ours.jsonl"
echo "== peers"
BIGDOC=0 BENCH_N="$n" BENCH_CAP="$cap" "$shared/peers/run.sh" "$@" | tee "$out/peers.log"

python3 - "$out/ours.jsonl" "$out/peers.log" <<'PY'
import json, sys
ours = {r["name"]: r for r in (json.loads(l) for l in open(sys.argv[1]) if l.startswith("{"))}
peers = [json.loads(l) for l in open(sys.argv[2]) if l.startswith('{"name"')]
pairs = [
    ("chrono-node (parse)", "newsparsing segmentation+dates"),
    ("recognizers core (number+ordinal+dimension+datetime)", "newsparsing segmentation+dates+quantities"),
    ("recognizers all 8 (+percentage,currency,age,temperature)", "newsparsing segmentation+dates+quantities"),
    ("compromise+dates (people/places/orgs/numbers/dates/durations)", "newsparsing end to end (all stages)"),
    ("wink-nlp (entities+sentences)", "newsparsing segmentation+entities"),
    ("wink-nlp (entities only)", "newsparsing segmentation+entities"),
]
print()
print(f"{'peer':62} {'peer KB/s':>12} {'ours':44} {'our KB/s':>12} {'ratio':>8}")
for peer_name, our_name in pairs:
    p = next((x for x in peers if x["name"] == peer_name), None)
    o = ours.get(our_name)
    if p and o:
        print(f"{peer_name:62} {p['kb_per_s']:>12.1f} {our_name:44} {o['kb_per_s']:>12.1f} {o['kb_per_s'] / p['kb_per_s']:>7.1f}x")
PY
rm -rf "$out"
