#!/usr/bin/env bash
# The cases of issue 20 ("One bad record must never cost the others"), run through one or two builds of the CLI:
# for each case and tool, records in, records out (lines written; error records in brackets), exit code, wall seconds
# and peak RSS (GNU time's "Maximum resident set size"). Not part of `dotnet test`.
#
# Usage: tests/robustness-cases.sh [NEW_NEWSPARSE [OLD_NEWSPARSE]]
#   NEW_NEWSPARSE  default: src/NewsParsing.Cli/bin/Release/net10.0/newsparse (build it with
#                  `dotnet build src/NewsParsing.Cli -c Release` first)
#   OLD_NEWSPARSE  optional: a second build to compare (e.g. c819474's)
# Environment:
#   NP_HUGE=1          also the huge cases (a text file of 1.1 G characters, a 1.2 GB JSON Lines line, 8 x 100 MB
#                      files): several GB of disk under NP_WORK and minutes per tool
#   NP_CASE_TIMEOUT=N  seconds before a run is stopped (default 300; exit 124 in the table)
#   NP_WORK=DIR        where the inputs are written (default: a new directory under ${TMPDIR:-/tmp}, removed after)
# Needs GNU time (/usr/bin/time; `apt-get install time`).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
new="${1:-$root/src/NewsParsing.Cli/bin/Release/net10.0/newsparse}"
old="${2:-}"
timeout_s="${NP_CASE_TIMEOUT:-300}"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
[ -x "$new" ] || { echo "no CLI at $new: dotnet build src/NewsParsing.Cli -c Release" >&2; exit 2; }
if [ -n "${NP_WORK:-}" ]; then work="$NP_WORK"; mkdir -p "$work"; keep=1; else work="$(mktemp -d)"; keep=0; fi
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2

# ------------------------------------------------------------------ inputs
good='LONDON, March 3 (Reuters) - The central bank raised rates by 25 basis points to 4.5 percent on Thursday.'
printf '%s\n' "$good" > good.txt
printf '{"id":"a","text":"ok"}\n{"id":"b","text":"x \\ud800"}\n' > surrogate.jsonl
printf 'The debt is 100,000,000,000,000,000,000 trillion dollars.\n' > overflow.txt
printf ' date 9999-12-30 By A B\n\nThe meeting is next week.\n' > nextweek.txt
python3 - <<'EOF'
import gzip, json, os
pre = '<html><body>' + '<pre>' * 3000 + 'text</body></html>'
open('pre.html', 'w').write(pre)
with open('pre.jsonl', 'w') as f:
    for i in range(1000):
        f.write(json.dumps({'id': str(i), 'html': pre}) + '\n')
open('bflood.html', 'w').write('<body><div>' + ''.join(f'<b id=x{n}>' for n in range(1990)) + '</div>' + '<p>y</p>' * 10000)
open('divs.html', 'w').write('<html><body>' + '<div/>' * 100000 + '<p>The end.</p></body></html>')
# over 64 MiB of HTML: a real paragraph repeated
para = '<p>LONDON (Reuters) - The central bank raised rates by 25 basis points to 4.5 percent on Thursday.</p>\n'
with open('big.html', 'w') as f:
    f.write('<html><body>')
    n = 0
    while n < 65 * 1024 * 1024:
        f.write(para); n += len(para)
    f.write('</body></html>')
data = gzip.compress(('<html><body><p>' + 'The talks ended on Monday. ' * 2000 + '</p></body></html>').encode())
open('truncated.html.gz', 'wb').write(data[: len(data) // 2])
open('invalid.txt', 'wb').write(b'BAKU, Dec 3 - Talks \xff\xfe ended \xc3 in \xe2\x82 Baku.\n')
os.makedirs('many', exist_ok=True)
for i in range(2000):
    open(f'many/{i:05}.txt', 'w').write(f'BAKU, Dec 3 - Talks number {i} ended in Baku with 5 agreements.\n')
open('cr.jsonl', 'wb').write(b'{"id":"a",\r"text":"Talks ended."}\r\n{"id":"b","text":"More talks."}\n')
os.makedirs('upper', exist_ok=True)
open('upper/STORY.TXT', 'w').write('BAKU, Dec 3 - Talks ended in Baku.\n')
open('utf7.html', 'wb').write(b'<html><head><meta charset="utf-7"></head><body><p>Talks +AKM- ended in Baku.</p></body></html>')
open('dec30.txt', 'w').write('BAKU, Dec 30 - The meeting is next week.\n')
EOF
mkdir -p fifo && cp good.txt fifo/a.txt && mkfifo fifo/b.txt
mkdir -p fulldisk

# ------------------------------------------------------------------ running
printf '| case | tool | records in | records out (errors) | exit | seconds | peak RSS (MB) |\n|---|---|---|---|---|---|---|\n'

# run LABEL TOOLNAME IN STDIN ARGS...: one run under GNU time and timeout; stdout counted, never kept whole.
run() {
  local label="$1" name="$2" in="$3" stdin="$4"; shift 4
  local out err code secs rss
  /usr/bin/time -v -o time.txt timeout "$timeout_s" "$@" < "$stdin" > out.jsonl 2> stderr.txt
  code=$?
  finish "$label" "$name" "$in" "$code"
}

finish() {
  local label="$1" name="$2" in="$3" code="$4"
  local out err secs rss
  out=$(wc -l < out.jsonl 2>/dev/null || echo 0)
  err=$(grep -c '"error"' out.jsonl 2>/dev/null); err=${err:-0}
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' time.txt)
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' time.txt)
  if grep -q 'Command terminated by signal' time.txt; then code="$code ($(grep -o 'signal [0-9]*' time.txt))"; fi
  printf '| %s | %s | %s | %s (%s) | %s | %s | %s |\n' "$label" "$name" "$in" "$out" "$err" "$code" "$secs" "$rss"
}

cases() {
  local name="$1" np="$2"
  run "1 jsonl lone surrogate" "$name" 2 surrogate.jsonl "$np" parse --input-format jsonl
  run "1 decimal overflow text" "$name" 1 /dev/null "$np" parse overflow.txt
  run "1 9999-12-30 + next week" "$name" 1 /dev/null "$np" parse nextweek.txt
  run "2 3,000 <pre>, file" "$name" 1 /dev/null "$np" parse pre.html
  run "2 3,000 <pre>, jsonl x 1,000" "$name" 1000 pre.jsonl "$np" parse --input-format jsonl
  run "3 1,990 <b id=xN> + 10,000 <p>" "$name" 1 /dev/null "$np" parse bflood.html
  run "4 100,000 <div/>" "$name" 1 /dev/null "$np" parse divs.html
  run "5 good.txt /dev/zero" "$name" 2 /dev/null "$np" parse good.txt /dev/zero
  /usr/bin/time -v -o time.txt timeout "$timeout_s" "$np" parse good.txt > /dev/full 2> stderr.txt; code=$?
  : > out.jsonl; finish "5 output to /dev/full" "$name" 1 "$code"
  run "5 --parallel 100000000" "$name" 1 /dev/null "$np" parse good.txt --parallel 100000000
  run "6 HTML over 64 MiB" "$name" 1 /dev/null "$np" parse big.html
  run "6 truncated .html.gz" "$name" 1 /dev/null "$np" parse truncated.html.gz
  run "6 invalid UTF-8" "$name" 1 /dev/null "$np" parse invalid.txt
  run "7 FIFO in the folder" "$name" 2 /dev/null "$np" parse fifo
  /usr/bin/time -v -o time.txt timeout "$timeout_s" "$np" parse many 2> stderr.txt | head -1 > out.jsonl; code=${PIPESTATUS[0]}
  finish "7 parse many (2,000) \\| head -1" "$name" 2000 "$code"
  run "8 --published 9999-12-31" "$name" 1 /dev/null "$np" parse dec30.txt --published 9999-12-31
  run "9 raw CR in jsonl" "$name" 2 cr.jsonl "$np" parse --input-format jsonl
  run "9 upper-case .TXT" "$name" 1 /dev/null "$np" parse upper
  run "9 charset=utf-7" "$name" 1 /dev/null "$np" parse utf7.html
  if [ "${NP_HUGE:-0}" = 1 ]; then
    run "5 text of 1.1 G characters" "$name" 1 /dev/null "$np" parse huge.txt
    run "5 a 1.2 GB jsonl line" "$name" 1 hugeline.jsonl "$np" parse --input-format jsonl
    run "9 8 x 100 MB files" "$name" 8 /dev/null "$np" parse batch
  fi
}

if [ "${NP_HUGE:-0}" = 1 ]; then
  python3 - <<'EOF'
import os
line = 'The talks ended on Monday with 5 agreements in Baku. ' * 20 + '\n'
with open('huge.txt', 'w') as f:
    n = 0
    while n < 1_100_000_000:
        f.write(line); n += len(line)
with open('hugeline.jsonl', 'w') as f:
    f.write('{"id":"big","text":"')
    n = 0
    chunk = line.replace('\n', ' ')
    while n < 1_200_000_000:
        f.write(chunk); n += len(chunk)
    f.write('"}\n')
os.makedirs('batch', exist_ok=True)
for i in range(8):
    with open(f'batch/{i}.txt', 'w') as f:
        n = 0
        while n < 100_000_000:
            f.write(line + '\n'); n += len(line) + 1  # a paragraph per line
EOF
fi

cases new "$new"
[ -z "$old" ] || cases old "$old"
