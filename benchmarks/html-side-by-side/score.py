"""Scores the side-by-side run: body tokens on the article-extraction benchmark (metadata: metadata.py)."""
import json
import os
import sys
from collections import Counter

truth_path, out, page_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
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

