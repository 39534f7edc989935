#!/usr/bin/python3
"""Parses a partitioned JSON Lines corpus on a Dask cluster, piping each partition through `newsparse`.

Every partition of a Dask bag (one input file each, `part-*.jsonl`) goes through one
`newsparse parse --input-format jsonl` process on a worker, with the same stdin/stdout contract as a Hadoop
Streaming mapper or Spark's RDD.pipe: one JSON line out per line in, in order, "id" first. The parsed partitions are
written as part-NNNNN.jsonl beside each other, so their concatenation in name order is what one `newsparse` process
would have printed for the concatenated input.

On one machine it starts a LocalCluster of worker processes (--workers); on a real cluster give the scheduler's
address (--scheduler tcp://host:8786), paths every worker can read and write (a shared folder, or hdfs://, s3://
with the matching fsspec package), and a `newsparse` on every worker's PATH. A worker that dies mid-run loses only
its running partitions: the scheduler runs them again on another worker and each rewrites its whole output file.

    /usr/bin/python3 scale/dask_parse.py 'corpus/part-*.jsonl' parsed/ --workers 2

Prints one JSON summary line (articles in and out, error records, partitions, attempts, seconds) on stdout.
"""
import argparse
import json
import os
import shlex
import signal
import subprocess
import sys
import threading
import time
import uuid

DEFAULT_COMMAND = "newsparse parse --input-format jsonl --parallel 1"


def _die_with_parent():
    """Linux: the newsparse child gets SIGKILL when its worker dies, instead of running on as an orphan."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def pipe_partition(lines, command, attempts_log):
    """Runs on a worker: feeds one partition's lines to `command` and returns its output lines (no line ends).

    Exit code 1 means some lines gave error records ({"id","line","error"}): those are data and are kept. Any other
    failure, or a line count that differs from the input's, fails the task (and Dask retries it elsewhere).
    """
    lines = [line if line.endswith("\n") else line + "\n" for line in lines if line.strip()]
    token = uuid.uuid4().hex
    _log(attempts_log, "start", token, len(lines))
    proc = subprocess.run(
        shlex.split(command),
        input="".join(lines).encode("utf-8"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        check=False,
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError("%s exited with %d: %s" % (command, proc.returncode, proc.stderr.decode("utf-8", "replace")[-2000:]))
    out = proc.stdout.decode("utf-8").splitlines()
    if len(out) != len(lines):
        raise RuntimeError("%s printed %d lines for %d input lines" % (command, len(out), len(lines)))
    _log(attempts_log, "end", token, len(out))
    return out


def _log(path, what, token, count):
    if path:
        # One short O_APPEND write per event: lines from concurrent workers do not interleave.
        with open(path, "a", encoding="utf-8") as f:
            f.write("%s %s %d %d %.3f\n" % (what, token, os.getpid(), count, time.time()))


def _read_attempts(path):
    started, ended = {}, set()
    try:
        with open(path, encoding="utf-8") as f:
            for row in f:
                parts = row.split()
                if len(parts) == 5 and parts[0] == "start":
                    started[parts[1]] = int(parts[2])
                elif len(parts) == 5 and parts[0] == "end":
                    ended.add(parts[1])
    except FileNotFoundError:
        pass
    return started, ended


def _kill_one_worker(client, attempts_log, after_partitions, report):
    """Test hook: once `after_partitions` partitions are done, SIGKILLs a worker process while it parses one."""
    worker_pids = set(client.run(os.getpid).values())
    while not report.get("done"):
        started, ended = _read_attempts(attempts_log)
        running = [pid for token, pid in started.items() if token not in ended and pid in worker_pids]
        if len(ended) >= after_partitions and running:
            pid = running[0]
            time.sleep(0.5)  # let it get well into the partition
            os.kill(pid, signal.SIGKILL)
            report["killed_worker_pid"] = pid
            report["killed_at_partitions_done"] = len(ended)
            print("dask_parse: killed worker process %d while it parsed a partition" % pid, file=sys.stderr, flush=True)
            return
        time.sleep(0.05)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="input partitions: a glob such as 'corpus/part-*.jsonl' (one partition per file)")
    ap.add_argument("output", help="folder for the parsed part-NNNNN.jsonl files")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786); default: a LocalCluster")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    ap.add_argument("--command", default=DEFAULT_COMMAND, help="the mapper command (default: %(default)s)")
    ap.add_argument("--attempts-log", help="append a line per partition attempt (start/end, worker pid) to this file")
    ap.add_argument("--kill-worker-after", type=int, metavar="N",
                    help="test: SIGKILL one LocalCluster worker while it parses, once N partitions are done")
    args = ap.parse_args(argv)

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    if args.kill_worker_after is not None and args.scheduler:
        ap.error("--kill-worker-after only works on a LocalCluster")
    if args.kill_worker_after is not None and not args.attempts_log:
        args.attempts_log = os.path.join(args.output, "_attempts.log")
    os.makedirs(args.output, exist_ok=True)
    if args.attempts_log and os.path.exists(args.attempts_log):
        os.remove(args.attempts_log)

    started_at = time.perf_counter()
    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        # Worker processes, one thread each: the parallelism is the number of newsparse processes at once.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    report = {"workers": len(client.scheduler_info()["workers"])}
    try:
        bag = db.read_text(args.input, blocksize=None)  # one partition per input file, lines in order
        parsed = bag.map_partitions(pipe_partition, args.command, args.attempts_log)
        killer = None
        if args.kill_worker_after is not None:
            killer = threading.Thread(target=_kill_one_worker, args=(client, args.attempts_log, args.kill_worker_after, report), daemon=True)
            killer.start()
        compute_from = time.perf_counter()
        files = parsed.to_textfiles(os.path.join(args.output, "part-*.jsonl"), name_function=lambda i: "%05d" % i, last_endline=True)
        report["done"] = True
        report["compute_seconds"] = round(time.perf_counter() - compute_from, 2)
        if killer is not None:
            killer.join(timeout=5)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report["seconds"] = round(time.perf_counter() - started_at, 2)
    report.pop("done", None)

    articles_in = sum(1 for path in sorted(bag_files(args.input)) for line in open(path, encoding="utf-8") if line.strip())
    articles_out = errors = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                articles_out += 1
                errors += '"error":' in line[:200] and json.loads(line).get("error") is not None
    report.update(partitions=len(files), articles_in=articles_in, articles_out=articles_out, error_records=errors)
    if args.attempts_log:
        started, ended = _read_attempts(args.attempts_log)
        report.update(attempts_started=len(started), attempts_finished=len(ended))
    print(json.dumps(report, sort_keys=True))
    return 0 if articles_in == articles_out else 1


def bag_files(pattern):
    import glob

    return glob.glob(pattern)


if __name__ == "__main__":
    sys.exit(main())
