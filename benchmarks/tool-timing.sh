#!/usr/bin/env bash
# Whole-process timings of the newsparse tool against chrono-node, in one run, on the same files: the Reuters-21578
# stories with a dateline from ../shared/eval (reut2-000 and reut2-001: 1,855 stories), written COPIES times as
# seed-format files (" date YYYY-MM-DD" then the headline, dateline and body), so both tools read the same bytes.
# Each configuration runs RUNS times; the table gives the fastest wall time, with user and system CPU of that run.
# Usage: benchmarks/tool-timing.sh [COPIES=10] [RUNS=3]
# Env: KEEP_CORPUS=1 keeps the written files; NEWSPARSE_BIN=path/to/newsparse.dll times another build;
# NEWSPARSE_BASELINE=path/to/newsparse.dll also times that build in the same run, alternating with this one run by
# run (an A/B on a loaded machine); SKIP_PEERS=1 leaves chrono-node out.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="$root/../shared"
copies="${1:-10}" runs="${2:-3}"
[ -d "$shared/eval/reuters21578" ] || { echo "tool-timing: $shared/eval/reuters21578 not found" >&2; exit 2; }
work="$(mktemp -d)"
trap '[ "${KEEP_CORPUS:-0}" = 1 ] || rm -rf "$work"' EXIT

python3 - "$shared/eval/reuters21578" "$work/corpus" "$copies" <<'PY'
import glob, html, os, re, sys, datetime
src, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out)
stories = []
for f in sorted(glob.glob(src + '/reut2-*.sgm')):
    for block in re.findall(r'<REUTERS.*?</REUTERS>', open(f, encoding='latin-1').read(), re.S):
        tag = lambda t: (m.group(1) if (m := re.search(f'<{t}>(.*?)</{t}>', block, re.S)) else None)
        title, dateline, body, date = tag('TITLE'), tag('DATELINE'), tag('BODY'), tag('DATE')
        if None in (title, dateline, body, date):
            continue
        day = datetime.datetime.strptime(date.strip().split(' ')[0], '%d-%b-%Y').date()
        text = html.unescape(title) + '\n' + html.unescape(dateline) + html.unescape(body)
        stories.append(f' date {day.isoformat()}\n{text}')
n = chars = 0
for k in range(copies):
    for i, s in enumerate(stories):
        with open(f'{out}/{k:02d}_{i:05d}.txt', 'w', encoding='utf-8') as w:
            w.write(s)
        n += 1; chars += len(s)
print(f'corpus: {n} files ({len(stories)} stories x {copies}), {chars:,} characters, {sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out)):,} bytes')
PY

dotnet build -c Release "$root/src/NewsParsing.Cli" -v q -nologo >/dev/null
bin="${NEWSPARSE_BIN:-$root/src/NewsParsing.Cli/bin/Release/net10.0/newsparse.dll}"

peers="${PEERS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsparsing-peers}"
if [ "${SKIP_PEERS:-0}" != 1 ]; then
  mkdir -p "$peers"
  cp -r "$shared/peers/peers" "$shared/peers/package.json" "$peers/"
  [ -d "$peers/node_modules/chrono-node" ] || (cd "$peers" && npm install --no-audit --no-fund >/dev/null)
fi

best() { # NAME COMMAND...: runs RUNS times, prints the fastest wall time with its user and sys seconds
  local name="$1"; shift
  local bw="" bu="" bs="" i t
  for ((i = 0; i < runs; i++)); do
    t=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>"$work/stderr"; } 2>&1 ) || { echo "$name failed:"; cat "$work/stderr"; exit 1; }
    read -r w u s <<<"$t"
    if [ -z "$bw" ] || awk "BEGIN{exit !($w < $bw)}"; then bw=$w bu=$u bs=$s; fi
  done
  printf '%-44s %8s s wall %8s s user %8s s sys\n' "$name" "$bw" "$bu" "$bs"
}

ab() { # NAME ARGS...: this build and NEWSPARSE_BASELINE alternately, RUNS times each; the fastest of each
  local name="$1"; shift
  local -A bw bu bs
  local i k t dll
  for ((i = 0; i < runs; i++)); do
    for k in baseline this; do
      dll="$bin"; [ "$k" = baseline ] && dll="$NEWSPARSE_BASELINE"
      t=$( { TIMEFORMAT='%R %U %S'; time dotnet "$dll" "$@" >/dev/null 2>"$work/stderr"; } 2>&1 ) || { echo "$name ($k) failed:"; cat "$work/stderr"; exit 1; }
      read -r w u s <<<"$t"
      if [ -z "${bw[$k]:-}" ] || awk "BEGIN{exit !($w < ${bw[$k]})}"; then bw[$k]=$w bu[$k]=$u bs[$k]=$s; fi
    done
  done
  for k in baseline this; do
    printf '%-44s %8s s wall %8s s user %8s s sys\n' "$name ($k)" "${bw[$k]}" "${bu[$k]}" "${bs[$k]}"
  done
}

echo "machine: $(nproc) cores; runs per configuration: $runs"
if [ -n "${NEWSPARSE_BASELINE:-}" ]; then
  echo "A/B: this = $bin, baseline = $NEWSPARSE_BASELINE (alternating)"
  ab "newsparse parse --parallel 1 (all stages)" parse "$work/corpus" --parallel 1
  ab "newsparse parse --parallel 2 (all stages)" parse "$work/corpus" --parallel 2
else
  best "newsparse parse --parallel 1 (all stages)" dotnet "$bin" parse "$work/corpus" --parallel 1
  best "newsparse parse --parallel 2 (all stages)" dotnet "$bin" parse "$work/corpus" --parallel 2
fi
[ "${SKIP_PEERS:-0}" = 1 ] && exit 0
best "chrono-node (dates only, one process)" bash -c "cd '$peers' && TZ=UTC find '$work/corpus' -name '*.txt' -print0 | sort -z | xargs -0 node peers/chrono.mjs"
