#!/usr/bin/env bash
# Side by side on HTML pages, in one run, with one scorer: NewsParsing, SmartReader 0.11.1 (NuGet, C# port of
# Readability) and @mozilla/readability 0.6.0 (npm, with jsdom).
#  - body: the article-extraction benchmark (../shared/eval/html/article-extraction-benchmark, 181 pages with gold
#    articleBody): per-page token precision and recall (white-space tokens, counted with multiplicity), averaged over
#    pages; F1 is the mean of the per-page F1; "below 0.5" counts pages whose F1 is under 0.5; pages/s is the whole
#    process (start-up, reading, decompressing) over the page count.
#  - metadata: benchmarks/html-metadata.sh (fundus pages per field and per page; trafilatura and htmldate pages of
#    publishers not used in development, per field).
# Usage: benchmarks/html-side-by-side.sh            (installs the peers on first use: dotnet restore, npm install)
#        AEB_LIMIT=40 benchmarks/html-side-by-side.sh   (first 40 pages only)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/benchmarks/html-side-by-side"
eval_dir="${EVAL_DIR:-$root/../shared/eval/html}"
aeb="$eval_dir/article-extraction-benchmark"
if [ ! -d "$aeb" ]; then echo "no $aeb: nothing to measure" >&2; exit 0; fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

mapfile -t pages < <(ls "$aeb"/html/*.html.gz | sort | head -n "${AEB_LIMIT:-100000}")

[ -d "$here/node_modules/@mozilla/readability" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)
dotnet build -c Release "$here/HtmlSideBySide.csproj" -v q -nologo >/dev/null
runner="$here/bin/Release/net10.0/HtmlSideBySide"

timed() { # name, command...: runs it, records wall seconds
  local name="$1"; shift
  local t0 t1; t0=$(date +%s.%N)
  "$@" > "$out/$name.jsonl"
  t1=$(date +%s.%N)
  echo "$t0 $t1" > "$out/$name.time"
}
timed newsparsing "$runner" newsparsing "${pages[@]}"
timed smartreader "$runner" smartreader "${pages[@]}"
timed readability node "$here/readability.mjs" "${pages[@]}"

python3 "$here/score.py" "$aeb/ground-truth.json" "$out" "${#pages[@]}"
echo
"$root/benchmarks/html-metadata.sh"
