#!/usr/bin/python3
"""Turns Reuters-21578 SGML files into a partitioned JSON Lines corpus for `newsparse parse --input-format jsonl`.

Each story with a <DATELINE>, <BODY>, <TITLE> and <DATE> becomes one line {"id","text","published"}: the text is
"TITLE\\n[AUTHOR\\n]DATELINE BODY", as the tests' ReutersCorpus reads it. The lines are cut into files of
--per-partition lines (part-00000.jsonl, part-00001.jsonl, ...), the shape a Dask bag, a Hadoop Streaming job or
Spark's textFile reads. Run at test time only: the corpus is research-use text and never goes into the repository.

    /usr/bin/python3 scale/reuters_to_jsonl.py ../shared/eval/reuters21578*/reut2-*.sgm --limit 4000 --out /tmp/corpus
"""
import argparse
import datetime
import html
import json
import os
import re
import sys

_STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_NUMERIC_ENTITY = re.compile(r"&#\d{1,3};")  # control characters (&#3; and the like) are dropped


def _tag(block, name):
    m = re.search("<" + name + ">(.*?)</" + name + ">", block, re.S)
    return None if m is None else m.group(1)


def _decode(s):
    return html.unescape(_NUMERIC_ENTITY.sub("", s))


def stories(paths):
    """Yields (id, text, published) for every story that has a title, a date, a dateline and a body."""
    for path in paths:
        with open(path, encoding="latin-1") as f:
            sgml = f.read()
        for m in _STORY.finditer(sgml):
            block = m.group(2)
            title, date, dateline, body = (_tag(block, t) for t in ("TITLE", "DATE", "DATELINE", "BODY"))
            if None in (title, date, dateline, body):
                continue
            author = _tag(block, "AUTHOR")
            day = datetime.datetime.strptime(date.strip().split(" ")[0], "%d-%b-%Y").date()
            text = _decode(title) + "\n" + ("" if author is None else _decode(author) + "\n") + _decode(dateline) + _decode(body)
            yield "reuters-" + m.group(1), text, day.isoformat()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sgml", nargs="+", help="reut2-*.sgm files")
    ap.add_argument("--out", required=True, help="folder for part-NNNNN.jsonl (created)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many stories (0: all)")
    ap.add_argument("--per-partition", type=int, default=250, help="lines per partition file")
    args = ap.parse_args(argv)

    os.makedirs(args.out, exist_ok=True)
    count, part, out = 0, 0, None
    for story_id, text, published in stories(sorted(args.sgml, key=os.path.basename)):
        if args.limit and count >= args.limit:
            break
        if count % args.per_partition == 0:
            if out is not None:
                out.close()
            out = open(os.path.join(args.out, "part-%05d.jsonl" % part), "w", encoding="utf-8", newline="\n")
            part += 1
        out.write(json.dumps({"id": story_id, "text": text, "published": published}, ensure_ascii=False) + "\n")
        count += 1
    if out is not None:
        out.close()
    print("%d articles in %d partitions under %s" % (count, part, args.out), file=sys.stderr)
    return 0 if count else 1


if __name__ == "__main__":
    sys.exit(main())
