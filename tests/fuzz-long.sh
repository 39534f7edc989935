#!/usr/bin/env bash
# The long fuzz run: every generator of tests/NewsParsing.Tests/Robustness/FuzzTests.cs with ITERATIONS inputs
# (default 100,000) instead of the fixed share that `dotnet test` runs, then how many inputs were tried.
# Usage: tests/fuzz-long.sh [ITERATIONS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100000}"
start=$(date +%s)
NEWSPARSING_FUZZ_ITERATIONS="$n" dotnet test "$root/tests/NewsParsing.Tests" -c Release \
  --filter "FullyQualifiedName~Robustness.FuzzTests" --logger "console;verbosity=normal" | tee /tmp/newsparsing-fuzz-long.log
# Inputs per generator: random Unicode, news-like fragments, extreme dates and magnitudes (with publication and
# reference dates at the calendar's ends), mutated articles and random HTML take n each; mutated
# real pages take max(20, n / 10) (when ../shared/eval is present); the pathological shapes are 7 fixed inputs.
pages=$(( n / 10 > 20 ? n / 10 : 20 ))
[ -d "$root/../shared/eval/html" ] || pages=0
total=$(( 5 * n + pages + 7 ))
echo "fuzz long run: $total inputs tried ($n per generator, $pages mutated real pages, 7 pathological) in $(( $(date +%s) - start )) s"
