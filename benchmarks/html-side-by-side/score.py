"""Scores the side-by-side run: body tokens on the article-extraction benchmark, metadata fields on fundus pages."""
import glob
import json
import os
import sys
from collections import Counter
from datetime import datetime, timezone

truth_path, out, fundus_dir, page_count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
truth = json.load(open(truth_path, encoding="utf-8"))
names = [("SmartReader 0.11.1", "smartreader"), ("@mozilla/readability 0.6.0 (+ jsdom)", "readability"), ("NewsParsing", "newsparsing")]


def load(path):
    return {r["id"]: r for r in (json.loads(l) for l in open(path, encoding="utf-8") if l.strip())}


def prf(predicted, gold):
    p, g = Counter(predicted.split()), Counter(gold.split())
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


print(f"Body on the article-extraction benchmark ({page_count} pages; per-page token P/R/F1, averaged)\n")
print("| extractor | P / R / F1 | pages below F1 0.5 | pages/s (whole process) |")
print("|---|---|---|---|")
per_page = {}
for label, key in names:
    records = load(os.path.join(out, key + ".jsonl"))
    t0, t1 = map(float, open(os.path.join(out, key + ".time")).read().split())
    scores = []
    for page_id, record in records.items():
        gold = truth.get(page_id, {}).get("articleBody") or ""
        scores.append(prf(record.get("text") or "", gold))
        per_page.setdefault(page_id, {})[key] = scores[-1][2]
    n = len(scores)
    p, r, f = (sum(s[i] for s in scores) / n for i in range(3))
    low = sum(1 for s in scores if s[2] < 0.5)
    print(f"| {label} | {p:.3f} / {r:.3f} / {f:.3f} | {low} | {n / (t1 - t0):.1f} |")

low_ours = sorted((v["newsparsing"], k) for k, v in per_page.items() if v.get("newsparsing", 1) < 0.5)
if low_ours:
    print("\nNewsParsing pages below 0.5 (F1 ours / SmartReader / readability):")
    for f, k in low_ours:
        v = per_page[k]
        print(f"  {k[:16]}  {f:.2f} / {v.get('smartreader', 0):.2f} / {v.get('readability', 0):.2f}  {truth[k].get('url', '')}")


def norm(s):
    return " ".join((s or "").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def instant(s):
    if not s:
        return None
    try:
        t = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).timestamp()


gold_pages = {}
for meta in sorted(glob.glob(os.path.join(fundus_dir, "**", "*.json"), recursive=True)):
    publisher = os.path.splitext(os.path.basename(meta))[0]
    files = sorted(glob.glob(os.path.join(os.path.dirname(meta), publisher + "_*.html.gz")))
    entries = list(json.load(open(meta, encoding="utf-8")).values())
    for entry, f in zip(entries, files):
        gold_pages[os.path.basename(f)[: -len(".html.gz")]] = entry

if gold_pages:
    print(f"\nMetadata on {len(gold_pages)} fundus pages (title exact after white space; every gold author found, an agency "
          "counting for its name; publication instant equal)\n")
    print("| extractor | headline | authors | date |")
    print("|---|---|---|---|")
    rows = {}
    for label, key in names:
        records = load(os.path.join(out, f"fundus-{key}.jsonl"))
        counts = [0, 0, 0]
        for page_id, gold in gold_pages.items():
            r = records.get(page_id, {})
            ours = [a.lower() for a in (r.get("authors") or [])] + [a.lower() for a in (r.get("agency") or [])]
            gold_authors = [a.lower() for a in gold.get("authors", [])]
            ok = (norm(r.get("headline")) == norm(gold.get("title")) and bool(gold.get("title")),
                  all(any(g == o or g in o.split(", ") for o in ours) for g in gold_authors),
                  instant(r.get("published")) is not None and instant(r.get("published")) == instant(gold.get("publishing_date")))
            for i in range(3):
                counts[i] += ok[i]
            rows.setdefault(page_id, {})[key] = ok
        print(f"| {label} | {counts[0]}/{len(gold_pages)} | {counts[1]}/{len(gold_pages)} | {counts[2]}/{len(gold_pages)} |")
    print("\nNewsParsing per page (headline authors date):")
    for page_id in gold_pages:
        ok = rows[page_id]["newsparsing"]
        print(f"  {page_id:40} " + " ".join("ok" if x else "--" for x in ok))
