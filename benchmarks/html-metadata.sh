#!/usr/bin/env bash
# Metadata side by side, in one run, with one scorer: NewsParsing, SmartReader 0.11.1 and @mozilla/readability 0.6.0
# (the peers of html-side-by-side.sh) on
#  - fundus (../shared/eval/html/fundus; gold title, authors, publishing date): the development pages, per field and
#    per page (FUNDUS_DIR=... points it at other pages);
#  - held out, publishers not used in development: the trafilatura pages present (gold title, author, date of
#    evaldata.json) and the htmldate pages present (gold date). Per-field counts only, all pages and the pages whose
#    <html lang> is English; HELDOUT_PAGES=1 prints them page by page (which ends their being held out).
# Each page gets its address (the gold's key), as a crawler would know it.
# Usage: benchmarks/html-metadata.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/benchmarks/html-side-by-side"
eval_dir="${EVAL_DIR:-$root/../shared/eval/html}"
fundus="${FUNDUS_DIR:-$eval_dir/fundus}"
if [ ! -d "$fundus" ]; then echo "no $fundus: nothing to measure" >&2; exit 0; fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

[ -d "$here/node_modules/@mozilla/readability" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)
dotnet build -c Release "$here/HtmlSideBySide.csproj" -v q -nologo >/dev/null
runner="$here/bin/Release/net10.0/HtmlSideBySide"

export PAGE_URLS="$out/urls.tsv"
for group in fundus trafilatura htmldate; do
  if [ "$group" = fundus ]; then
    mapfile -t pages < <(find "$fundus" -name '*.html.gz' | sort); : > "$PAGE_URLS"
  else
    mapfile -t pages < <(python3 "$here/metadata.py" files "$eval_dir" "$group" "$PAGE_URLS")
  fi
  [ "${#pages[@]}" -gt 0 ] || continue
  "$runner" newsparsing "${pages[@]}" > "$out/$group-newsparsing.jsonl"
  "$runner" smartreader "${pages[@]}" > "$out/$group-smartreader.jsonl"
  node "$here/readability.mjs" "${pages[@]}" > "$out/$group-readability.jsonl"
done
python3 "$here/metadata.py" score "$eval_dir" "$out" "$fundus"
