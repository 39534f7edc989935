#!/usr/bin/env bash
# The streaming contract under a real distributed engine: parses a few thousand Reuters-21578 stories (turned into a
# partitioned JSONL corpus at test time, from ../shared/eval) with a Dask bag piped through `newsparse parse
# --input-format jsonl` (scale/dask_parse.py), on a LocalCluster of 1 and then 2 worker processes, then again with 2
# workers while one worker is SIGKILLed mid-partition. Checks that every input id comes out exactly once, that a
# partition was really run again, and that each run's output equals one newsparse process over the whole corpus.
# Prints the seconds of each run. Exit 0: passed; 77: skipped (no ../shared/eval); anything else: failed.
# Installs Debian's python3-dask and python3-distributed when they are missing (needs root, as in CI).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
eval_dir="$root/../shared/eval"
articles="${DASK_TEST_ARTICLES:-8000}"
per_partition="${DASK_TEST_PER_PARTITION:-1000}"
py=/usr/bin/python3 # Debian's packages are for the system Python, whatever python3 comes first on PATH

if ! ls "$eval_dir"/reuters21578/reut2-*.sgm >/dev/null 2>&1; then
  echo "SKIPPED: $eval_dir/reuters21578 is absent; the Dask test needs the Reuters-21578 stories beside the clone"
  exit 77
fi

if ! "$py" -c 'import dask.bag, distributed' 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "python3-dask and python3-distributed are missing; as root: apt-get install python3-dask python3-distributed" >&2
    exit 1
  fi
  echo "installing Debian's python3-dask and python3-distributed"
  export DEBIAN_FRONTEND=noninteractive
  for try in 1 2; do
    if apt-get update -qq && apt-get install -y -qq python3-dask python3-distributed >/dev/null; then break; fi
    [ "$try" -eq 2 ] && { echo "apt-get could not install python3-dask" >&2; exit 1; }
    sleep 30
  done
fi
"$py" -c 'import dask, distributed; print("dask", dask.__version__, "distributed", distributed.__version__)'

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/NewsParsing.Cli" -c Release -f net10.0 -o "$work/tool" --nologo -v q -clp:ErrorsOnly
tool="$work/tool/newsparse parse --input-format jsonl --parallel 1"

"$py" "$root/scale/reuters_to_jsonl.py" "$eval_dir"/reuters21578*/reut2-*.sgm --limit "$articles" \
  --per-partition "$per_partition" --out "$work/corpus"

start=$EPOCHREALTIME
cat "$work"/corpus/part-*.jsonl | $tool > "$work/single.jsonl"
single=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')

run() { # name workers [extra args]: runs dask_parse.py, keeps its summary line in $work/NAME.json
  local name="$1" workers="$2"
  shift 2
  "$py" "$root/scale/dask_parse.py" "$work/corpus/part-*.jsonl" "$work/$name" --workers "$workers" \
    --command "$tool" "$@" > "$work/$name.json" 2> "$work/$name.err" || { cat "$work/$name.err" >&2; return 1; }
  echo "$name: $(cat "$work/$name.json")"
}
run one 1
run two 2
run killed 2 --kill-worker-after 1

"$py" - "$work" "$single" <<'PY'
import glob, json, os, sys
work, single_seconds = sys.argv[1], float(sys.argv[2])
ids_in = [json.loads(line)["id"] for path in sorted(glob.glob(os.path.join(work, "corpus", "part-*.jsonl"))) for line in open(path, encoding="utf-8")]
single = open(os.path.join(work, "single.jsonl"), "rb").read()
problems = []
for name in ("one", "two", "killed"):
    summary = json.load(open(os.path.join(work, name + ".json")))
    out = b"".join(open(p, "rb").read() for p in sorted(glob.glob(os.path.join(work, name, "part-*.jsonl"))))
    ids_out = [json.loads(line)["id"] for line in out.decode("utf-8").splitlines()]
    missing = len(set(ids_in) - set(ids_out))
    duplicated = len(ids_out) - len(set(ids_out))
    print("%-6s articles in %d, out %d, ids missing %d, duplicated %d, error records %d, partitions %d, attempts %d, %.1f s"
          % (name, len(ids_in), len(ids_out), missing, duplicated, summary["error_records"], summary["partitions"],
             summary.get("attempts_started", summary["partitions"]), summary["seconds"]))
    if missing or duplicated or len(ids_out) != len(ids_in):
        problems.append("%s: %d ids missing, %d duplicated" % (name, missing, duplicated))
    if out != single:
        problems.append("%s: the output differs from the single-process run" % name)
    if summary["error_records"]:
        problems.append("%s: %d error records" % (name, summary["error_records"]))
killed = json.load(open(os.path.join(work, "killed.json")))
if "killed_worker_pid" not in killed:
    problems.append("killed: no worker was killed")
elif killed["attempts_started"] <= killed["partitions"]:
    problems.append("killed: no partition ran twice, so the kill did not hit a running partition")
one = json.load(open(os.path.join(work, "one.json")))["seconds"]
two = json.load(open(os.path.join(work, "two.json")))["seconds"]
print("dask figures: %d articles; one newsparse process %.1f s; Dask 1 worker %.1f s, 2 workers %.1f s, "
      "2 workers with one killed %.1f s (partitions run: %d for %d)"
      % (len(ids_in), single_seconds, one, two, killed["seconds"], killed["attempts_started"], killed["partitions"]))
for p in problems:
    print("FAILED: " + p)
sys.exit(1 if problems else 0)
PY
