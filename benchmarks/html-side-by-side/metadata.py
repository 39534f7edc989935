"""Metadata side by side (benchmarks/html-metadata.sh): headline, authors and publication date of NewsParsing,
SmartReader and @mozilla/readability against the gold of fundus (development pages, shown page by page) and of the
trafilatura and htmldate pages present (held out: per-field counts only, unless HELDOUT_PAGES=1).

  metadata.py files EVAL_DIR trafilatura|htmldate URLS_TSV   lists the group's pages present, writes "id<TAB>url" lines
  metadata.py score EVAL_DIR OUT FUNDUS_DIR                   prints the tables
"""
import glob
import json
import os
import re
import sys
from datetime import datetime, timezone

NAMES = [("SmartReader 0.11.1", "smartreader"), ("@mozilla/readability 0.6.0 (+ jsdom)", "readability"), ("NewsParsing", "newsparsing")]


def page_id(path):
    name = os.path.basename(path)
    name = name[:-3] if name.endswith(".gz") else name
    return name[:-5] if name.endswith(".html") else name


def gold_of(eval_dir, group):
    """id -> (path, url, gold dict with title/author/date where known) for the pages present."""
    folder = os.path.join(eval_dir, group)
    found = {}
    if group == "trafilatura":
        sources = [os.path.join(folder, "evaldata.json")]
    else:
        sources = [os.path.join(folder, "eval_default.json"), os.path.join(folder, "eval_mediacloud_2020.json")]
    for source in sources:
        if not os.path.exists(source):
            continue
        # htmldate's files come from Python and write missing values as NaN
        data = json.loads(re.sub(r":\s*NaN", ": null", open(source, encoding="utf-8").read()))
        for url, entry in data.items():
            if not isinstance(entry, dict) or not entry.get("file"):
                continue
            path = os.path.join(folder, "html", entry["file"])
            if os.path.exists(path):
                gold = {k: entry.get(k) for k in ("title", "author", "date") if isinstance(entry.get(k), str) and entry.get(k).strip()}
                found[page_id(path)] = (path, url, gold)
    return found


def norm(s):
    return " ".join((s or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def instant(s):
    if not s:
        return None
    try:
        t = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).timestamp()


def load(path):
    if not os.path.exists(path):
        return {}
    return {r["id"]: r for r in (json.loads(l) for l in open(path, encoding="utf-8") if l.strip())}


def english(path):
    head = open(path, "rb").read(4096) if not path.endswith(".gz") else b""
    if path.endswith(".gz"):
        import gzip
        head = gzip.open(path).read(4096)
    m = re.search(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z-]+)", head, re.I)
    return bool(m) and m.group(1).lower().startswith(b"en")


def fundus(out, fundus_dir):
    gold_pages = {}
    for meta in sorted(glob.glob(os.path.join(fundus_dir, "**", "*.json"), recursive=True)):
        publisher = os.path.splitext(os.path.basename(meta))[0]
        files = sorted(glob.glob(os.path.join(os.path.dirname(meta), publisher + "_*.html.gz")))
        entries = list(json.load(open(meta, encoding="utf-8")).values())
        for entry, f in zip(entries, files):
            gold_pages[page_id(f)] = entry
    if not gold_pages:
        return
    print(f"Metadata on {len(gold_pages)} fundus pages (development; title exact after white space; every gold author found, "
          "an agency counting for its name; publication instant equal, and in the same minute)\n")
    print("| extractor | headline | authors | date | date to the minute |")
    print("|---|---|---|---|---|")
    rows = {}
    for label, key in NAMES:
        records = load(os.path.join(out, f"fundus-{key}.jsonl"))
        counts = [0, 0, 0]
        minutes = 0
        for pid, gold in gold_pages.items():
            r = records.get(pid, {})
            ours = [a.lower() for a in (r.get("authors") or [])] + [a.lower() for a in (r.get("agency") or [])]
            gold_authors = [a.lower() for a in gold.get("authors", [])]
            ok = (norm(r.get("headline")) == norm(gold.get("title")) and bool(gold.get("title")),
                  all(any(g == o or g in o.split(", ") for o in ours) for g in gold_authors),
                  instant(r.get("published")) is not None and instant(r.get("published")) == instant(gold.get("publishing_date")))
            for i in range(3):
                counts[i] += ok[i]
            ours_t, gold_t = instant(r.get("published")), instant(gold.get("publishing_date"))
            minutes += ours_t is not None and gold_t is not None and int(ours_t // 60) == int(gold_t // 60)
            rows.setdefault(pid, {})[key] = (ok, r)
        n = len(gold_pages)
        print(f"| {label} | {counts[0]}/{n} | {counts[1]}/{n} | {counts[2]}/{n} | {minutes}/{n} |")
    print("\nNewsParsing per page (headline authors date):")
    for pid, gold in gold_pages.items():
        ok, r = rows[pid]["newsparsing"]
        print(f"  {pid:40} " + " ".join("ok" if x else "--" for x in ok))
        if os.environ.get("FUNDUS_MISSES") and not all(ok):
            print(f"      gold: {gold.get('title')!r} {gold.get('authors')} {gold.get('publishing_date')}")
            print(f"      ours: {r.get('headline')!r} {r.get('authors')} {r.get('agency')} {r.get('published')}")


def heldout(eval_dir, out):
    """Per-field counts on pages of publishers not used in development."""
    show = bool(os.environ.get("HELDOUT_PAGES"))
    print("\nHeld out (publishers not used in development): right / pages with that gold field; title exact after white "
          "space and quotes; every gold author (split at ';', ',', ' and ', ' und ') found, case-insensitive, in the "
          "authors (and agency) reported; date: the gold day is the reported publication time's own date\n")
    print("| pages | extractor | headline | authors | date |")
    print("|---|---|---|---|---|")
    for group in ("trafilatura", "htmldate"):
        pages = gold_of(eval_dir, group)
        if not pages:
            continue
        langs = {pid: english(path) for pid, (path, _, _) in pages.items()}
        for subset, ids in ((f"{group}, all ({len(pages)})", list(pages)), (f"{group}, lang=en ({sum(langs.values())})", [p for p in pages if langs[p]])):
            for label, key in NAMES:
                records = load(os.path.join(out, f"{group}-{key}.jsonl"))
                right, total = {"title": 0, "author": 0, "date": 0}, {"title": 0, "author": 0, "date": 0}
                for pid in ids:
                    gold = pages[pid][2]
                    r = records.get(pid, {})
                    reported = "; ".join((r.get("authors") or []) + (r.get("agency") or [])).lower()
                    checks = {}
                    if "title" in gold:
                        checks["title"] = norm(r.get("headline")) == norm(gold["title"])
                    if "author" in gold:
                        names = [n.strip().lower() for n in re.split(r";|,| and | und ", gold["author"]) if n.strip()]
                        checks["author"] = bool(names) and all(n in reported for n in names)
                    if "date" in gold:
                        checks["date"] = (r.get("published") or "")[:10] == gold["date"]
                    for field, ok in checks.items():
                        total[field] += 1
                        right[field] += ok
                    if show and key == "newsparsing" and subset.endswith(f"({len(pages)})"):
                        print(f"  {group}/{pid}: " + " ".join(f"{f} {'ok' if ok else '--'}" for f, ok in checks.items()), file=sys.stderr)
                cells = " | ".join(f"{right[f]}/{total[f]}" if total[f] else "-" for f in ("title", "author", "date"))
                print(f"| {subset} | {label} | {cells} |")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "files":
        eval_dir, group, urls = sys.argv[2], sys.argv[3], sys.argv[4]
        with open(urls, "w", encoding="utf-8") as f:
            for pid, (path, url, _) in sorted(gold_of(eval_dir, group).items()):
                f.write(f"{pid}\t{url}\n")
                print(path)
    elif command == "score":
        eval_dir, out, fundus_dir = sys.argv[2], sys.argv[3], sys.argv[4]
        fundus(out, fundus_dir)
        heldout(eval_dir, out)
