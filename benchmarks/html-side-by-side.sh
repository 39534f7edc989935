#!/usr/bin/env bash
# Side by side on HTML pages, in one run, with one scorer: NewsParsing, SmartReader 0.11.1 (NuGet, C# port of
# Readability) and @mozilla/readability 0.6.0 (npm, with jsdom).
#  - body: the article-extraction benchmark (../shared/eval/html/article-extraction-benchmark, 181 pages with gold
#    articleBody): per-page token precision and recall (white-space tokens, counted with multiplicity), averaged over
#    pages; F1 is the mean of the per-page F1; "below 0.5" counts pages whose F1 is under 0.5; pages/s is the whole
#    process (start-up, reading, decompressing) over the page count.
#  - metadata: the fundus pages (../shared/eval/html/fundus, gold title, authors, publishing date), per field and per
#    page, so that pages of publishers not used in development can be checked the same way (pass FUNDUS_DIR=...).
# Usage: benchmarks/html-side-by-side.sh            (installs the peers on first use: dotnet restore, npm install)
#        AEB_LIMIT=40 benchmarks/html-side-by-side.sh   (first 40 pages only)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/benchmarks/html-side-by-side"
eval_dir="${EVAL_DIR:-$root/../shared/eval/html}"
aeb="$eval_dir/article-extraction-benchmark"
fundus="${FUNDUS_DIR:-$eval_dir/fundus}"
if [ ! -d "$aeb" ]; then echo "no $aeb: nothing to measure" >&2; exit 0; fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

mapfile -t pages < <(ls "$aeb"/html/*.html.gz | sort | head -n "${AEB_LIMIT:-100000}")
mapfile -t fundus_pages < <(find "$fundus" -name '*.html.gz' | sort)

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
"$runner" newsparsing "${fundus_pages[@]}" > "$out/fundus-newsparsing.jsonl"
"$runner" smartreader "${fundus_pages[@]}" > "$out/fundus-smartreader.jsonl"
node "$here/readability.mjs" "${fundus_pages[@]}" > "$out/fundus-readability.jsonl"

python3 "$here/score.py" "$aeb/ground-truth.json" "$out" "$fundus" "${#pages[@]}"
